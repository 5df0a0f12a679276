//! Marginal low-income family (低保边缘家庭, EDGE-1).
//!
//! Holds the one decision [`decide`]: income per head against the multiple of the standard
//! and the asset tests with the marginal-family limits, given the dibao outcome. May use: the
//! programme context (case, parameters, income account), the asset tests of the accounts and
//! the dibao outcome passed in; no other programme is called.

use rust_decimal::Decimal;

use super::{Context, decided};
use crate::CaseError;
use crate::explain::{Conditions, RuleId, Verdict};
use crate::money::Exact;
use crate::programmes::ProgrammeResult;
use crate::rules::ParamId;
use crate::vocab::{Outcome, Programme};

/// EDGE-1: not eligible for dibao, income per head below the multiple of the standard, assets
/// within the marginal-family limits.
///
/// Returns the result, its conditions and the income line, when the household was compared against it (the
/// line monitoring's MON-YELLOW-NEAR also watches).
///
/// A household below the standard that fails the dibao asset tests but passes the looser
/// marginal ones is recognised as marginal (the library's reading of an open question).
pub(crate) fn decide(
    ctx: &Context<'_>,
    dibao_outcome: Outcome,
    counted: &[usize],
) -> Result<(ProgrammeResult, Conditions, Option<Decimal>), CaseError> {
    let mut rec = ctx.record();
    let mut compared_line = None;
    let Some(pci) = ctx.income.per_capita else {
        return Ok((
            ProgrammeResult {
                programme: Programme::MarginalFamily,
                outcome: Outcome::NeedsReview,
                class: None,
                monthly_amount: None,
                review: vec![crate::programmes::ReviewItem {
                    rule: RuleId::Inc9,
                    member: None,
                }],
                individual_coverage: Vec::new(),
                findings: Vec::new(),
                one_off_amount: None,
                valid_until: None,
                review_reason: None,
                add_ons: Vec::new(),
                without_verification: false,
            },
            Conditions::default(),
            None,
        ));
    };
    let multiplier = ctx
        .p
        .decimal_in(ParamId::EdgeIncomeMultiplier, Decimal::from(10))?;
    let line = ctx.standard.mul(multiplier, "marginal income line")?;
    if dibao_outcome == Outcome::Eligible {
        rec.test(RuleId::Edge1, Verdict::Fail, |f| {
            f.code("reason", "eligible_for_minimum_living")
                .yuan("per_capita_income", pci)
                .yuan("standard", ctx.standard)
        });
    } else {
        let below = pci < line;
        compared_line = Some(line);
        let verdict = Verdict::pass_if(below);
        rec.test(RuleId::Edge1, verdict, |f| {
            f.yuan("per_capita_income", pci)
                .yuan("line", line)
                .ratio("multiplier", multiplier)
                .yuan("standard", ctx.standard)
                .distance_between(pci, line)
        });
        ctx.household_assets(counted, ParamId::FinAssetLimitMonthsEdge, &mut rec)?;
    }
    let (outcome, review) = decided(&rec);
    let conditions = rec.conditions();
    Ok((
        ProgrammeResult {
            programme: Programme::MarginalFamily,
            outcome,
            class: None,
            monthly_amount: None,
            review,
            individual_coverage: Vec::new(),
            findings: rec.into_findings(),
            one_off_amount: None,
            valid_until: None,
            review_reason: None,
            add_ons: Vec::new(),
            without_verification: false,
        },
        conditions,
        compared_line,
    ))
}
