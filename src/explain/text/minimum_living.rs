//! The sentences of the minimum living allowance rules (DB, PAY), `rules-spec/rules/minimum-
//! living.md`: one function per rule, in Chinese and English.
//!
//! Uses only the sentence mechanism of `super` (and its shared code names and phrases in
//! `super::common`), the finding's verdict and the rule IDs.

use std::fmt;

use super::common::zh;
use super::{Facts, Lang, Spaced, put};
use crate::explain::Verdict;

/// DB-1: dibao income test.
pub(super) fn db1(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if pass {
                put!(
                    w,
                    "月人均收入 ",
                    x.s("per_capita_income"),
                    " 元低于低保标准 ",
                    x.s("standard"),
                    " 元，差 ",
                    x.dist(),
                    " 元"
                )
            } else {
                put!(
                    w,
                    "月人均收入 ",
                    x.s("per_capita_income"),
                    " 元不低于低保标准 ",
                    x.s("standard"),
                    " 元，高出 ",
                    x.dist(),
                    " 元"
                )
            }
        }
        Lang::En => {
            if pass {
                put!(
                    w,
                    "income per head ",
                    x.s("per_capita_income"),
                    " is below the standard ",
                    x.s("standard"),
                    " by ",
                    x.dist()
                )
            } else {
                put!(
                    w,
                    "income per head ",
                    x.s("per_capita_income"),
                    " is not below the standard ",
                    x.s("standard"),
                    ": ",
                    x.dist(),
                    " a month above the line"
                )
            }
        }
    }
}

/// DB-3 and DB-15: the gap amount, for the household (DB-3) or an individual unit (DB-15).
pub(super) fn db3_db15(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => put!(
            w,
            "差额补助 = 标准 ",
            x.s("standard"),
            " × ",
            x.s("persons"),
            " 人 − 月收入 ",
            x.s("household_income"),
            " = ",
            x.s("gap"),
            " 元"
        ),
        Lang::En => put!(
            w,
            "gap = standard ",
            x.s("standard"),
            " × ",
            x.s("persons"),
            " persons − income ",
            x.s("household_income"),
            " = ",
            x.s("gap")
        ),
    }
}

/// DB-5: rural dibao class.
pub(super) fn db5(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            let c = zh_class(x.code("class"));
            match (x.code("class"), pass) {
                ("class_3", true) => put!(
                    w,
                    "人均收入 ",
                    x.s("per_capita_income"),
                    " 元低于标准的 ",
                    x.s("share"),
                    "（",
                    x.s("line"),
                    " 元），列为三类"
                ),
                ("class_3", false) => put!(
                    w,
                    "人均收入 ",
                    x.s("per_capita_income"),
                    " 元不低于标准的 ",
                    x.s("share"),
                    "（",
                    x.s("line"),
                    " 元），不列为三类"
                ),
                ("class_4", _) => w.write_str("不符合一至三类条件，列为四类"),
                (_, true) => put!(w, "符合", c, "条件（", zh(x.code("criterion")), "）"),
                (_, false) => put!(w, "不符合", c, "条件"),
            }
        }
        Lang::En => {
            let c = Spaced(x.code("class"));
            match (x.code("class"), pass) {
                ("class_3", true) => put!(
                    w,
                    "income per head ",
                    x.s("per_capita_income"),
                    " below ",
                    x.s("share"),
                    " of the standard (",
                    x.s("line"),
                    "): class 3"
                ),
                ("class_3", false) => put!(
                    w,
                    "income per head ",
                    x.s("per_capita_income"),
                    " not below ",
                    x.s("share"),
                    " of the standard (",
                    x.s("line"),
                    "): not class 3"
                ),
                ("class_4", _) => w.write_str("none of classes 1–3 applies: class 4"),
                (_, true) => put!(w, c, " criterion met (", x.s("criterion"), ")"),
                (_, false) => put!(w, "no ", c, " criterion met"),
            }
        }
    }
}

/// DB-5-RATE: rural class rate per person.
pub(super) fn db5_rate(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => match x.code("method") {
            "full_standard" => put!(w, "一类按低保标准 ", x.s("rate"), " 元/人·月"),
            "share_rounded_half_up" => put!(
                w,
                "二类 = 一类 ",
                x.s("class_1"),
                " × ",
                x.s("share"),
                "，四舍五入到元 = ",
                x.s("rate"),
                " 元/人·月"
            ),
            "published_figure" => put!(
                w,
                "二类采用公布数额 ",
                x.s("rate"),
                " 元/人·月（按比例计算为 ",
                x.s("computed"),
                "）"
            ),
            _ => put!(
                w,
                zh_class(x.code("class")),
                "补助 ",
                x.s("rate"),
                " 元/人·月"
            ),
        },
        Lang::En => match x.code("method") {
            "full_standard" => put!(
                w,
                "class 1 pays the standard, ",
                x.s("rate"),
                " per person a month"
            ),
            "share_rounded_half_up" => put!(
                w,
                "class 2 = class 1 ",
                x.s("class_1"),
                " × ",
                x.s("share"),
                ", rounded half-up to the yuan = ",
                x.s("rate"),
                " per person a month"
            ),
            "published_figure" => put!(
                w,
                "class 2 uses the published figure ",
                x.s("rate"),
                " per person a month (the share gives ",
                x.s("computed"),
                ")"
            ),
            _ => put!(
                w,
                Spaced(x.code("class")),
                " pays ",
                x.s("rate"),
                " per person a month"
            ),
        },
    }
}

/// DB-6: minimum payment.
pub(super) fn db6(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => match x.verdict() {
            Verdict::NotApplicable => w.write_str("本地未设最低补助额"),
            Verdict::Fail => put!(
                w,
                "补助 ",
                x.s("amount"),
                " 元低于最低补助额 ",
                x.s("minimum"),
                " 元，按最低额发放"
            ),
            _ => put!(
                w,
                "补助 ",
                x.s("amount"),
                " 元不低于最低补助额 ",
                x.s("minimum"),
                " 元"
            ),
        },
        Lang::En => match x.verdict() {
            Verdict::NotApplicable => w.write_str("no minimum payment is set here"),
            Verdict::Fail => put!(
                w,
                "amount ",
                x.s("amount"),
                " below the minimum ",
                x.s("minimum"),
                ": the minimum is paid"
            ),
            _ => put!(
                w,
                "amount ",
                x.s("amount"),
                " not below the minimum ",
                x.s("minimum")
            ),
        },
    }
}

/// PAY-3: rounding of the payment.
pub(super) fn pay3(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => put!(
            w,
            "按 ",
            x.s("unit"),
            " 元单位",
            zh(x.code("mode")),
            "：",
            x.s("exact"),
            " → ",
            x.s("rounded"),
            " 元"
        ),
        Lang::En => put!(
            w,
            "rounded to units of ",
            x.s("unit"),
            " (",
            x.s("mode"),
            "): ",
            x.s("exact"),
            " → ",
            x.s("rounded")
        ),
    }
}

/// PAY-4: rural annual standard to monthly.
pub(super) fn pay4(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => {
            if x.verdict() == Verdict::NotApplicable {
                w.write_str("城市低保标准按月公布，无需折算")
            } else {
                put!(
                    w,
                    "农村年标准 ",
                    x.s("annual"),
                    " 元 ÷ 12 = 月标准 ",
                    x.s("monthly"),
                    " 元"
                )
            }
        }
        Lang::En => {
            if x.verdict() == Verdict::NotApplicable {
                w.write_str("the urban standard is monthly: no conversion")
            } else {
                put!(
                    w,
                    "rural annual standard ",
                    x.s("annual"),
                    " ÷ 12 = ",
                    x.s("monthly"),
                    " a month"
                )
            }
        }
    }
}

fn zh_class(code: &str) -> &'static str {
    match code {
        "class_1" => "一类",
        "class_2" => "二类",
        "class_3" => "三类",
        "class_4" => "四类",
        _ => "",
    }
}

/// The Chinese name of an add-on category (DB-16); a local code is shown as it is.
fn zh_category(code: &str) -> &str {
    match code {
        "elderly" => "老年人",
        "minor" => "未成年人",
        "serious_illness" => "重病患者",
        "disability_grade_1" => "一级残疾人",
        "disability_grade_2" => "二级残疾人",
        "disability_grade_3" => "三级残疾人",
        "disability_grade_4" => "四级残疾人",
        other => other,
    }
}

/// DB-16: an add-on for a vulnerable member (one category, or the member's combined add-on).
pub(super) fn db16(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    if x.verdict() == Verdict::NotApplicable {
        return match lang {
            Lang::Zh => w.write_str("本地公布了分类施保加发标准，但无成员属于所列类别"),
            Lang::En => w.write_str(
                "the add-ons published here apply to no member of the unit (no member in a listed category)",
            ),
        };
    }
    let sum = x.code("combination") == "sum";
    if x.has("combination") {
        return match lang {
            Lang::Zh => put!(
                w,
                "符合 ",
                x.s("categories"),
                " 类加发条件，",
                if sum {
                    "各类相加"
                } else {
                    "取最高一类"
                },
                "，每月加发 ",
                x.s("add_on"),
                " 元，计入低保金"
            ),
            Lang::En => put!(
                w,
                "add-on categories met: ",
                x.s("categories"),
                "; ",
                if sum { "summed" } else { "the highest counts" },
                ": add-on ",
                x.s("add_on"),
                " a month, included in the dibao amount"
            ),
        };
    }
    let cat = x.code("category");
    match (x.code("method"), lang) {
        ("share", Lang::Zh) => put!(
            w,
            zh_category(cat),
            "加发：标准 ",
            x.s("standard"),
            " × ",
            x.s("share"),
            "，按 ",
            x.s("step"),
            " 元四舍五入 = ",
            x.s("amount"),
            " 元/月"
        ),
        ("share", Lang::En) => put!(
            w,
            "add-on as ",
            cat,
            ": standard ",
            x.s("standard"),
            " × ",
            x.s("share"),
            ", rounded half-up to ",
            x.s("step"),
            " = ",
            x.s("amount"),
            " a month"
        ),
        (_, Lang::Zh) => put!(
            w,
            zh_category(cat),
            "加发固定数额 ",
            x.s("amount"),
            " 元/月"
        ),
        (_, Lang::En) => put!(w, "add-on as ", cat, ": fixed ", x.s("amount"), " a month"),
    }
}
