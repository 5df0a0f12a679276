//! The conditions of special hardship a member is tested against before any amount: no capacity
//! to work (TK-2), minors (TK-3), the orphan allowance chosen instead (TK-6), the urban or rural
//! rate (TK-7), and no income or assets of one's own (TK-4).
//!
//! Each condition is decided into a small value (the ground, the figures, the verdict) and
//! recorded from that value on the member's [`Record`]. May use: the programme context, the
//! asset tests of the accounts, the case model and the record; the thresholds read by the
//! parent module.

use rust_decimal::Decimal;

use super::super::Context;
use super::Thresholds;
use crate::CaseError;
use crate::accounts::assets::AssetUnit;
use crate::accounts::income::KIND_COUNT;
use crate::case::{Area, IncomeKind, Member, MemberKey, SchoolLevel};
use crate::explain::{Record, RuleId, Verdict};
use crate::money::Exact;
use crate::rules::resolve::Params;
use crate::rules::{ParamId, ParamValue};

/// TK-2: the ground on which the member has no capacity to work (elderly, minor, disability or
/// a provincial addition), or `None`.
pub(super) fn no_labour_ground(
    m: &Member,
    age: u32,
    th: &Thresholds<'_>,
) -> Result<Option<&'static str>, CaseError> {
    if age >= th.elderly {
        return Ok(Some("elderly"));
    }
    if age < th.minor_below {
        return Ok(Some("minor"));
    }
    if m.disability.is_some_and(|d| d.excludes_work()) {
        return Ok(Some("disability"));
    }
    provincial_ground(m, th.additions)
}

/// TK-2 (provincial additions): serious illness or severe disability, where the province adds
/// them; the first addition met, in the order listed.
fn provincial_ground(m: &Member, additions: &[String]) -> Result<Option<&'static str>, CaseError> {
    for a in additions {
        let (met, ground) = match a.as_str() {
            "serious_illness" => (m.serious_illness, "provincial_serious_illness"),
            "severe_disability" => (
                m.disability.is_some_and(|d| d.is_severe()),
                "provincial_severe_disability",
            ),
            _ => {
                return Err(CaseError::BadParameter {
                    param: ParamId::TkNoLabourAdditions.name(),
                    problem: "unknown ground (serious_illness, severe_disability)",
                });
            }
        };
        if met {
            return Ok(Some(ground));
        }
    }
    Ok(None)
}

/// TK-2 for a member tested: on a ground (`pass`) or through TK-3 (not applicable).
pub(super) fn no_labour<'a>(
    rec: &mut Record<'a>,
    key: &'a MemberKey,
    ground: Option<&'static str>,
    age: u32,
) {
    match ground {
        Some(g) => rec.test_member(key, RuleId::Tk2, Verdict::Pass, |f| {
            f.code("ground", g).number("age", age)
        }),
        None => rec.test_member(key, RuleId::Tk2, Verdict::NotApplicable, |f| {
            f.code("reason", "see_tk3").number("age", age)
        }),
    }
}

/// TK-3: a member without a TK-2 ground comes in as a minor: under the cover age, or in
/// primary or secondary school.
pub(super) fn minor_route(
    m: &Member,
    age: u32,
    ground: Option<&'static str>,
    th: &Thresholds<'_>,
) -> bool {
    let in_school = m.student.is_some_and(|s| {
        matches!(
            s.level,
            SchoolLevel::Primary
                | SchoolLevel::JuniorSecondary
                | SchoolLevel::SeniorSecondary
                | SchoolLevel::SecondaryVocational
        )
    });
    ground.is_none() && (age < th.cover_until || in_school)
}

/// TK-3: the verdict on a minor and its reason.
pub(super) struct MinorCover {
    verdict: Verdict,
    reason: &'static str,
}

/// TK-3: minors are covered to the cover age (18), then while in school if already covered.
pub(super) fn minor_cover(age: u32, th: &Thresholds<'_>) -> MinorCover {
    let (verdict, reason) = if age < th.cover_until {
        (Verdict::Pass, "minor_under_cover_age")
    } else if th.enrolled {
        (Verdict::Pass, "continuing_in_school")
    } else {
        (Verdict::Fail, "not_covered_before_cover_age")
    };
    MinorCover { verdict, reason }
}

impl MinorCover {
    /// Records TK-3.
    pub(super) fn record<'a>(
        &self,
        rec: &mut Record<'a>,
        key: &'a MemberKey,
        age: u32,
        th: &Thresholds<'_>,
    ) {
        rec.test_member(key, RuleId::Tk3, self.verdict, |f| {
            f.number("age", age)
                .number("cover_until_age", th.cover_until)
                .code("reason", self.reason)
        });
    }
}

/// TK-6: a minor for whom the orphan allowance was chosen instead is not supported; nothing is
/// recorded for a member of the cover age or older.
pub(super) fn orphan_choice<'a>(
    rec: &mut Record<'a>,
    m: &Member,
    key: &'a MemberKey,
    age: u32,
    th: &Thresholds<'_>,
) {
    if age >= th.cover_until {
        return;
    }
    let verdict = Verdict::fail_if(m.orphan_allowance_chosen);
    rec.test_member(key, RuleId::Tk6, verdict, |f| f.number("age", age));
}

/// TK-7: the rate (urban or rural) a member is supported at, and why.
pub(super) struct Rate {
    pub area: Area,
    ground: &'static str,
}

/// TK-7: a member relocated to town is urban, one with contracted land rural; otherwise the
/// household's scheme.
pub(super) fn rate_of(ctx: &Context<'_>, m: &Member) -> Rate {
    let (area, ground) = if m.relocated_to_town {
        (Area::Urban, "relocated_to_town")
    } else if m.contracted_land {
        (Area::Rural, "contracted_land")
    } else {
        (ctx.case.area, "scheme_of_household")
    };
    Rate { area, ground }
}

impl Rate {
    /// Records TK-7.
    pub(super) fn record<'a>(
        &self,
        rec: &mut Record<'a>,
        key: &'a MemberKey,
        household_scheme: Area,
    ) {
        rec.test_member(key, RuleId::Tk7, Verdict::Pass, |f| {
            f.code("rate", self.area.as_str())
                .code("household_scheme", household_scheme.as_str())
                .code("ground", self.ground)
        });
    }
}

/// TK-4: a member's own monthly income against the dibao standard of the member's rate.
pub(super) struct OwnIncome {
    /// Countable income (INC-5) less the kinds special hardship disregards, at least zero.
    own: Decimal,
    /// The member's countable income for dibao.
    dibao_countable: Decimal,
    /// The income of the kinds special hardship disregards.
    disregarded: Decimal,
    /// The monthly dibao standard of the member's rate.
    standard: Decimal,
}

/// TK-4: own countable income (INC-5, less the kinds `tk_disregarded_income_kinds` lists).
pub(super) fn own_income(
    ctx: &Context<'_>,
    i: usize,
    standard: Decimal,
) -> Result<OwnIncome, CaseError> {
    let income = ctx.income.members.get(i).copied().unwrap_or_default();
    let dibao_countable = ctx.income.countable_of(i);
    let listed = tk_disregarded_kinds(ctx.p)?;
    let mut disregarded = Decimal::ZERO;
    for (v, &listed) in income.kinds.iter().zip(listed) {
        if listed {
            disregarded = disregarded.add(*v, "special-hardship income")?;
        }
    }
    let own = dibao_countable
        .sub(disregarded, "special-hardship income")?
        .max(Decimal::ZERO);
    Ok(OwnIncome {
        own,
        dibao_countable,
        disregarded,
        standard,
    })
}

/// TK-4: whether `tk_disregarded_income_kinds` lists each income kind, in the order of
/// [`IncomeKind::ALL`] (the order of `MemberIncome::kinds`); worked out once per resolution.
fn tk_disregarded_kinds(p: &Params) -> Result<&[bool; KIND_COUNT], CaseError> {
    p.parsed(ParamId::TkDisregardedIncomeKinds, |v| match v {
        ParamValue::List(l) => Ok(IncomeKind::ALL.map(|k| l.iter().any(|x| x == k.as_str()))),
        _ => Err(CaseError::BadParameter {
            param: ParamId::TkDisregardedIncomeKinds.name(),
            problem: "not a list",
        }),
    })
}

impl OwnIncome {
    /// Records TK-4: `pass` when own income is below the standard.
    pub(super) fn record<'a>(&self, rec: &mut Record<'a>, key: &'a MemberKey) {
        let below = self.own < self.standard;
        let verdict = Verdict::pass_if(below);
        rec.test_member(key, RuleId::Tk4, verdict, |f| {
            f.yuan("own_income", self.own)
                .yuan("dibao_countable", self.dibao_countable)
                .yuan("disregarded_inc5", self.disregarded)
                .yuan("standard", self.standard)
                .distance_between(self.own, self.standard)
        });
    }
}

/// TK-4 (assets): the member's own assets by the AST rules, with the special-hardship limit;
/// every asset condition is put on the member.
pub(super) fn own_assets<'a>(
    ctx: &Context<'a>,
    i: usize,
    key: &'a MemberKey,
    standard: Decimal,
    rec: &mut Record<'a>,
) -> Result<(), CaseError> {
    let unit_members = [i];
    let unit = AssetUnit {
        members: &unit_members,
        keys: ctx.keys,
        standard,
        limit: ParamId::FinAssetLimitMonthsTk,
    };
    let first_asset = rec.len();
    ctx.test_assets(&unit, rec)?;
    rec.assign_member_from(first_asset, key);
    Ok(())
}
