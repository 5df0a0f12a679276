//! The sentences of the marginal low-income family rule (EDGE), `rules-spec/rules/marginal-
//! family.md`: one function per rule, in Chinese and English.
//!
//! Uses only the sentence mechanism of `super` (and its shared code names and phrases in
//! `super::common`), the finding's verdict and the rule IDs.

use std::fmt;

use super::{Facts, Lang, put};

/// EDGE-1: marginal low-income family.
pub(super) fn edge1(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if x.code("reason") == "eligible_for_minimum_living" {
                w.write_str("家庭符合低保条件，不认定为低保边缘家庭")
            } else if pass {
                put!(
                    w,
                    "月人均收入 ",
                    x.s("per_capita_income"),
                    " 元低于边缘线 ",
                    x.s("line"),
                    " 元（标准 ",
                    x.s("standard"),
                    " × ",
                    x.s("multiplier"),
                    "），差 ",
                    x.dist(),
                    " 元"
                )
            } else {
                put!(
                    w,
                    "月人均收入 ",
                    x.s("per_capita_income"),
                    " 元不低于边缘线 ",
                    x.s("line"),
                    " 元，高出 ",
                    x.dist(),
                    " 元"
                )
            }
        }
        Lang::En => {
            if x.code("reason") == "eligible_for_minimum_living" {
                w.write_str("the household qualifies for dibao, so it is not a marginal family")
            } else if pass {
                put!(
                    w,
                    "income per head ",
                    x.s("per_capita_income"),
                    " is below the marginal line ",
                    x.s("line"),
                    " (",
                    x.s("multiplier"),
                    " × ",
                    x.s("standard"),
                    ") by ",
                    x.dist()
                )
            } else {
                put!(
                    w,
                    "income per head ",
                    x.s("per_capita_income"),
                    " is not below the marginal line ",
                    x.s("line"),
                    ": ",
                    x.dist(),
                    " above"
                )
            }
        }
    }
}
