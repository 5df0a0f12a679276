//! The sentences of the household-composition rules (HH), `rules-spec/rules/household.md`: one
//! function per rule, in Chinese and English.
//!
//! Uses only the sentence mechanism of `super` (and its shared code names and phrases in
//! `super::common`), the finding's verdict and the rule IDs.

use std::fmt;

use super::common::zh;
use super::{Facts, Lang, Spaced, put};

/// HH-2: who counts as a household member.
pub(super) fn hh2(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => match (pass, x.code("ground")) {
            (true, g) => put!(
                w,
                "计入共同生活家庭成员（",
                zh(x.code("relation")),
                "，",
                zh(g),
                "）"
            ),
            (false, "not_co_resident") => w.write_str("不计入：未与家庭长期共同居住"),
            (false, _) => w.write_str("不计入：与申请人无法定赡养、抚养或扶养关系"),
        },
        Lang::En => match (pass, x.code("ground")) {
            (true, g) => put!(
                w,
                "counted as a household member (relation ",
                x.s("relation"),
                ", ground ",
                g,
                ")"
            ),
            (false, "not_co_resident") => {
                w.write_str("not counted: does not live with the household long-term")
            }
            (false, _) => w.write_str("not counted: no statutory support duty with the applicant"),
        },
    }
}

/// HH-3 and HH-4: a status that excludes a member, national (HH-3) or provincial (HH-4).
pub(super) fn hh3_hh4(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            let s = zh_status(x.code("status"));
            if pass {
                if x.figure("years_required").is_some() {
                    put!(
                        w,
                        s,
                        "仅 ",
                        x.s("years_apart"),
                        " 年，未满 ",
                        x.s("years_required"),
                        " 年，仍计入家庭成员"
                    )
                } else {
                    put!(w, s, "不在本地不计入人员范围内，仍计入家庭成员")
                }
            } else {
                put!(w, s, "，不计入共同生活家庭成员")
            }
        }
        Lang::En => {
            let s = Spaced(x.code("status"));
            if pass {
                if x.figure("years_required").is_some() {
                    put!(
                        w,
                        s,
                        " for only ",
                        x.s("years_apart"),
                        " years (fewer than ",
                        x.s("years_required"),
                        "): still counted"
                    )
                } else {
                    put!(w, s, " is not an exclusion here: still counted")
                }
            } else {
                put!(w, s, ": not counted as a household member")
            }
        }
    }
}

/// HH-5: individual coverage in marginal families.
pub(super) fn hh5(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if pass {
                w.write_str("家庭为低保边缘家庭，本人可单独提出申请（单人保）")
            } else {
                w.write_str("家庭不是低保边缘家庭，不能单独纳入低保")
            }
        }
        Lang::En => {
            if pass {
                w.write_str("the household is a marginal family, so this member may be covered individually")
            } else {
                w.write_str(
                    "the household is not a marginal family, so individual coverage is not open",
                )
            }
        }
    }
}

/// HH-6: unemployed adults with severe disability as single-person units.
pub(super) fn hh6(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::Zh => {
            put!(
                w,
                "成年无业重度残疾人（",
                x.s("age"),
                " 岁），可参照单人户申请"
            )
        }
        Lang::En => put!(
            w,
            "adult (",
            x.s("age"),
            ") with severe disability and no work: may be covered as a single-person unit"
        ),
    }
}

/// HH-7: no partial coverage of a household.
pub(super) fn hh7(x: &Facts<'_>, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => {
            if pass {
                put!(
                    w,
                    "全部 ",
                    x.s("members_covered"),
                    " 名共同生活家庭成员一并纳入，不得只纳入部分成员"
                )
            } else {
                w.write_str("家庭整体不符合条件，只能按单人保途径考虑个别成员")
            }
        }
        Lang::En => {
            if pass {
                put!(
                    w,
                    "all ",
                    x.s("members_covered"),
                    " counted members are covered together; no partial coverage"
                )
            } else {
                w.write_str(
                    "the household does not qualify as a whole; only individual routes remain",
                )
            }
        }
    }
}

fn zh_status(code: &str) -> &'static str {
    match code {
        "imprisoned" => "服刑",
        "compulsory_drug_rehabilitation" => "强制隔离戒毒",
        "declared_missing" => "宣告失踪",
        "clergy_living_apart" => "宗教教职人员脱离家庭",
        "conscript" => "服义务兵役",
        _ => "其他状态",
    }
}
