//! Self-paid medical costs from medical insurance against declared medical expenses
//! (VER-MEDICAL).
//!
//! May use the case model and the reconciliation helpers of the parent module only.

use chrono::NaiveDate;

use super::{Check, Item, Records, VerdictIf, item, record_finding};
use crate::case::{CaseError, EvidenceFact, EvidenceRecord, Expense, ExpenseKind};
use crate::explain::{FigureValue, Finding, RuleId};
use crate::money::Yuan;
use crate::verify::change::Change;

/// VER-MEDICAL: a self-paid record against the declared self-paid amount of the same day.
pub(super) struct MedicalCheck<'c> {
    record: &'c EvidenceRecord,
    verified: Yuan,
    /// The declared self-paid amount, if an expense of the day was declared.
    declared: Option<Yuan>,
    /// The change should the two differ: the declared amount replaced, or the expense added.
    change: Change,
}

/// VER-MEDICAL: each self-paid record against the member's declared medical expenses of the
/// same date.
pub(super) fn medical<'c>(rs: &Records<'c>) -> Result<Vec<MedicalCheck<'c>>, CaseError> {
    let mut out = Vec::new();
    for r in &rs.used {
        let EvidenceFact::SelfPaidMedical { amount } = &r.fact else {
            continue;
        };
        let slot = rs.household.expenses.iter().enumerate().find(|(_, e)| {
            e.member == r.member && e.kind == ExpenseKind::Medical && e.date == r.date
        });
        let (declared, change) = match slot {
            Some((i, e)) => (Some(e.self_paid), Change::ExpenseSelfPaid(i, *amount)),
            None => (
                None,
                Change::AddExpense(medical_expense(&r.member, *amount, r.date)?),
            ),
        };
        out.push(MedicalCheck {
            record: r,
            verified: *amount,
            declared,
            change,
        });
    }
    Ok(out)
}

impl MedicalCheck<'_> {
    fn same(&self) -> bool {
        self.declared.map(Yuan::value) == Some(self.verified.value())
    }
}

impl Check for MedicalCheck<'_> {
    fn finding(&self) -> Finding {
        record_finding(RuleId::VerMedical, self.record)
            .yuan("verified", self.verified.value())
            .yuan(
                "declared",
                self.declared.map(Yuan::value).unwrap_or_default(),
            )
            .verdict_if(self.same())
    }

    fn into_item(self) -> Option<Item> {
        if self.same() {
            return None;
        }
        let figures = (
            self.declared.map(|d| FigureValue::Yuan(d.value())),
            FigureValue::Yuan(self.verified.value()),
        );
        Some(item(
            self.record,
            RuleId::VerMedical,
            figures,
            None,
            self.change,
        ))
    }
}

/// A medical expense fully self-paid. Built through serde so that optional fields the model
/// may gain take their defaults.
fn medical_expense(member: &str, amount: Yuan, date: NaiveDate) -> Result<Expense, CaseError> {
    serde_json::from_value(serde_json::json!({
        "member": member,
        "kind": "medical",
        "amount": amount,
        "self_paid": amount,
        "date": date,
    }))
    .map_err(|_| CaseError::Overflow {
        what: "verified medical expense",
    })
}
