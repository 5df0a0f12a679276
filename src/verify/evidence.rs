//! The evidence part of a case: its validation (members known, dates past, amounts in range,
//! departments listed once) and the index of member keys verification reads by.
//!
//! May use the case model and its validation helpers only.

use std::collections::BTreeSet;

use crate::case::validate::{At, KeyIndex, check_amount, check_past};
use crate::case::{Case, CaseError, EvidenceFact, Problem};
use crate::limits::MAX_RECORDS;
use crate::money::Yuan;

/// Member keys by position, for a case that may have lost members to death records.
pub(crate) fn key_index(case: &Case) -> KeyIndex<'_> {
    let mut keys = KeyIndex::with_capacity(case.household.members.len());
    for (i, m) in case.household.members.iter().enumerate() {
        keys.insert_first(m.key.as_str(), i);
    }
    keys
}

/// Checks the evidence part of a case; errors name the field path.
pub(crate) fn validate_evidence(case: &Case) -> Result<(), CaseError> {
    if case.evidence.len() > MAX_RECORDS {
        return Err(CaseError::TooLarge {
            what: "evidence",
            limit: MAX_RECORDS,
        });
    }
    let date = case.evaluation_date;
    let known: BTreeSet<&str> = case
        .household
        .members
        .iter()
        .map(|m| m.key.as_str())
        // a supporter's records are used only with their consent (VER-CONSENT)
        .chain(case.household.supporters.iter().map(|s| s.key.as_str()))
        .collect();
    for (i, r) in case.evidence.iter().enumerate() {
        // the path is written only when there is an error to report
        let at = |field: &'static str| move || format!("evidence[{i}].{field}");
        if !known.contains(r.member.as_str()) {
            return Err(CaseError::invalid(at("member")(), Problem::UnknownMember));
        }
        check_past(r.date, date).at(at("date"))?;
        match &r.fact {
            EvidenceFact::VehicleRegistered { value, .. } => {
                check_amount(*value).at(at("fact.value"))?;
            }
            EvidenceFact::Property { floor_area, .. } => {
                check_amount(Yuan::new(*floor_area)).at(at("fact.floor_area"))?;
                if floor_area.is_zero() {
                    return Err(CaseError::invalid(
                        at("fact.floor_area")(),
                        Problem::NotPositive,
                    ));
                }
            }
            EvidenceFact::AccountBalance { amount: a }
            | EvidenceFact::SelfPaidMedical { amount: a }
            | EvidenceFact::InsuranceCashValue { amount: a }
            | EvidenceFact::SecuritiesAccount { amount: a }
            | EvidenceFact::PaymentBalance { amount: a } => {
                check_amount(*a).at(at("fact.amount"))?;
            }
            EvidenceFact::ContributionBase { monthly }
            | EvidenceFact::Wage { monthly }
            | EvidenceFact::Pension { monthly } => {
                check_amount(*monthly).at(at("fact.monthly"))?;
            }
            EvidenceFact::DisabilityCertificate { grade, .. } => {
                if !(1..=4).contains(grade) {
                    return Err(CaseError::invalid(
                        at("fact.grade")(),
                        Problem::GradeOutOfRange,
                    ));
                }
            }
            EvidenceFact::Death { date: d } => check_past(*d, date).at(at("fact.date"))?,
            EvidenceFact::Imprisonment { since } => {
                check_past(*since, date).at(at("fact.since"))?
            }
            EvidenceFact::BusinessRegistration { .. }
            | EvidenceFact::SchoolEnrolment { .. }
            | EvidenceFact::ReturnToPovertyMonitoring { .. } => {}
        }
    }
    for (k, d) in case.evidence_checked.iter().enumerate() {
        if case.evidence_checked.iter().take(k).any(|x| x == d) {
            return Err(CaseError::invalid(
                format!("evidence_checked[{k}]"),
                Problem::Repeated,
            ));
        }
    }
    Ok(())
}
