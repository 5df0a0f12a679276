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
//! Each member's conditions are kept on a [`Record`]: the member's outcome and review items come
//! from its typed conditions, and findings are written only when explaining.
//!
//! May use: the programme [`Context`] (case, parameters, composition, income account), the
//! asset tests of the accounts, the case model, the determination types and the record. It uses
//! no other programme; [`peek_decimal`] is shared with rigid expenditure and temporary relief.

mod amounts;
mod conditions;
mod supporters;

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

use super::{Context, review_items};
use crate::CaseError;
use crate::accounts::members::MemberFacts;
use crate::case::{Area, MemberKey};
use crate::explain::{Conditions, Finding, Record, RuleId, Verdict};
use crate::money::{Exact, Yuan};
use crate::programmes::{IndividualCoverage, ProgrammeResult, ReviewItem};
use crate::rules::resolve::Params;
use crate::rules::{ParamId, ParamValue};
use crate::vocab::{Outcome, Programme};

/// What the special-hardship decision hands on to the rest of the pipeline.
pub(crate) struct SpecialHardship {
    /// The programme result.
    pub result: ProgrammeResult,
    /// The conditions of the household unit (the programme's own `findings`, not the members').
    pub conditions: Conditions,
    /// Positions of the members who qualify: they leave the dibao unit.
    pub excluded: Vec<usize>,
    /// TK-8 findings for the accounts, when explaining: who leaves the dibao unit and who
    /// stays (an explanation only; `excluded` is what is decided).
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
    /// TK-5's parameters, read when a supporter is first judged.
    obligors: supporters::ObligorParams,
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
            obligors: supporters::ObligorParams::default(),
        })
    }
}

/// One member tested: the coverage entry, what a person must review when the member needs
/// review (from the member's typed conditions), and whether the member qualifies with an
/// amount (and so leaves the dibao unit, TK-8).
struct MemberTested {
    entry: IndividualCoverage,
    review: Vec<ReviewItem>,
    qualifies: bool,
}

/// Tests every counted member of the household.
pub(crate) fn decide(ctx: &Context<'_>, counted: &[usize]) -> Result<SpecialHardship, CaseError> {
    let th = Thresholds::read(ctx)?;
    // the programme's own conditions: the members not tested (TK-2, TK-14) and TK-1
    let mut rec = ctx.record();
    let mut tested = Vec::new();
    let mut excluded = Vec::new();
    let mut accounts = ctx.record();

    for &i in counted {
        let Some(facts) = ctx.comp.members.get(i) else {
            continue;
        };
        // TK-2: a member with capacity to work is not tested
        if let Some(t) = test_member(ctx, &th, i, facts, &mut rec)? {
            if t.qualifies {
                excluded.push(i);
            }
            leaves_dibao_unit(facts.key, t.qualifies, &mut accounts);
            tested.push(t);
        }
    }
    let (result, conditions) = programme_result(ctx, tested, rec)?;
    Ok(SpecialHardship {
        result,
        conditions,
        excluded,
        accounts_findings: accounts.into_findings(),
    })
}

/// TK-1 … TK-15 for one member, in the order the conditions are listed; `None` for a member
/// with capacity to work, who is not tested (recorded on the programme's `rec`).
fn test_member<'a>(
    ctx: &Context<'a>,
    th: &Thresholds<'_>,
    i: usize,
    facts: &MemberFacts<'a>,
    programme: &mut Record<'a>,
) -> Result<Option<MemberTested>, CaseError> {
    let (m, key, age) = (facts.member, facts.key, facts.age);
    let ground = conditions::no_labour_ground(m, age, th)?;
    let minor = conditions::minor_route(m, age, ground, th);
    if ground.is_none() && !minor {
        capable_of_work(ctx, th, key, age, programme);
        return Ok(None);
    }

    let mut rec = ctx.record();
    conditions::no_labour(&mut rec, key, ground, age);
    if minor {
        conditions::minor_cover(age, th).record(&mut rec, key, age, th);
    }
    conditions::orphan_choice(&mut rec, m, key, age, th);
    let rate = conditions::rate_of(ctx, m);
    let (std_month, std_param) = standard_of(ctx.p, rate.area)?;
    rate.record(&mut rec, key, ctx.case.area);
    conditions::own_income(ctx, i, std_month)?.record(&mut rec, key);
    conditions::own_assets(ctx, i, key, std_month, &mut rec)?;
    supporters::no_capable_supporter(ctx, &th.obligors, i, m.relation, key, std_month, &mut rec)?;

    let mut outcome = conditions_together(key, &mut rec);
    let amount = if outcome == Outcome::Eligible {
        let std = amounts::Standard {
            rate: rate.area,
            month: std_month,
            param: std_param,
        };
        let amount = amounts::support(ctx, m, key, &std, &mut rec)?;
        if amount.is_none() {
            outcome = Outcome::NeedsReview;
        }
        amount
    } else {
        amounts::not_applicable(key, &mut rec);
        None
    };
    if th.enrolled {
        continuation(ctx, key, outcome, &mut rec);
    }
    let review = review_items(&rec, outcome);
    Ok(Some(MemberTested {
        entry: IndividualCoverage {
            member: key.to_owned(),
            route: RuleId::Tk1,
            outcome,
            class: None,
            monthly_amount: amount.map(Yuan::new),
            findings: rec.into_findings(),
        },
        review,
        qualifies: amount.is_some(),
    }))
}

/// TK-2 (fail): the member has capacity to work and is not tested; a member already supported
/// leaves (TK-14).
fn capable_of_work<'a>(
    ctx: &Context<'_>,
    th: &Thresholds<'_>,
    key: &'a MemberKey,
    age: u32,
    rec: &mut Record<'a>,
) {
    rec.test_member(key, RuleId::Tk2, Verdict::Fail, |f| {
        f.number("age", age)
            .number("elderly_age", th.elderly)
            .number("minor_below_age", th.minor_below)
    });
    if th.enrolled {
        leaving(ctx, key, "capacity_to_work", rec);
    }
}

/// TK-1: the three conditions together (no capacity to work, no income or assets, no capable
/// supporter); the member's outcome from the conditions so far.
fn conditions_together<'a>(key: &'a MemberKey, rec: &mut Record<'a>) -> Outcome {
    let outcome = rec.outcome();
    let verdict = match outcome {
        Outcome::Eligible => Verdict::Pass,
        Outcome::NotEligible => Verdict::Fail,
        Outcome::NeedsReview => Verdict::Unknown,
    };
    rec.test_member(key, RuleId::Tk1, verdict, |f| f);
    outcome
}

/// TK-14: for a member already supported, support continues or ends; nothing while the
/// outcome needs review.
fn continuation<'a>(ctx: &Context<'_>, key: &'a MemberKey, outcome: Outcome, rec: &mut Record<'a>) {
    match outcome {
        Outcome::Eligible => rec.test_member(key, RuleId::Tk14, Verdict::Pass, |f| {
            f.code("reason", "support_continues")
        }),
        Outcome::NotEligible => leaving(ctx, key, "conditions_no_longer_met", rec),
        Outcome::NeedsReview => {}
    }
}

/// TK-8: a member who qualifies leaves the dibao unit (`fail`); one who does not stays.
fn leaves_dibao_unit<'a>(key: &'a MemberKey, qualifies: bool, rec: &mut Record<'a>) {
    let verdict = Verdict::fail_if(qualifies);
    rec.test_member(key, RuleId::Tk8, verdict, |f| f);
}

/// TK-1 for the programme: eligible when any member is, the review items of the members who
/// need review, and the review date (TK-15) of an eligible programme; with the conditions of
/// the programme's own record `rec`.
fn programme_result(
    ctx: &Context<'_>,
    tested: Vec<MemberTested>,
    mut rec: Record<'_>,
) -> Result<(ProgrammeResult, Conditions), CaseError> {
    if tested.is_empty() {
        rec.test(RuleId::Tk1, Verdict::Fail, |f| {
            f.code("reason", "no_member_without_capacity")
        });
    }
    let reaches = |o: Outcome| tested.iter().any(|t| t.entry.outcome == o);
    let outcome = if reaches(Outcome::Eligible) {
        Outcome::Eligible
    } else if reaches(Outcome::NeedsReview) {
        Outcome::NeedsReview
    } else {
        Outcome::NotEligible
    };
    // the review items of the members who need review, when the programme does
    let mut review = Vec::new();
    let mut entries = Vec::with_capacity(tested.len());
    for t in tested {
        if outcome == Outcome::NeedsReview && t.entry.outcome == Outcome::NeedsReview {
            review.extend(t.review);
        }
        entries.push(t.entry);
    }
    let valid_until = if outcome == Outcome::Eligible {
        let months = ctx.p.count(ParamId::TkReviewMonths, 120)?;
        ctx.case
            .evaluation_date
            .checked_add_months(Months::new(months))
    } else {
        None
    };
    let conditions = rec.conditions();
    let result = ProgrammeResult {
        programme: Programme::SpecialHardship,
        outcome,
        class: None,
        monthly_amount: None,
        review,
        individual_coverage: entries,
        findings: rec.into_findings(),
        one_off_amount: None,
        valid_until,
        review_reason: None,
        add_ons: Vec::new(),
        without_verification: false,
    };
    Ok((result, conditions))
}

/// The result of dibao or marginal status when every counted member is a special-hardship
/// person: nobody is left in the unit (TK-8); with the unit's conditions.
pub(crate) fn all_members_covered(
    ctx: &Context<'_>,
    programme: Programme,
) -> (ProgrammeResult, Conditions) {
    let mut rec = ctx.record();
    rec.test(RuleId::Tk8, Verdict::Fail, |f| {
        f.code("reason", "all_members_special_hardship")
    });
    let conditions = rec.conditions();
    let result = ProgrammeResult {
        programme,
        outcome: Outcome::NotEligible,
        class: None,
        monthly_amount: None,
        review: Vec::new(),
        individual_coverage: Vec::new(),
        findings: rec.into_findings(),
        one_off_amount: None,
        valid_until: None,
        review_reason: None,
        add_ons: Vec::new(),
        without_verification: false,
    };
    (result, conditions)
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
fn leaving<'a>(ctx: &Context<'_>, key: &'a MemberKey, reason: &'static str, rec: &mut Record<'a>) {
    rec.test_member(key, RuleId::Tk14, Verdict::Fail, |f| {
        let f = f
            .code("reason", reason)
            .code("next", "minimum_living_and_temporary_relief_tested");
        match first_of_next_month(ctx.case.evaluation_date) {
            Some(d) => f.date("ends_from", d),
            None => f,
        }
    });
}

fn first_of_next_month(d: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?.checked_add_months(Months::new(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleBook;
    use crate::accounts::{income, members};
    use crate::case::Case;
    use serde_json::json;

    fn case(members: serde_json::Value, extra: &[(&str, serde_json::Value)]) -> Case {
        let mut v = json!({
            "evaluation_date": "2026-11-01",
            "jurisdiction": "621027",
            "purpose": "new_application",
            "area": "rural",
            "household": { "members": members }
        });
        for (k, x) in extra {
            if *k == "supporters" {
                v["household"]["supporters"] = x.clone();
            } else {
                v[*k] = x.clone();
            }
        }
        crate::parse_case(&v.to_string()).unwrap()
    }

    /// Decides special hardship on the first accounts, explaining or not.
    fn decide_on(case: &Case, explain: bool) -> SpecialHardship {
        let p = Params::resolve(
            &RuleBook::embedded(),
            &case.jurisdiction,
            case.evaluation_date,
        )
        .unwrap();
        let keys = crate::case::validate::validate(case).unwrap();
        let mut accounts = crate::explain::Record::new(false);
        let comp = members::compose(case, &p, &mut accounts).unwrap();
        let inc = income::account(case, &comp, &keys, &p, &mut accounts).unwrap();
        let counted: Vec<usize> = comp.counted().collect();
        let member_keys: Vec<_> = comp.members.iter().map(|m| m.key).collect();
        let standard = p.decimal(ParamId::DibaoStandardRuralYear).unwrap() / Decimal::from(12);
        let ctx = Context::new(case, &p, &comp, &inc, &member_keys, standard, explain);
        decide(&ctx, &counted).unwrap()
    }

    #[test]
    fn the_decision_is_the_same_whether_or_not_findings_are_written() {
        let cases = [
            // elderly, alone, assessed: eligible with an amount
            case(
                json!([{ "key": "m1", "relation": "applicant", "birth_date": "1940-01-01",
                         "self_care": { "unable": [] } }]),
                &[],
            ),
            // elderly without an assessment beside a capable adult; a supporter whose income is
            // not known: needs review
            case(
                json!([
                    { "key": "m1", "relation": "applicant", "birth_date": "1940-01-01" },
                    { "key": "m2", "relation": "other_relative", "birth_date": "1985-01-01" }
                ]),
                &[(
                    "supporters",
                    json!([{ "key": "s1", "relation": "child", "birth_date": "1950-05-02",
                             "financial_assets": "0" }]),
                )],
            ),
            // only a member capable of work, already supported: TK-2 and TK-14 on the programme
            case(
                json!([{ "key": "m1", "relation": "applicant", "birth_date": "1985-01-01" }]),
                &[
                    ("purpose", json!("recheck")),
                    (
                        "enrolment",
                        json!({ "programme": "special_hardship", "monthly_amount": "798",
                                "since": "2020-01-01" }),
                    ),
                ],
            ),
            // elderly, alone, no self-care assessment: no care standard, needs review (TK-10)
            case(
                json!([{ "key": "m1", "relation": "applicant", "birth_date": "1940-01-01" }]),
                &[],
            ),
        ];
        for c in &cases {
            let loud = decide_on(c, true);
            let quiet = decide_on(c, false);
            assert_eq!(loud.result.outcome, quiet.result.outcome);
            assert_eq!(loud.result.review, quiet.result.review);
            assert_eq!(loud.result.valid_until, quiet.result.valid_until);
            assert_eq!(loud.conditions, quiet.conditions);
            assert_eq!(loud.excluded, quiet.excluded);
            assert_eq!(
                loud.conditions,
                Conditions::from_findings(&loud.result.findings)
            );
            let units = |s: &SpecialHardship| -> Vec<_> {
                s.result
                    .individual_coverage
                    .iter()
                    .map(|e| (e.member.clone(), e.outcome, e.monthly_amount))
                    .collect()
            };
            assert_eq!(units(&loud), units(&quiet));
            assert!(quiet.result.findings.is_empty() && quiet.accounts_findings.is_empty());
            assert!(
                quiet
                    .result
                    .individual_coverage
                    .iter()
                    .all(|e| e.findings.is_empty())
            );
        }
        let outcomes: Vec<_> = cases
            .iter()
            .map(|c| decide_on(c, false).result.outcome)
            .collect();
        assert_eq!(
            outcomes,
            [
                Outcome::Eligible,
                Outcome::NeedsReview,
                Outcome::NotEligible,
                Outcome::NeedsReview
            ]
        );
        // the review items name the unknown conditions of the member who needs review
        let review = |c: &Case| -> Vec<_> {
            decide_on(c, false)
                .result
                .review
                .into_iter()
                .map(|r| (r.rule, r.member.map(|m| m.as_str().to_owned())))
                .collect()
        };
        let m1 = || Some("m1".to_owned());
        assert_eq!(
            review(&cases[1]),
            [(RuleId::Tk5, m1()), (RuleId::Tk1, m1())]
        );
        assert_eq!(review(&cases[3]), [(RuleId::Tk10, m1())]);
    }
}
