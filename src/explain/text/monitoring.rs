//! The sentences of the re-check, dynamic-check and warning rules (MON), `rules-
//! spec/rules/monitoring.md`: one function per rule, in Chinese and English.
//!
//! Uses only the sentence mechanism of `super` (and its shared code names and phrases in
//! `super::common`), the finding's verdict and the rule IDs.

use std::fmt::{self, Write as _};

use super::common::{source_en, source_zh, zh_item};
use super::{Facts, Lang, Lazy, Piece, Spaced, put};

/// MON-CONTINUE: continue.
pub(super) fn mon_continue(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => put!(
            w,
            "仍符合",
            zh_item(x.code("programme")),
            "条件，金额不变，继续按月 ",
            x.s("amount"),
            " 元保障"
        ),
        Lang::En => put!(
            w,
            "still eligible for ",
            Spaced(x.code("programme")),
            " at the same amount: continue at ",
            x.s("amount"),
            " a month"
        ),
    }
}

/// MON-ADJUST: adjust the amount.
pub(super) fn mon_adjust(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => put!(
            w,
            "仍符合",
            zh_item(x.code("programme")),
            "条件，补助由月 ",
            x.s("current_amount"),
            " 元调整为 ",
            x.s("new_amount"),
            " 元（差额 ",
            x.s("difference"),
            " 元）",
            before_effect(x, lang)
        ),
        Lang::En => put!(
            w,
            "still eligible for ",
            Spaced(x.code("programme")),
            ": adjust from ",
            x.s("current_amount"),
            " to ",
            x.s("new_amount"),
            " a month (difference ",
            x.s("difference"),
            ")",
            before_effect(x, lang)
        ),
    }
}

/// The steps before a reduction, gradual exit or termination takes effect (S0 Art. 48), when the
/// finding carries them.
fn before_effect<'a>(x: &'a Facts<'a>, lang: Lang) -> impl Piece + 'a {
    Lazy(move |o: &mut fmt::Formatter<'_>| {
        if x.code("before_effect") != "hear_recipient_written_notice" {
            return Ok(());
        }
        o.write_str(match lang {
            Lang::Zh => "；生效前须听取本人意见，并书面告知决定及理由（社会救助法第四十八条）",
            Lang::En => {
                "; before it takes effect: hear the recipient, then give written notice with the reasons (S0 Art. 48)"
            }
        })
    })
}

/// MON-EXIT: gradual exit.
pub(super) fn mon_exit(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if pass {
                put!(
                    w,
                    "因务工收入增加，人均收入超过标准（不计劳动收入人均 ",
                    x.s("income_without_work_per_head"),
                    " 元低于标准 ",
                    x.s("standard"),
                    " 元），给予 ",
                    x.s("months"),
                    " 个月渐退期，按月 ",
                    x.s("amount"),
                    " 元发放至 ",
                    month(x.s("exit_end_month")),
                    before_effect(x, lang)
                )
            } else {
                w.write_str("收入超过标准并非仅因劳动收入增加，不适用渐退")
            }
        }
        Lang::En => {
            if pass {
                put!(
                    w,
                    "income per head rose above the standard through work (without work income ",
                    x.s("income_without_work_per_head"),
                    " per head, below the standard ",
                    x.s("standard"),
                    "): gradual exit for ",
                    x.s("months"),
                    " months at ",
                    x.s("amount"),
                    " a month, last month ",
                    month(x.s("exit_end_month")),
                    before_effect(x, lang)
                )
            } else {
                w.write_str("income is above the standard not only through work: no gradual exit")
            }
        }
    }
}

/// MON-TERMINATE: terminate.
pub(super) fn mon_terminate(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => put!(
            w,
            "不再符合",
            zh_item(x.code("programme")),
            "条件（",
            x.s("failed_rule"),
            "），建议停止保障",
            before_effect(x, lang)
        ),
        Lang::En => put!(
            w,
            "no longer eligible for ",
            Spaced(x.code("programme")),
            " (",
            x.s("failed_rule"),
            "): terminate",
            before_effect(x, lang)
        ),
    }
}

/// MON-ENROL: enrol a missed household.
pub(super) fn mon_enrol(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh if x.has("from_programme") => put!(
            w,
            "不再符合",
            zh_item(x.code("from_programme")),
            "条件，但符合",
            zh_item(x.code("programme")),
            "条件，应转入并协助办理",
            Lazy(
                |o: &mut fmt::Formatter<'_>| if x.figure("amount").is_some() {
                    write!(o, "（预计月补助 {} 元）", x.s("amount"))
                } else {
                    Ok(())
                }
            )
        ),
        Lang::En if x.has("from_programme") => put!(
            w,
            "no longer eligible for ",
            Spaced(x.code("from_programme")),
            " but eligible for ",
            Spaced(x.code("programme")),
            ": move the household and help it apply",
            Lazy(
                |o: &mut fmt::Formatter<'_>| if x.figure("amount").is_some() {
                    write!(o, " (about {} a month)", x.s("amount"))
                } else {
                    Ok(())
                }
            )
        ),
        Lang::Zh => put!(
            w,
            "符合",
            zh_item(x.code("programme")),
            "条件但未纳入，应告知并协助申请",
            Lazy(
                |o: &mut fmt::Formatter<'_>| if x.figure("amount").is_some() {
                    write!(o, "（预计月补助 {} 元）", x.s("amount"))
                } else {
                    Ok(())
                }
            )
        ),
        Lang::En => put!(
            w,
            "eligible for ",
            Spaced(x.code("programme")),
            " but not enrolled: tell the household and help it apply",
            Lazy(
                |o: &mut fmt::Formatter<'_>| if x.figure("amount").is_some() {
                    write!(o, " (about {} a month)", x.s("amount"))
                } else {
                    Ok(())
                }
            )
        ),
    }
}

/// MON-REVIEW: next review date.
pub(super) fn mon_review(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => put!(
            w,
            zh_item(x.code("basis")),
            "，每 ",
            x.s("months"),
            " 个月复核一次，下次复核 ",
            x.s("next_review")
        ),
        Lang::En => put!(
            w,
            match x.code("basis") {
                "unstable" => "members able to work and earning",
                "special_hardship" => "special hardship support",
                _ => "a situation that changes little",
            },
            ": reviewed every ",
            x.s("months"),
            " months, next review ",
            x.s("next_review")
        ),
    }
}

/// MON-RED-MISSED: red: eligible but not enrolled.
pub(super) fn mon_red_missed(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if pass {
                w.write_str("无符合条件未纳入的情形")
            } else {
                put!(
                    w,
                    "红色预警：符合",
                    zh_item(x.code("programme")),
                    "条件但未纳入保障"
                )
            }
        }
        Lang::En => {
            if pass {
                w.write_str("no programme missed")
            } else {
                put!(
                    w,
                    "red: eligible for ",
                    Spaced(x.code("programme")),
                    " but not enrolled"
                )
            }
        }
    }
}

/// MON-RED-SUDDEN: red: sudden difficulty without assistance.
pub(super) fn mon_red_sudden(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    let src_zh = &source_zh(x);
    let src_en = &source_en(x);
    match lang {
        Lang::Zh => {
            let what = Lazy(|o: &mut fmt::Formatter<'_>| {
                if x.code("trigger") == "monitoring_record" {
                    put!(o, src_zh, "显示突发严重困难")
                } else {
                    put!(
                        o,
                        x.s("record_date"),
                        " 发生突发事件（",
                        zh_event(x.code("trigger")),
                        "）"
                    )
                }
            });
            if pass {
                put!(w, what, "，家庭已获或可获救助")
            } else {
                put!(w, "红色预警：", what, "，家庭未获任何救助")
            }
        }
        Lang::En => {
            let what = Lazy(|o: &mut fmt::Formatter<'_>| {
                if x.code("trigger") == "monitoring_record" {
                    put!(o, src_en, " shows sudden severe difficulty")
                } else {
                    put!(
                        o,
                        "a ",
                        Spaced(x.code("trigger")),
                        " on ",
                        x.s("record_date")
                    )
                }
            });
            if pass {
                put!(w, what, ", and the household is or can be assisted")
            } else {
                put!(
                    w,
                    "red: ",
                    what,
                    ", and the household receives no assistance"
                )
            }
        }
    }
}

/// MON-ORANGE-DECISIVE: orange: decisive discrepancy.
pub(super) fn mon_orange_decisive(
    x: &Facts<'_>,
    lang: Lang,
    w: &mut dyn fmt::Write,
) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if pass {
                w.write_str("核对未发现决定性差异")
            } else {
                put!(
                    w,
                    "橙色预警：核对发现 ",
                    x.s("discrepancies"),
                    " 项决定性差异"
                )
            }
        }
        Lang::En => {
            if pass {
                w.write_str("no decisive discrepancy")
            } else {
                put!(
                    w,
                    "orange: ",
                    x.s("discrepancies"),
                    " decisive discrepancies"
                )
            }
        }
    }
}

/// MON-YELLOW-MATERIAL: yellow: material discrepancy.
pub(super) fn mon_yellow_material(
    x: &Facts<'_>,
    lang: Lang,
    w: &mut dyn fmt::Write,
) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if pass {
                w.write_str("核对未发现影响金额的差异")
            } else {
                put!(
                    w,
                    "黄色预警：核对发现 ",
                    x.s("discrepancies"),
                    " 项影响补助金额的差异"
                )
            }
        }
        Lang::En => {
            if pass {
                w.write_str("no material discrepancy")
            } else {
                put!(
                    w,
                    "yellow: ",
                    x.s("discrepancies"),
                    " material discrepancies"
                )
            }
        }
    }
}

/// MON-BLUE-MINOR: blue: minor discrepancies only.
pub(super) fn mon_blue_minor(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if pass {
                w.write_str("不属于仅有轻微差异的情形")
            } else {
                put!(w, "蓝色预警：仅有 ", x.s("discrepancies"), " 项轻微差异")
            }
        }
        Lang::En => {
            if pass {
                w.write_str("not a case of minor discrepancies only")
            } else {
                put!(
                    w,
                    "blue: ",
                    x.s("discrepancies"),
                    " minor discrepancies only"
                )
            }
        }
    }
}

/// MON-YELLOW-NEAR: yellow: income near a threshold.
pub(super) fn mon_yellow_near(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if pass {
                put!(
                    w,
                    "人均收入 ",
                    x.s("per_capita_income"),
                    " 元不在任何标准的 ",
                    x.s("share"),
                    " 范围内"
                )
            } else {
                put!(
                    w,
                    "黄色预警：人均收入 ",
                    x.s("per_capita_income"),
                    " 元距",
                    zh_item(x.code("threshold_name")),
                    " ",
                    x.s("threshold"),
                    " 元仅 ",
                    x.dist(),
                    " 元（",
                    x.s("share"),
                    " 以内）"
                )
            }
        }
        Lang::En => {
            if pass {
                put!(
                    w,
                    "income per head ",
                    x.s("per_capita_income"),
                    " is not within ",
                    x.s("share"),
                    " of any threshold"
                )
            } else {
                put!(
                    w,
                    "yellow: income per head ",
                    x.s("per_capita_income"),
                    " is ",
                    x.dist(),
                    " from the ",
                    Spaced(x.code("threshold_name")),
                    " ",
                    x.s("threshold"),
                    " (within ",
                    x.s("share"),
                    ")"
                )
            }
        }
    }
}

/// MON-YELLOW-OVERDUE: yellow: review overdue.
pub(super) fn mon_yellow_overdue(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if pass {
                put!(
                    w,
                    "上次复核 ",
                    x.s("last_review"),
                    "，应于 ",
                    x.s("due"),
                    " 前复核，未逾期"
                )
            } else {
                put!(
                    w,
                    "黄色预警：上次复核 ",
                    x.s("last_review"),
                    "，按 ",
                    x.s("months"),
                    " 个月周期应于 ",
                    x.s("due"),
                    " 复核，已逾期"
                )
            }
        }
        Lang::En => {
            if pass {
                put!(
                    w,
                    "last review ",
                    x.s("last_review"),
                    ", next due ",
                    x.s("due"),
                    ": not overdue"
                )
            } else {
                put!(
                    w,
                    "yellow: last review ",
                    x.s("last_review"),
                    ", due after ",
                    x.s("months"),
                    " months on ",
                    x.s("due"),
                    ": overdue"
                )
            }
        }
    }
}

/// MON-ORANGE-RELIEF: orange: eligible for relief but not receiving it.
pub(super) fn mon_orange_relief(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if pass {
                w.write_str("无符合临时救助等条件而未获救助的情形")
            } else {
                put!(
                    w,
                    "橙色预警：符合",
                    zh_item(x.code("programme")),
                    "条件但未获救助"
                )
            }
        }
        Lang::En => {
            if pass {
                w.write_str("no relief programme left unclaimed")
            } else {
                put!(
                    w,
                    "orange: eligible for ",
                    Spaced(x.code("programme")),
                    " but not receiving it"
                )
            }
        }
    }
}

fn zh_event(code: &str) -> &str {
    match code {
        "fire" => "火灾",
        "traffic_accident" => "交通事故",
        "sudden_serious_illness" => "突发重大疾病",
        "natural_disaster" => "自然灾害",
        "other" => "其他意外",
        other => other,
    }
}

/// `2027-05-01` shown as `2027-05`: the first seven characters of what `shown` writes.
fn month(shown: impl fmt::Display) -> impl fmt::Display + Piece {
    /// Passes on the first `left` characters written to it.
    struct Take<'a, 'b> {
        out: &'a mut fmt::Formatter<'b>,
        left: usize,
    }
    impl fmt::Write for Take<'_, '_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            let end = s.char_indices().nth(self.left).map_or(s.len(), |(i, _)| i);
            let kept = s.get(..end).unwrap_or_default();
            self.left -= kept.chars().count();
            self.out.write_str(kept)
        }
    }
    Lazy(move |o: &mut fmt::Formatter<'_>| write!(Take { out: o, left: 7 }, "{shown}"))
}
