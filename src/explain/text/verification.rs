//! The sentences of the verification rules (VER): department records against the declaration,
//! `rules-spec/rules/verification.md`: one function per rule, in Chinese and English.
//!
//! Uses only the sentence mechanism of `super` (and its shared code names and phrases in
//! `super::common`), the finding's verdict and the rule IDs.

use std::fmt;

use super::common::{source_en, source_zh, zh, zh_department, zh_item};
use super::{Facts, Lang, Lazy, MISSING, Piece, Spaced, put};
use crate::explain::{FigureValue, RuleId, Verdict};

/// VER-AUTH: authoritative department for each item.
pub(super) fn ver_auth(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    let dep = x.code("department");
    match lang {
        Lang::Zh => {
            if pass {
                put!(w, x.s("records"), " 条核对数据均来自该事项的权威部门")
            } else {
                put!(
                    w,
                    zh_department(dep),
                    "不是",
                    zh_item(x.code("item")),
                    "的权威来源，该记录不作为认定依据"
                )
            }
        }
        Lang::En => {
            if pass {
                put!(
                    w,
                    "all ",
                    x.s("records"),
                    " records come from the department authoritative for their item"
                )
            } else {
                put!(
                    w,
                    Spaced(dep),
                    " is not authoritative for ",
                    Spaced(x.code("item")),
                    ": the record is not used"
                )
            }
        }
    }
}

/// VER-REQ: department data required for the purpose.
pub(super) fn ver_req(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let dep = x.code("department");
    match lang {
        Lang::Zh => match x.verdict() {
            Verdict::Pass => put!(w, "本次核对所需的 ", x.s("required"), " 个部门数据齐全"),
            Verdict::NotApplicable => w.write_str("未提供部门核对数据，结果仅依据申报信息"),
            _ => put!(
                w,
                "缺少",
                zh_department(dep),
                "的核对数据，需补充核对后再作认定"
            ),
        },
        Lang::En => match x.verdict() {
            Verdict::Pass => put!(
                w,
                "data from all ",
                x.s("required"),
                " departments the purpose requires is present"
            ),
            Verdict::NotApplicable => w.write_str(
                "no department data supplied: the result rests on the declaration alone",
            ),
            _ => put!(
                w,
                "no data from ",
                Spaced(dep),
                ": the decision waits for that check"
            ),
        },
    }
}

/// VER-VEHICLE: vehicle registration check.
pub(super) fn ver_vehicle(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    let src_zh = &source_zh(x);
    let src_en = &source_en(x);
    match lang {
        Lang::Zh => {
            let kind = zh(x.code("vehicle_kind"));
            match (pass, x.code("declared")) {
                (true, _) => put!(w, src_zh, "登记的", kind, "与申报一致"),
                (false, "no") => put!(
                    w,
                    src_zh,
                    "登记有",
                    kind,
                    "（价值 ",
                    x.s("verified_value"),
                    " 元），申报中没有"
                ),
                (false, _) => put!(
                    w,
                    src_zh,
                    "登记的",
                    kind,
                    "价值 ",
                    x.s("verified_value"),
                    " 元，申报 ",
                    x.s("declared_value"),
                    " 元"
                ),
            }
        }
        Lang::En => {
            let kind = Spaced(x.code("vehicle_kind"));
            match (pass, x.code("declared")) {
                (true, _) => put!(w, src_en, ": the ", kind, " agrees with the declaration"),
                (false, "no") => put!(
                    w,
                    src_en,
                    ": a ",
                    kind,
                    " (value ",
                    x.s("verified_value"),
                    ") is registered but was not declared"
                ),
                (false, _) => put!(
                    w,
                    src_en,
                    ": the ",
                    kind,
                    " is valued ",
                    x.s("verified_value"),
                    ", declared ",
                    x.s("declared_value")
                ),
            }
        }
    }
}

/// VER-PROPERTY: real-estate registration check.
pub(super) fn ver_property(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    let src_zh = &source_zh(x);
    let src_en = &source_en(x);
    match lang {
        Lang::Zh => {
            let loc = zh_item(x.code("location"));
            match (pass, x.code("declared")) {
                (true, _) => put!(
                    w,
                    src_zh,
                    loc,
                    "住房 ",
                    x.s("verified_area"),
                    " 平方米，与申报一致"
                ),
                (false, "no") => put!(
                    w,
                    src_zh,
                    "登记有",
                    loc,
                    "住房 ",
                    x.s("verified_area"),
                    " 平方米，申报中没有"
                ),
                (false, _) => put!(
                    w,
                    src_zh,
                    loc,
                    "住房登记面积 ",
                    x.s("verified_area"),
                    " 平方米，申报 ",
                    x.s("declared_area"),
                    " 平方米"
                ),
            }
        }
        Lang::En => {
            let loc = Spaced(x.code("location"));
            match (pass, x.code("declared")) {
                (true, _) => put!(
                    w,
                    src_en,
                    ": ",
                    loc,
                    " home of ",
                    x.s("verified_area"),
                    " m² agrees with the declaration"
                ),
                (false, "no") => put!(
                    w,
                    src_en,
                    ": a ",
                    loc,
                    " home of ",
                    x.s("verified_area"),
                    " m² is registered but was not declared"
                ),
                (false, _) => put!(
                    w,
                    src_en,
                    ": ",
                    loc,
                    " home registered at ",
                    x.s("verified_area"),
                    " m², declared ",
                    x.s("declared_area"),
                    " m²"
                ),
            }
        }
    }
}

/// VER-BALANCE, VER-PENSION and VER-MEDICAL: a recorded amount against the declared one.
pub(super) fn ver_balance_pension_medical(
    x: &Facts<'_>,
    lang: Lang,
    w: &mut dyn fmt::Write,
) -> fmt::Result {
    let pass = x.pass();
    let src_zh = &source_zh(x);
    let src_en = &source_en(x);
    match lang {
        Lang::Zh => {
            let what = match x.rule() {
                RuleId::VerBalance => "金融资产",
                RuleId::VerPension => "月养老金",
                RuleId::VerInsurance => "保单现金价值",
                RuleId::VerSecurities => "证券账户资产",
                RuleId::VerPayment => "支付账户余额",
                _ => "医疗费用个人自付",
            };
            if pass {
                put!(w, src_zh, what, " ", x.s("verified"), " 元，与申报一致")
            } else {
                put!(
                    w,
                    src_zh,
                    what,
                    " ",
                    x.s("verified"),
                    " 元，申报 ",
                    x.s("declared"),
                    " 元",
                    match (x.rule(), x.code("applied")) {
                        (RuleId::VerMedical, _) | (_, "yes") => "，按核对数计算",
                        _ => "，核对数较低，保留申报数",
                    }
                )
            }
        }
        Lang::En => {
            let what = match x.rule() {
                RuleId::VerBalance => "financial assets",
                RuleId::VerPension => "monthly pension",
                RuleId::VerInsurance => "insurance cash value",
                RuleId::VerSecurities => "securities account value",
                RuleId::VerPayment => "payment account balance",
                _ => "self-paid medical costs",
            };
            if pass {
                put!(
                    w,
                    src_en,
                    ": ",
                    what,
                    " ",
                    x.s("verified"),
                    " agree with the declaration"
                )
            } else {
                put!(
                    w,
                    src_en,
                    ": ",
                    what,
                    " ",
                    x.s("verified"),
                    ", declared ",
                    x.s("declared"),
                    match (x.rule(), x.code("applied")) {
                        (RuleId::VerMedical, _) | (_, "yes") => "; the recorded figure is used",
                        _ => "; the record is lower, so the declared figure stays",
                    }
                )
            }
        }
    }
}

/// VER-WAGE: wage and contribution base check.
pub(super) fn ver_wage(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    let src_zh = &source_zh(x);
    let src_en = &source_en(x);
    match lang {
        Lang::Zh => {
            let what = if x.code("source") == "contribution_base" {
                "缴费基数"
            } else {
                "月工资"
            };
            if pass {
                put!(w, src_zh, what, " ", x.s("verified"), " 元，与申报工资一致")
            } else {
                put!(
                    w,
                    src_zh,
                    what,
                    " ",
                    x.s("verified"),
                    " 元，申报月工资 ",
                    x.s("declared"),
                    " 元",
                    if x.code("applied") == "yes" {
                        "，按核对数计算工资收入"
                    } else {
                        "，未替代申报数"
                    }
                )
            }
        }
        Lang::En => {
            let what = if x.code("source") == "contribution_base" {
                "contribution base"
            } else {
                "monthly wage"
            };
            if pass {
                put!(
                    w,
                    src_en,
                    ": ",
                    what,
                    " ",
                    x.s("verified"),
                    " agrees with the declared wage"
                )
            } else {
                put!(
                    w,
                    src_en,
                    ": ",
                    what,
                    " ",
                    x.s("verified"),
                    ", declared wage ",
                    x.s("declared"),
                    " a month",
                    if x.code("applied") == "yes" {
                        "; the recorded figure is used"
                    } else {
                        "; the declared figure stays"
                    }
                )
            }
        }
    }
}

/// VER-BUSINESS: business registration check.
pub(super) fn ver_business(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    let src_zh = &source_zh(x);
    let src_en = &source_en(x);
    match lang {
        Lang::Zh => {
            let kind = zh(x.code("business_kind"));
            if pass {
                put!(
                    w,
                    src_zh,
                    kind,
                    "登记（",
                    zh_item(active_word(x.code("verified_active"))),
                    "）与申报一致"
                )
            } else {
                put!(
                    w,
                    src_zh,
                    kind,
                    "登记为",
                    zh_item(active_word(x.code("verified_active"))),
                    "，申报为",
                    match x.code("declared_active") {
                        "none" => "未申报",
                        "yes" => "存续经营",
                        _ => "已停业",
                    }
                )
            }
        }
        Lang::En => {
            let kind = Spaced(x.code("business_kind"));
            if pass {
                put!(
                    w,
                    src_en,
                    ": ",
                    kind,
                    " registration (",
                    active_word(x.code("verified_active")),
                    ") agrees with the declaration"
                )
            } else {
                put!(
                    w,
                    src_en,
                    ": ",
                    kind,
                    " registration is ",
                    active_word(x.code("verified_active")),
                    ", declared ",
                    match x.code("declared_active") {
                        "none" => "not at all",
                        "yes" => "active",
                        _ => "inactive",
                    }
                )
            }
        }
    }
}

/// VER-DISABILITY: disability certificate check.
pub(super) fn ver_disability(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    let _v = x.verdict();
    let src_zh = &source_zh(x);
    let src_en = &source_en(x);
    match lang {
        Lang::Zh => {
            let v = Lazy(|o: &mut fmt::Formatter<'_>| {
                put!(
                    o,
                    zh_item(x.code("verified_kind")),
                    " ",
                    x.s("verified_grade"),
                    " 级"
                )
            });
            if pass {
                put!(w, src_zh, "残疾人证（", v, "）与申报一致")
            } else if x.figure("declared_grade").is_some() {
                put!(
                    w,
                    src_zh,
                    "残疾人证为",
                    v,
                    "，申报为",
                    zh_item(x.code("declared_kind")),
                    " ",
                    x.s("declared_grade"),
                    " 级，按证件认定"
                )
            } else {
                put!(w, src_zh, "持有残疾人证（", v, "），申报中没有，按证件认定")
            }
        }
        Lang::En => {
            let v = Lazy(|o: &mut fmt::Formatter<'_>| {
                put!(
                    o,
                    Spaced(x.code("verified_kind")),
                    " grade ",
                    x.s("verified_grade")
                )
            });
            if pass {
                put!(
                    w,
                    src_en,
                    ": the certificate (",
                    v,
                    ") agrees with the declaration"
                )
            } else if x.figure("declared_grade").is_some() {
                put!(
                    w,
                    src_en,
                    ": the certificate says ",
                    v,
                    ", declared ",
                    Spaced(x.code("declared_kind")),
                    " grade ",
                    x.s("declared_grade"),
                    "; the certificate is used"
                )
            } else {
                put!(
                    w,
                    src_en,
                    ": a certificate (",
                    v,
                    ") exists but was not declared; it is used"
                )
            }
        }
    }
}

/// VER-DEATH: death record check.
pub(super) fn ver_death(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    let src_zh = &source_zh(x);
    let src_en = &source_en(x);
    match lang {
        Lang::Zh => {
            if pass {
                w.write_str("已查询死亡登记，无家庭成员死亡记录")
            } else {
                put!(
                    w,
                    src_zh,
                    "显示该成员已于 ",
                    x.s("date_of_death"),
                    " 死亡，不再计入家庭成员"
                )
            }
        }
        Lang::En => {
            if pass {
                w.write_str("death records were queried: none for any member")
            } else {
                put!(
                    w,
                    src_en,
                    ": the member died on ",
                    x.s("date_of_death"),
                    " and no longer counts"
                )
            }
        }
    }
}

/// VER-PRISON: imprisonment record check.
pub(super) fn ver_prison(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    let src_zh = &source_zh(x);
    let src_en = &source_en(x);
    match lang {
        Lang::Zh => match (pass, x.code("reason")) {
            (true, "no_record") => w.write_str("已查询服刑信息，无家庭成员服刑记录"),
            (true, _) => put!(w, src_zh, "服刑信息与申报一致"),
            (false, _) => put!(
                w,
                src_zh,
                "显示该成员自 ",
                x.s("since"),
                " 起服刑，申报中没有，不计入家庭成员"
            ),
        },
        Lang::En => match (pass, x.code("reason")) {
            (true, "no_record") => {
                w.write_str("imprisonment records were queried: none for any member")
            }
            (true, _) => put!(w, src_en, ": imprisonment agrees with the declaration"),
            (false, _) => put!(
                w,
                src_en,
                ": serving a sentence since ",
                x.s("since"),
                ", not declared; the member no longer counts"
            ),
        },
    }
}

/// VER-SCHOOL: school enrolment check. An enrolment on record that was not declared (no
/// `declared_level`) reads "declared nothing" (申报为 无).
pub(super) fn ver_school(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    let src_zh = &source_zh(x);
    let src_en = &source_en(x);
    match lang {
        Lang::Zh => {
            if pass {
                put!(
                    w,
                    src_zh,
                    "在校信息（",
                    x.s("verified_level"),
                    "）与申报一致"
                )
            } else {
                put!(
                    w,
                    src_zh,
                    "显示在读 ",
                    x.s("verified_level"),
                    "，申报为 ",
                    any_zh(x, "declared_level")
                )
            }
        }
        Lang::En => {
            if pass {
                put!(
                    w,
                    src_en,
                    ": enrolment (",
                    Spaced(x.code("verified_level")),
                    ") agrees with the declaration"
                )
            } else {
                put!(
                    w,
                    src_en,
                    ": enrolled at ",
                    Spaced(x.code("verified_level")),
                    ", declared ",
                    Lazy(
                        |o: &mut fmt::Formatter<'_>| match x.figure("declared_level") {
                            Some(_) => put!(o, any(x, "declared_level")),
                            // an enrolment on record that was not declared, as VER-EFFECT says it
                            None => o.write_str("nothing"),
                        }
                    )
                )
            }
        }
    }
}

/// VER-EFFECT: effect of a discrepancy and field task.
pub(super) fn ver_effect(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    let dep = x.code("department");
    match lang {
        Lang::Zh => {
            let detail = Lazy(|o: &mut fmt::Formatter<'_>| match x.figure("detail") {
                Some(_) => put!(o, "，", any_zh(x, "detail")),
                None => Ok(()),
            });
            let what = Lazy(|o: &mut fmt::Formatter<'_>| {
                put!(
                    o,
                    "核对",
                    zh_department(dep),
                    zh_item(x.code("item")),
                    "记录（",
                    x.s("record_date"),
                    detail,
                    "）：申报 ",
                    any_zh(x, "declared"),
                    "，核对结果 ",
                    any_zh(x, "verified")
                )
            });
            if pass {
                put!(
                    w,
                    what,
                    "；差异",
                    zh_item(x.code("effect")),
                    "，无需入户核查"
                )
            } else {
                put!(
                    w,
                    what,
                    "；差异",
                    zh_item(x.code("effect")),
                    "，请乡镇入户核实该记录与家庭实际情况",
                    if x.code("documents") == "from_department" {
                        "；该记录可由部门数据核实，不得要求家庭提供相关证明材料（社会救助法第六十二条）"
                    } else {
                        ""
                    }
                )
            }
        }
        Lang::En => {
            let detail = Lazy(|o: &mut fmt::Formatter<'_>| match x.figure("detail") {
                Some(_) => put!(o, ", ", any(x, "detail")),
                None => Ok(()),
            });
            let what = Lazy(|o: &mut fmt::Formatter<'_>| {
                put!(
                    o,
                    Spaced(dep),
                    " record of ",
                    Spaced(x.code("item")),
                    " on ",
                    x.s("record_date"),
                    detail,
                    ": declared ",
                    Lazy(|o: &mut fmt::Formatter<'_>| match x.figure("declared") {
                        Some(_) => write!(o, "{}", any(x, "declared")),
                        None => o.write_str("nothing"),
                    }),
                    ", recorded ",
                    any(x, "verified")
                )
            });
            let documents = if x.code("documents") == "from_department" {
                "; the household is not to be asked for documents the department's data can verify (S0 Art. 62)"
            } else {
                ""
            };
            match x.code("effect") {
                "decisive" => put!(
                    w,
                    what,
                    "; the difference changes the outcome: the township is to verify the record with the household on site",
                    documents
                ),
                "material" => put!(
                    w,
                    what,
                    "; the difference changes the amount: the township is to verify the record with the household on site",
                    documents
                ),
                _ => put!(
                    w,
                    what,
                    "; the difference changes neither outcome nor amount: no field check needed"
                ),
            }
        }
    }
}

/// VER-CONSENT: records about a supporter outside the household, used only with consent.
pub(super) fn ver_consent(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let on_file = x.code("consent") == "on_file";
    let money = x.figure("verified").is_some();
    let declared = Lazy(|o: &mut fmt::Formatter<'_>| match x.figure("declared") {
        Some(_) => put!(o, x.s("declared")),
        None => o.write_str(MISSING_DECLARED),
    });
    match lang {
        Lang::Zh => {
            if !on_file {
                return put!(
                    w,
                    "赡养扶养义务人的部门数据 ",
                    x.s("records"),
                    " 条：未见本人授权核对的书面同意，记录未使用，请先取得授权"
                );
            }
            if !money {
                return put!(
                    w,
                    "赡养扶养义务人已授权核对，部门数据 ",
                    x.s("records"),
                    " 条"
                );
            }
            let applied = if x.code("applied") == "yes" {
                "，按核对数计算"
            } else if x.pass() {
                ""
            } else {
                "，核对数较低，保留申报数"
            };
            put!(
                w,
                "赡养扶养义务人已授权核对：",
                source_zh(x),
                "金融资产 ",
                x.s("verified"),
                " 元，申报 ",
                Lazy(|o: &mut fmt::Formatter<'_>| match x.figure("declared") {
                    Some(_) => put!(o, x.s("declared"), " 元"),
                    None => o.write_str("无"),
                }),
                applied
            )
        }
        Lang::En => {
            if !on_file {
                return put!(
                    w,
                    "supporter outside the household: ",
                    x.s("records"),
                    " department record(s), but no written consent to the check is on file: the records are not used until consent is obtained"
                );
            }
            if !money {
                return put!(
                    w,
                    "supporter outside the household consented to the check: ",
                    x.s("records"),
                    " department record(s)"
                );
            }
            let applied = if x.code("applied") == "yes" {
                "; the recorded figure is used"
            } else if x.pass() {
                ""
            } else {
                "; the record is lower, so the declared figure stays"
            };
            put!(
                w,
                "supporter outside the household consented to the check: ",
                source_en(x),
                ": financial assets ",
                x.s("verified"),
                ", declared ",
                declared,
                applied
            )
        }
    }
}

/// What an English sentence says when nothing was declared.
const MISSING_DECLARED: &str = "nothing";

/// A typed figure for a sentence, whatever its kind; codes with spaces for underscores.
fn any<'a>(x: &Facts<'a>, name: &str) -> impl fmt::Display + Piece + 'a {
    let (figure, shown) = (x.figure(name), x.s(name));
    Lazy(move |o: &mut fmt::Formatter<'_>| match figure {
        Some(FigureValue::Code(c)) => put!(o, Spaced(c)),
        Some(_) => put!(o, shown),
        None => o.write_str(MISSING),
    })
}

/// A typed figure for a Chinese sentence, with its unit; `无` when the finding lacks it.
fn any_zh<'a>(x: &Facts<'a>, name: &str) -> impl fmt::Display + Piece + 'a {
    let (figure, shown) = (x.figure(name), x.s(name));
    Lazy(move |o: &mut fmt::Formatter<'_>| match figure {
        Some(FigureValue::Code(c)) => o.write_str(zh_item(c)),
        Some(FigureValue::Yuan(_)) => put!(o, shown, " 元"),
        Some(FigureValue::Area(_)) => put!(o, shown, " 平方米"),
        Some(_) => put!(o, shown),
        None => o.write_str("无"),
    })
}

fn active_word(code: &str) -> &'static str {
    if code == "yes" { "active" } else { "inactive" }
}
