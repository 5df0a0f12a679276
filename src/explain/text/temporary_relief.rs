//! The sentences of the temporary-relief rules (TR), `rules-spec/rules/temporary-relief.md`: one
//! function per rule, in Chinese and English.
//!
//! Uses only the sentence mechanism of `super` (and its shared code names and phrases in
//! `super::common`), the finding's verdict and the rule IDs.

use std::fmt;

use super::common::below_disposable_income;
use super::{Facts, Lang, Spaced, put};
use crate::explain::{FigureValue, Verdict};

/// TR-1: ground for temporary relief.
pub(super) fn tr1(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match (pass, lang) {
        (true, Lang::Zh) => put!(
            w,
            "救助事由：",
            zh_event(x.code("kind")),
            "（",
            x.s("date"),
            "）"
        ),
        (true, Lang::En) => put!(
            w,
            "ground for relief: ",
            Spaced(x.code("kind")),
            " on ",
            x.s("date")
        ),
        (false, Lang::Zh) => w.write_str("未申报任何急难或支出型事由"),
        (false, Lang::En) => w.write_str("no emergency or expenditure event in the case"),
    }
}

/// TR-2: type of relief and its conditions.
pub(super) fn tr2(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    if x.has("line") {
        let prefix = ("支出型：", "expenditure type: ");
        return below_disposable_income(x, prefix, lang, w);
    }
    let unknown = x.verdict() == Verdict::Unknown;
    match (unknown, x.code("type"), lang) {
        (true, _, Lang::Zh) => w.write_str("支出型：缺少收入数据，需人工核查"),
        (true, _, Lang::En) => {
            w.write_str("expenditure type: income figures missing, review needed")
        }
        (_, _, Lang::Zh) => put!(
            w,
            "急难型（",
            if x.code("severity") == "heavy" {
                "较重"
            } else {
                "较轻"
            },
            "），不设收入财产条件"
        ),
        (_, _, Lang::En) => put!(
            w,
            "emergency type (",
            x.code("severity"),
            "): no means test"
        ),
    }
}

/// TR-3: emergency help first.
pub(super) fn tr3(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let v = x.verdict();
    match (v, lang) {
        (Verdict::Pass, Lang::Zh) => put!(
            w,
            "小额先行救助 ",
            x.s("amount"),
            " 元（上限 ",
            x.s("cap"),
            " 元）"
        ),
        (Verdict::Pass, Lang::En) => put!(
            w,
            "small amount paid first: ",
            x.s("amount"),
            " (cap ",
            x.s("cap"),
            ")"
        ),
        (Verdict::Unknown, Lang::Zh) => w.write_str("本地未设小额先行救助上限，需人工核定"),
        (Verdict::Unknown, Lang::En) => {
            w.write_str("no cap for help first is set here: review needed")
        }
        (_, Lang::Zh) => w.write_str("困难较重，按支出型计算"),
        (_, Lang::En) => w.write_str("heavier hardship: computed as the expenditure type"),
    }
}

/// TR-4: expenditure-type amount.
pub(super) fn tr4(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let unknown = x.verdict() == Verdict::Unknown;
    match (unknown, lang) {
        (true, Lang::Zh) => w.write_str("缺少困难持续月数或月数上限，需人工核定"),
        (true, Lang::En) => {
            w.write_str("months of hardship or the month limit missing: review needed")
        }
        (false, Lang::Zh) => put!(
            w,
            "城市低保标准 ",
            x.s("urban_standard"),
            " × ",
            x.s("persons"),
            " 人 × ",
            x.s("months_counted"),
            " 个月（申报 ",
            x.s("months_of_hardship"),
            "，上限 ",
            x.s("max_months"),
            "）= ",
            x.s("computed"),
            " 元，救助 ",
            x.s("amount"),
            " 元"
        ),
        (false, Lang::En) => put!(
            w,
            "urban standard ",
            x.s("urban_standard"),
            " × ",
            x.s("persons"),
            " persons × ",
            x.s("months_counted"),
            " months (stated ",
            x.s("months_of_hardship"),
            ", limit ",
            x.s("max_months"),
            ") = ",
            x.s("computed"),
            "; relief ",
            x.s("amount")
        ),
    }
}

/// TR-7: cap and one case, one discussion.
pub(super) fn tr7(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let unknown = x.verdict() == Verdict::Unknown;
    match (unknown, lang) {
        (true, Lang::Zh) => put!(
            w,
            "拟救助 ",
            x.s("proposed"),
            " 元超过一般上限 ",
            x.s("cap"),
            " 元（",
            x.s("cap_months"),
            " 个月城市低保标准），提交一事一议"
        ),
        (true, Lang::En) => put!(
            w,
            "proposed ",
            x.s("proposed"),
            " is above the ordinary cap ",
            x.s("cap"),
            " (",
            x.s("cap_months"),
            " months of the urban standard): one case, one discussion"
        ),
        (false, Lang::Zh) => put!(
            w,
            "救助 ",
            x.s("proposed"),
            " 元未超过一般上限 ",
            x.s("cap"),
            " 元"
        ),
        (false, Lang::En) => put!(
            w,
            x.s("proposed"),
            " is within the ordinary cap ",
            x.s("cap")
        ),
    }
}

/// TR-5: forms of help.
pub(super) fn tr5(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match (pass, lang) {
        (true, Lang::Zh) => w.write_str("以现金为主，一次审批，可分阶段发放并跟进救助"),
        (true, Lang::En) => w.write_str(
            "paid in cash under one approval; may be paid in stages, with follow-up help",
        ),
        (false, Lang::Zh) => w.write_str("不适用"),
        (false, Lang::En) => w.write_str("not applicable"),
    }
}

/// TR-6: township reserve fund.
pub(super) fn tr6(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match (pass, lang) {
        (true, Lang::Zh) => w.write_str("小额先行救助可由乡镇（街道）临时救助备用金即时支付"),
        (true, Lang::En) => {
            w.write_str("the small amount may be paid at once from the township reserve fund")
        }
        (false, Lang::Zh) => w.write_str("不适用"),
        (false, Lang::En) => w.write_str("not applicable"),
    }
}

fn zh_event(k: &str) -> &'static str {
    match k {
        "fire" => "火灾",
        "traffic_accident" => "交通事故",
        "sudden_serious_illness" => "突发重大疾病",
        "natural_disaster" => "自然灾害",
        "essential_expenditure" => "生活必需支出突然增加",
        _ => "其他特殊困难",
    }
}

/// The Chinese name of a document completed after payment (TR-9); other codes as they are.
fn zh_document(code: &str) -> &str {
    match code {
        "application" => "救助申请书",
        "identity_and_household" => "身份及户籍证明",
        "cause_of_emergency" => "急难事由证明",
        "economic_status_check" => "家庭经济状况核对",
        "approval_record" => "审批记录",
        "payment_record" => "发放记录",
        other => other,
    }
}

/// TR-9: paid first, documented afterwards.
pub(super) fn tr9(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let docs = x.0.figures.iter().filter(|f| f.name == "document");
    match lang {
        Lang::Zh => {
            w.write_str("急难紧急、金额较小，先行救助，紧急情况解除后补办：")?;
            for (k, f) in docs.enumerate() {
                if k > 0 {
                    w.write_str("、")?;
                }
                if let FigureValue::Code(c) = &f.value {
                    w.write_str(zh_document(c))?;
                }
            }
            Ok(())
        }
        Lang::En => {
            w.write_str(
                "urgent and small: paid first; to be documented once the emergency is over: ",
            )?;
            for (k, f) in docs.enumerate() {
                if k > 0 {
                    w.write_str(", ")?;
                }
                if let FigureValue::Code(c) = &f.value {
                    w.write_str(c)?;
                }
            }
            Ok(())
        }
    }
}

/// TR-10: small fast relief.
pub(super) fn tr10(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match (x.pass(), lang) {
        (true, Lang::Zh) => put!(
            w,
            "小额快救：救助 ",
            x.s("amount"),
            " 元不超过快救上限 ",
            x.s("cap"),
            " 元，无需家庭经济状况核对、不公示，只登记救助对象、事由和金额，",
            x.s("days"),
            " 日内办结"
        ),
        (true, Lang::En) => put!(
            w,
            "small fast relief: ",
            x.s("amount"),
            " is within the fast-relief cap ",
            x.s("cap"),
            "; no economic-status verification was needed and no public notice; only the person, \
             the cause and the amount are registered; decided and paid within ",
            x.s("days"),
            " days"
        ),
        (false, Lang::Zh) => put!(
            w,
            "救助 ",
            x.s("amount"),
            " 元超过小额快救上限 ",
            x.s("cap"),
            " 元，按一般程序办理"
        ),
        (false, Lang::En) => put!(
            w,
            x.s("amount"),
            " is above the fast-relief cap ",
            x.s("cap"),
            ": the ordinary procedure applies"
        ),
    }
}

/// TR-11: hardship longer than the maximum months: one case, one discussion.
pub(super) fn tr11(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => put!(
            w,
            "困难持续 ",
            x.s("months_of_hardship"),
            " 个月，超过最长 ",
            x.s("max_months"),
            " 个月；按 ",
            x.s("months_counted"),
            " 个月计算的数额只是拟救助额，不径行截断，提交一事一议"
        ),
        Lang::En => put!(
            w,
            "hardship of ",
            x.s("months_of_hardship"),
            " months is longer than the maximum ",
            x.s("max_months"),
            "; the amount for ",
            x.s("months_counted"),
            " months is only proposed, not cut silently: one case, one discussion"
        ),
    }
}

/// TR-12: decided under the parameters of the division where the emergency happened.
pub(super) fn tr12(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => put!(
            w,
            "急难发生在 ",
            x.s("emergency_division"),
            "（户籍地 ",
            x.s("household_division"),
            "），临时救助按急难发生地的标准和参数办理"
        ),
        Lang::En => put!(
            w,
            "the emergency happened in ",
            x.s("emergency_division"),
            " (household registered in ",
            x.s("household_division"),
            "): temporary relief is decided under that division's parameters"
        ),
    }
}
