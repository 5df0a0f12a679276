//! Validation of the facts added for special hardship, rigid expenditure and temporary relief:
//! supporters, events and the public-school rate of education expenses.

use super::error::{CaseError, Problem};
use super::model::Case;
use super::validate::{At, KeyIndex, check_amount, check_past, limit, valid_key};
use crate::limits::{MAX_MEMBERS, MAX_RECORDS};

/// Most months of hardship an event may name.
const MAX_HARDSHIP_MONTHS: u32 = 120;

/// Checks supporters, events and expense rates.
pub(super) fn validate(case: &Case, _keys: &KeyIndex<'_>) -> Result<(), CaseError> {
    let date = case.evaluation_date;
    let h = &case.household;
    limit("household.supporters", h.supporters.len(), MAX_MEMBERS)?;
    limit("household.events", h.events.len(), MAX_RECORDS)?;

    for (i, s) in h.supporters.iter().enumerate() {
        let at = |field: &str| format!("household.supporters[{i}].{field}");
        if !valid_key(&s.key) {
            return Err(CaseError::invalid(at("key"), Problem::BadKey));
        }
        if let Some(first) = h.supporters.iter().take(i).position(|x| x.key == s.key) {
            return Err(CaseError::invalid(at("key"), Problem::DuplicateKey(first)));
        }
        check_past(s.birth_date, date).at(|| at("birth_date"))?;
        if let Some(d) = s.disability
            && !(1..=4).contains(&d.grade)
        {
            return Err(CaseError::invalid(
                at("disability.grade"),
                Problem::GradeOutOfRange,
            ));
        }
        limit("household.supporters[].statuses", s.statuses.len(), 16)?;
        for (k, st) in s.statuses.iter().enumerate() {
            if s.statuses.iter().take(k).any(|x| x == st) {
                return Err(CaseError::invalid(
                    at(&format!("statuses[{k}]")),
                    Problem::Repeated,
                ));
            }
        }
        if let Some(v) = s.annual_income {
            check_amount(v).at(|| at("annual_income"))?;
        }
        if let Some(v) = s.financial_assets {
            check_amount(v).at(|| at("financial_assets"))?;
        }
    }

    for (i, e) in h.events.iter().enumerate() {
        let at = |field: &str| format!("household.events[{i}].{field}");
        check_past(e.date, date).at(|| at("date"))?;
        if let Some(v) = e.requested_amount {
            check_amount(v).at(|| at("requested_amount"))?;
        }
        if let Some(m) = e.hardship_months
            && !(1..=MAX_HARDSHIP_MONTHS).contains(&m)
        {
            return Err(CaseError::invalid(
                at("hardship_months"),
                Problem::OutOfRange(1, MAX_HARDSHIP_MONTHS),
            ));
        }
        if let Some(n) = e.persons {
            let max = u32::try_from(MAX_MEMBERS).unwrap_or(u32::MAX);
            if !(1..=max).contains(&n) {
                return Err(CaseError::invalid(
                    at("persons"),
                    Problem::OutOfRange(1, max),
                ));
            }
        }
    }

    for (i, e) in h.expenses.iter().enumerate() {
        if let Some(r) = e.public_school_rate {
            check_amount(r).at(|| format!("household.expenses[{i}].public_school_rate"))?;
        }
    }
    Ok(())
}
