//! Income accounting: records turned into monthly countable income per member and per
//! household (INC-2, INC-3, INC-4, INC-6, INC-7, INC-8, INC-9).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::members::{Composition, dec, months_back};
use crate::CaseError;
use crate::case::{Case, ExpenseKind, IncomeCategory, IncomeKind};
use crate::explain::{Finding, RuleId, Verdict};
use crate::money::Exact;
use crate::rules::ParamId;
use crate::rules::resolve::Params;

/// Monthly income of one member by category, after INC-3 and INC-7.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct MemberIncome {
    pub wage: Decimal,
    pub business: Decimal,
    pub property: Decimal,
    pub transfer: Decimal,
    pub transfer_paid: Decimal,
    pub other: Decimal,
    pub deductions: Decimal,
    pub imputed: Decimal,
    /// Monthly income counted above, by income kind (`IncomeKind as usize`), for rules that
    /// disregard more kinds than dibao does (INC-5).
    pub kinds: [Decimal; KIND_COUNT],
}

/// How many income kinds there are.
pub(crate) const KIND_COUNT: usize = 11;

impl MemberIncome {
    /// Countable monthly income: categories, less transfers paid and deductions, plus imputed
    /// income; never below zero.
    pub fn countable(&self) -> Result<Decimal, CaseError> {
        const W: &str = "monthly income";
        let gross = self
            .wage
            .add(self.business, W)?
            .add(self.property, W)?
            .add(self.transfer, W)?
            .add(self.other, W)?
            .add(self.imputed, W)?;
        let net = gross.sub(self.transfer_paid, W)?.sub(self.deductions, W)?;
        Ok(net.max(Decimal::ZERO))
    }

    /// Whether the member earns from work (wage or business).
    pub fn has_work_income(&self) -> bool {
        self.wage > Decimal::ZERO || self.business > Decimal::ZERO
    }
}

/// The income accounts.
pub(crate) struct IncomeAccount {
    pub ref_start: NaiveDate,
    pub ref_end: NaiveDate,
    /// By member position; members not counted keep zero.
    pub members: Vec<MemberIncome>,
    /// Monthly countable income of the counted members.
    pub household: Decimal,
    /// Household income per counted member, `None` when no one counts.
    pub per_capita: Option<Decimal>,
    /// The counted members' monthly income by category (INC-2).
    pub totals: MemberIncome,
}

impl IncomeAccount {
    /// Monthly wage and business income of the counted members: the income from work that a
    /// gradual exit weighs (INC-2, MON-EXIT).
    pub(crate) fn work_income(&self) -> Decimal {
        self.totals.wage.saturating_add(self.totals.business)
    }
}

/// Builds the income accounts and pushes the INC findings.
pub(crate) fn account(
    case: &Case,
    comp: &Composition<'_>,
    keys: &crate::case::validate::KeyIndex<'_>,
    p: &Params,
    findings: &mut Vec<Finding>,
) -> Result<IncomeAccount, CaseError> {
    const W: &str = "income";
    // INC-8: the reference period ends the day before the evaluation date.
    let months = p.count(ParamId::IncomeReferenceMonths, 120)?;
    if months == 0 {
        return Err(CaseError::BadParameter {
            param: ParamId::IncomeReferenceMonths.name(),
            problem: "must be at least 1",
        });
    }
    let ref_end = case
        .evaluation_date
        .pred_opt()
        .unwrap_or(case.evaluation_date);
    let ref_start = months_back(case.evaluation_date, months).unwrap_or(ref_end);
    let months_d = Decimal::from(months);
    let disregarded = p.list(ParamId::DisregardedIncomeKinds)?;

    let mut members = vec![MemberIncome::default(); comp.members.len()];
    let (mut inside, mut cut, mut outside) = (0usize, 0usize, 0usize);

    for r in &case.household.incomes {
        let Some(&i) = keys.get(r.member.as_str()) else {
            continue;
        };
        if !comp.is_counted(i) {
            findings.push(
                Finding::new(RuleId::Inc2, Verdict::Fail)
                    .member(&r.member)
                    .code("category", r.category.as_str())
                    .yuan("amount", r.amount.value())
                    .code("reason", "member_not_counted"),
            );
            continue;
        }
        // INC-8: the part of the record inside the reference period.
        let lo = r.from.max(ref_start);
        let hi = r.to.min(ref_end);
        if hi < lo {
            outside += 1;
            continue;
        }
        let overlap = (hi - lo).num_days() + 1;
        let length = (r.to - r.from).num_days() + 1;
        let in_period = if overlap == length {
            inside += 1;
            r.amount.value()
        } else {
            cut += 1;
            r.amount
                .value()
                .mul(Decimal::from(overlap), W)?
                .div(Decimal::from(length), W)?
        };
        let monthly = in_period.div(months_d, W)?;

        // INC-7: farm income is business income; sub-letting land is property income.
        let mut category = r.category;
        if let Some(kind @ (IncomeKind::Farming | IncomeKind::Livestock | IncomeKind::LandSublet)) =
            r.kind
        {
            let proper = if kind == IncomeKind::LandSublet {
                IncomeCategory::Property
            } else {
                IncomeCategory::Business
            };
            let verdict = if category == proper {
                Verdict::Pass
            } else {
                Verdict::Fail
            };
            findings.push(
                Finding::new(RuleId::Inc7, verdict)
                    .member(&r.member)
                    .code("kind", kind.as_str())
                    .code("declared_category", category.as_str())
                    .code("counted_as", proper.as_str())
                    .yuan("monthly", monthly),
            );
            category = proper;
        }

        // INC-3: disregarded items.
        let candidate = category == IncomeCategory::Disregarded
            || r.kind.is_some_and(crate::case::validate::is_disregard_kind);
        if candidate {
            let kind = r.kind.map(IncomeKind::as_str).unwrap_or("none");
            let listed = disregarded.iter().any(|k| k == kind);
            findings.push(
                Finding::new(
                    RuleId::Inc3,
                    if listed { Verdict::Fail } else { Verdict::Pass },
                )
                .member(&r.member)
                .code("kind", kind)
                .yuan("monthly", monthly),
            );
            if listed {
                continue;
            }
            if category == IncomeCategory::Disregarded {
                category = IncomeCategory::Other;
            }
        }

        let Some(acc) = members.get_mut(i) else {
            continue;
        };
        if let Some(k) = r.kind
            && category != IncomeCategory::TransferPaid
            && let Some(slot) = acc.kinds.get_mut(k as usize)
        {
            *slot = slot.add(monthly, W)?;
        }
        let slot = match category {
            IncomeCategory::Wage => &mut acc.wage,
            IncomeCategory::Business => &mut acc.business,
            IncomeCategory::Property => &mut acc.property,
            IncomeCategory::Transfer => &mut acc.transfer,
            IncomeCategory::TransferPaid => &mut acc.transfer_paid,
            IncomeCategory::Other | IncomeCategory::Disregarded => &mut acc.other,
        };
        *slot = slot.add(monthly, W)?;
    }

    findings.push(
        Finding::new(
            RuleId::Inc8,
            if cut + outside == 0 {
                Verdict::Pass
            } else {
                Verdict::Fail
            },
        )
        .date("period_start", ref_start)
        .date("period_end", ref_end)
        .number("months", months)
        .number("records_inside", dec(inside))
        .number("records_prorated", dec(cut))
        .number("records_outside", dec(outside)),
    );

    deductions(
        case,
        comp,
        keys,
        p,
        ref_start,
        ref_end,
        months_d,
        &mut members,
        findings,
    )?;
    imputation(comp, p, &mut members, findings)?;

    // INC-2: household totals by category.
    let mut totals = MemberIncome::default();
    for i in comp.counted() {
        if let Some(m) = members.get(i) {
            totals.wage = totals.wage.add(m.wage, W)?;
            totals.business = totals.business.add(m.business, W)?;
            totals.property = totals.property.add(m.property, W)?;
            totals.transfer = totals.transfer.add(m.transfer, W)?;
            totals.transfer_paid = totals.transfer_paid.add(m.transfer_paid, W)?;
            totals.other = totals.other.add(m.other, W)?;
            totals.deductions = totals.deductions.add(m.deductions, W)?;
            totals.imputed = totals.imputed.add(m.imputed, W)?;
        }
    }
    let household = totals.countable()?;
    findings.push(
        Finding::new(RuleId::Inc2, Verdict::Pass)
            .yuan("wage", totals.wage)
            .yuan("business", totals.business)
            .yuan("property", totals.property)
            .yuan("transfer", totals.transfer)
            .yuan("transfer_paid", totals.transfer_paid)
            .yuan("other", totals.other)
            .yuan("imputed", totals.imputed)
            .yuan("deductions", totals.deductions)
            .yuan("countable", household),
    );

    // INC-9: income per head.
    let n = comp.counted_len();
    let per_capita = if n == 0 {
        findings.push(
            Finding::new(RuleId::Inc9, Verdict::Unknown)
                .yuan("household_income", household)
                .number("counted_members", 0u64),
        );
        None
    } else {
        let pci = household.div(dec(n), W)?;
        findings.push(
            Finding::new(RuleId::Inc9, Verdict::Pass)
                .yuan("household_income", household)
                .number("counted_members", dec(n))
                .yuan("per_capita_income", pci),
        );
        Some(pci)
    };

    Ok(IncomeAccount {
        ref_start,
        ref_end,
        members,
        household,
        per_capita,
        totals,
    })
}

/// INC-4: job costs and the extra costs of disability or serious illness.
#[allow(clippy::too_many_arguments)]
fn deductions(
    case: &Case,
    comp: &Composition<'_>,
    keys: &crate::case::validate::KeyIndex<'_>,
    p: &Params,
    ref_start: NaiveDate,
    ref_end: NaiveDate,
    months: Decimal,
    members: &mut [MemberIncome],
    findings: &mut Vec<Finding>,
) -> Result<(), CaseError> {
    const W: &str = "deductions";
    let share = p.decimal_in(ParamId::JobCostShareOfWage, Decimal::ONE)?;
    let illness = p.flag(ParamId::DeductIllnessDisabilityCosts)?;
    let mut costs = vec![Decimal::ZERO; members.len()];
    if illness {
        for e in &case.household.expenses {
            if !matches!(e.kind, ExpenseKind::Medical | ExpenseKind::Rehabilitation)
                || e.date < ref_start
                || e.date > ref_end
            {
                continue;
            }
            if let Some(c) = keys.get(e.member.as_str()).and_then(|&i| costs.get_mut(i)) {
                *c = c.add(e.self_paid.value(), W)?;
            }
        }
    }
    let mut any = false;
    for i in comp.counted() {
        let (Some(m), Some(facts)) = (members.get_mut(i), comp.members.get(i)) else {
            continue;
        };
        let job = m.wage.mul(share, W)?;
        let eligible_costs = facts.member.disability.is_some() || facts.member.serious_illness;
        let extra = if eligible_costs {
            costs.get(i).copied().unwrap_or_default().div(months, W)?
        } else {
            Decimal::ZERO
        };
        if job.is_zero() && extra.is_zero() {
            continue;
        }
        any = true;
        m.deductions = job.add(extra, W)?;
        findings.push(
            Finding::new(RuleId::Inc4, Verdict::Fail)
                .member(facts.key)
                .yuan("job_cost", job)
                .ratio("job_cost_share", share)
                .yuan("illness_disability_costs", extra)
                .yuan("deducted", m.deductions),
        );
    }
    if !any {
        findings.push(Finding::new(RuleId::Inc4, Verdict::Pass).yuan("deducted", Decimal::ZERO));
    }
    Ok(())
}

/// INC-6: imputed income for able-bodied adults of working age without work income.
fn imputation(
    comp: &Composition<'_>,
    p: &Params,
    members: &mut [MemberIncome],
    findings: &mut Vec<Finding>,
) -> Result<(), CaseError> {
    let share = p.decimal_in(ParamId::ImputedIncomeShareOfMinWage, Decimal::ONE)?;
    if share.is_zero() {
        return Ok(());
    }
    let wage = p.decimal(ParamId::MinWageMonth)?;
    let imputed = wage.mul(share, "imputed income")?;
    for i in comp.counted() {
        let (Some(m), Some(facts)) = (members.get_mut(i), comp.members.get(i)) else {
            continue;
        };
        if !facts.able_to_work || m.has_work_income() {
            continue;
        }
        if facts.member.registered_unemployed {
            findings.push(
                Finding::new(RuleId::Inc6, Verdict::Pass)
                    .member(facts.key)
                    .code("reason", "registered_unemployed"),
            );
        } else {
            m.imputed = imputed;
            findings.push(
                Finding::new(RuleId::Inc6, Verdict::Fail)
                    .member(facts.key)
                    .yuan("min_wage", wage)
                    .ratio("share", share)
                    .yuan("imputed", imputed),
            );
        }
    }
    Ok(())
}
