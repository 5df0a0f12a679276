//! A member's money as departments record it against the declaration: bank balances
//! (VER-BALANCE), insurers' cash values, securities accounts and payment balances
//! (VER-INSURANCE, VER-SECURITIES, VER-PAYMENT; S0 Art. 41), wages and contribution bases
//! (VER-WAGE), pensions (VER-PENSION). A member's
//! records of one item are summed; the latest record names the department and date. Declared
//! income is taken over the income reference period (INC-8, `accounts::period`).
//!
//! May use the case model, the reference period, exact money arithmetic and the
//! reconciliation helpers of the parent module only.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Check, Item, Records, VerdictIf, money_item};
use crate::accounts::income::is_farm;
use crate::case::{
    CaseError, Department, EvidenceFact, FinancialAsset, FinancialKind, IncomeCategory, MemberKey,
};
use crate::explain::{Finding, RuleId, Verdict};
use crate::money::{Exact, Yuan};
use crate::verify::change::Change;
use crate::verify::codes::yes_no;

/// A member's recorded money of one item against the declared figure.
pub(super) struct MoneyCheck<'c> {
    member: &'c MemberKey,
    rule: RuleId,
    /// The evidence item compared (for VER-WAGE, the source: wage or contribution base).
    item: &'static str,
    /// Whether the finding names the item as its source (VER-WAGE).
    names_source: bool,
    /// The department and date of the latest record.
    latest: (Department, NaiveDate),
    declared: Decimal,
    verified: Decimal,
    /// The change when the verified figure is applied.
    change: Option<Change>,
}

impl Check for MoneyCheck<'_> {
    fn finding(&self) -> Finding {
        let (department, date) = self.latest;
        let mut f = Finding::new(self.rule, Verdict::Pass)
            .member(self.member)
            .code("department", department.as_str())
            .date("record_date", date);
        if self.names_source {
            f = f.code("source", self.item);
        }
        f.yuan("verified", self.verified)
            .yuan("declared", self.declared)
            .code("applied", yes_no(self.change.is_some()))
            .verdict_if(self.verified == self.declared)
    }

    fn into_item(self) -> Option<Item> {
        (self.verified != self.declared).then(|| {
            money_item(
                self.member,
                self.latest,
                self.item,
                self.rule,
                (self.declared, self.verified),
                self.change,
            )
        })
    }
}

/// Each member's total of the picked records, with the latest record's department and date.
type Totals<'c> = BTreeMap<&'c MemberKey, (Decimal, Department, NaiveDate)>;

/// Records grouped by member, for the items reconciled per member.
fn by_member<'c>(
    rs: &Records<'c>,
    pick: fn(&EvidenceFact) -> Option<Decimal>,
) -> Result<Totals<'c>, CaseError> {
    let mut m = Totals::new();
    let mut err = None;
    for r in &rs.used {
        let Some(v) = pick(&r.fact) else { continue };
        let e = m
            .entry(&r.member)
            .or_insert((Decimal::ZERO, r.department, r.date));
        match e.0.checked_add(v) {
            Some(s) => e.0 = s,
            None => err = Some(CaseError::Overflow { what: "evidence" }),
        }
        if r.date > e.2 {
            e.2 = r.date;
            e.1 = r.department;
        }
    }
    match err {
        Some(e) => Err(e),
        None => Ok(m),
    }
}

/// VER-BALANCE: the member's balances; a higher total replaces the declared one (the
/// difference is added as a deposit).
pub(super) fn balances<'c>(rs: &Records<'c>) -> Result<Vec<MoneyCheck<'c>>, CaseError> {
    let balances = by_member(rs, |f| match f {
        EvidenceFact::AccountBalance { amount } => Some(amount.value()),
        _ => None,
    })?;
    let mut out = Vec::with_capacity(balances.len());
    for (member, (verified, department, date)) in balances {
        // kinds a source of their own verifies for this member (S0 Art. 41) are left to it
        let own: Vec<&Source> = SOURCES
            .iter()
            .filter(|src| {
                rs.used
                    .iter()
                    .any(|r| r.member == *member && (src.pick)(&r.fact).is_some())
            })
            .collect();
        let mut declared = Decimal::ZERO;
        for f in rs.household.assets.financial.iter().filter(|f| {
            f.member == member
                && !matches!(f.kind, FinancialKind::Cash | FinancialKind::Claim)
                && !own.iter().any(|src| src.declared.contains(&f.kind))
        }) {
            declared = declared.add(f.amount.value(), "declared balances")?;
        }
        let change = (verified > declared).then(|| {
            Change::AddDeposit(FinancialAsset {
                member: member.clone(),
                kind: FinancialKind::Deposit,
                amount: Yuan::new(verified - declared),
            })
        });
        out.push(MoneyCheck {
            member,
            rule: RuleId::VerBalance,
            item: "account_balance",
            names_source: false,
            latest: (department, date),
            declared,
            verified,
            change,
        });
    }
    Ok(out)
}

/// A source of money records of its own under S0 Art. 41 (insurers, securities firms,
/// non-bank payment institutions): its rule, item, the record it reads, the declared kinds it
/// verifies, and the kind a higher recorded figure is added as.
pub(super) struct Source {
    rule: RuleId,
    item: &'static str,
    pick: fn(&EvidenceFact) -> Option<Decimal>,
    declared: &'static [FinancialKind],
    added_as: FinancialKind,
}

/// The sources of S0 Art. 41 reconciled like bank balances, in the order their findings come.
pub(super) const SOURCES: [Source; 3] = [
    Source {
        rule: RuleId::VerInsurance,
        item: "insurance_cash_value",
        pick: |f| match f {
            EvidenceFact::InsuranceCashValue { amount } => Some(amount.value()),
            _ => None,
        },
        declared: &[FinancialKind::InsuranceCashValue],
        added_as: FinancialKind::InsuranceCashValue,
    },
    Source {
        rule: RuleId::VerSecurities,
        item: "securities_account",
        pick: |f| match f {
            EvidenceFact::SecuritiesAccount { amount } => Some(amount.value()),
            _ => None,
        },
        declared: &[FinancialKind::Securities, FinancialKind::Fund],
        added_as: FinancialKind::Securities,
    },
    Source {
        rule: RuleId::VerPayment,
        item: "payment_balance",
        pick: |f| match f {
            EvidenceFact::PaymentBalance { amount } => Some(amount.value()),
            _ => None,
        },
        declared: &[FinancialKind::InternetFinance],
        added_as: FinancialKind::InternetFinance,
    },
];

/// VER-INSURANCE, VER-SECURITIES, VER-PAYMENT: each member's records of one source against the
/// declared assets of the kinds it verifies, like bank balances (VER-BALANCE): a higher total
/// adds the difference as an asset of that kind; a lower one leaves the declaration.
pub(super) fn other_sources<'c>(rs: &Records<'c>) -> Result<Vec<MoneyCheck<'c>>, CaseError> {
    let mut out = Vec::new();
    for src in &SOURCES {
        for (member, (verified, department, date)) in by_member(rs, src.pick)? {
            let mut declared = Decimal::ZERO;
            for f in rs
                .household
                .assets
                .financial
                .iter()
                .filter(|f| f.member == member && src.declared.contains(&f.kind))
            {
                declared = declared.add(f.amount.value(), "declared assets")?;
            }
            let change = (verified > declared).then(|| {
                Change::AddDeposit(FinancialAsset {
                    member: member.clone(),
                    kind: src.added_as,
                    amount: Yuan::new(verified - declared),
                })
            });
            out.push(MoneyCheck {
                member,
                rule: src.rule,
                item: src.item,
                names_source: false,
                latest: (department, date),
                declared,
                verified,
                change,
            });
        }
    }
    Ok(out)
}

/// Each member's wage records by department, summed, with the latest date.
type Wages<'c> = BTreeMap<&'c MemberKey, BTreeMap<Department, (Decimal, NaiveDate)>>;

/// VER-WAGE: the recorded wage (highest department total) replaces the declared wage; with
/// no wage record, a contribution base above the declared wage replaces it.
pub(super) fn wages<'c>(rs: &Records<'c>) -> Result<Vec<MoneyCheck<'c>>, CaseError> {
    let mut wages = Wages::new();
    let mut bases: Totals<'c> = BTreeMap::new();
    for r in &rs.used {
        match &r.fact {
            EvidenceFact::Wage { monthly } => {
                let e = wages
                    .entry(&r.member)
                    .or_default()
                    .entry(r.department)
                    .or_insert((Decimal::ZERO, r.date));
                e.0 = e.0.add(monthly.value(), "verified wage")?;
                e.1 = e.1.max(r.date);
            }
            EvidenceFact::ContributionBase { monthly } => {
                let e = bases
                    .entry(&r.member)
                    .or_insert((monthly.value(), r.department, r.date));
                if monthly.value() > e.0 {
                    *e = (monthly.value(), r.department, r.date);
                }
            }
            _ => {}
        }
    }
    let members: BTreeSet<&MemberKey> = wages.keys().chain(bases.keys()).copied().collect();
    let mut out = Vec::with_capacity(members.len());
    for member in members {
        let declared = rs.period.monthly(
            rs.household.incomes.iter().filter(|r| {
                r.member == *member && r.category == IncomeCategory::Wage && !is_farm(r.kind)
            }),
            "declared income",
        )?;
        let from_wage = wages.get(member).and_then(|d| {
            d.iter()
                .max_by(|a, b| a.1.0.cmp(&b.1.0))
                .map(|(dep, (v, date))| (*v, *dep, *date))
        });
        let (verified, department, date, source, applies) = match (from_wage, bases.get(member)) {
            (Some((v, dep, date)), _) => (v, dep, date, "wage", v != declared),
            (None, Some(&(v, dep, date))) => (v, dep, date, "contribution_base", v > declared),
            (None, None) => continue,
        };
        let change = if applies {
            let record =
                rs.period
                    .record(member, IncomeCategory::Wage, verified, "verified income")?;
            Some(Change::ReplaceWage(member.clone(), record))
        } else {
            None
        };
        out.push(MoneyCheck {
            member,
            rule: RuleId::VerWage,
            item: source,
            names_source: true,
            latest: (department, date),
            declared,
            verified,
            change,
        });
    }
    Ok(out)
}

/// VER-PENSION: recorded pensions against declared transfer income without a kind; a higher
/// pension adds the difference.
pub(super) fn pensions<'c>(rs: &Records<'c>) -> Result<Vec<MoneyCheck<'c>>, CaseError> {
    let pensions = by_member(rs, |f| match f {
        EvidenceFact::Pension { monthly } => Some(monthly.value()),
        _ => None,
    })?;
    let mut out = Vec::with_capacity(pensions.len());
    for (member, (verified, department, date)) in pensions {
        let declared = rs.period.monthly(
            rs.household.incomes.iter().filter(|r| {
                r.member == *member && r.category == IncomeCategory::Transfer && r.kind.is_none()
            }),
            "declared income",
        )?;
        let change = if verified > declared {
            let record = rs.period.record(
                member,
                IncomeCategory::Transfer,
                verified - declared,
                "verified income",
            )?;
            Some(Change::AddIncome(record))
        } else {
            None
        };
        out.push(MoneyCheck {
            member,
            rule: RuleId::VerPension,
            item: "pension",
            names_source: false,
            latest: (department, date),
            declared,
            verified,
            change,
        });
    }
    Ok(out)
}
