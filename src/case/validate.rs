//! Validation: every impossible or malformed input becomes a [`CaseError`] naming its path.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::error::{CaseError, Problem};
use super::model::{Case, IncomeCategory, IncomeKind};
use crate::limits::{MAX_MEMBERS, MAX_RECORDS};
use crate::money::{MAX_INPUT_AMOUNT, Yuan};

/// Member keys by position, built once by validation and used by the accounts.
pub(crate) type KeyIndex<'a> = HashMap<&'a str, usize>;

/// Checks a case; on success returns the member-key index.
pub(crate) fn validate(case: &Case) -> Result<KeyIndex<'_>, CaseError> {
    let date = case.evaluation_date;
    check_date_floor("evaluation_date", date)?;
    let j = &case.jurisdiction;
    if j.len() != 6 || !j.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CaseError::invalid("jurisdiction", Problem::BadJurisdiction));
    }
    let h = &case.household;
    if h.members.is_empty() {
        return Err(CaseError::invalid(
            "household.members",
            Problem::EmptyHousehold,
        ));
    }
    limit("household.members", h.members.len(), MAX_MEMBERS)?;
    limit("household.incomes", h.incomes.len(), MAX_RECORDS)?;
    limit("household.expenses", h.expenses.len(), MAX_RECORDS)?;
    let a = &h.assets;
    limit("household.assets.financial", a.financial.len(), MAX_RECORDS)?;
    limit("household.assets.vehicles", a.vehicles.len(), MAX_RECORDS)?;
    limit("household.assets.homes", a.homes.len(), MAX_RECORDS)?;
    limit(
        "household.assets.businesses",
        a.businesses.len(),
        MAX_RECORDS,
    )?;
    limit(
        "household.assets.large_purchases",
        a.large_purchases.len(),
        MAX_RECORDS,
    )?;

    let mut keys: KeyIndex<'_> = HashMap::with_capacity(h.members.len());
    let mut applicant: Option<usize> = None;
    for (i, m) in h.members.iter().enumerate() {
        let at = |field: &str| format!("household.members[{i}].{field}");
        if !valid_key(&m.key) {
            return Err(CaseError::invalid(at("key"), Problem::BadKey));
        }
        if let Some(first) = keys.insert(m.key.as_str(), i) {
            return Err(CaseError::invalid(at("key"), Problem::DuplicateKey(first)));
        }
        if m.relation == super::model::Relation::Applicant {
            if let Some(first) = applicant {
                return Err(CaseError::invalid(
                    at("relation"),
                    Problem::SecondApplicant(first),
                ));
            }
            applicant = Some(i);
        }
        check_past(&at("birth_date"), m.birth_date, date)?;
        if let Some(d) = m.disability
            && !(1..=4).contains(&d.grade)
        {
            return Err(CaseError::invalid(
                at("disability.grade"),
                Problem::GradeOutOfRange,
            ));
        }
        if let Some(sc) = &m.self_care {
            for (k, item) in sc.unable.iter().enumerate() {
                if sc.unable.iter().take(k).any(|x| x == item) {
                    return Err(CaseError::invalid(
                        at(&format!("self_care.unable[{k}]")),
                        Problem::Repeated,
                    ));
                }
            }
        }
        limit("household.members[].statuses", m.statuses.len(), 16)?;
        for (k, s) in m.statuses.iter().enumerate() {
            if m.statuses.iter().take(k).any(|x| x.kind == s.kind) {
                return Err(CaseError::invalid(
                    at(&format!("statuses[{k}].kind")),
                    Problem::Repeated,
                ));
            }
            match s.since {
                Some(since) => check_past(&at(&format!("statuses[{k}].since")), since, date)?,
                None if s.kind == super::model::StatusKind::ClergyLivingApart => {
                    return Err(CaseError::invalid(
                        at(&format!("statuses[{k}].since")),
                        Problem::SinceRequired,
                    ));
                }
                None => {}
            }
        }
    }
    if applicant.is_none() {
        return Err(CaseError::invalid(
            "household.members",
            Problem::NoApplicant,
        ));
    }

    let member = |path: String, key: &str| -> Result<(), CaseError> {
        if keys.contains_key(key) {
            Ok(())
        } else {
            Err(CaseError::invalid(path, Problem::UnknownMember))
        }
    };

    for (i, r) in h.incomes.iter().enumerate() {
        let at = |field: &str| format!("household.incomes[{i}].{field}");
        member(at("member"), &r.member)?;
        check_amount(&at("amount"), r.amount)?;
        check_past(&at("from"), r.from, date)?;
        check_date_floor(&at("to"), r.to)?;
        if r.to < r.from {
            return Err(CaseError::invalid(at("to"), Problem::EndBeforeStart));
        }
        if r.category == IncomeCategory::Disregarded
            && !matches!(r.kind, Some(k) if is_disregard_kind(k))
        {
            return Err(CaseError::invalid(at("kind"), Problem::DisregardKindNeeded));
        }
    }
    for (i, f) in a.financial.iter().enumerate() {
        let at = |field: &str| format!("household.assets.financial[{i}].{field}");
        member(at("member"), &f.member)?;
        check_amount(&at("amount"), f.amount)?;
    }
    for (i, v) in a.vehicles.iter().enumerate() {
        let at = |field: &str| format!("household.assets.vehicles[{i}].{field}");
        member(at("member"), &v.member)?;
        check_amount(&at("value"), v.value)?;
    }
    for (i, hm) in a.homes.iter().enumerate() {
        let at = |field: &str| format!("household.assets.homes[{i}].{field}");
        member(at("member"), &hm.member)?;
        check_amount(&at("floor_area"), Yuan::new(hm.floor_area))?;
        if hm.floor_area.is_zero() {
            return Err(CaseError::invalid(at("floor_area"), Problem::NotPositive));
        }
    }
    for (i, b) in a.businesses.iter().enumerate() {
        let at = |field: &str| format!("household.assets.businesses[{i}].{field}");
        member(at("member"), &b.member)?;
        if let Some(c) = b.registered_capital {
            check_amount(&at("registered_capital"), c)?;
        }
    }
    for (i, p) in a.large_purchases.iter().enumerate() {
        let at = |field: &str| format!("household.assets.large_purchases[{i}].{field}");
        member(at("member"), &p.member)?;
        check_amount(&at("amount"), p.amount)?;
        check_past(&at("date"), p.date, date)?;
    }
    for (i, e) in h.expenses.iter().enumerate() {
        let at = |field: &str| format!("household.expenses[{i}].{field}");
        member(at("member"), &e.member)?;
        check_amount(&at("amount"), e.amount)?;
        check_amount(&at("self_paid"), e.self_paid)?;
        if e.self_paid > e.amount {
            return Err(CaseError::invalid(
                at("self_paid"),
                Problem::SelfPaidAboveAmount,
            ));
        }
        check_past(&at("date"), e.date, date)?;
    }
    if let Some(en) = &case.enrolment {
        check_amount("enrolment.monthly_amount", en.monthly_amount)?;
        check_past("enrolment.since", en.since, date)?;
        if let Some(r) = en.last_review {
            check_past("enrolment.last_review", r, date)?;
            if r < en.since {
                return Err(CaseError::invalid(
                    "enrolment.last_review",
                    Problem::EndBeforeStart,
                ));
            }
        }
    }
    super::validate_special::validate(case, &keys)?;
    Ok(keys)
}

/// Kinds that are disregarded items and may stand under category `disregarded`.
pub(crate) fn is_disregard_kind(k: IncomeKind) -> bool {
    !matches!(
        k,
        IncomeKind::Farming | IncomeKind::Livestock | IncomeKind::LandSublet
    )
}

pub(super) fn valid_key(k: &str) -> bool {
    (1..=64).contains(&k.len())
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
}

pub(super) fn limit(what: &'static str, n: usize, max: usize) -> Result<(), CaseError> {
    if n > max {
        Err(CaseError::TooLarge { what, limit: max })
    } else {
        Ok(())
    }
}

pub(super) fn check_amount(path: &str, v: Yuan) -> Result<(), CaseError> {
    let d: Decimal = v.value();
    if d.is_sign_negative() && !d.is_zero() {
        Err(CaseError::invalid(path, Problem::Negative))
    } else if d > MAX_INPUT_AMOUNT {
        Err(CaseError::invalid(path, Problem::TooLarge))
    } else {
        Ok(())
    }
}

pub(super) fn check_past(path: &str, d: NaiveDate, evaluation: NaiveDate) -> Result<(), CaseError> {
    check_date_floor(path, d)?;
    if d > evaluation {
        Err(CaseError::invalid(path, Problem::AfterEvaluationDate))
    } else {
        Ok(())
    }
}

fn check_date_floor(path: &str, d: NaiveDate) -> Result<(), CaseError> {
    match NaiveDate::from_ymd_opt(1880, 1, 1) {
        Some(floor) if d < floor => Err(CaseError::invalid(path, Problem::TooEarly)),
        _ => Ok(()),
    }
}
