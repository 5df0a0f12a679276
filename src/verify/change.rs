//! The changes a verified record makes to the declared household (a vehicle added, a value
//! replaced, a member removed, …) and how each is applied to a copy of the case.
//!
//! May use the case model and the income accounts' farm-income rule (INC-7) only.

use rust_decimal::Decimal;

use crate::accounts::income::is_farm;
use crate::case::{
    BusinessRegistration, Case, Disability, Expense, FinancialAsset, Home, IncomeCategory,
    IncomeRecord, MemberKey, SchoolLevel, Status, Student, Vehicle,
};
use crate::money::Yuan;

/// A change to the declared household that a verified record calls for.
#[derive(Clone, Debug)]
pub(crate) enum Change {
    /// A registered vehicle nobody declared (VER-VEHICLE).
    AddVehicle(Vehicle),
    /// The registered value of the declared vehicle at this position (VER-VEHICLE).
    VehicleValue(usize, Yuan),
    /// A registered home nobody declared (VER-PROPERTY).
    AddHome(Home),
    /// The registered floor area of the declared home at this position (VER-PROPERTY).
    HomeArea(usize, Decimal),
    /// The balance above the declared one, as a deposit (VER-BALANCE).
    AddDeposit(FinancialAsset),
    /// Replace the member's wage records in the reference period by one record (VER-WAGE).
    ReplaceWage(MemberKey, IncomeRecord),
    /// The pension above the declared one, as transfer income (VER-PENSION).
    AddIncome(IncomeRecord),
    /// An active registered business nobody declared (VER-BUSINESS).
    AddBusiness(BusinessRegistration),
    /// Whether the declared business at this position is active (VER-BUSINESS).
    BusinessActive(usize, bool),
    /// The member's certified disability (VER-DISABILITY).
    Disability(MemberKey, Disability),
    /// The member is dead and leaves the household (VER-DEATH); applied last.
    RemoveMember(MemberKey),
    /// A status the member was not declared to have (VER-PRISON).
    AddStatus(MemberKey, Status),
    /// The member is a full-time student at this level (VER-SCHOOL).
    Student(MemberKey, SchoolLevel),
    /// A self-paid medical expense nobody declared (VER-MEDICAL).
    AddExpense(Expense),
    /// The self-paid amount of the declared expense at this position (VER-MEDICAL).
    ExpenseSelfPaid(usize, Yuan),
    /// The financial assets recorded for a supporter outside the household, with consent
    /// (VER-CONSENT).
    SupporterAssets(MemberKey, Yuan),
}

impl Change {
    /// Applies the change to a copy of the case.
    pub(crate) fn apply(&self, case: &mut Case) {
        let h = &mut case.household;
        match self {
            Change::AddVehicle(v) => h.assets.vehicles.push(v.clone()),
            Change::VehicleValue(i, v) => {
                if let Some(x) = h.assets.vehicles.get_mut(*i) {
                    x.value = *v;
                }
            }
            Change::AddHome(x) => h.assets.homes.push(x.clone()),
            Change::HomeArea(i, a) => {
                if let Some(x) = h.assets.homes.get_mut(*i) {
                    x.floor_area = *a;
                }
            }
            Change::AddDeposit(f) => h.assets.financial.push(f.clone()),
            Change::ReplaceWage(key, rec) => {
                h.incomes.retain(|r| {
                    !(r.member == *key && r.category == IncomeCategory::Wage && !is_farm(r.kind))
                });
                h.incomes.push(rec.clone());
            }
            Change::AddIncome(rec) => h.incomes.push(rec.clone()),
            Change::AddBusiness(b) => h.assets.businesses.push(b.clone()),
            Change::BusinessActive(i, a) => {
                if let Some(x) = h.assets.businesses.get_mut(*i) {
                    x.active = *a;
                }
            }
            Change::Disability(key, d) => {
                if let Some(m) = h.members.iter_mut().find(|m| m.key == *key) {
                    m.disability = Some(*d);
                }
            }
            Change::RemoveMember(key) => h.members.retain(|m| m.key != *key),
            Change::AddStatus(key, s) => {
                if let Some(m) = h.members.iter_mut().find(|m| m.key == *key)
                    && !m.statuses.iter().any(|x| x.kind == s.kind)
                {
                    m.statuses.push(*s);
                }
            }
            Change::Student(key, level) => {
                if let Some(m) = h.members.iter_mut().find(|m| m.key == *key) {
                    m.student = Some(Student {
                        level: *level,
                        full_time: true,
                    });
                }
            }
            Change::AddExpense(e) => h.expenses.push(e.clone()),
            Change::ExpenseSelfPaid(i, v) => {
                if let Some(x) = h.expenses.get_mut(*i) {
                    x.self_paid = *v;
                    x.amount = Yuan::new(x.amount.value().max(v.value()));
                }
            }
            Change::SupporterAssets(key, v) => {
                if let Some(s) = h.supporters.iter_mut().find(|s| s.key == *key) {
                    s.financial_assets = Some(*v);
                }
            }
        }
    }
}
