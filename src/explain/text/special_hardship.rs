//! The sentences of the special-hardship rules (TK), `rules-spec/rules/special-hardship.md`: one
//! function per rule, in Chinese and English.
//!
//! Uses only the sentence mechanism of `super` (and its shared code names and phrases in
//! `super::common`), the finding's verdict and the rule IDs.

use std::fmt;

use super::{Facts, Lang, Spaced, put};
use crate::explain::Verdict;

/// TK-1: special hardship: the three conditions.
pub(super) fn tk1(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    if x.code("reason") == "no_member_without_capacity" {
        return w.write_str(match lang {
            Lang::Zh => "家庭中没有无劳动能力的老年人、残疾人或未成年人，不涉及特困供养",
            Lang::En => {
                "no elderly, disabled or minor member without capacity to work: \
                 special hardship does not arise"
            }
        });
    }
    match (x.verdict(), lang) {
        (Verdict::Pass, Lang::Zh) => {
            w.write_str("同时符合无劳动能力、无生活来源、无法定义务人或其无履行能力三项条件")
        }
        (Verdict::Pass, Lang::En) => w.write_str(
            "meets all three conditions: no capacity to work, no livelihood, no capable supporter",
        ),
        (Verdict::Unknown, Lang::Zh) => w.write_str("三项条件尚待核实，需人工核查"),
        (Verdict::Unknown, Lang::En) => {
            w.write_str("the three conditions cannot all be decided: review needed")
        }
        (_, Lang::Zh) => w.write_str("不同时符合特困人员三项条件"),
        (_, Lang::En) => w.write_str("does not meet all three special-hardship conditions"),
    }
}

/// TK-2: no capacity to work.
pub(super) fn tk2(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let v = x.verdict();
    match (v, lang) {
        (Verdict::Pass, Lang::Zh) => put!(
            w,
            "无劳动能力：",
            zh_ground(x.code("ground")),
            "（",
            x.s("age"),
            " 岁）"
        ),
        (Verdict::Pass, Lang::En) => put!(
            w,
            "no capacity to work: ",
            Spaced(x.code("ground")),
            " (age ",
            x.s("age"),
            ")"
        ),
        (Verdict::NotApplicable, Lang::Zh) => {
            put!(w, x.s("age"), " 岁，按未成年人延续规定（TK-3）判断")
        }
        (Verdict::NotApplicable, Lang::En) => put!(
            w,
            "age ",
            x.s("age"),
            ": decided under the rule for minors (TK-3)"
        ),
        (_, Lang::Zh) => put!(
            w,
            x.s("age"),
            " 岁，非老年人、未成年人或无劳动能力残疾人，视为有劳动能力"
        ),
        (_, Lang::En) => put!(
            w,
            "age ",
            x.s("age"),
            ", not elderly, a minor or disabled to the listed grades: able to work"
        ),
    }
}

/// TK-3: minors covered to 18 and beyond while in school.
pub(super) fn tk3(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match (x.code("reason"), lang) {
        ("minor_under_cover_age", Lang::Zh) => put!(
            w,
            "未满 ",
            x.s("cover_until_age"),
            " 周岁的未成年人，纳入供养范围"
        ),
        ("minor_under_cover_age", Lang::En) => {
            put!(w, "a minor under ", x.s("cover_until_age"), ": covered")
        }
        ("continuing_in_school", Lang::Zh) => put!(
            w,
            "年满 ",
            x.s("cover_until_age"),
            " 周岁后仍在校就读，继续供养"
        ),
        ("continuing_in_school", Lang::En) => put!(
            w,
            "over ",
            x.s("cover_until_age"),
            " and still in school: support continues"
        ),
        (_, Lang::Zh) => put!(
            w,
            "年满 ",
            x.s("cover_until_age"),
            " 周岁前未纳入供养，在校延续规定不适用"
        ),
        (_, Lang::En) => put!(
            w,
            "not covered before ",
            x.s("cover_until_age"),
            ": the in-school continuation does not apply"
        ),
    }
}

/// TK-4: no source of livelihood.
pub(super) fn tk4(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            put!(
                w,
                "本人月收入 ",
                x.s("own_income"),
                " 元（低保口径 ",
                x.s("dibao_countable"),
                "，特困不计入 ",
                x.s("disregarded_inc5"),
                "）",
                if pass { "低于" } else { "不低于" },
                "当地低保标准 ",
                x.s("standard"),
                " 元"
            )
        }
        Lang::En => {
            put!(
                w,
                "own income ",
                x.s("own_income"),
                " a month (dibao measure ",
                x.s("dibao_countable"),
                ", not counted for special hardship ",
                x.s("disregarded_inc5"),
                ") ",
                if pass { "below" } else { "not below" },
                " the dibao standard ",
                x.s("standard")
            )
        }
    }
}

/// TK-5: supporter unable to fulfil the duty.
pub(super) fn tk5(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let v = x.verdict();
    let g = x.code("ground");
    if g == "no_supporter" {
        return w.write_str(match lang {
            Lang::Zh => zh_supporter_ground(g),
            Lang::En => "no statutory supporter",
        });
    }
    let (zn, en, n) = if x.has("supporter") {
        ("义务人", "supporter", x.s("supporter"))
    } else {
        ("同住家庭成员", "household member", x.s("household_member"))
    };
    match (v, lang) {
        (Verdict::Pass, Lang::Zh) => put!(
            w,
            zn,
            " #",
            n,
            "（",
            zh_relation(x.code("relation")),
            "，",
            x.s("age"),
            " 岁）无履行能力：",
            zh_supporter_ground(g)
        ),
        (Verdict::Pass, Lang::En) => put!(
            w,
            en,
            " #",
            n,
            " (",
            x.s("relation"),
            ", ",
            x.s("age"),
            ") cannot fulfil the duty: ",
            Spaced(g)
        ),
        (Verdict::Unknown, Lang::Zh) => put!(
            w,
            zn,
            " #",
            n,
            "（",
            x.s("age"),
            " 岁）的收入或财产不明，需核实"
        ),
        (Verdict::Unknown, Lang::En) => put!(
            w,
            en,
            " #",
            n,
            " (age ",
            x.s("age"),
            "): income or assets unknown, review needed"
        ),
        (_, Lang::Zh) => put!(
            w,
            zn,
            " #",
            n,
            "（",
            zh_relation(x.code("relation")),
            "，",
            x.s("age"),
            " 岁）具有履行义务能力"
        ),
        (_, Lang::En) => put!(
            w,
            en,
            " #",
            n,
            " (",
            x.s("relation"),
            ", age ",
            x.s("age"),
            ") is able to support"
        ),
    }
}

/// TK-6: orphan allowance chosen instead.
pub(super) fn tk6(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match (pass, lang) {
        (true, Lang::Zh) => w.write_str("未选择孤儿或事实无人抚养儿童基本生活费"),
        (true, Lang::En) => w.write_str("has not chosen the orphan or unsupported-child allowance"),
        (false, Lang::Zh) => {
            w.write_str("已选择孤儿或事实无人抚养儿童基本生活费，不认定为特困人员")
        }
        (false, Lang::En) => w.write_str(
            "has chosen the orphan or unsupported-child allowance: not special hardship",
        ),
    }
}

/// TK-7: urban or rural rate.
pub(super) fn tk7(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let urban = x.code("rate") == "urban";
    match (x.code("ground"), lang) {
        ("relocated_to_town", Lang::Zh) => w.write_str("易地扶贫搬迁进城，执行城市特困供养标准"),
        ("relocated_to_town", Lang::En) => {
            w.write_str("relocated to town under poverty relief: the urban rate applies")
        }
        ("contracted_land", Lang::Zh) => {
            w.write_str("拥有承包土地或参与集体收益分配，执行农村特困供养标准")
        }
        ("contracted_land", Lang::En) => {
            w.write_str("holds contracted land or collective shares: the rural rate applies")
        }
        (_, Lang::Zh) => put!(
            w,
            "执行",
            if urban { "城市" } else { "农村" },
            "特困供养标准"
        ),
        (_, Lang::En) => put!(
            w,
            "the ",
            if urban { "urban" } else { "rural" },
            " rate applies"
        ),
    }
}

/// TK-8: special-hardship person outside the dibao unit.
pub(super) fn tk8(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let v = x.verdict();
    match (v, lang) {
        (_, Lang::Zh) if x.code("reason") == "all_members_special_hardship" => {
            w.write_str("全部成员均为特困人员，不再有低保家庭成员")
        }
        (_, Lang::En) if x.code("reason") == "all_members_special_hardship" => w.write_str(
            "every member is a special-hardship person: no one is left in the dibao unit",
        ),
        (Verdict::Fail, Lang::Zh) => w.write_str("特困人员，不计入低保家庭成员"),
        (Verdict::Fail, Lang::En) => {
            w.write_str("special-hardship person: not counted in the dibao unit")
        }
        (_, Lang::Zh) => w.write_str("未认定为特困人员，仍计入低保家庭成员"),
        (_, Lang::En) => w.write_str("not a special-hardship person: stays in the dibao unit"),
    }
}

/// TK-9: basic living standard.
pub(super) fn tk9(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let published = x.code("method") == "published_figure";
    if x.code("method") == "multiplier_annual_rounded_half_up" {
        return match lang {
            Lang::Zh => put!(
                w,
                "基本生活标准 = 低保月标准 ",
                x.s("standard"),
                " × 12 × ",
                x.s("multiplier"),
                "，按年四舍五入到元 = ",
                x.s("annual"),
                " 元/年（月 ",
                x.s("monthly"),
                " 元）"
            ),
            Lang::En => put!(
                w,
                "basic living standard = dibao standard ",
                x.s("standard"),
                " × 12 × ",
                x.s("multiplier"),
                ", rounded half-up once on the annual figure = ",
                x.s("annual"),
                " a year (",
                x.s("monthly"),
                " a month)"
            ),
        };
    }
    match lang {
        Lang::Zh => {
            if published {
                put!(
                    w,
                    "基本生活标准采用公布数额 ",
                    x.s("annual"),
                    " 元/年（月 ",
                    x.s("monthly"),
                    " 元；按 ",
                    x.s("standard"),
                    " × ",
                    x.s("multiplier"),
                    " 计算为 ",
                    x.s("computed_month"),
                    " 元/月）"
                )
            } else {
                put!(
                    w,
                    "基本生活标准 = 低保标准 ",
                    x.s("standard"),
                    " × ",
                    x.s("multiplier"),
                    "，四舍五入到元 = ",
                    x.s("monthly"),
                    " 元/月（",
                    x.s("annual"),
                    " 元/年）"
                )
            }
        }
        Lang::En => {
            if published {
                put!(
                    w,
                    "basic living standard: the published figure ",
                    x.s("annual"),
                    " a year (",
                    x.s("monthly"),
                    " a month; the multiplier would give ",
                    x.s("standard"),
                    " × ",
                    x.s("multiplier"),
                    " = ",
                    x.s("computed_month"),
                    " a month)"
                )
            } else {
                put!(
                    w,
                    "basic living standard = dibao standard ",
                    x.s("standard"),
                    " × ",
                    x.s("multiplier"),
                    ", rounded half-up = ",
                    x.s("monthly"),
                    " a month (",
                    x.s("annual"),
                    " a year)"
                )
            }
        }
    }
}

/// TK-10: self-care assessment.
pub(super) fn tk10(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let unknown = x.verdict() == Verdict::Unknown;
    match (unknown, lang) {
        (true, Lang::Zh) => w.write_str("未进行生活自理能力评估，无法确定照料护理标准"),
        (true, Lang::En) => w.write_str("no self-care assessment: the care tier cannot be set"),
        (false, Lang::Zh) => put!(
            w,
            "六项中 ",
            x.s("items_unable"),
            " 项不能自理：",
            zh_tier(x.code("tier"))
        ),
        (false, Lang::En) => put!(
            w,
            x.s("items_unable"),
            " of six items not achievable: ",
            Spaced(x.code("tier"))
        ),
    }
}

/// TK-11: care standard.
pub(super) fn tk11(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let unknown = x.verdict() == Verdict::Unknown;
    match (unknown, x.code("method"), lang) {
        (true, _, Lang::Zh) => w.write_str("本地未设照料护理标准，需人工核定"),
        (true, _, Lang::En) => w.write_str("no care standard is set here: review needed"),
        (_, "min_wage_share", Lang::Zh) => put!(
            w,
            zh_tier(x.code("tier")),
            "照料护理标准 = 最低工资 ",
            x.s("min_wage"),
            " × ",
            x.s("share"),
            "，四舍五入 = ",
            x.s("monthly"),
            " 元/月（",
            x.s("annual"),
            " 元/年）"
        ),
        (_, "min_wage_share", Lang::En) => put!(
            w,
            "care standard (",
            Spaced(x.code("tier")),
            ") = minimum wage ",
            x.s("min_wage"),
            " × ",
            x.s("share"),
            ", rounded half-up = ",
            x.s("monthly"),
            " a month (",
            x.s("annual"),
            " a year)"
        ),
        (_, _, Lang::Zh) => put!(
            w,
            zh_tier(x.code("tier")),
            "照料护理标准 ",
            x.s("monthly"),
            " 元/月（",
            x.s("annual"),
            " 元/年）"
        ),
        (_, _, Lang::En) => put!(
            w,
            "care standard (",
            Spaced(x.code("tier")),
            ") ",
            x.s("monthly"),
            " a month (",
            x.s("annual"),
            " a year)"
        ),
    }
}

/// TK-12: institutional or home support.
pub(super) fn tk12(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let inst = x.code("setting") == "institution";
    let prio = x.has("note");
    match lang {
        Lang::Zh => {
            put!(
                w,
                if inst { "集中供养" } else { "分散供养" },
                if prio {
                    "；完全丧失自理能力，应优先安排集中供养"
                } else {
                    ""
                }
            )
        }
        Lang::En => {
            put!(
                w,
                if inst {
                    "support in an institution"
                } else {
                    "support at home"
                },
                if prio {
                    "; full loss of self-care: institutional care should be offered first"
                } else {
                    ""
                }
            )
        }
    }
}

/// TK-13: support from the month after confirmation.
pub(super) fn tk13(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match (pass, lang) {
        (true, Lang::Zh) => put!(w, "自确认次月起供养：", x.s("support_from")),
        (true, Lang::En) => put!(
            w,
            "support from the month after confirmation: ",
            x.s("support_from")
        ),
        (false, Lang::Zh) => w.write_str("不符合条件，不发放"),
        (false, Lang::En) => w.write_str("not eligible: nothing starts"),
    }
}

/// TK-14: leaving special hardship.
pub(super) fn tk14(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match (pass, lang) {
        (true, Lang::Zh) => w.write_str("仍符合条件，继续供养"),
        (true, Lang::En) => w.write_str("still eligible: support continues"),
        (false, Lang::Zh) => put!(
            w,
            "不再符合特困条件，自 ",
            x.s("ends_from"),
            " 起终止供养；已按低保和临时救助条件一并审核"
        ),
        (false, Lang::En) => put!(
            w,
            "no longer eligible: support ends from ",
            x.s("ends_from"),
            "; tested for dibao and temporary relief on the same accounts"
        ),
    }
}

/// TK-15: yearly review.
pub(super) fn tk15(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match (pass, lang) {
        (true, Lang::Zh) => put!(
            w,
            "每 ",
            x.s("review_months"),
            " 个月复核一次，下次复核 ",
            x.s("review_due")
        ),
        (true, Lang::En) => put!(
            w,
            "reviewed every ",
            x.s("review_months"),
            " months; next review ",
            x.s("review_due")
        ),
        (false, Lang::Zh) => w.write_str("不符合条件，无需复核"),
        (false, Lang::En) => w.write_str("not eligible: no review due"),
    }
}

fn zh_ground(g: &str) -> &'static str {
    match g {
        "elderly" => "年满60周岁的老年人",
        "minor" => "未满16周岁的未成年人",
        "disability" => "残疾等级属于无劳动能力范围",
        "provincial_serious_illness" => "省定情形：重特大疾病",
        "provincial_severe_disability" => "省定情形：重度残疾",
        _ => "其他",
    }
}

fn zh_relation(r: &str) -> &'static str {
    match r {
        "applicant" => "申请人",
        "spouse" => "配偶",
        "child" => "子女",
        "parent" => "父母",
        "grandparent" => "祖父母、外祖父母",
        "grandchild" => "孙子女、外孙子女",
        "sibling" => "兄弟姐妹",
        _ => "其他",
    }
}

fn zh_tier(t: &str) -> &'static str {
    match t {
        "full_self_care" => "全自理",
        "partial_loss" => "半失能",
        "full_loss" => "全失能",
        _ => "未评估",
    }
}

fn zh_supporter_ground(g: &str) -> &'static str {
    match g {
        "special_hardship_recipient" => "本人为特困人员",
        "dibao_recipient_aged" => "本人为60周岁以上的低保对象",
        "aged_low_income" => "年满70周岁，收入低于上年人均可支配收入且财产符合低收入家庭规定",
        "severe_disability_low_income" => "重度残疾或三级智力、精神残疾，收入和财产符合规定",
        "no_capacity_missing_or_imprisoned" => {
            "无民事行为能力、被宣告失踪或在监狱服刑，财产符合规定"
        }
        "no_supporter" => "无法定赡养、抚养、扶养义务人",
        _ => "",
    }
}
