//! The sentences of the household-income rules (INC), `rules-spec/rules/income.md`: one function
//! per rule, in Chinese and English.
//!
//! Uses only the sentence mechanism of `super` (and its shared code names and phrases in
//! `super::common`), the finding's verdict and the rule IDs.

use std::fmt;

use super::common::zh;
use super::{Facts, Lang, put};
use crate::explain::Verdict;

/// INC-2: countable income by category.
pub(super) fn inc2(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if pass {
                put!(
                    w,
                    "家庭月可计收入 ",
                    x.s("countable"),
                    " 元（工资 ",
                    x.s("wage"),
                    "，经营 ",
                    x.s("business"),
                    "，财产 ",
                    x.s("property"),
                    "，转移 ",
                    x.s("transfer"),
                    "，转移支出 ",
                    x.s("transfer_paid"),
                    "，其他 ",
                    x.s("other"),
                    "，折算 ",
                    x.s("imputed"),
                    "，扣减 ",
                    x.s("deductions"),
                    "）"
                )
            } else {
                put!(
                    w,
                    x.s("amount"),
                    " 元收入不计入：该成员不是共同生活家庭成员"
                )
            }
        }
        Lang::En => {
            if pass {
                put!(
                    w,
                    "household countable income ",
                    x.s("countable"),
                    " a month (wage ",
                    x.s("wage"),
                    ", business ",
                    x.s("business"),
                    ", property ",
                    x.s("property"),
                    ", transfer ",
                    x.s("transfer"),
                    ", transfers paid ",
                    x.s("transfer_paid"),
                    ", other ",
                    x.s("other"),
                    ", imputed ",
                    x.s("imputed"),
                    ", deductions ",
                    x.s("deductions"),
                    ")"
                )
            } else {
                put!(
                    w,
                    "income of ",
                    x.s("amount"),
                    " not counted: the member is not a counted member"
                )
            }
        }
    }
}

/// INC-3: disregarded income.
pub(super) fn inc3(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if pass {
                put!(
                    w,
                    zh(x.code("kind")),
                    "按现行参数计入收入（月 ",
                    x.s("monthly"),
                    " 元）"
                )
            } else {
                put!(
                    w,
                    zh(x.code("kind")),
                    "不计入家庭收入（月 ",
                    x.s("monthly"),
                    " 元）"
                )
            }
        }
        Lang::En => {
            if pass {
                put!(
                    w,
                    x.s("kind"),
                    " counts as income under the parameters in force (",
                    x.s("monthly"),
                    " a month)"
                )
            } else {
                put!(
                    w,
                    x.s("kind"),
                    " is disregarded (",
                    x.s("monthly"),
                    " a month)"
                )
            }
        }
    }
}

/// INC-4: deductions from income.
pub(super) fn inc4(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if pass {
                w.write_str("无扣减项目")
            } else {
                put!(
                    w,
                    "扣减 ",
                    x.s("deducted"),
                    " 元/月（就业成本 ",
                    x.s("job_cost"),
                    "，因残因病支出 ",
                    x.s("illness_disability_costs"),
                    "）"
                )
            }
        }
        Lang::En => {
            if pass {
                w.write_str("no deduction applies")
            } else {
                put!(
                    w,
                    x.s("deducted"),
                    " a month deducted (job costs ",
                    x.s("job_cost"),
                    ", disability or illness costs ",
                    x.s("illness_disability_costs"),
                    ")"
                )
            }
        }
    }
}

/// INC-6: imputed income for members able to work.
pub(super) fn inc6(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if pass {
                w.write_str("已登记失业、确实无法就业，按实际困难认定，不折算收入")
            } else {
                put!(
                    w,
                    "有劳动能力但无劳动收入，按最低工资 ",
                    x.s("min_wage"),
                    " 的 ",
                    x.s("share"),
                    " 折算收入 ",
                    x.s("imputed"),
                    " 元/月"
                )
            }
        }
        Lang::En => {
            if pass {
                w.write_str("registered unemployed and unable to find work: no income imputed")
            } else {
                put!(
                    w,
                    "able to work but no work income: ",
                    x.s("imputed"),
                    " a month imputed (",
                    x.s("share"),
                    " of the minimum wage ",
                    x.s("min_wage"),
                    ")"
                )
            }
        }
    }
}

/// INC-7: classification of farm income.
pub(super) fn inc7(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => put!(
            w,
            zh(x.code("kind")),
            "计为",
            zh(x.code("counted_as")),
            "（申报为",
            zh(x.code("declared_category")),
            "），月 ",
            x.s("monthly"),
            " 元"
        ),
        Lang::En => put!(
            w,
            x.s("kind"),
            " income counted as ",
            x.s("counted_as"),
            " (declared ",
            x.s("declared_category"),
            "), ",
            x.s("monthly"),
            " a month"
        ),
    }
}

/// INC-8: income reference period.
pub(super) fn inc8(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => put!(
            w,
            "收入计算期 ",
            x.s("period_start"),
            " 至 ",
            x.s("period_end"),
            "（",
            x.s("months"),
            " 个月）：期内记录 ",
            x.s("records_inside"),
            " 条，按天折算 ",
            x.s("records_prorated"),
            " 条，期外 ",
            x.s("records_outside"),
            " 条"
        ),
        Lang::En => put!(
            w,
            "reference period ",
            x.s("period_start"),
            " to ",
            x.s("period_end"),
            " (",
            x.s("months"),
            " months): ",
            x.s("records_inside"),
            " records inside, ",
            x.s("records_prorated"),
            " prorated by day, ",
            x.s("records_outside"),
            " outside"
        ),
    }
}

/// INC-9: monthly income per head.
pub(super) fn inc9(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => {
            if x.verdict() == Verdict::Unknown {
                w.write_str("没有计入的家庭成员，无法计算人均收入，需人工核查")
            } else {
                put!(
                    w,
                    "家庭月收入 ",
                    x.s("household_income"),
                    " 元 ÷ ",
                    x.s("counted_members"),
                    " 人 = 月人均 ",
                    x.s("per_capita_income"),
                    " 元"
                )
            }
        }
        Lang::En => {
            if x.verdict() == Verdict::Unknown {
                w.write_str(
                    "no counted member, so income per head cannot be computed: review needed",
                )
            } else {
                put!(
                    w,
                    "household income ",
                    x.s("household_income"),
                    " ÷ ",
                    x.s("counted_members"),
                    " persons = ",
                    x.s("per_capita_income"),
                    " per head a month"
                )
            }
        }
    }
}
