//! Support for special hardship persons (特困人员救助供养), TK-1 … TK-15, decided per member.
//!
//! Reads the same accounts as dibao: the member facts of the composition (age, disability,
//! capacity to work) and each member's monthly income from the income account. Members who
//! qualify are returned so that the accounts can take them out of the dibao unit (TK-8).
//!
//! JSON shape: the `special_hardship` programme result lists one `individual_coverage` entry per
//! member tested (route `TK-1`), with that member's outcome, monthly amount (basic living
//! standard + care standard) and findings. Members with capacity to work are not tested; a
//! `TK-2` finding on the programme says so. The programme is `eligible` when any member is.
//!
//! What is where: this file holds the order in which one member's conditions are tested
//! ([`decide`] → `test_member`), the programme result, TK-1, TK-8 and TK-14; the conditions of
//! eligibility (TK-2, TK-3, TK-4, TK-6, TK-7) are in [`conditions`], the supporter test (TK-5)
//! in [`supporters`], the standards and amounts (TK-9 … TK-13, TK-15) in [`amounts`].
//!
//! May use: the programme [`Context`] (case, parameters, composition, income account), the
//! asset tests of the accounts, the case model, the determination types and findings. It uses
//! no other programme; [`peek_decimal`] is shared with rigid expenditure and temporary relief.

mod amounts;
mod conditions;
mod supporters;

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

use super::{Context, outcome_of};
use crate::CaseError;
use crate::accounts::members::MemberFacts;
use crate::case::{Area, MemberKey};
use crate::explain::{Finding, RuleId, Verdict};
use crate::money::{Exact, Yuan};
use crate::programmes::{IndividualCoverage, ProgrammeResult, ReviewItem};
use crate::rules::resolve::Params;
use crate::rules::{ParamId, ParamValue};
use crate::vocab::{Outcome, Programme};

/// What the special-hardship decision hands on to the rest of the pipeline.
pub(crate) struct SpecialHardship {
    /// The programme result.
    pub result: ProgrammeResult,
    /// Positions of the members who qualify: they leave the dibao unit.
    pub excluded: Vec<usize>,
    /// TK-8 findings for the accounts: who leaves the dibao unit and who stays.
    pub accounts_findings: Vec<Finding>,
}

/// A decimal parameter read only if present (marked used when it is).
pub(crate) fn peek_decimal(p: &Params, id: ParamId) -> Option<Decimal> {
    match p.peek(id).map(|v| &v.value) {
        Some(ParamValue::Decimal(d)) => {
            p.mark_used(id);
            Some(*d)
        }
        _ => None,
    }
}

/// The ages of TK-2 and TK-3 and the provincial grounds, read once for all members, and
/// whether the household is already supported (TK-3, TK-14).
struct Thresholds<'a> {
    /// TK-2: from this age a member has no capacity to work.
    elderly: u32,
    /// TK-2: below this age a member has no capacity to work.
    minor_below: u32,
    /// TK-3, TK-6: minors are covered until this age.
    cover_until: u32,
    /// TK-2: the grounds the province adds (`serious_illness`, `severe_disability`).
    additions: &'a [String],
    /// The household is enrolled in special hardship support.
    enrolled: bool,
}

impl<'a> Thresholds<'a> {
    fn read(ctx: &Context<'a>) -> Result<Self, CaseError> {
        let p = ctx.p;
        Ok(Thresholds {
            elderly: p.count(ParamId::ElderlyAge, 150)?,
            minor_below: p.count(ParamId::MinorNoLabourBelowAge, 150)?,
            cover_until: p.count(ParamId::TkMinorCoverUntilAge, 150)?,
            additions: p.list(ParamId::TkNoLabourAdditions)?,
            enrolled: ctx
                .case
                .enrolment
                .as_ref()
                .is_some_and(|e| e.programme == Programme::SpecialHardship),
        })
    }
}

/// The answer for one member.
enum MemberTest {
    /// TK-2: the member has capacity to work and is not tested; the findings go on the
    /// programme.
    NotTested(Vec<Finding>),
    /// The member was tested: the coverage entry, and whether the member qualifies with an
    /// amount (and so leaves the dibao unit, TK-8).
    Tested {
        entry: IndividualCoverage,
        qualifies: bool,
    },
}

/// Tests every counted member of the household.
pub(crate) fn decide(ctx: &Context<'_>, counted: &[usize]) -> Result<SpecialHardship, CaseError> {
    let th = Thresholds::read(ctx)?;
    let mut findings = Vec::new();
    let mut entries = Vec::new();
    let mut excluded = Vec::new();
    let mut accounts_findings = Vec::new();

    for &i in counted {
        let Some(facts) = ctx.comp.members.get(i) else {
            continue;
        };
        match test_member(ctx, &th, i, facts)? {
            MemberTest::NotTested(f) => findings.extend(f),
            MemberTest::Tested { entry, qualifies } => {
                if qualifies {
                    excluded.push(i);
                }
                accounts_findings.push(leaves_dibao_unit(facts.key, qualifies));
                entries.push(entry);
            }
        }
    }
    Ok(SpecialHardship {
        result: programme_result(ctx, entries, findings)?,
        excluded,
        accounts_findings,
    })
}

/// TK-1 … TK-15 for one member, in the order the findings are listed.
fn test_member(
    ctx: &Context<'_>,
    th: &Thresholds<'_>,
    i: usize,
    facts: &MemberFacts<'_>,
) -> Result<MemberTest, CaseError> {
    let (m, key, age) = (facts.member, facts.key, facts.age);
    let ground = conditions::no_labour_ground(m, age, th)?;
    let minor = conditions::minor_route(m, age, ground, th);
    if ground.is_none() && !minor {
        return Ok(MemberTest::NotTested(capable_of_work(ctx, th, key, age)?));
    }

    // about twenty findings per member tested
    let mut f = Vec::with_capacity(24);
    f.push(conditions::no_labour_finding(key, ground, age));
    if minor {
        f.push(conditions::minor_cover(age, th).finding(key, age, th));
    }
    if let Some(x) = conditions::orphan_choice(m, key, age, th) {
        f.push(x);
    }
    let rate = conditions::rate_of(ctx, m);
    let (std_month, std_param) = standard_of(ctx.p, rate.area)?;
    f.push(rate.finding(key, ctx.case.area));
    f.push(conditions::own_income(ctx, i, std_month)?.finding(key));
    conditions::own_assets(ctx, i, key, std_month, &mut f)?;
    supporters::no_capable_supporter(ctx, i, m.relation, key, std_month, &mut f)?;

    let mut outcome = conditions_together(key, &mut f);
    let amount = if outcome == Outcome::Eligible {
        let std = amounts::Standard {
            rate: rate.area,
            month: std_month,
            param: std_param,
        };
        let amount = amounts::support(ctx, m, key, &std, &mut f)?;
        if amount.is_none() {
            outcome = Outcome::NeedsReview;
        }
        amount
    } else {
        amounts::not_applicable(key, &mut f);
        None
    };
    if th.enrolled
        && let Some(x) = continuation(ctx, key, outcome)?
    {
        f.push(x);
    }
    Ok(MemberTest::Tested {
        entry: IndividualCoverage {
            member: key.to_owned(),
            route: RuleId::Tk1,
            outcome,
            class: None,
            monthly_amount: amount.map(Yuan::new),
            findings: f,
        },
        qualifies: amount.is_some(),
    })
}

/// TK-2 (fail): the member has capacity to work and is not tested; a member already supported
/// leaves (TK-14).
fn capable_of_work(
    ctx: &Context<'_>,
    th: &Thresholds<'_>,
    key: &MemberKey,
    age: u32,
) -> Result<Vec<Finding>, CaseError> {
    let mut findings = vec![
        Finding::new(RuleId::Tk2, Verdict::Fail)
            .member(key)
            .number("age", age)
            .number("elderly_age", th.elderly)
            .number("minor_below_age", th.minor_below),
    ];
    if th.enrolled {
        findings.push(leaving(ctx, key, "capacity_to_work")?);
    }
    Ok(findings)
}

/// TK-1: the three conditions together (no capacity to work, no income or assets, no capable
/// supporter); the member's outcome from the findings so far.
fn conditions_together(key: &MemberKey, f: &mut Vec<Finding>) -> Outcome {
    let (outcome, _) = outcome_of(f);
    f.push(
        Finding::new(
            RuleId::Tk1,
            match outcome {
                Outcome::Eligible => Verdict::Pass,
                Outcome::NotEligible => Verdict::Fail,
                Outcome::NeedsReview => Verdict::Unknown,
            },
        )
        .member(key),
    );
    outcome
}

/// TK-14: for a member already supported, support continues or ends; nothing while the
/// outcome needs review.
fn continuation(
    ctx: &Context<'_>,
    key: &MemberKey,
    outcome: Outcome,
) -> Result<Option<Finding>, CaseError> {
    Ok(match outcome {
        Outcome::Eligible => Some(
            Finding::new(RuleId::Tk14, Verdict::Pass)
                .member(key)
                .code("reason", "support_continues"),
        ),
        Outcome::NotEligible => Some(leaving(ctx, key, "conditions_no_longer_met")?),
        Outcome::NeedsReview => None,
    })
}

/// TK-8: a member who qualifies leaves the dibao unit (`fail`); one who does not stays.
fn leaves_dibao_unit(key: &MemberKey, qualifies: bool) -> Finding {
    Finding::new(
        RuleId::Tk8,
        if qualifies {
            Verdict::Fail
        } else {
            Verdict::Pass
        },
    )
    .member(key)
}

/// TK-1 for the programme: eligible when any member is, the review items of the members who
/// need review, and the review date (TK-15) of an eligible programme.
fn programme_result(
    ctx: &Context<'_>,
    entries: Vec<IndividualCoverage>,
    mut findings: Vec<Finding>,
) -> Result<ProgrammeResult, CaseError> {
    if entries.is_empty() {
        findings.push(
            Finding::new(RuleId::Tk1, Verdict::Fail).code("reason", "no_member_without_capacity"),
        );
    }
    let outcome = if entries.iter().any(|e| e.outcome == Outcome::Eligible) {
        Outcome::Eligible
    } else if entries.iter().any(|e| e.outcome == Outcome::NeedsReview) {
        Outcome::NeedsReview
    } else {
        Outcome::NotEligible
    };
    let review = if outcome == Outcome::NeedsReview {
        review_items(&entries)
    } else {
        Vec::new()
    };
    let valid_until = if outcome == Outcome::Eligible {
        let months = ctx.p.count(ParamId::TkReviewMonths, 120)?;
        ctx.case
            .evaluation_date
            .checked_add_months(Months::new(months))
    } else {
        None
    };
    Ok(ProgrammeResult {
        programme: Programme::SpecialHardship,
        outcome,
        class: None,
        monthly_amount: None,
        review,
        individual_coverage: entries,
        findings,
        one_off_amount: None,
        valid_until,
        review_reason: None,
        add_ons: Vec::new(),
        without_verification: false,
    })
}

/// The unknown findings of the members who need review.
fn review_items(entries: &[IndividualCoverage]) -> Vec<ReviewItem> {
    entries
        .iter()
        .filter(|e| e.outcome == Outcome::NeedsReview)
        .flat_map(|e| e.findings.iter())
        .filter(|x| x.verdict == Verdict::Unknown)
        .map(|x| ReviewItem {
            rule: x.rule,
            member: x.member.clone(),
        })
        .collect()
}

/// The result of dibao or marginal status when every counted member is a special-hardship
/// person: nobody is left in the unit (TK-8).
pub(crate) fn all_members_covered(programme: Programme) -> ProgrammeResult {
    ProgrammeResult {
        programme,
        outcome: Outcome::NotEligible,
        class: None,
        monthly_amount: None,
        review: Vec::new(),
        individual_coverage: Vec::new(),
        findings: vec![
            Finding::new(RuleId::Tk8, Verdict::Fail).code("reason", "all_members_special_hardship"),
        ],
        one_off_amount: None,
        valid_until: None,
        review_reason: None,
        add_ons: Vec::new(),
        without_verification: false,
    }
}

fn area_code(a: Area) -> &'static str {
    match a {
        Area::Urban => "urban",
        Area::Rural => "rural",
    }
}

/// The monthly dibao standard of a rate, and the parameter it comes from.
fn standard_of(p: &Params, rate: Area) -> Result<(Decimal, ParamId), CaseError> {
    match rate {
        Area::Urban => Ok((
            p.decimal(ParamId::DibaoStandardUrbanMonth)?,
            ParamId::DibaoStandardUrbanMonth,
        )),
        Area::Rural => Ok((
            p.decimal(ParamId::DibaoStandardRuralYear)?
                .div(Decimal::from(12), "rural standard")?,
            ParamId::DibaoStandardRuralYear,
        )),
    }
}

/// TK-14: support ends from the next month; the member is tested for dibao and temporary
/// relief on the same accounts.
fn leaving(ctx: &Context<'_>, key: &MemberKey, reason: &'static str) -> Result<Finding, CaseError> {
    let mut f = Finding::new(RuleId::Tk14, Verdict::Fail)
        .member(key)
        .code("reason", reason)
        .code("next", "minimum_living_and_temporary_relief_tested");
    if let Some(d) = first_of_next_month(ctx.case.evaluation_date) {
        f = f.date("ends_from", d);
    }
    Ok(f)
}

fn first_of_next_month(d: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?.checked_add_months(Months::new(1))
}
