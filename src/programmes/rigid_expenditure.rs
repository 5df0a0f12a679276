//! Rigid-expenditure hardship families (刚性支出困难家庭), RIG-1 … RIG-8.
//!
//! Reads the dibao unit's accounts (after special-hardship members have left it), the asset
//! tests with the marginal-family limits, and the household's expenses over the look-back
//! period. The result states `valid_until` (RIG-5).
//!
//! Each condition is one function or one small value with its finding, named for its rule, in
//! the order the findings are listed. May use: the programme context (case, parameters, income
//! account), the asset tests and look-back dates of the accounts, the other programmes'
//! outcomes passed in ([`Others`]) and [`peek_decimal`]; no other programme is called.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use super::special_hardship::peek_decimal;
use super::{Context, decided};
use crate::CaseError;
use crate::accounts::members::months_back;
use crate::case::ExpenseKind;
use crate::explain::{Conditions, Draft, Record, RuleId, Verdict};
use crate::money::Exact;
use crate::programmes::ProgrammeResult;
use crate::rules::{ParamId, ParamValue};
use crate::vocab::{Outcome, Programme};

/// What the errors of the arithmetic name.
const W: &str = "rigid expenditure";

/// The other programmes' outcomes RIG-1 looks at.
pub(crate) struct Others {
    /// Dibao for the household or any member on an individual route.
    pub minimum_living: Outcome,
    /// Marginal family.
    pub marginal: Outcome,
    /// Special hardship for any member.
    pub special_hardship: Outcome,
}

/// Decides rigid-expenditure hardship for the dibao unit: RIG-7, then RIG-1 (1), RIG-8,
/// RIG-1 (3), RIG-2 and RIG-3, and for an eligible household RIG-4 … RIG-6.
///
/// Returns the result and the household's conditions, in the order tested.
pub(crate) fn decide(
    ctx: &Context<'_>,
    others: &Others,
    counted: &[usize],
) -> Result<(ProgrammeResult, Conditions), CaseError> {
    let p = ctx.p;
    let mut rec = ctx.record();
    let in_force = in_force(ctx);
    in_force.record(ctx.case.evaluation_date, &mut rec);
    if in_force.from.is_none() {
        return Ok(result(Outcome::NotEligible, Vec::new(), rec, None));
    }
    not_otherwise_supported(ctx, others, &mut rec);
    IncomeLine::of(ctx)?.record(&mut rec);

    // RIG-1 (3): assets within the marginal-family limits.
    ctx.household_assets(counted, ParamId::FinAssetLimitMonthsEdge, &mut rec)?;

    let lookback = p.count(ParamId::RigLookbackMonths, 120)?;
    let spent = Expenditure::of(ctx, counted, lookback)?;
    spent.record(&mut rec);
    IncomeShare::of(ctx, counted, lookback, spent.total)?.record(&mut rec)?;

    let (outcome, review) = decided(&rec);
    let valid_until = if outcome == Outcome::Eligible {
        recognised(ctx, &mut rec)?
    } else {
        for r in [RuleId::Rig4, RuleId::Rig5, RuleId::Rig6] {
            rec.test(r, Verdict::NotApplicable, |f| f);
        }
        None
    };
    Ok(result(outcome, review, rec, valid_until))
}

/// RIG-7: the date the measure is in force from, `None` when it is not in force.
struct InForce {
    from: Option<NaiveDate>,
}

/// RIG-7: the measure applies from 2025-01-01 (`rig_in_force`).
fn in_force(ctx: &Context<'_>) -> InForce {
    let p = ctx.p;
    let from = match p.peek(ParamId::RigInForce).map(|v| (&v.value, v.from)) {
        Some((ParamValue::Bool(b), from)) => {
            p.mark_used(ParamId::RigInForce);
            b.then_some(from)
        }
        _ => None,
    };
    InForce { from }
}

impl InForce {
    /// Records RIG-7.
    fn record(&self, evaluation_date: NaiveDate, rec: &mut Record<'_>) {
        match self.from {
            Some(from) => rec.test(RuleId::Rig7, Verdict::Pass, |f| {
                f.date("in_force_from", from)
            }),
            None => rec.test(RuleId::Rig7, Verdict::Fail, |f| {
                f.date("evaluation_date", evaluation_date)
                    .code("reason", "not_in_force")
            }),
        }
    }
}

/// RIG-1 (1): not in dibao, special hardship or a marginal family, now or by enrolment.
fn not_otherwise_supported(ctx: &Context<'_>, others: &Others, rec: &mut Record<'_>) {
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
    match blocking {
        Some(reason) => rec.test(RuleId::Rig1, Verdict::Fail, |f| f.code("reason", reason)),
        None => rec.test(RuleId::Rig1, Verdict::Pass, |f| f),
    }
}

/// RIG-8 / RIG-1 (2): income per head against last year's disposable income ÷ 12.
enum IncomeLine {
    /// Both figures known.
    Compared {
        per_capita: Decimal,
        year: Decimal,
        line: Decimal,
    },
    /// A figure is missing (the reason code).
    Unknown(&'static str),
}

impl IncomeLine {
    fn of(ctx: &Context<'_>) -> Result<Self, CaseError> {
        let line_year = peek_decimal(ctx.p, ParamId::DisposableIncomePerCapitaYear);
        Ok(match (ctx.income.per_capita, line_year) {
            (Some(per_capita), Some(year)) => IncomeLine::Compared {
                per_capita,
                year,
                line: year.div(Decimal::from(12), W)?,
            },
            (None, _) => IncomeLine::Unknown("no_counted_member"),
            (_, None) => IncomeLine::Unknown("no_disposable_income"),
        })
    }

    /// Records RIG-8: `pass` when income per head is below the line.
    fn record(&self, rec: &mut Record<'_>) {
        match *self {
            IncomeLine::Compared {
                per_capita,
                year,
                line,
            } => {
                let verdict = Verdict::pass_if(per_capita < line);
                rec.test(RuleId::Rig8, verdict, |f| {
                    f.yuan("per_capita_income", per_capita)
                        .yuan("disposable_income_year", year)
                        .yuan("line", line)
                        .distance_between(per_capita, line)
                });
            }
            IncomeLine::Unknown(reason) => {
                rec.test(RuleId::Rig8, Verdict::Unknown, |f| f.code("reason", reason));
            }
        }
    }
}

/// RIG-2: the rigid expenditure of the counted members over the look-back period, by kind;
/// education counts only up to the public-school rate.
struct Expenditure {
    since: NaiveDate,
    medical: Decimal,
    education: Decimal,
    /// Education paid above the public-school rate, not counted.
    reduced: Decimal,
    rehab: Decimal,
    other: Decimal,
    total: Decimal,
}

impl Expenditure {
    fn of(ctx: &Context<'_>, counted: &[usize], lookback: u32) -> Result<Self, CaseError> {
        let date = ctx.case.evaluation_date;
        let since = months_back(date, lookback).unwrap_or(date);
        let mut x = Expenditure {
            since,
            medical: Decimal::ZERO,
            education: Decimal::ZERO,
            reduced: Decimal::ZERO,
            rehab: Decimal::ZERO,
            other: Decimal::ZERO,
            total: Decimal::ZERO,
        };
        for e in &ctx.case.household.expenses {
            let counted_member = counted
                .iter()
                .any(|&i| ctx.keys.get(i).is_some_and(|k| **k == e.member));
            if !counted_member || e.date < since || e.date >= date {
                continue;
            }
            let paid = e.self_paid.value();
            match e.kind {
                ExpenseKind::Medical => x.medical = x.medical.add(paid, W)?,
                ExpenseKind::Rehabilitation => x.rehab = x.rehab.add(paid, W)?,
                ExpenseKind::Other => x.other = x.other.add(paid, W)?,
                ExpenseKind::Education => {
                    let cap = e.public_school_rate.map(|r| r.value());
                    let counted = cap.map_or(paid, |c| paid.min(c));
                    x.reduced = x.reduced.add(paid.sub(counted, W)?, W)?;
                    x.education = x.education.add(counted, W)?;
                }
            }
        }
        x.total = x
            .medical
            .add(x.education, W)?
            .add(x.rehab, W)?
            .add(x.other, W)?;
        Ok(x)
    }

    /// Records RIG-2: `pass` when there is any rigid expenditure.
    fn record(&self, rec: &mut Record<'_>) {
        let verdict = Verdict::pass_if(self.total > Decimal::ZERO);
        rec.test(RuleId::Rig2, verdict, |f| {
            f.date("since", self.since)
                .yuan("medical", self.medical)
                .yuan("education", self.education)
                .yuan("education_above_public_rate", self.reduced)
                .yuan("rehabilitation", self.rehab)
                .yuan("other", self.other)
                .yuan("total", self.total)
        });
    }
}

/// RIG-3: the rigid expenditure against household income over the same period.
struct IncomeShare {
    total: Decimal,
    income: Decimal,
    threshold: Decimal,
}

impl IncomeShare {
    fn of(
        ctx: &Context<'_>,
        counted: &[usize],
        lookback: u32,
        total: Decimal,
    ) -> Result<Self, CaseError> {
        let threshold = ctx
            .p
            .decimal_in(ParamId::RigExpenseShareThreshold, Decimal::from(100))?;
        // Total household income is taken before the INC-4 deductions, so that the costs are
        // not counted against the household twice.
        let mut gross = Decimal::ZERO;
        for &i in counted {
            gross = gross.add(ctx.income.before_deductions_of(i), W)?;
        }
        Ok(IncomeShare {
            total,
            income: gross.mul(Decimal::from(lookback), "household income")?,
            threshold,
        })
    }

    /// The figures every RIG-3 finding states.
    fn figures<'f>(&self, f: Draft<'f>) -> Draft<'f> {
        f.yuan("rigid_expenditure", self.total)
            .yuan("household_income", self.income)
            .ratio("threshold", self.threshold)
    }

    /// Records RIG-3: `pass` when the expenditure is above the share of income (or there is
    /// expenditure and no income).
    fn record(&self, rec: &mut Record<'_>) -> Result<(), CaseError> {
        if self.income.is_zero() {
            let verdict = Verdict::pass_if(self.total > Decimal::ZERO);
            rec.test(RuleId::Rig3, verdict, |f| {
                self.figures(f).code("reason", "no_income")
            });
            return Ok(());
        }
        let share = self.total.div(self.income, W)?;
        let verdict = Verdict::pass_if(share > self.threshold);
        // Computed whether or not explaining, so that an overflow fails the decision alike.
        let needed = self.income.mul(self.threshold, W)?;
        rec.test(RuleId::Rig3, verdict, |f| {
            self.figures(f)
                .ratio("share", share.round_dp(4))
                .distance_between(self.total, needed)
        });
        Ok(())
    }
}

/// RIG-4 … RIG-6 for an eligible household: the decision time limits, the validity and the
/// flag; returns the last day of validity.
fn recognised(ctx: &Context<'_>, rec: &mut Record<'_>) -> Result<Option<NaiveDate>, CaseError> {
    // RIG-4: decided within 30 working days, 45 when extended.
    rec.test(RuleId::Rig4, Verdict::Pass, |f| {
        f.number("decision_working_days", 30u64)
            .number("extended_working_days", 45u64)
    });
    // RIG-5: recognised for at most `rig_validity_max_months`.
    let months = ctx.p.count(ParamId::RigValidityMaxMonths, 120)?;
    let valid_until = ctx
        .case
        .evaluation_date
        .checked_add_months(Months::new(months))
        .and_then(|d| d.pred_opt());
    rec.test(RuleId::Rig5, Verdict::Pass, |f| {
        let f = f.number("validity_months", months);
        match valid_until {
            Some(d) => f.date("valid_until", d),
            None => f,
        }
    });
    // RIG-6: flagged as a rigid-expenditure family.
    rec.test(RuleId::Rig6, Verdict::Pass, |f| {
        f.code("flag", "rigid_expenditure_family")
    });
    Ok(valid_until)
}

/// The result and the conditions of the record.
fn result(
    outcome: Outcome,
    review: Vec<crate::programmes::ReviewItem>,
    rec: Record<'_>,
    valid_until: Option<NaiveDate>,
) -> (ProgrammeResult, Conditions) {
    let conditions = rec.conditions();
    let findings = rec.into_findings();
    let result = ProgrammeResult {
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
        add_ons: Vec::new(),
        without_verification: false,
    };
    (result, conditions)
}
