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
//!
//! [`decide`] runs every event through `decide_event` (one step per rule: TR-1, TR-2 and TR-3
//! by type, TR-4 [`Grant`], TR-7 [`OrdinaryCap`]) and adds how it is paid (TR-5, TR-6). May use:
//! the programme context (case, parameters, income account), the asset tests of the accounts
//! and [`peek_decimal`]; no other programme.

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

/// What the errors of the arithmetic name.
const W: &str = "temporary relief";

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
    if !events.is_empty()
        && let Some(x) = emergency_division(ctx)
    {
        findings.push(x);
    }
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
    // TR-10: whether every eligible event was small fast relief (decided without verification).
    let mut all_fast = true;

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
        let eligible = outcome == Outcome::Eligible;
        let fast = f
            .iter()
            .any(|x| x.rule == RuleId::Tr10 && x.verdict == Verdict::Pass);
        if eligible && !fast {
            all_fast = false;
        }
        f.extend(payment_form(e, k, eligible));
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
        let mut rec = crate::explain::Record::new(true);
        let r = round_payment(total, rounding, &mut rec)?;
        findings.extend(rec.into_findings());
        Some(r)
    };
    let mut r = result(
        outcome,
        review,
        findings,
        amount,
        one_case.then_some(ReviewReason::OneCaseOneDiscussion),
    );
    r.without_verification = outcome == Outcome::Eligible && all_fast;
    Ok(r)
}

/// TR-5 and TR-6: how an eligible event is paid — a heavy emergency or an expenditure event in
/// cash, approved once and paid in stages (TR-5); a light emergency from the township's reserve
/// fund (TR-6).
fn payment_form(e: &Event, k: usize, eligible: bool) -> [Finding; 2] {
    let light = e.kind != EventKind::EssentialExpenditure && e.severity == Severity::Light;
    let event = Decimal::from(k as u64);
    [
        if eligible && !light {
            Finding::new(RuleId::Tr5, Verdict::Pass)
                .number("event", event)
                .code("form", "cash_one_approval_staged")
        } else {
            Finding::new(RuleId::Tr5, Verdict::NotApplicable).number("event", event)
        },
        if eligible && light {
            Finding::new(RuleId::Tr6, Verdict::Pass)
                .number("event", event)
                .code("fund", "township_reserve")
        } else {
            Finding::new(RuleId::Tr6, Verdict::NotApplicable).number("event", event)
        },
    ]
}

/// One event: its findings, the amount, and whether it is above the ordinary cap.
///
/// TR-1, then TR-2 and TR-3 by type (a light emergency ends there), TR-4 and TR-7.
fn decide_event(
    ctx: &Context<'_>,
    e: &Event,
    counted: &[usize],
    persons: usize,
    urban: Decimal,
    f: &mut Vec<Finding>,
) -> Result<(Option<Decimal>, bool), CaseError> {
    f.push(
        Finding::new(RuleId::Tr1, Verdict::Pass)
            .code("kind", e.kind.as_str())
            .date("date", e.date),
    );
    let emergency = e.kind != EventKind::EssentialExpenditure;
    if emergency && e.severity == Severity::Light {
        let amount = light_emergency(ctx, e, f);
        if let Some(a) = amount {
            paid_first(ctx, a, f)?;
        }
        return Ok((amount, false));
    }
    if emergency {
        heavy_emergency(e, f);
    } else {
        f.push(ExpenditureLine::of(ctx)?.finding());
        let unit = AssetUnit {
            members: counted,
            keys: &ctx.keys,
            standard: ctx.standard,
            limit: ParamId::FinAssetLimitMonthsEdge,
        };
        let mut rec = crate::explain::Record::new(true);
        test_assets(ctx.case, &unit, ctx.p, &mut rec)?;
        f.extend(rec.into_findings());
    }
    let grant = match Grant::of(ctx, e, persons, urban)? {
        Ok(grant) => grant,
        Err(reason) => {
            f.push(Finding::new(RuleId::Tr4, Verdict::Unknown).code("reason", reason));
            return Ok((None, false));
        }
    };
    f.push(grant.finding(e));
    let beyond = grant.beyond_maximum();
    if let Some(x) = beyond.as_ref() {
        f.push(x.clone());
    }
    let cap = OrdinaryCap::of(ctx, urban, grant.amount)?;
    f.push(cap.finding());
    Ok((Some(grant.amount), cap.above() || beyond.is_some()))
}

fn severity_code(s: Severity) -> &'static str {
    match s {
        Severity::Light => "light",
        Severity::Heavy => "heavy",
    }
}

/// TR-2 and TR-3, emergency type, light: a small amount at once (help first), up to
/// `tr_emergency_light_cap`; `None` (and an unknown TR-3) when no cap is set.
fn light_emergency(ctx: &Context<'_>, e: &Event, f: &mut Vec<Finding>) -> Option<Decimal> {
    f.push(
        Finding::new(RuleId::Tr2, Verdict::Pass)
            .code("type", "emergency")
            .code("severity", severity_code(e.severity)),
    );
    let Some(cap) = peek_decimal(ctx.p, ParamId::TrEmergencyLightCap) else {
        f.push(Finding::new(RuleId::Tr3, Verdict::Unknown).code("reason", "no_light_cap"));
        return None;
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
    Some(amount)
}

/// TR-2 and TR-3, emergency type, heavy: computed as the expenditure type, without its means
/// test.
fn heavy_emergency(e: &Event, f: &mut Vec<Finding>) {
    f.push(
        Finding::new(RuleId::Tr2, Verdict::Pass)
            .code("type", "emergency")
            .code("severity", severity_code(e.severity)),
    );
    f.push(
        Finding::new(RuleId::Tr3, Verdict::NotApplicable)
            .code("method", "computed_as_expenditure_type"),
    );
}

/// TR-2, expenditure type: income per head against last year's disposable income ÷ 12.
enum ExpenditureLine {
    /// Both figures known.
    Compared {
        per_capita: Decimal,
        year: Decimal,
        line: Decimal,
    },
    /// A figure is missing (the reason code).
    Unknown(&'static str),
}

impl ExpenditureLine {
    fn of(ctx: &Context<'_>) -> Result<Self, CaseError> {
        Ok(
            match (
                ctx.income.per_capita,
                peek_decimal(ctx.p, ParamId::DisposableIncomePerCapitaYear),
            ) {
                (Some(per_capita), Some(year)) => ExpenditureLine::Compared {
                    per_capita,
                    year,
                    line: year.div(Decimal::from(12), W)?,
                },
                (None, _) => ExpenditureLine::Unknown("no_counted_member"),
                (_, None) => ExpenditureLine::Unknown("no_disposable_income"),
            },
        )
    }

    /// The TR-2 finding: `pass` when income per head is below the line.
    fn finding(&self) -> Finding {
        match *self {
            ExpenditureLine::Compared {
                per_capita,
                year,
                line,
            } => Finding::new(
                RuleId::Tr2,
                if per_capita < line {
                    Verdict::Pass
                } else {
                    Verdict::Fail
                },
            )
            .code("type", "expenditure")
            .yuan("per_capita_income", per_capita)
            .yuan("disposable_income_year", year)
            .yuan("line", line)
            .distance((line - per_capita).abs()),
            ExpenditureLine::Unknown(reason) => Finding::new(RuleId::Tr2, Verdict::Unknown)
                .code("type", "expenditure")
                .code("reason", reason),
        }
    }
}

/// TR-4: the amount computed for an event.
struct Grant {
    urban: Decimal,
    persons: Decimal,
    /// Months of hardship stated.
    asked: Decimal,
    /// Months counted (capped).
    used: Decimal,
    max: Decimal,
    computed: Decimal,
    amount: Decimal,
}

impl Grant {
    /// TR-4: urban standard × persons × months, months capped at `tr_max_months`, and no more
    /// than the amount requested; `Err` with the reason code when a figure is missing.
    fn of(
        ctx: &Context<'_>,
        e: &Event,
        persons: usize,
        urban: Decimal,
    ) -> Result<Result<Self, &'static str>, CaseError> {
        let Some(months) = e.hardship_months else {
            return Ok(Err("no_hardship_months"));
        };
        let Some(max) = peek_decimal(ctx.p, ParamId::TrMaxMonths) else {
            return Ok(Err("no_month_limit"));
        };
        let asked = Decimal::from(months);
        let used = asked.min(max);
        let n = Decimal::from(e.persons.map_or(persons as u64, u64::from));
        let computed = urban.mul(n, W)?.mul(used, W)?;
        let amount = match e.requested_amount {
            Some(r) if r.value() < computed => r.value(),
            _ => computed,
        };
        Ok(Ok(Grant {
            urban,
            persons: n,
            asked,
            used,
            max,
            computed,
            amount,
        }))
    }

    /// TR-11: a hardship longer than the maximum months is never cut silently: the months asked
    /// and counted are shown and the event goes to one case, one discussion (`unknown`); `None`
    /// when the months are within the maximum.
    fn beyond_maximum(&self) -> Option<Finding> {
        (self.used < self.asked).then(|| {
            Finding::new(RuleId::Tr11, Verdict::Unknown)
                .number("months_of_hardship", self.asked)
                .number("months_counted", self.used)
                .number("max_months", self.max)
                .yuan("proposed", self.amount)
                .code("reason", "one_case_one_discussion")
        })
    }

    /// The TR-4 finding.
    fn finding(&self, e: &Event) -> Finding {
        let x = Finding::new(RuleId::Tr4, Verdict::Pass)
            .yuan("urban_standard", self.urban)
            .number("persons", self.persons)
            .number("months_of_hardship", self.asked)
            .number("months_counted", self.used)
            .number("max_months", self.max)
            .yuan("computed", self.computed)
            .yuan("amount", self.amount)
            .code(
                "method",
                if self.used < self.asked {
                    "months_capped"
                } else {
                    "as_stated"
                },
            );
        match e.requested_amount {
            Some(r) => x.yuan("requested", r.value()),
            None => x,
        }
    }
}

/// TR-7: the proposed amount against the ordinary cap, `tr_cap_months_ordinary × urban
/// standard`.
struct OrdinaryCap {
    proposed: Decimal,
    cap: Decimal,
    cap_months: Decimal,
}

impl OrdinaryCap {
    fn of(ctx: &Context<'_>, urban: Decimal, proposed: Decimal) -> Result<Self, CaseError> {
        let cap_months = ctx
            .p
            .decimal_in(ParamId::TrCapMonthsOrdinary, Decimal::from(1000))?;
        Ok(OrdinaryCap {
            proposed,
            cap: urban.mul(cap_months, W)?,
            cap_months,
        })
    }

    /// Above the cap: a one-case-one-discussion decision (一事一议).
    fn above(&self) -> bool {
        self.proposed > self.cap
    }

    /// The TR-7 finding: `pass` within the cap, `unknown` above it.
    fn finding(&self) -> Finding {
        let above = self.above();
        let c = Finding::new(
            RuleId::Tr7,
            if above {
                Verdict::Unknown
            } else {
                Verdict::Pass
            },
        )
        .yuan("proposed", self.proposed)
        .yuan("cap", self.cap)
        .number("cap_months", self.cap_months)
        .distance((self.cap - self.proposed).abs());
        if above {
            c.code("reason", "one_case_one_discussion")
        } else {
            c
        }
    }
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
        add_ons: Vec::new(),
        without_verification: false,
    }
}

/// TR-10, then TR-9, for a light emergency paid at once: small fast relief (小额快救) when a
/// division sets a fast-relief cap and the amount is within it — decided without
/// economic-status verification within `tr_fast_relief_days` (3 unless a division sets
/// otherwise); otherwise, from the day `tr_paid_first_documents` is in force (S0 Art. 50), paid
/// first with the list of what must be documented afterwards. Returns whether the event was
/// small fast relief.
fn paid_first(ctx: &Context<'_>, amount: Decimal, f: &mut Vec<Finding>) -> Result<bool, CaseError> {
    if let Some(cap) = peek_decimal(ctx.p, ParamId::TrFastReliefCap) {
        let fast = amount <= cap;
        // Above the cap the event is not refused: it takes the ordinary route (TR-9).
        let x = Finding::new(
            RuleId::Tr10,
            if fast {
                Verdict::Pass
            } else {
                Verdict::NotApplicable
            },
        )
        .yuan("amount", amount)
        .yuan("cap", cap);
        if fast {
            let days = ctx.p.count(ParamId::TrFastReliefDays, 366)?;
            f.push(x.number("days", days).code("verification", "not_needed"));
            return Ok(true);
        }
        f.push(x.distance(amount.sub(cap, W)?));
    }
    if let Some(crate::rules::ParamValue::List(docs)) =
        ctx.p.peek(ParamId::TrPaidFirstDocuments).map(|u| &u.value)
    {
        ctx.p.mark_used(ParamId::TrPaidFirstDocuments);
        let mut x = Finding::new(RuleId::Tr9, Verdict::Pass).code("method", "paid_first");
        for d in docs.iter() {
            x.figures.push(crate::explain::Figure {
                name: "document".into(),
                value: crate::explain::FigureValue::Code(d.clone().into()),
            });
        }
        f.push(x);
    }
    Ok(false)
}

/// TR-12: the finding that temporary relief was decided under the parameters of the division
/// where the emergency happened (S0 Art. 37), when the case names one other than its own.
pub(crate) fn emergency_division(ctx: &Context<'_>) -> Option<Finding> {
    let e = ctx.case.household.emergency_division.as_deref()?;
    let mut x = Finding::new(RuleId::Tr12, Verdict::Pass);
    for (name, v) in [
        ("emergency_division", e),
        ("household_division", ctx.case.jurisdiction.as_str()),
    ] {
        x.figures.push(crate::explain::Figure {
            name: name.into(),
            value: crate::explain::FigureValue::Code(v.to_owned().into()),
        });
    }
    Some(x)
}
