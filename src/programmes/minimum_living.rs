//! Urban-rural minimum living allowance (城乡最低生活保障): DB-1 eligibility, the urban gap amount
//! (DB-3), rural classes (DB-5), the minimum payment (DB-6), and the individual routes for
//! members of households that do not qualify as a whole (HH-5, HH-6, DB-15).

use rust_decimal::Decimal;

use super::{Context, outcome_of, round_payment};
use crate::CaseError;
use crate::accounts::assets::{AssetUnit, test_assets};
use crate::accounts::members::dec;
use crate::case::Area;
use crate::explain::{Finding, RuleId, Verdict};
use crate::money::{Exact, Rounding, Yuan};
use crate::programmes::{IndividualCoverage, ProgrammeResult, ReviewItem};
use crate::rules::ParamId;
use crate::vocab::{DibaoClass, Outcome, Programme};

/// A unit's result: the household or one member.
struct UnitResult {
    outcome: Outcome,
    class: Option<DibaoClass>,
    amount: Option<Decimal>,
    review: Vec<ReviewItem>,
    findings: Vec<Finding>,
}

/// Decides dibao for the household (the counted members as one unit).
pub(crate) fn decide_household(
    ctx: &Context<'_>,
    counted: &[usize],
) -> Result<ProgrammeResult, CaseError> {
    let unit = match ctx.income.per_capita {
        Some(_) => decide_unit(ctx, counted, ctx.income.household, false)?,
        None => UnitResult {
            outcome: Outcome::NeedsReview,
            class: None,
            amount: None,
            review: vec![ReviewItem {
                rule: RuleId::Inc9,
                member: None,
            }],
            findings: Vec::new(),
        },
    };
    Ok(ProgrammeResult {
        programme: Programme::MinimumLiving,
        outcome: unit.outcome,
        class: unit.class,
        monthly_amount: unit.amount.map(Yuan::new),
        review: unit.review,
        individual_coverage: Vec::new(),
        findings: unit.findings,
        one_off_amount: None,
        valid_until: None,
        review_reason: None,
    })
}

/// The individual routes (HH-5, HH-6) for a household that does not qualify as a whole, and
/// the no-partial-coverage rule (HH-7) stated either way.
pub(crate) fn individual_routes(
    ctx: &Context<'_>,
    result: &mut ProgrammeResult,
    marginal: Outcome,
    counted: &[usize],
) -> Result<(), CaseError> {
    if result.outcome == Outcome::Eligible {
        result.findings.push(
            Finding::new(RuleId::Hh7, Verdict::Pass).number("members_covered", dec(counted.len())),
        );
        return Ok(());
    }
    if result.outcome != Outcome::NotEligible {
        return Ok(());
    }
    result.findings.push(
        Finding::new(RuleId::Hh7, Verdict::Fail)
            .number("members_covered", 0u64)
            .code("reason", "household_not_eligible_individual_routes_only"),
    );
    let requires_edge = ctx.p.flag(ParamId::SingleCoverRequiresEdge)?;
    for &i in counted {
        let (Some(facts), Some(income)) = (ctx.comp.members.get(i), ctx.income.members.get(i))
        else {
            continue;
        };
        let m = facts.member;
        let severe = m.disability.is_some_and(|d| d.is_severe());
        let route_hh5 =
            m.disability.is_some_and(|d| d.qualifies_individual_route()) || m.serious_illness;
        let route = if facts.age >= 18 && severe && !income.has_work_income() {
            result.findings.push(
                Finding::new(RuleId::Hh6, Verdict::Pass)
                    .member(facts.key)
                    .number("age", facts.age),
            );
            RuleId::Hh6
        } else if route_hh5 {
            let edge_ok = marginal == Outcome::Eligible || !requires_edge;
            result.findings.push(
                Finding::new(
                    RuleId::Hh5,
                    if edge_ok {
                        Verdict::Pass
                    } else {
                        Verdict::Fail
                    },
                )
                .member(facts.key)
                .code(
                    "household_marginal",
                    if marginal == Outcome::Eligible {
                        "yes"
                    } else {
                        "no"
                    },
                )
                .code(
                    "ground",
                    if m.serious_illness {
                        "serious_illness"
                    } else {
                        "severe_disability"
                    },
                ),
            );
            if !edge_ok {
                continue;
            }
            RuleId::Hh5
        } else {
            continue;
        };
        let own = income.countable()?;
        let unit = decide_unit(ctx, std::slice::from_ref(&i), own, true)?;
        result.individual_coverage.push(IndividualCoverage {
            member: facts.key.to_owned(),
            route,
            outcome: unit.outcome,
            class: unit.class,
            monthly_amount: unit.amount.map(Yuan::new),
            findings: unit.findings,
        });
    }
    Ok(())
}

/// DB-1, the asset tests and the amount for one unit.
fn decide_unit(
    ctx: &Context<'_>,
    members: &[usize],
    income: Decimal,
    individual: bool,
) -> Result<UnitResult, CaseError> {
    const W: &str = "dibao amount";
    let mut findings = Vec::with_capacity(16);
    let n = dec(members.len());
    let pci = income.div(n.max(Decimal::ONE), W)?;

    // DB-1: income per head strictly below the standard.
    let below = pci < ctx.standard;
    findings.push(
        Finding::new(
            RuleId::Db1,
            if below { Verdict::Pass } else { Verdict::Fail },
        )
        .yuan("per_capita_income", pci)
        .yuan("standard", ctx.standard)
        .distance((ctx.standard - pci).abs()),
    );
    if individual
        && let (Some(k), Some(f)) = (
            members.first().and_then(|&i| ctx.keys.get(i)),
            findings.last_mut(),
        )
    {
        f.member = Some((*k).to_owned());
    }
    let unit = AssetUnit {
        members,
        keys: &ctx.keys,
        standard: ctx.standard,
        limit: ParamId::FinAssetLimitMonthsDibao,
    };
    test_assets(ctx.case, &unit, ctx.p, &mut findings)?;
    let (outcome, review) = outcome_of(&findings);
    if outcome != Outcome::Eligible {
        return Ok(UnitResult {
            outcome,
            class: None,
            amount: None,
            review,
            findings,
        });
    }

    let rounding = ctx.rounding()?;
    let (class, exact) = match ctx.case.area {
        Area::Urban => {
            // DB-3 (household) or DB-15 (individual unit): standard × persons − income.
            let total = ctx.standard.mul(n, W)?;
            let gap = total.sub(income, W)?;
            findings.push(
                Finding::new(
                    if individual {
                        RuleId::Db15
                    } else {
                        RuleId::Db3
                    },
                    Verdict::Pass,
                )
                .yuan("standard", ctx.standard)
                .number("persons", n)
                .yuan("household_income", income)
                .yuan("gap", gap),
            );
            (None, gap)
        }
        Area::Rural => {
            let class = rural_class(ctx, members, pci, &mut findings)?;
            let rate = class_rate(ctx, class, &mut findings)?;
            (Some(class), rate.mul(n, W)?)
        }
    };
    let rounded = round_payment(exact, rounding, &mut findings)?;
    let amount = minimum_payment(ctx, rounded, &mut findings)?;
    Ok(UnitResult {
        outcome,
        class,
        amount: Some(amount),
        review,
        findings,
    })
}

/// DB-6: a minimum payment floor, if the jurisdiction sets one.
fn minimum_payment(
    ctx: &Context<'_>,
    amount: Decimal,
    findings: &mut Vec<Finding>,
) -> Result<Decimal, CaseError> {
    let floor = ctx.p.decimal(ParamId::MinBenefitPerHousehold)?;
    if floor <= Decimal::ZERO {
        findings.push(Finding::new(RuleId::Db6, Verdict::NotApplicable).yuan("minimum", floor));
        return Ok(amount);
    }
    let raised = amount < floor;
    findings.push(
        Finding::new(
            RuleId::Db6,
            if raised { Verdict::Fail } else { Verdict::Pass },
        )
        .yuan("amount", amount)
        .yuan("minimum", floor),
    );
    Ok(amount.max(floor))
}

/// DB-5: the rural class from the configured criteria, tried in order; class 4 is the rest.
fn rural_class(
    ctx: &Context<'_>,
    members: &[usize],
    pci: Decimal,
    findings: &mut Vec<Finding>,
) -> Result<DibaoClass, CaseError> {
    for (class, param) in [
        (DibaoClass::Class1, ParamId::RuralClass1Criteria),
        (DibaoClass::Class2, ParamId::RuralClass2Criteria),
    ] {
        let criteria = ctx.p.list(param)?;
        let mut met = None;
        for c in criteria {
            if criterion(ctx, members, c, param)? {
                met = Some(c);
                break;
            }
        }
        let mut f = Finding::new(
            RuleId::Db5,
            if met.is_some() {
                Verdict::Pass
            } else {
                Verdict::Fail
            },
        )
        .code("class", class.as_str());
        if let Some(c) = met.and_then(|c| criterion_code(c)) {
            f = f.code("criterion", c);
        }
        findings.push(f);
        if met.is_some() {
            return Ok(class);
        }
    }
    let share = ctx
        .p
        .decimal_in(ParamId::RuralClass3IncomeShareMax, Decimal::ONE)?;
    let line = ctx.standard.mul(share, "class 3 line")?;
    let class3 = pci < line;
    findings.push(
        Finding::new(
            RuleId::Db5,
            if class3 { Verdict::Pass } else { Verdict::Fail },
        )
        .code("class", DibaoClass::Class3.as_str())
        .yuan("per_capita_income", pci)
        .yuan("line", line)
        .ratio("share", share)
        .distance((line - pci).abs()),
    );
    if class3 {
        return Ok(DibaoClass::Class3);
    }
    findings
        .push(Finding::new(RuleId::Db5, Verdict::Pass).code("class", DibaoClass::Class4.as_str()));
    Ok(DibaoClass::Class4)
}

const CRITERIA: &[&str] = &[
    "no_member_able_to_work",
    "member_severe_disability",
    "member_serious_illness",
    "member_elderly",
    "single_elderly",
];

fn criterion_code(name: &str) -> Option<&'static str> {
    CRITERIA.iter().copied().find(|c| *c == name)
}

/// One class criterion, by its parameter name.
fn criterion(
    ctx: &Context<'_>,
    members: &[usize],
    name: &str,
    param: ParamId,
) -> Result<bool, CaseError> {
    let facts = || members.iter().filter_map(|&i| ctx.comp.members.get(i));
    let elderly = ctx.p.count(ParamId::ElderlyAge, 150)?;
    Ok(match name {
        "no_member_able_to_work" => facts().all(|m| !m.able_to_work),
        "member_severe_disability" => facts().any(|m| {
            m.member
                .disability
                .is_some_and(|d| d.qualifies_individual_route())
        }),
        "member_serious_illness" => facts().any(|m| m.member.serious_illness),
        "member_elderly" => facts().any(|m| m.age >= elderly),
        "single_elderly" => members.len() == 1 && facts().all(|m| m.age >= elderly),
        _ => {
            return Err(CaseError::BadParameter {
                param: param.name(),
                problem: "unknown class criterion",
            });
        }
    })
}

/// DB-5-RATE: the rate per person for a class.
fn class_rate(
    ctx: &Context<'_>,
    class: DibaoClass,
    findings: &mut Vec<Finding>,
) -> Result<Decimal, CaseError> {
    let f = Finding::new(RuleId::Db5Rate, Verdict::Pass).code("class", class.as_str());
    let (rate, f) = match class {
        DibaoClass::Class1 => (ctx.standard, f.code("method", "full_standard")),
        DibaoClass::Class2 => {
            let share = ctx.p.decimal_in(ParamId::RuralClass2Share, Decimal::ONE)?;
            let computed = Rounding::HALF_UP_YUAN
                .apply(ctx.standard.mul(share, "class 2 rate")?)
                .ok_or(CaseError::Overflow {
                    what: "class 2 rate",
                })?;
            // A published figure is used only if it belongs to the standard in force.
            let standard_from = ctx.p.peek(ParamId::DibaoStandardRuralYear).map(|v| v.from);
            let pinned = ctx
                .p
                .peek(ParamId::RuralClass2Amount)
                .filter(|v| standard_from.is_some_and(|s| v.from >= s));
            match pinned.map(|v| &v.value) {
                Some(crate::rules::ParamValue::Decimal(d)) if *d < Decimal::ZERO => {
                    return Err(CaseError::BadParameter {
                        param: ParamId::RuralClass2Amount.name(),
                        problem: "must not be negative",
                    });
                }
                Some(crate::rules::ParamValue::Decimal(d)) => {
                    ctx.p.mark_used(ParamId::RuralClass2Amount);
                    (
                        *d,
                        f.code("method", "published_figure")
                            .yuan("computed", computed)
                            .ratio("share", share),
                    )
                }
                _ => (
                    computed,
                    f.code("method", "share_rounded_half_up")
                        .yuan("class_1", ctx.standard)
                        .ratio("share", share),
                ),
            }
        }
        DibaoClass::Class3 => (
            ctx.p.decimal(ParamId::RuralClass3Amount)?,
            f.code("method", "fixed_amount"),
        ),
        DibaoClass::Class4 => (
            ctx.p.decimal(ParamId::RuralClass4Amount)?,
            f.code("method", "fixed_amount"),
        ),
    };
    findings.push(f.yuan("rate", rate));
    Ok(rate)
}
