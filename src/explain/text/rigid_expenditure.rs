//! The sentences of the rigid-expenditure rules (RIG), `rules-spec/rules/rigid-expenditure.md`: one
//! function per rule, in Chinese and English.
//!
//! Uses only the sentence mechanism of `super` (and its shared code names and phrases in
//! `super::common`), the finding's verdict and the rule IDs.

use std::fmt;

use super::common::below_disposable_income;
use super::{Facts, Lang, Spaced, put};

/// RIG-1: not in dibao, special hardship or marginal.
pub(super) fn rig1(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match (x.pass(), lang) {
        (true, Lang::Zh) => w.write_str(
            "不属于低保、特困或低保边缘家庭（认定为刚性支出困难家庭即排除上述三类）",
        ),
        (true, Lang::En) => w.write_str(
            "not in dibao, special hardship or a marginal family (recognition excludes those three)",
        ),
        (false, Lang::Zh) => put!(
            w,
            zh_programme_reason(x.code("reason")),
            "，不认定为刚性支出困难家庭"
        ),
        (false, Lang::En) => put!(
            w,
            Spaced(x.code("reason")),
            ": not a rigid-expenditure family"
        ),
    }
}

/// RIG-2: rigid expenditure counted.
pub(super) fn rig2(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => {
            put!(
                w,
                x.s("since"),
                " 起刚性支出合计 ",
                x.s("total"),
                " 元（医疗 ",
                x.s("medical"),
                "，教育 ",
                x.s("education"),
                "（超出公办标准 ",
                x.s("education_above_public_rate"),
                " 不计），康复 ",
                x.s("rehabilitation"),
                "，其他 ",
                x.s("other"),
                "）"
            )
        }
        Lang::En => {
            put!(
                w,
                "rigid expenditure since ",
                x.s("since"),
                ": ",
                x.s("total"),
                " (medical ",
                x.s("medical"),
                ", education ",
                x.s("education"),
                " (",
                x.s("education_above_public_rate"),
                " above public-school rates not counted), rehabilitation ",
                x.s("rehabilitation"),
                ", other ",
                x.s("other"),
                ")"
            )
        }
    }
}

/// RIG-3: rigid expenditure above the share of income.
pub(super) fn rig3(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    let no_income = x.code("reason") == "no_income";
    match (no_income, lang) {
        (true, Lang::Zh) => put!(
            w,
            "家庭无收入，刚性支出 ",
            x.s("rigid_expenditure"),
            " 元",
            if pass {
                "，超过比例"
            } else {
                "，无支出"
            }
        ),
        (true, Lang::En) => put!(
            w,
            "no household income; rigid expenditure ",
            x.s("rigid_expenditure"),
            if pass { ": above any share" } else { ": none" }
        ),
        (false, Lang::Zh) => put!(
            w,
            "刚性支出 ",
            x.s("rigid_expenditure"),
            " 元占家庭总收入 ",
            x.s("household_income"),
            " 元的 ",
            x.s("share"),
            "，",
            if pass { "超过" } else { "未超过" },
            "规定比例 ",
            x.s("threshold")
        ),
        (false, Lang::En) => put!(
            w,
            "rigid expenditure ",
            x.s("rigid_expenditure"),
            " is ",
            x.s("share"),
            " of household income ",
            x.s("household_income"),
            ": ",
            if pass { "above" } else { "not above" },
            " the threshold ",
            x.s("threshold")
        ),
    }
}

/// RIG-4: decision time limit.
pub(super) fn rig4(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match (pass, lang) {
        (true, Lang::Zh) => put!(
            w,
            "县级民政部门应在 ",
            x.s("decision_working_days"),
            " 个工作日内（情况复杂的 ",
            x.s("extended_working_days"),
            " 个工作日）作出认定"
        ),
        (true, Lang::En) => put!(
            w,
            "the county decides within ",
            x.s("decision_working_days"),
            " working days (",
            x.s("extended_working_days"),
            " where difficult)"
        ),
        (false, Lang::Zh) => w.write_str("不符合条件"),
        (false, Lang::En) => w.write_str("not eligible"),
    }
}

/// RIG-5: validity of the recognition.
pub(super) fn rig5(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match (pass, lang) {
        (true, Lang::Zh) => put!(
            w,
            "认定有效期最长 ",
            x.s("validity_months"),
            " 个月，至 ",
            x.s("valid_until")
        ),
        (true, Lang::En) => put!(
            w,
            "recognition valid for at most ",
            x.s("validity_months"),
            " months, until ",
            x.s("valid_until")
        ),
        (false, Lang::Zh) => w.write_str("不符合条件，无有效期"),
        (false, Lang::En) => w.write_str("not eligible: no validity period"),
    }
}

/// RIG-6: monitoring flag.
pub(super) fn rig6(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match (pass, lang) {
        (true, Lang::Zh) => w.write_str("在低收入人口动态监测平台单独标识"),
        (true, Lang::En) => w.write_str("flagged separately on the low-income monitoring platform"),
        (false, Lang::Zh) => w.write_str("不作标识"),
        (false, Lang::En) => w.write_str("no flag"),
    }
}

/// RIG-7: effective date.
pub(super) fn rig7(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match (pass, lang) {
        (true, Lang::Zh) => put!(
            w,
            "刚性支出困难家庭认定办法自 ",
            x.s("in_force_from"),
            " 起施行"
        ),
        (true, Lang::En) => put!(
            w,
            "the rigid-expenditure measure is in force from ",
            x.s("in_force_from")
        ),
        (false, Lang::Zh) => put!(
            w,
            x.s("evaluation_date"),
            " 时认定办法尚未施行（2025-01-01 起施行）"
        ),
        (false, Lang::En) => put!(
            w,
            "on ",
            x.s("evaluation_date"),
            " the measure was not yet in force (from 2025-01-01)"
        ),
    }
}

/// RIG-8: income below last year's disposable income.
pub(super) fn rig8(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    if x.has("line") {
        return below_disposable_income(x, ("", ""), lang, w);
    }
    match lang {
        Lang::Zh => w.write_str("缺少人均收入或上年人均可支配收入数据，需人工核查"),
        Lang::En => w.write_str(
            "income per head or last year's disposable income is missing: review needed",
        ),
    }
}

fn zh_programme_reason(r: &str) -> &'static str {
    match r {
        "qualifies_for_minimum_living" => "家庭符合低保条件",
        "qualifies_for_special_hardship" => "家庭成员符合特困供养条件",
        "qualifies_as_marginal_family" => "家庭符合低保边缘家庭条件",
        "enrolled_in_minimum_living" => "家庭正在享受低保",
        "enrolled_in_special_hardship" => "家庭成员正在享受特困供养",
        "enrolled_as_marginal_family" => "家庭已认定为低保边缘家庭",
        _ => "",
    }
}
