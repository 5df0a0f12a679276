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
use super::{Context, decided, round_payment};
use crate::CaseError;
use crate::case::{Event, EventKind, Severity};
use crate::explain::{Conditions, Draft, Figure, FigureValue, Record, RuleId, Verdict};
use crate::money::Exact;
use crate::programmes::{ProgrammeResult, ReviewItem};
use crate::rules::ParamId;
use crate::vocab::{Outcome, Programme, ReviewReason};

/// What the errors of the arithmetic name.
const W: &str = "temporary relief";

/// Decides temporary relief for every event; `persons` is the household size used when an
/// event does not name the persons helped (the counted members before special-hardship members
/// left the dibao unit: the household's registered members).
///
/// Returns the result and the household's conditions, in the order tested (every event's, then
/// the rounding).
pub(crate) fn decide(
    ctx: &Context<'_>,
    counted: &[usize],
    persons: usize,
) -> Result<(ProgrammeResult, Conditions), CaseError> {
    let events = &ctx.case.household.events;
    let mut rec = ctx.record();
    if events.is_empty() {
        rec.test(RuleId::Tr1, Verdict::Fail, |f| f.code("reason", "no_event"));
        return Ok(result(Outcome::NotEligible, Vec::new(), rec, None, None));
    }
    emergency_division(ctx, &mut rec);
    let urban = ctx.p.decimal(ParamId::DibaoStandardUrbanMonth)?;
    let mut total = Decimal::ZERO;
    let mut any_eligible = false;
    let mut review: Vec<ReviewItem> = Vec::new();
    let mut one_case = false;
    // TR-10: whether every eligible event was small fast relief (decided without verification).
    let mut all_fast = true;

    for (k, e) in events.iter().enumerate() {
        let event = Decimal::from(k as u64);
        let mut ev = rec.sibling();
        let (amount, above_cap) = decide_event(ctx, e, counted, persons, urban, &mut ev)?;
        // Each of the event's findings names it first.
        ev.amend_from(0, |x| {
            x.figures.insert(
                0,
                Figure {
                    name: "event".into(),
                    value: FigureValue::Number(event),
                },
            );
        });
        let (outcome, r) = decided(&ev);
        let eligible = outcome == Outcome::Eligible;
        let fast = ev.passed(RuleId::Tr10);
        if eligible && !fast {
            all_fast = false;
        }
        payment_form(e, event, eligible, &mut ev);
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
        rec.append(ev);
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
        Some(round_payment(total, rounding, &mut rec)?)
    };
    let (mut r, conditions) = result(
        outcome,
        review,
        rec,
        amount,
        one_case.then_some(ReviewReason::OneCaseOneDiscussion),
    );
    r.without_verification = outcome == Outcome::Eligible && all_fast;
    Ok((r, conditions))
}

/// TR-5 and TR-6: how an eligible event is paid — a heavy emergency or an expenditure event in
/// cash, approved once and paid in stages (TR-5); a light emergency from the township's reserve
/// fund (TR-6). `event` is the event's position.
fn payment_form(e: &Event, event: Decimal, eligible: bool, rec: &mut Record<'_>) {
    let light = e.kind != EventKind::EssentialExpenditure && e.severity == Severity::Light;
    if eligible && !light {
        rec.test(RuleId::Tr5, Verdict::Pass, |f| {
            f.number("event", event)
                .code("form", "cash_one_approval_staged")
        });
    } else {
        rec.test(RuleId::Tr5, Verdict::NotApplicable, |f| {
            f.number("event", event)
        });
    }
    if eligible && light {
        rec.test(RuleId::Tr6, Verdict::Pass, |f| {
            f.number("event", event).code("fund", "township_reserve")
        });
    } else {
        rec.test(RuleId::Tr6, Verdict::NotApplicable, |f| {
            f.number("event", event)
        });
    }
}

/// One event, recorded in `rec`: the amount, and whether it is above the ordinary cap.
///
/// TR-1, then TR-2 and TR-3 by type (a light emergency ends there), TR-4 and TR-7.
fn decide_event<'a>(
    ctx: &Context<'a>,
    e: &Event,
    counted: &[usize],
    persons: usize,
    urban: Decimal,
    rec: &mut Record<'a>,
) -> Result<(Option<Decimal>, bool), CaseError> {
    rec.test(RuleId::Tr1, Verdict::Pass, |f| {
        f.code("kind", e.kind.as_str()).date("date", e.date)
    });
    let emergency = e.kind != EventKind::EssentialExpenditure;
    if emergency && e.severity == Severity::Light {
        let amount = light_emergency(ctx, e, rec);
        if let Some(a) = amount {
            paid_first(ctx, a, rec)?;
        }
        return Ok((amount, false));
    }
    if emergency {
        heavy_emergency(e, rec);
    } else {
        ExpenditureLine::of(ctx)?.record(rec);
        ctx.household_assets(counted, ParamId::FinAssetLimitMonthsEdge, rec)?;
    }
    let grant = match Grant::of(ctx, e, persons, urban)? {
        Ok(grant) => grant,
        Err(reason) => {
            rec.test(RuleId::Tr4, Verdict::Unknown, |f| f.code("reason", reason));
            return Ok((None, false));
        }
    };
    grant.record(e, rec);
    let beyond = grant.beyond_maximum(rec);
    let cap = OrdinaryCap::of(ctx, urban, grant.amount)?;
    cap.record(rec);
    Ok((Some(grant.amount), cap.above() || beyond))
}

fn severity_code(s: Severity) -> &'static str {
    match s {
        Severity::Light => "light",
        Severity::Heavy => "heavy",
    }
}

/// TR-2 and TR-3, emergency type, light: a small amount at once (help first), up to
/// `tr_emergency_light_cap`; `None` (and an unknown TR-3) when no cap is set.
fn light_emergency(ctx: &Context<'_>, e: &Event, rec: &mut Record<'_>) -> Option<Decimal> {
    emergency_type(e, rec);
    let Some(cap) = peek_decimal(ctx.p, ParamId::TrEmergencyLightCap) else {
        rec.test(RuleId::Tr3, Verdict::Unknown, |f| {
            f.code("reason", "no_light_cap")
        });
        return None;
    };
    let asked = e.requested_amount.map(|a| a.value()).unwrap_or(cap);
    let amount = asked.min(cap);
    rec.test(RuleId::Tr3, Verdict::Pass, |f| {
        let f = f
            .code("method", "help_first")
            .yuan("cap", cap)
            .yuan("amount", amount);
        match e.requested_amount {
            Some(r) => f.yuan("requested", r.value()),
            None => f,
        }
    });
    Some(amount)
}

/// TR-2, emergency type, with the event's severity.
fn emergency_type(e: &Event, rec: &mut Record<'_>) {
    rec.test(RuleId::Tr2, Verdict::Pass, |f| {
        f.code("type", "emergency")
            .code("severity", severity_code(e.severity))
    });
}

/// TR-2 and TR-3, emergency type, heavy: computed as the expenditure type, without its means
/// test.
fn heavy_emergency(e: &Event, rec: &mut Record<'_>) {
    emergency_type(e, rec);
    rec.test(RuleId::Tr3, Verdict::NotApplicable, |f| {
        f.code("method", "computed_as_expenditure_type")
    });
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

    /// Records TR-2: `pass` when income per head is below the line.
    fn record(&self, rec: &mut Record<'_>) {
        match *self {
            ExpenditureLine::Compared {
                per_capita,
                year,
                line,
            } => {
                let verdict = Verdict::pass_if(per_capita < line);
                rec.test(RuleId::Tr2, verdict, |f| {
                    f.code("type", "expenditure")
                        .yuan("per_capita_income", per_capita)
                        .yuan("disposable_income_year", year)
                        .yuan("line", line)
                        .distance_between(per_capita, line)
                });
            }
            ExpenditureLine::Unknown(reason) => {
                rec.test(RuleId::Tr2, Verdict::Unknown, |f| {
                    f.code("type", "expenditure").code("reason", reason)
                });
            }
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
    /// and counted are shown and the event goes to one case, one discussion (`unknown`).
    /// Records TR-11 and returns `true` when the months are beyond the maximum; records
    /// nothing when they are within it.
    fn beyond_maximum(&self, rec: &mut Record<'_>) -> bool {
        let beyond = self.used < self.asked;
        if beyond {
            rec.test(RuleId::Tr11, Verdict::Unknown, |f| {
                f.number("months_of_hardship", self.asked)
                    .number("months_counted", self.used)
                    .number("max_months", self.max)
                    .yuan("proposed", self.amount)
                    .code("reason", "one_case_one_discussion")
            });
        }
        beyond
    }

    /// Records TR-4.
    fn record(&self, e: &Event, rec: &mut Record<'_>) {
        rec.test(RuleId::Tr4, Verdict::Pass, |f| {
            let x = f
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
        });
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

    /// Records TR-7: `pass` within the cap, `unknown` above it.
    fn record(&self, rec: &mut Record<'_>) {
        let above = self.above();
        let verdict = if above {
            Verdict::Unknown
        } else {
            Verdict::Pass
        };
        rec.test(RuleId::Tr7, verdict, |f| {
            let c = f
                .yuan("proposed", self.proposed)
                .yuan("cap", self.cap)
                .number("cap_months", self.cap_months)
                .distance_between(self.proposed, self.cap);
            if above {
                c.code("reason", "one_case_one_discussion")
            } else {
                c
            }
        });
    }
}

/// The result and the conditions of the record.
fn result(
    outcome: Outcome,
    review: Vec<ReviewItem>,
    rec: Record<'_>,
    amount: Option<Decimal>,
    reason: Option<ReviewReason>,
) -> (ProgrammeResult, Conditions) {
    let conditions = rec.conditions();
    let findings = rec.into_findings();
    let result = ProgrammeResult {
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
    };
    (result, conditions)
}

/// TR-10, then TR-9, for a light emergency paid at once: small fast relief (小额快救) when a
/// division sets a fast-relief cap and the amount is within it — decided without
/// economic-status verification within `tr_fast_relief_days` (3 unless a division sets
/// otherwise); otherwise, from the day `tr_paid_first_documents` is in force (S0 Art. 50), paid
/// first with the list of what must be documented afterwards. Returns whether the event was
/// small fast relief.
fn paid_first(ctx: &Context<'_>, amount: Decimal, rec: &mut Record<'_>) -> Result<bool, CaseError> {
    if let Some(cap) = peek_decimal(ctx.p, ParamId::TrFastReliefCap) {
        fn base(f: Draft<'_>, amount: Decimal, cap: Decimal) -> Draft<'_> {
            f.yuan("amount", amount).yuan("cap", cap)
        }
        if amount <= cap {
            let days = ctx.p.count(ParamId::TrFastReliefDays, 366)?;
            rec.test(RuleId::Tr10, Verdict::Pass, |f| {
                base(f, amount, cap)
                    .number("days", days)
                    .code("verification", "not_needed")
            });
            return Ok(true);
        }
        // Above the cap the event is not refused: it takes the ordinary route (TR-9).
        let over = amount.sub(cap, W)?;
        rec.test(RuleId::Tr10, Verdict::NotApplicable, |f| {
            base(f, amount, cap).distance(over)
        });
    }
    if let Some(crate::rules::ParamValue::List(docs)) =
        ctx.p.peek(ParamId::TrPaidFirstDocuments).map(|u| &u.value)
    {
        ctx.p.mark_used(ParamId::TrPaidFirstDocuments);
        rec.test(RuleId::Tr9, Verdict::Pass, |f| {
            let mut x = f.code("method", "paid_first");
            for d in docs.iter() {
                x = x.owned_code("document", d);
            }
            x
        });
    }
    Ok(false)
}

/// TR-12: records that temporary relief was decided under the parameters of the division
/// where the emergency happened (S0 Art. 37), when the case names one other than its own.
fn emergency_division(ctx: &Context<'_>, rec: &mut Record<'_>) {
    let Some(e) = ctx.case.household.emergency_division.as_deref() else {
        return;
    };
    rec.test(RuleId::Tr12, Verdict::Pass, |x| {
        x.owned_code("emergency_division", e)
            .owned_code("household_division", ctx.case.jurisdiction.as_str())
    });
}
