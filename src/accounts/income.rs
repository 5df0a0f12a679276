//! Income accounting: records turned into monthly countable income per member and per
//! household, one function per step: whose income counts (INC-2), the part inside the
//! reference period (INC-8, from `accounts::period`), farm income (INC-7), disregards (INC-3),
//! deductions (INC-4), imputed income (INC-6), household totals (INC-2) and income per head
//! (INC-9).
//!
//! May use the case model, the composition (`accounts::members`), the reference period, the
//! parameters, exact money arithmetic and the decision record; nothing of the programmes or the answer.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::members::{Composition, dec};
use super::period::{ReferencePeriod, Share};
use crate::CaseError;
use crate::case::{Case, ExpenseKind, IncomeCategory, IncomeKind, IncomeRecord};
use crate::explain::{Draft, Record, RuleId, Verdict};
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
pub(crate) const KIND_COUNT: usize = IncomeKind::ALL.len();

impl MemberIncome {
    /// Countable monthly income: categories, less transfers paid and deductions, plus imputed
    /// income; never below zero.
    pub fn countable(&self) -> Result<Decimal, CaseError> {
        Countable::of(self).map(|c| c.income)
    }

    /// Monthly income before the INC-4 deductions: categories less transfers paid, plus
    /// imputed income; may be below zero.
    fn before_deductions(&self) -> Result<Decimal, CaseError> {
        const W: &str = "monthly income";
        let gross = self
            .wage
            .add(self.business, W)?
            .add(self.property, W)?
            .add(self.transfer, W)?
            .add(self.other, W)?
            .add(self.imputed, W)?;
        Ok(gross.sub(self.transfer_paid, W)?)
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
    /// Each member's countable monthly income, by position, worked out once: the programmes
    /// read it for every member and every supporter.
    pub countable: Vec<Countable>,
    /// Monthly countable income of the counted members.
    pub household: Decimal,
    /// Household income per counted member, `None` when no one counts.
    pub per_capita: Option<Decimal>,
    /// The counted members' monthly income by category (INC-2).
    pub totals: MemberIncome,
}

/// One member's monthly income as the programmes read it.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Countable {
    /// Countable income ([`MemberIncome::countable`]).
    pub income: Decimal,
    /// Income before the INC-4 deductions, at least zero (RIG-3 weighs rigid expenditure
    /// against it).
    pub before_deductions: Decimal,
}

impl Countable {
    /// A member's countable income, and before the deductions.
    fn of(m: &MemberIncome) -> Result<Self, CaseError> {
        let before = m.before_deductions()?;
        let net = before.sub(m.deductions, "monthly income")?;
        Ok(Countable {
            income: net.max(Decimal::ZERO),
            before_deductions: before.max(Decimal::ZERO),
        })
    }
}

impl IncomeAccount {
    /// The countable monthly income of the member at position `i` (zero for a position
    /// outside the household).
    pub(crate) fn countable_of(&self, i: usize) -> Decimal {
        self.countable.get(i).map(|c| c.income).unwrap_or_default()
    }

    /// The monthly income before the INC-4 deductions of the member at position `i`, at least
    /// zero (zero for a position outside the household).
    pub(crate) fn before_deductions_of(&self, i: usize) -> Decimal {
        self.countable
            .get(i)
            .map(|c| c.before_deductions)
            .unwrap_or_default()
    }

    /// Monthly wage and business income of the counted members: the income from work that a
    /// gradual exit weighs (INC-2, MON-EXIT).
    pub(crate) fn work_income(&self) -> Decimal {
        self.totals.wage.saturating_add(self.totals.business)
    }
}

/// Builds the income accounts and records the INC conditions, step by step.
pub(crate) fn account<'a>(
    case: &'a Case,
    comp: &Composition<'a>,
    keys: &crate::case::validate::KeyIndex<'_>,
    p: &Params,
    rec: &mut Record<'a>,
) -> Result<IncomeAccount, CaseError> {
    // INC-8: the reference period ends the day before the evaluation date.
    let period = ReferencePeriod::of(case, p)?;
    let disregarded = p.list(ParamId::DisregardedIncomeKinds)?;
    let mut members = vec![MemberIncome::default(); comp.members.len()];
    let mut tally = PeriodTally::default();
    for r in &case.household.incomes {
        let Some(&i) = keys.get(r.member.as_str()) else {
            continue;
        };
        if let Some(counted) =
            count_record(r, comp.is_counted(i), &period, disregarded, &mut tally, rec)?
        {
            let Some(acc) = members.get_mut(i) else {
                continue;
            };
            acc.credit(counted, r.kind)?;
        }
    }
    tally.record(&period, rec);
    deductions(case, comp, keys, p, &period, &mut members, rec)?;
    imputation(comp, p, &mut members, rec)?;
    let (totals, household) = household_income(comp, &members, rec)?;
    let per_capita = per_capita(comp, household, rec)?;
    let countable = members
        .iter()
        .map(Countable::of)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(IncomeAccount {
        ref_start: period.start,
        ref_end: period.end,
        members,
        countable,
        household,
        per_capita,
        totals,
    })
}

/// The category an income record counts in and its monthly amount.
#[derive(Clone, Copy, Debug)]
struct Counted {
    category: IncomeCategory,
    monthly: Decimal,
}

/// How the records fell against the reference period (INC-8).
#[derive(Clone, Copy, Debug, Default)]
struct PeriodTally {
    inside: usize,
    prorated: usize,
    outside: usize,
}

impl PeriodTally {
    /// Records INC-8: the period and how many records it took whole, cut or left out.
    fn record(&self, period: &ReferencePeriod, rec: &mut Record<'_>) {
        let verdict = Verdict::pass_if(self.prorated + self.outside == 0);
        rec.test(RuleId::Inc8, verdict, |f| self.figures(f, period));
    }

    /// The INC-8 finding's figures.
    fn figures<'f>(&self, f: Draft<'f>, period: &ReferencePeriod) -> Draft<'f> {
        f.date("period_start", period.start)
            .date("period_end", period.end)
            .number("months", period.months)
            .number("records_inside", dec(self.inside))
            .number("records_prorated", dec(self.prorated))
            .number("records_outside", dec(self.outside))
    }
}

/// One income record through INC-2 (whose), INC-8 (when), INC-7 (farm income) and INC-3
/// (disregards): what it adds to its member's account, if anything.
fn count_record<'a>(
    r: &'a IncomeRecord,
    counted_member: bool,
    period: &ReferencePeriod,
    disregarded: &[String],
    tally: &mut PeriodTally,
    rec: &mut Record<'a>,
) -> Result<Option<Counted>, CaseError> {
    const W: &str = "income";
    // INC-2: only counted members' income counts.
    if !counted_member {
        rec.test_member(&r.member, RuleId::Inc2, Verdict::Fail, |f| {
            f.code("category", r.category.as_str())
                .yuan("amount", r.amount.value())
                .code("reason", "member_not_counted")
        });
        return Ok(None);
    }
    // INC-8: the part of the record inside the reference period.
    let in_period = match period.share_of(r, W)? {
        Share::Outside => {
            tally.outside += 1;
            return Ok(None);
        }
        Share::Inside(x) => {
            tally.inside += 1;
            x
        }
        Share::Prorated(x) => {
            tally.prorated += 1;
            x
        }
    };
    let monthly = in_period.div(period.months_dec(), W)?;
    let category = farm_income(r, monthly, rec);
    Ok(disregard(r, category, monthly, disregarded, rec)
        .map(|category| Counted { category, monthly }))
}

/// The income category of a farm-income kind (INC-7): farming and livestock are business
/// income, sub-letting land is property income; `None` for any other kind.
pub(crate) fn farm_category(kind: IncomeKind) -> Option<IncomeCategory> {
    match kind {
        IncomeKind::Farming | IncomeKind::Livestock => Some(IncomeCategory::Business),
        IncomeKind::LandSublet => Some(IncomeCategory::Property),
        _ => None,
    }
}

/// Whether a record of this kind is farm income (INC-7).
pub(crate) fn is_farm(kind: Option<IncomeKind>) -> bool {
    kind.and_then(farm_category).is_some()
}

/// INC-7: farm income is business income; sub-letting land is property income. Returns the
/// category the record counts in.
fn farm_income<'a>(r: &'a IncomeRecord, monthly: Decimal, rec: &mut Record<'a>) -> IncomeCategory {
    let Some((kind, proper)) = r.kind.and_then(|k| farm_category(k).map(|c| (k, c))) else {
        return r.category;
    };
    let verdict = Verdict::pass_if(r.category == proper);
    rec.test_member(&r.member, RuleId::Inc7, verdict, |f| {
        f.code("kind", kind.as_str())
            .code("declared_category", r.category.as_str())
            .code("counted_as", proper.as_str())
            .yuan("monthly", monthly)
    });
    proper
}

/// INC-3: disregarded items. `None` when the record is not counted; otherwise the category
/// it counts in (a disregard kind the parameters do not list counts as other income).
fn disregard<'a>(
    r: &'a IncomeRecord,
    category: IncomeCategory,
    monthly: Decimal,
    disregarded: &[String],
    rec: &mut Record<'a>,
) -> Option<IncomeCategory> {
    let candidate = category == IncomeCategory::Disregarded
        || r.kind.is_some_and(crate::case::validate::is_disregard_kind);
    if !candidate {
        return Some(category);
    }
    let kind = r.kind.map(IncomeKind::as_str).unwrap_or("none");
    let listed = disregarded.iter().any(|k| k == kind);
    let verdict = Verdict::fail_if(listed);
    rec.test_member(&r.member, RuleId::Inc3, verdict, |f| {
        f.code("kind", kind).yuan("monthly", monthly)
    });
    if listed {
        None
    } else if category == IncomeCategory::Disregarded {
        Some(IncomeCategory::Other)
    } else {
        Some(category)
    }
}

impl MemberIncome {
    /// Adds a counted record: to its kind (unless paid out) and to its category.
    fn credit(&mut self, c: Counted, kind: Option<IncomeKind>) -> Result<(), CaseError> {
        const W: &str = "income";
        if let Some(k) = kind
            && c.category != IncomeCategory::TransferPaid
            && let Some(slot) = self.kinds.get_mut(k as usize)
        {
            *slot = slot.add(c.monthly, W)?;
        }
        let slot = match c.category {
            IncomeCategory::Wage => &mut self.wage,
            IncomeCategory::Business => &mut self.business,
            IncomeCategory::Property => &mut self.property,
            IncomeCategory::Transfer => &mut self.transfer,
            IncomeCategory::TransferPaid => &mut self.transfer_paid,
            IncomeCategory::Other | IncomeCategory::Disregarded => &mut self.other,
        };
        *slot = slot.add(c.monthly, W)?;
        Ok(())
    }
}

/// INC-2: household totals by category, and the countable household income.
fn household_income(
    comp: &Composition<'_>,
    members: &[MemberIncome],
    rec: &mut Record<'_>,
) -> Result<(MemberIncome, Decimal), CaseError> {
    const W: &str = "income";
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
    rec.test(RuleId::Inc2, Verdict::Pass, |f| {
        f.yuan("wage", totals.wage)
            .yuan("business", totals.business)
            .yuan("property", totals.property)
            .yuan("transfer", totals.transfer)
            .yuan("transfer_paid", totals.transfer_paid)
            .yuan("other", totals.other)
            .yuan("imputed", totals.imputed)
            .yuan("deductions", totals.deductions)
            .yuan("countable", household)
    });
    Ok((totals, household))
}

/// INC-9: income per head of the counted members; `None` when no one counts.
fn per_capita(
    comp: &Composition<'_>,
    household: Decimal,
    rec: &mut Record<'_>,
) -> Result<Option<Decimal>, CaseError> {
    let n = comp.counted_len();
    if n == 0 {
        rec.test(RuleId::Inc9, Verdict::Unknown, |f| {
            f.yuan("household_income", household)
                .number("counted_members", 0u64)
        });
        return Ok(None);
    }
    let pci = household.div(dec(n), "income")?;
    rec.test(RuleId::Inc9, Verdict::Pass, |f| {
        f.yuan("household_income", household)
            .number("counted_members", dec(n))
            .yuan("per_capita_income", pci)
    });
    Ok(Some(pci))
}

/// INC-4: job costs and the extra costs of disability or serious illness.
fn deductions<'a>(
    case: &Case,
    comp: &Composition<'a>,
    keys: &crate::case::validate::KeyIndex<'_>,
    p: &Params,
    period: &ReferencePeriod,
    members: &mut [MemberIncome],
    rec: &mut Record<'a>,
) -> Result<(), CaseError> {
    const W: &str = "deductions";
    let share = p.decimal_in(ParamId::JobCostShareOfWage, Decimal::ONE)?;
    let illness = p.flag(ParamId::DeductIllnessDisabilityCosts)?;
    let mut costs = vec![Decimal::ZERO; members.len()];
    if illness {
        for e in &case.household.expenses {
            if !matches!(e.kind, ExpenseKind::Medical | ExpenseKind::Rehabilitation)
                || !period.contains(e.date)
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
            costs
                .get(i)
                .copied()
                .unwrap_or_default()
                .div(period.months_dec(), W)?
        } else {
            Decimal::ZERO
        };
        if job.is_zero() && extra.is_zero() {
            continue;
        }
        any = true;
        m.deductions = job.add(extra, W)?;
        rec.test_member(facts.key, RuleId::Inc4, Verdict::Fail, |f| {
            f.yuan("job_cost", job)
                .ratio("job_cost_share", share)
                .yuan("illness_disability_costs", extra)
                .yuan("deducted", m.deductions)
        });
    }
    if !any {
        rec.test(RuleId::Inc4, Verdict::Pass, |f| {
            f.yuan("deducted", Decimal::ZERO)
        });
    }
    Ok(())
}

/// INC-6: imputed income for able-bodied adults of working age without work income.
fn imputation<'a>(
    comp: &Composition<'a>,
    p: &Params,
    members: &mut [MemberIncome],
    rec: &mut Record<'a>,
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
            rec.test_member(facts.key, RuleId::Inc6, Verdict::Pass, |f| {
                f.code("reason", "registered_unemployed")
            });
        } else {
            m.imputed = imputed;
            rec.test_member(facts.key, RuleId::Inc6, Verdict::Fail, |f| {
                f.yuan("min_wage", wage)
                    .ratio("share", share)
                    .yuan("imputed", imputed)
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every income kind, by an exhaustive match: a new kind fails to compile here until it
    /// is counted in `KIND_COUNT`.
    const fn position(k: IncomeKind) -> usize {
        match k {
            IncomeKind::Farming => 0,
            IncomeKind::Livestock => 1,
            IncomeKind::LandSublet => 2,
            IncomeKind::ResidentsBasicPension => 3,
            IncomeKind::PreferentialTreatment => 4,
            IncomeKind::FamilyPlanning => 5,
            IncomeKind::Scholarship => 6,
            IncomeKind::BraveryAward => 7,
            IncomeKind::SocialAssistance => 8,
            IncomeKind::OldAgeAllowance => 9,
            IncomeKind::LocalDisregard => 10,
        }
    }

    #[test]
    fn kind_count_counts_every_income_kind() {
        let all = IncomeKind::ALL;
        assert_eq!(all.len(), KIND_COUNT);
        for (i, k) in all.into_iter().enumerate() {
            assert_eq!(position(k), i);
            assert_eq!(k as usize, i, "the account indexes kinds by discriminant");
        }
    }

    #[test]
    fn farm_kinds_have_their_category() {
        assert_eq!(
            farm_category(IncomeKind::Farming),
            Some(IncomeCategory::Business)
        );
        assert_eq!(
            farm_category(IncomeKind::LandSublet),
            Some(IncomeCategory::Property)
        );
        assert_eq!(farm_category(IncomeKind::Scholarship), None);
    }
}
