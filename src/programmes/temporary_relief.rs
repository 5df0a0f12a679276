//! Temporary relief (临时救助), TR-1 … TR-7, one decision per event in the case.
//!
//! TR-8 (the 2022 one-off help for uninsured jobless workers, S6 §2(1)) is a time-limited
//! measure and is not applied.
//!
//! Emergency type (急难型): a light event gets a small amount at once, up to
//! `tr_emergency_light_cap`; a heavy one is computed as the expenditure type. Expenditure type
//! (支出型): income per head below last year's disposable income ÷ 12, assets within the
//! marginal-family limits, and `urban standard × persons × months` (months capped). An amount above
//! `tr_cap_months_ordinary × urban standard` goes to a one-case-one-discussion decision (一事一议):
//! `needs_review`, review reason `one_case_one_discussion`, the proposed amount in
//! `one_off_amount`.

use rust_decimal::Decimal;

use super::special_hardship::peek_decimal;
use super::{Context, outcome_of, round_payment};
use crate::CaseError;
use crate::accounts::assets::{AssetUnit, test_assets};
use crate::case::{Event, EventKind, Severity};
use crate::explain::{Finding, RuleId, Verdict};
use crate::money::Exact;
use crate::programmes::{ProgrammeResult, ReviewItem};
use crate::rules::ParamId;
use crate::vocab::{Outcome, Programme, ReviewReason};

/// Decides temporary relief for every event; `persons` is the household size used when an
/// event does not name the persons helped (the counted members before special-hardship members
/// left the dibao unit: the household's registered members).
pub(crate) fn decide(
    ctx: &Context<'_>,
    counted: &[usize],
    persons: usize,
) -> Result<ProgrammeResult, CaseError> {
    let events = &ctx.case.household.events;
    let mut findings = Vec::new();
    if events.is_empty() {
        findings.push(Finding::new(RuleId::Tr1, Verdict::Fail).code("reason", "no_event"));
        return Ok(result(
            Outcome::NotEligible,
            Vec::new(),
            findings,
            None,
            None,
        ));
    }
    let urban = ctx.p.decimal(ParamId::DibaoStandardUrbanMonth)?;
    let mut total = Decimal::ZERO;
    let mut any_eligible = false;
    let mut review: Vec<ReviewItem> = Vec::new();
    let mut one_case = false;

    for (k, e) in events.iter().enumerate() {
        let mut f = Vec::new();
        let (amount, above_cap) = decide_event(ctx, e, counted, persons, urban, &mut f)?;
        for x in &mut f {
            x.figures.insert(
                0,
                crate::explain::Figure {
                    name: "event".into(),
                    value: crate::explain::FigureValue::Number(Decimal::from(k as u64)),
                },
            );
        }
        let (outcome, r) = outcome_of(&f);
        // TR-5 and TR-6: how an eligible event is paid.
        let light = e.kind != EventKind::EssentialExpenditure && e.severity == Severity::Light;
        let eligible = outcome == Outcome::Eligible;
        let event = Decimal::from(k as u64);
        f.push(if eligible && !light {
            Finding::new(RuleId::Tr5, Verdict::Pass)
                .number("event", event)
                .code("form", "cash_one_approval_staged")
        } else {
            Finding::new(RuleId::Tr5, Verdict::NotApplicable).number("event", event)
        });
        f.push(if eligible && light {
            Finding::new(RuleId::Tr6, Verdict::Pass)
                .number("event", event)
                .code("fund", "township_reserve")
        } else {
            Finding::new(RuleId::Tr6, Verdict::NotApplicable).number("event", event)
        });
        match outcome {
            Outcome::Eligible => {
                any_eligible = true;
                total = total.add(amount.unwrap_or_default(), "temporary relief")?;
            }
            Outcome::NeedsReview => {
                review.extend(r);
                if above_cap {
                    one_case = true;
                    total = total.add(amount.unwrap_or_default(), "temporary relief")?;
                }
            }
            Outcome::NotEligible => {}
        }
        findings.extend(f);
    }
    let outcome = if !review.is_empty() {
        Outcome::NeedsReview
    } else if any_eligible {
        Outcome::Eligible
    } else {
        Outcome::NotEligible
    };
    let amount = if outcome == Outcome::NotEligible || total.is_zero() {
        None
    } else {
        let rounding = ctx.rounding()?;
        Some(round_payment(total, rounding, &mut findings)?)
    };
    Ok(result(
        outcome,
        review,
        findings,
        amount,
        one_case.then_some(ReviewReason::OneCaseOneDiscussion),
    ))
}

/// One event: its findings, the amount, and whether it is above the ordinary cap.
fn decide_event(
    ctx: &Context<'_>,
    e: &Event,
    counted: &[usize],
    persons: usize,
    urban: Decimal,
    f: &mut Vec<Finding>,
) -> Result<(Option<Decimal>, bool), CaseError> {
    const W: &str = "temporary relief";
    let p = ctx.p;
    f.push(
        Finding::new(RuleId::Tr1, Verdict::Pass)
            .code("kind", e.kind.as_str())
            .date("date", e.date),
    );
    let emergency = e.kind != EventKind::EssentialExpenditure;
    let severity = match e.severity {
        Severity::Light => "light",
        Severity::Heavy => "heavy",
    };

    // Emergency, light: a small amount at once.
    if emergency && e.severity == Severity::Light {
        f.push(
            Finding::new(RuleId::Tr2, Verdict::Pass)
                .code("type", "emergency")
                .code("severity", severity),
        );
        let Some(cap) = peek_decimal(p, ParamId::TrEmergencyLightCap) else {
            f.push(Finding::new(RuleId::Tr3, Verdict::Unknown).code("reason", "no_light_cap"));
            return Ok((None, false));
        };
        let asked = e.requested_amount.map(|a| a.value()).unwrap_or(cap);
        let amount = asked.min(cap);
        let mut x = Finding::new(RuleId::Tr3, Verdict::Pass)
            .code("method", "help_first")
            .yuan("cap", cap)
            .yuan("amount", amount);
        if let Some(r) = e.requested_amount {
            x = x.yuan("requested", r.value());
        }
        f.push(x);
        return Ok((Some(amount), false));
    }

    if emergency {
        f.push(
            Finding::new(RuleId::Tr2, Verdict::Pass)
                .code("type", "emergency")
                .code("severity", severity),
        );
        f.push(
            Finding::new(RuleId::Tr3, Verdict::NotApplicable)
                .code("method", "computed_as_expenditure_type"),
        );
    } else {
        // Expenditure type: the means test.
        match (
            ctx.income.per_capita,
            peek_decimal(p, ParamId::DisposableIncomePerCapitaYear),
        ) {
            (Some(pci), Some(year)) => {
                let line = year.div(Decimal::from(12), W)?;
                let below = pci < line;
                f.push(
                    Finding::new(
                        RuleId::Tr2,
                        if below { Verdict::Pass } else { Verdict::Fail },
                    )
                    .code("type", "expenditure")
                    .yuan("per_capita_income", pci)
                    .yuan("disposable_income_year", year)
                    .yuan("line", line)
                    .distance((line - pci).abs()),
                );
            }
            (None, _) => f.push(
                Finding::new(RuleId::Tr2, Verdict::Unknown)
                    .code("type", "expenditure")
                    .code("reason", "no_counted_member"),
            ),
            (_, None) => f.push(
                Finding::new(RuleId::Tr2, Verdict::Unknown)
                    .code("type", "expenditure")
                    .code("reason", "no_disposable_income"),
            ),
        }
        let unit = AssetUnit {
            members: counted,
            keys: &ctx.keys,
            standard: ctx.standard,
            limit: ParamId::FinAssetLimitMonthsEdge,
        };
        test_assets(ctx.case, &unit, p, f)?;
    }

    // TR-4: urban standard × persons × months, months capped.
    let Some(months) = e.hardship_months else {
        f.push(Finding::new(RuleId::Tr4, Verdict::Unknown).code("reason", "no_hardship_months"));
        return Ok((None, false));
    };
    let Some(max) = peek_decimal(p, ParamId::TrMaxMonths) else {
        f.push(Finding::new(RuleId::Tr4, Verdict::Unknown).code("reason", "no_month_limit"));
        return Ok((None, false));
    };
    let asked = Decimal::from(months);
    let used = asked.min(max);
    let n = Decimal::from(e.persons.map_or(persons as u64, u64::from));
    let computed = urban.mul(n, W)?.mul(used, W)?;
    let amount = match e.requested_amount {
        Some(r) if r.value() < computed => r.value(),
        _ => computed,
    };
    let mut x = Finding::new(RuleId::Tr4, Verdict::Pass)
        .yuan("urban_standard", urban)
        .number("persons", n)
        .number("months_of_hardship", asked)
        .number("months_counted", used)
        .number("max_months", max)
        .yuan("computed", computed)
        .yuan("amount", amount)
        .code(
            "method",
            if used < asked {
                "months_capped"
            } else {
                "as_stated"
            },
        );
    if let Some(r) = e.requested_amount {
        x = x.yuan("requested", r.value());
    }
    f.push(x);

    // TR-7: the ordinary cap.
    let cap_months = p.decimal_in(ParamId::TrCapMonthsOrdinary, Decimal::from(1000))?;
    let cap = urban.mul(cap_months, W)?;
    let above = amount > cap;
    let mut c = Finding::new(
        RuleId::Tr7,
        if above {
            Verdict::Unknown
        } else {
            Verdict::Pass
        },
    )
    .yuan("proposed", amount)
    .yuan("cap", cap)
    .number("cap_months", cap_months)
    .distance((cap - amount).abs());
    if above {
        c = c.code("reason", "one_case_one_discussion");
    }
    f.push(c);
    Ok((Some(amount), above))
}

fn result(
    outcome: Outcome,
    review: Vec<ReviewItem>,
    findings: Vec<Finding>,
    amount: Option<Decimal>,
    reason: Option<ReviewReason>,
) -> ProgrammeResult {
    ProgrammeResult {
        programme: Programme::TemporaryRelief,
        outcome,
        class: None,
        monthly_amount: None,
        review,
        individual_coverage: Vec::new(),
        findings,
        one_off_amount: amount.map(crate::money::Yuan::new),
        valid_until: None,
        review_reason: reason,
    }
}
