//! Validation of the facts added for special hardship, rigid expenditure and temporary relief:
//! supporters, events and the public-school rate of education expenses.
//!
//! One function per part (supporter, event); called by [`validate`](super::validate) after
//! the other parts. May use: the case model, its errors, the input limits and the helpers of
//! `validate`.

use chrono::NaiveDate;

use super::error::{CaseError, Problem};
use super::model::{Case, Event, Supporter};
use super::validate::{At, KeyIndex, check_amount, check_past, limit, valid_key};
use crate::limits::{MAX_MEMBERS, MAX_RECORDS};

/// Most months of hardship an event may name.
const MAX_HARDSHIP_MONTHS: u32 = 120;

/// Checks supporters, events and expense rates, in that order.
pub(super) fn validate(case: &Case, _keys: &KeyIndex<'_>) -> Result<(), CaseError> {
    let date = case.evaluation_date;
    let h = &case.household;
    limit("household.supporters", h.supporters.len(), MAX_MEMBERS)?;
    limit("household.events", h.events.len(), MAX_RECORDS)?;
    for (i, s) in h.supporters.iter().enumerate() {
        check_supporter(&h.supporters, i, s, date)?;
    }
    for (i, e) in h.events.iter().enumerate() {
        check_event(i, e, date)?;
    }
    for (i, e) in h.expenses.iter().enumerate() {
        if let Some(r) = e.public_school_rate {
            check_amount(r).at(|| format!("household.expenses[{i}].public_school_rate"))?;
        }
    }
    Ok(())
}

/// Supporter `i` (TK-5): a valid key not used before, a birth date in the past, a disability
/// grade 1 … 4, statuses not repeated, amounts.
fn check_supporter(
    all: &[Supporter],
    i: usize,
    s: &Supporter,
    date: NaiveDate,
) -> Result<(), CaseError> {
    let at = |field: &str| format!("household.supporters[{i}].{field}");
    if !valid_key(&s.key) {
        return Err(CaseError::invalid(at("key"), Problem::BadKey));
    }
    if let Some(first) = all.iter().take(i).position(|x| x.key == s.key) {
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
    Ok(())
}

/// Event `i` (TR): a date in the past, an amount, months of hardship and persons in range.
fn check_event(i: usize, e: &Event, date: NaiveDate) -> Result<(), CaseError> {
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
    Ok(())
}
