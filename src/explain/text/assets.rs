//! The sentences of the household-asset rules (AST), `rules-spec/rules/assets.md`: one function per
//! rule, in Chinese and English.
//!
//! Uses only the sentence mechanism of `super` (and its shared code names and phrases in
//! `super::common`), the finding's verdict and the rule IDs.

use std::fmt;

use super::common::zh;
use super::{Facts, Lang, put};

/// AST-4: financial assets within the limit.
pub(super) fn ast4(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => put!(
            w,
            "金融资产 ",
            x.s("financial_assets"),
            " 元",
            if pass { "未超过" } else { "超过" },
            "限额 ",
            x.s("limit"),
            " 元（",
            x.s("limit_months"),
            " 个月标准 × ",
            x.s("persons"),
            " 人），相差 ",
            x.dist(),
            " 元"
        ),
        Lang::En => put!(
            w,
            "financial assets ",
            x.s("financial_assets"),
            " ",
            if pass { "within" } else { "above" },
            " the limit ",
            x.s("limit"),
            " (",
            x.s("limit_months"),
            " months of the standard × ",
            x.s("persons"),
            " persons), by ",
            x.dist()
        ),
    }
}

/// AST-5: motor vehicles.
pub(super) fn ast5(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => match x.code("reason") {
            "no_vehicle" => w.write_str("无登记机动车"),
            "disability_mobility_exempt" => put!(
                w,
                zh(x.code("vehicle_kind")),
                "为残疾人功能性补偿代步车，不影响认定"
            ),
            "exempt_kind" => put!(w, zh(x.code("vehicle_kind")), "属豁免车辆类型"),
            _ => put!(
                w,
                "登记有机动车（",
                zh(x.code("vehicle_kind")),
                "，价值 ",
                x.s("value"),
                " 元），不符合财产条件"
            ),
        },
        Lang::En => match x.code("reason") {
            "no_vehicle" => w.write_str("no motor vehicle registered"),
            "disability_mobility_exempt" => put!(
                w,
                x.s("vehicle_kind"),
                " is a disability mobility vehicle: exempt"
            ),
            "exempt_kind" => put!(w, x.s("vehicle_kind"), " is an exempt kind of vehicle"),
            _ => put!(
                w,
                "owns a motor vehicle (",
                x.s("vehicle_kind"),
                ", value ",
                x.s("value"),
                "): fails the asset test"
            ),
        },
    }
}

/// AST-6: housing.
pub(super) fn ast6(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => put!(
            w,
            "城镇住房 ",
            x.s("urban_homes"),
            " 套（上限 ",
            x.s("max_urban_homes"),
            "），人均计入面积 ",
            x.s("area_per_person"),
            " 平方米（上限 ",
            x.s("max_area_per_person"),
            "）",
            if pass {
                "，符合"
            } else {
                "，不符合住房条件"
            }
        ),
        Lang::En => put!(
            w,
            x.s("urban_homes"),
            " homes in town (limit ",
            x.s("max_urban_homes"),
            "), ",
            x.s("area_per_person"),
            " m² per person (limit ",
            x.s("max_area_per_person"),
            ")",
            if pass {
                ": within"
            } else {
                ": fails the housing test"
            }
        ),
    }
}

/// AST-7: business registrations.
pub(super) fn ast7(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => match x.code("reason") {
            "no_business" => w.write_str("无市场主体登记"),
            "inactive" => put!(w, zh(x.code("business_kind")), "登记已停业，不影响认定"),
            "permitted" => put!(w, zh(x.code("business_kind")), "登记不影响认定"),
            "capital_above_limit" => put!(
                w,
                "个体工商户注册资本 ",
                x.s("registered_capital"),
                " 元超过 ",
                x.s("capital_limit"),
                " 元"
            ),
            _ => put!(w, "登记为", zh(x.code("business_kind")), "，不符合财产条件"),
        },
        Lang::En => match x.code("reason") {
            "no_business" => w.write_str("no business registration"),
            "inactive" => put!(
                w,
                x.s("business_kind"),
                " registration no longer trading: no effect"
            ),
            "permitted" => put!(w, x.s("business_kind"), " registration does not disqualify"),
            "capital_above_limit" => put!(
                w,
                "sole trader with registered capital ",
                x.s("registered_capital"),
                " above ",
                x.s("capital_limit")
            ),
            _ => put!(
                w,
                "registered as ",
                x.s("business_kind"),
                ": fails the asset test"
            ),
        },
    }
}

/// AST-8: large purchases as supporting evidence.
pub(super) fn ast8(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if pass {
                put!(
                    w,
                    x.s("since"),
                    " 以来无 ",
                    x.s("threshold"),
                    " 元以上大额消费"
                )
            } else {
                put!(
                    w,
                    x.s("date"),
                    " 大额消费 ",
                    x.s("amount"),
                    " 元（不低于 ",
                    x.s("threshold"),
                    " 元），需入户核实"
                )
            }
        }
        Lang::En => {
            if pass {
                put!(
                    w,
                    "no purchase of ",
                    x.s("threshold"),
                    " or more since ",
                    x.s("since")
                )
            } else {
                put!(
                    w,
                    "purchase of ",
                    x.s("amount"),
                    " on ",
                    x.s("date"),
                    " (threshold ",
                    x.s("threshold"),
                    "): a field check is needed"
                )
            }
        }
    }
}
