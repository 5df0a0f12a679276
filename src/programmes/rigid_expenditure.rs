//! Rigid-expenditure hardship families (刚性支出困难家庭), RIG-1 … RIG-8.
//!
//! Reads the dibao unit's accounts (after special-hardship members have left it), the asset
//! tests with the marginal-family limits, and the household's expenses over the look-back
//! period. The result states `valid_until` (RIG-5).

use chrono::Months;
use rust_decimal::Decimal;

use super::special_hardship::peek_decimal;
use super::{Context, outcome_of};
use crate::CaseError;
use crate::accounts::assets::{AssetUnit, test_assets};
use crate::accounts::members::months_back;
use crate::case::ExpenseKind;
use crate::explain::{Finding, RuleId, Verdict};
use crate::money::Exact;
use crate::programmes::ProgrammeResult;
use crate::rules::{ParamId, ParamValue};
use crate::vocab::{Outcome, Programme};

/// The other programmes' outcomes RIG-1 looks at.
pub(crate) struct Others {
    /// Dibao for the household or any member on an individual route.
    pub minimum_living: Outcome,
    /// Marginal family.
    pub marginal: Outcome,
    /// Special hardship for any member.
    pub special_hardship: Outcome,
}

/// Decides rigid-expenditure hardship for the dibao unit.
pub(crate) fn decide(
    ctx: &Context<'_>,
    others: &Others,
    counted: &[usize],
) -> Result<ProgrammeResult, CaseError> {
    const W: &str = "rigid expenditure";
    let p = ctx.p;
    let date = ctx.case.evaluation_date;
    let mut findings = Vec::with_capacity(16);

    // RIG-7: the measure applies from 2025-01-01.
    let in_force = match p.peek(ParamId::RigInForce).map(|v| (&v.value, v.from)) {
        Some((ParamValue::Bool(b), from)) => {
            p.mark_used(ParamId::RigInForce);
            Some((*b, from))
        }
        _ => None,
    };
    match in_force {
        Some((true, from)) => {
            findings.push(Finding::new(RuleId::Rig7, Verdict::Pass).date("in_force_from", from));
        }
        _ => {
            findings.push(
                Finding::new(RuleId::Rig7, Verdict::Fail)
                    .date("evaluation_date", date)
                    .code("reason", "not_in_force"),
            );
            return Ok(result(Outcome::NotEligible, Vec::new(), findings, None));
        }
    }

    // RIG-1 (1): not in dibao, special hardship or a marginal family, now or by enrolment.
    let enrolled = ctx.case.enrolment.as_ref().map(|e| e.programme);
    let blocking = if others.minimum_living == Outcome::Eligible {
        Some("qualifies_for_minimum_living")
    } else if others.special_hardship == Outcome::Eligible {
        Some("qualifies_for_special_hardship")
    } else if others.marginal == Outcome::Eligible {
        Some("qualifies_as_marginal_family")
    } else {
        match enrolled {
            Some(Programme::MinimumLiving) => Some("enrolled_in_minimum_living"),
            Some(Programme::SpecialHardship) => Some("enrolled_in_special_hardship"),
            Some(Programme::MarginalFamily) => Some("enrolled_as_marginal_family"),
            _ => None,
        }
    };
    findings.push(match blocking {
        Some(reason) => Finding::new(RuleId::Rig1, Verdict::Fail).code("reason", reason),
        None => Finding::new(RuleId::Rig1, Verdict::Pass),
    });

    // RIG-8 / RIG-1 (2): income per head below last year's disposable income ÷ 12.
    let line_year = peek_decimal(p, ParamId::DisposableIncomePerCapitaYear);
    match (ctx.income.per_capita, line_year) {
        (Some(pci), Some(year)) => {
            let line = year.div(Decimal::from(12), W)?;
            let below = pci < line;
            findings.push(
                Finding::new(
                    RuleId::Rig8,
                    if below { Verdict::Pass } else { Verdict::Fail },
                )
                .yuan("per_capita_income", pci)
                .yuan("disposable_income_year", year)
                .yuan("line", line)
                .distance((line - pci).abs()),
            );
        }
        (None, _) => findings
            .push(Finding::new(RuleId::Rig8, Verdict::Unknown).code("reason", "no_counted_member")),
        (_, None) => findings.push(
            Finding::new(RuleId::Rig8, Verdict::Unknown).code("reason", "no_disposable_income"),
        ),
    }

    // RIG-1 (3): assets within the marginal-family limits.
    let unit = AssetUnit {
        members: counted,
        keys: &ctx.keys,
        standard: ctx.standard,
        limit: ParamId::FinAssetLimitMonthsEdge,
    };
    test_assets(ctx.case, &unit, p, &mut findings)?;

    // RIG-2: rigid expenditure over the look-back period.
    let lookback = p.count(ParamId::RigLookbackMonths, 120)?;
    let since = months_back(date, lookback).unwrap_or(date);
    let (mut medical, mut education, mut rehab, mut other, mut reduced) = (
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::ZERO,
    );
    for e in &ctx.case.household.expenses {
        let counted_member = counted
            .iter()
            .any(|&i| ctx.keys.get(i).is_some_and(|k| **k == e.member));
        if !counted_member || e.date < since || e.date >= date {
            continue;
        }
        let paid = e.self_paid.value();
        match e.kind {
            ExpenseKind::Medical => medical = medical.add(paid, W)?,
            ExpenseKind::Rehabilitation => rehab = rehab.add(paid, W)?,
            ExpenseKind::Other => other = other.add(paid, W)?,
            ExpenseKind::Education => {
                let cap = e.public_school_rate.map(|r| r.value());
                let counted = cap.map_or(paid, |c| paid.min(c));
                reduced = reduced.add(paid.sub(counted, W)?, W)?;
                education = education.add(counted, W)?;
            }
        }
    }
    let total = medical.add(education, W)?.add(rehab, W)?.add(other, W)?;
    findings.push(
        Finding::new(
            RuleId::Rig2,
            if total > Decimal::ZERO {
                Verdict::Pass
            } else {
                Verdict::Fail
            },
        )
        .date("since", since)
        .yuan("medical", medical)
        .yuan("education", education)
        .yuan("education_above_public_rate", reduced)
        .yuan("rehabilitation", rehab)
        .yuan("other", other)
        .yuan("total", total),
    );

    // RIG-3: the expenditure above the share of household income over the same period.
    let threshold = p.decimal_in(ParamId::RigExpenseShareThreshold, Decimal::from(100))?;
    // Total household income is taken before the INC-4 deductions, so that the costs are not
    // counted against the household twice.
    let mut gross = Decimal::ZERO;
    for &i in counted {
        if let Some(m) = ctx.income.members.get(i) {
            let mut before = *m;
            before.deductions = Decimal::ZERO;
            gross = gross.add(before.countable()?, W)?;
        }
    }
    let income_year = gross.mul(Decimal::from(lookback), "household income")?;
    let f = Finding::new(RuleId::Rig3, Verdict::Fail)
        .yuan("rigid_expenditure", total)
        .yuan("household_income", income_year)
        .ratio("threshold", threshold);
    findings.push(if income_year.is_zero() {
        let mut f = f.code("reason", "no_income");
        if total > Decimal::ZERO {
            f.verdict = Verdict::Pass;
        }
        f
    } else {
        let share = total.div(income_year, W)?;
        let mut f = f.ratio("share", share.round_dp(4));
        if share > threshold {
            f.verdict = Verdict::Pass;
        }
        let needed = income_year.mul(threshold, W)?;
        f.distance((total - needed).abs())
    });

    let (outcome, review) = outcome_of(&findings);
    let eligible = outcome == Outcome::Eligible;
    let mut valid_until = None;
    if eligible {
        findings.push(
            Finding::new(RuleId::Rig4, Verdict::Pass)
                .number("decision_working_days", 30u64)
                .number("extended_working_days", 45u64),
        );
        let months = p.count(ParamId::RigValidityMaxMonths, 120)?;
        valid_until = date
            .checked_add_months(Months::new(months))
            .and_then(|d| d.pred_opt());
        let mut f = Finding::new(RuleId::Rig5, Verdict::Pass).number("validity_months", months);
        if let Some(d) = valid_until {
            f = f.date("valid_until", d);
        }
        findings.push(f);
        findings.push(
            Finding::new(RuleId::Rig6, Verdict::Pass).code("flag", "rigid_expenditure_family"),
        );
    } else {
        for r in [RuleId::Rig4, RuleId::Rig5, RuleId::Rig6] {
            findings.push(Finding::new(r, Verdict::NotApplicable));
        }
    }
    Ok(result(outcome, review, findings, valid_until))
}

fn result(
    outcome: Outcome,
    review: Vec<crate::programmes::ReviewItem>,
    findings: Vec<Finding>,
    valid_until: Option<chrono::NaiveDate>,
) -> ProgrammeResult {
    ProgrammeResult {
        programme: Programme::RigidExpenditure,
        outcome,
        class: None,
        monthly_amount: None,
        review,
        individual_coverage: Vec::new(),
        findings,
        one_off_amount: None,
        valid_until,
        review_reason: None,
    }
}
