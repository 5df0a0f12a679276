//! Validation: every impossible or malformed input becomes a [`CaseError`] naming its path.
//!
//! [`validate`] checks the case part by part (header, sizes, members, incomes, assets,
//! expenses, enrolment), one function each, and hands the facts added for special hardship,
//! rigid expenditure and temporary relief to `validate_special`. This file also holds the
//! helpers other modules use to check their own inputs ([`At`], [`KeyIndex`],
//! [`check_amount`], [`check_past`], [`is_disregard_kind`]).
//!
//! May use: the case model and its errors, the input limits and [`Yuan`]; nothing that
//! decides.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::error::{CaseError, Problem};
use super::model::{
    Assets, Case, Enrolment, Expense, Household, IncomeCategory, IncomeKind, IncomeRecord, Member,
    Relation, StatusKind,
};
use crate::limits::{MAX_MEMBERS, MAX_RECORDS};
use crate::money::{MAX_INPUT_AMOUNT, Yuan};

/// Member positions by key. A household has a few members (at most
/// [`MAX_MEMBERS`](crate::limits::MAX_MEMBERS)), so a list searched in order is quicker than
/// hashing.
pub(crate) struct KeyIndex<'a>(Vec<(&'a str, usize)>);

impl<'a> KeyIndex<'a> {
    pub(crate) fn with_capacity(n: usize) -> Self {
        KeyIndex(Vec::with_capacity(n))
    }

    /// The position of the member with this key.
    pub(crate) fn get(&self, key: &str) -> Option<&usize> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, i)| i)
    }

    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Adds a key unless it is there already; returns the position it had.
    pub(crate) fn insert_first(&mut self, key: &'a str, i: usize) -> Option<usize> {
        match self.get(key) {
            Some(&first) => Some(first),
            None => {
                self.0.push((key, i));
                None
            }
        }
    }
}

/// Checks a case; on success returns the member-key index.
///
/// The parts are checked in this order, and the first problem found is the error: the header,
/// the sizes of the lists, the members, the incomes, the assets, the expenses, the enrolment,
/// then the facts of [`validate_special`](super::validate_special) (supporters, events).
pub(crate) fn validate(case: &Case) -> Result<KeyIndex<'_>, CaseError> {
    check_header(case)?;
    let h = &case.household;
    check_sizes(h)?;
    let keys = check_members(&h.members, case.evaluation_date)?;
    let date = case.evaluation_date;
    check_incomes(&h.incomes, &keys, date)?;
    check_assets(&h.assets, &keys, date)?;
    check_expenses(&h.expenses, &keys, date)?;
    if let Some(en) = &case.enrolment {
        check_enrolment(en, date)?;
    }
    super::validate_special::validate(case, &keys)?;
    Ok(keys)
}

/// The evaluation date and the six-digit jurisdiction code.
fn check_header(case: &Case) -> Result<(), CaseError> {
    check_date_floor(case.evaluation_date).at(|| "evaluation_date".into())?;
    let j = &case.jurisdiction;
    if j.len() != 6 || !j.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CaseError::invalid("jurisdiction", Problem::BadJurisdiction));
    }
    if let Some(e) = &case.household.emergency_division
        && (e.len() != 6 || !e.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(CaseError::invalid(
            "household.emergency_division",
            Problem::BadJurisdiction,
        ));
    }
    Ok(())
}

/// At least one member; no list longer than the limits.
fn check_sizes(h: &Household) -> Result<(), CaseError> {
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
    )
}

/// Every member, and exactly one applicant; returns the member-key index.
fn check_members(members: &[Member], date: NaiveDate) -> Result<KeyIndex<'_>, CaseError> {
    let mut keys = KeyIndex::with_capacity(members.len());
    let mut applicant: Option<usize> = None;
    for (i, m) in members.iter().enumerate() {
        let at = |field: &str| format!("household.members[{i}].{field}");
        if !valid_key(&m.key) {
            return Err(CaseError::invalid(at("key"), Problem::BadKey));
        }
        if let Some(first) = keys.insert_first(m.key.as_str(), i) {
            return Err(CaseError::invalid(at("key"), Problem::DuplicateKey(first)));
        }
        if m.relation == Relation::Applicant {
            if let Some(first) = applicant {
                return Err(CaseError::invalid(
                    at("relation"),
                    Problem::SecondApplicant(first),
                ));
            }
            applicant = Some(i);
        }
        check_member_facts(m, date, &at)?;
    }
    if applicant.is_none() {
        return Err(CaseError::invalid(
            "household.members",
            Problem::NoApplicant,
        ));
    }
    Ok(keys)
}

/// One member's dates, disability grade, self-care items and statuses; `at` names a field of
/// the member.
fn check_member_facts(
    m: &Member,
    date: NaiveDate,
    at: &impl Fn(&str) -> String,
) -> Result<(), CaseError> {
    check_past(m.birth_date, date).at(|| at("birth_date"))?;
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
    check_local_categories(m, at)?;
    check_statuses(m, date, at)
}

/// A member's local categories (DB-16): at most 16 codes of `a–z 0–9 _`, none repeated.
fn check_local_categories(m: &Member, at: &impl Fn(&str) -> String) -> Result<(), CaseError> {
    let cats = &m.local_categories;
    if cats.len() > 16 {
        return Err(CaseError::invalid(
            at("local_categories"),
            Problem::OutOfRange(0, 16),
        ));
    }
    for (k, c) in cats.iter().enumerate() {
        let code = c.as_str();
        let ok = (1..=32).contains(&code.len())
            && code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !ok {
            return Err(CaseError::invalid(
                at(&format!("local_categories[{k}]")),
                Problem::BadCode,
            ));
        }
        if cats.iter().take(k).any(|x| x == c) {
            return Err(CaseError::invalid(
                at(&format!("local_categories[{k}]")),
                Problem::Repeated,
            ));
        }
    }
    Ok(())
}

/// A member's statuses: at most 16, none repeated, dates in the past, a date for a clergy
/// member living apart.
fn check_statuses(
    m: &Member,
    date: NaiveDate,
    at: &impl Fn(&str) -> String,
) -> Result<(), CaseError> {
    limit("household.members[].statuses", m.statuses.len(), 16)?;
    for (k, s) in m.statuses.iter().enumerate() {
        if m.statuses.iter().take(k).any(|x| x.kind == s.kind) {
            return Err(CaseError::invalid(
                at(&format!("statuses[{k}].kind")),
                Problem::Repeated,
            ));
        }
        match s.since {
            Some(since) => check_past(since, date).at(|| at(&format!("statuses[{k}].since")))?,
            None if s.kind == StatusKind::ClergyLivingApart => {
                return Err(CaseError::invalid(
                    at(&format!("statuses[{k}].since")),
                    Problem::SinceRequired,
                ));
            }
            None => {}
        }
    }
    Ok(())
}

/// A record's member must be one of the household's.
fn known(keys: &KeyIndex<'_>, key: &str) -> Result<(), Problem> {
    if keys.contains_key(key) {
        Ok(())
    } else {
        Err(Problem::UnknownMember)
    }
}

/// Incomes: a known member, an amount, a period in order, a disregard kind where the category
/// is `disregarded`.
fn check_incomes(
    incomes: &[IncomeRecord],
    keys: &KeyIndex<'_>,
    date: NaiveDate,
) -> Result<(), CaseError> {
    for (i, r) in incomes.iter().enumerate() {
        let at = |field: &str| format!("household.incomes[{i}].{field}");
        known(keys, &r.member).at(|| at("member"))?;
        check_amount(r.amount).at(|| at("amount"))?;
        check_past(r.from, date).at(|| at("from"))?;
        check_date_floor(r.to).at(|| at("to"))?;
        if r.to < r.from {
            return Err(CaseError::invalid(at("to"), Problem::EndBeforeStart));
        }
        if r.category == IncomeCategory::Disregarded
            && !matches!(r.kind, Some(k) if is_disregard_kind(k))
        {
            return Err(CaseError::invalid(at("kind"), Problem::DisregardKindNeeded));
        }
    }
    Ok(())
}

/// Assets, list by list: a known member and amounts; homes a positive floor area, large
/// purchases a date in the past.
fn check_assets(a: &Assets, keys: &KeyIndex<'_>, date: NaiveDate) -> Result<(), CaseError> {
    for (i, f) in a.financial.iter().enumerate() {
        let at = |field: &str| format!("household.assets.financial[{i}].{field}");
        known(keys, &f.member).at(|| at("member"))?;
        check_amount(f.amount).at(|| at("amount"))?;
    }
    for (i, v) in a.vehicles.iter().enumerate() {
        let at = |field: &str| format!("household.assets.vehicles[{i}].{field}");
        known(keys, &v.member).at(|| at("member"))?;
        check_amount(v.value).at(|| at("value"))?;
    }
    for (i, hm) in a.homes.iter().enumerate() {
        let at = |field: &str| format!("household.assets.homes[{i}].{field}");
        known(keys, &hm.member).at(|| at("member"))?;
        check_amount(Yuan::new(hm.floor_area)).at(|| at("floor_area"))?;
        if hm.floor_area.is_zero() {
            return Err(CaseError::invalid(at("floor_area"), Problem::NotPositive));
        }
    }
    for (i, b) in a.businesses.iter().enumerate() {
        let at = |field: &str| format!("household.assets.businesses[{i}].{field}");
        known(keys, &b.member).at(|| at("member"))?;
        if let Some(c) = b.registered_capital {
            check_amount(c).at(|| at("registered_capital"))?;
        }
    }
    for (i, p) in a.large_purchases.iter().enumerate() {
        let at = |field: &str| format!("household.assets.large_purchases[{i}].{field}");
        known(keys, &p.member).at(|| at("member"))?;
        check_amount(p.amount).at(|| at("amount"))?;
        check_past(p.date, date).at(|| at("date"))?;
    }
    Ok(())
}

/// Expenses: a known member, amounts, the self-paid part within the amount, a date in the past.
fn check_expenses(
    expenses: &[Expense],
    keys: &KeyIndex<'_>,
    date: NaiveDate,
) -> Result<(), CaseError> {
    for (i, e) in expenses.iter().enumerate() {
        let at = |field: &str| format!("household.expenses[{i}].{field}");
        known(keys, &e.member).at(|| at("member"))?;
        check_amount(e.amount).at(|| at("amount"))?;
        check_amount(e.self_paid).at(|| at("self_paid"))?;
        if e.self_paid > e.amount {
            return Err(CaseError::invalid(
                at("self_paid"),
                Problem::SelfPaidAboveAmount,
            ));
        }
        check_past(e.date, date).at(|| at("date"))?;
    }
    Ok(())
}

/// The enrolment: its amount, and its dates in the past and in order.
fn check_enrolment(en: &Enrolment, date: NaiveDate) -> Result<(), CaseError> {
    check_amount(en.monthly_amount).at(|| "enrolment.monthly_amount".into())?;
    check_past(en.since, date).at(|| "enrolment.since".into())?;
    if let Some(r) = en.last_review {
        check_past(r, date).at(|| "enrolment.last_review".into())?;
        if r < en.since {
            return Err(CaseError::invalid(
                "enrolment.last_review",
                Problem::EndBeforeStart,
            ));
        }
    }
    Ok(())
}

/// Kinds that are disregarded items and may stand under category `disregarded`.
pub(crate) fn is_disregard_kind(k: IncomeKind) -> bool {
    !matches!(
        k,
        IncomeKind::Farming | IncomeKind::Livestock | IncomeKind::LandSublet
    )
}

pub(super) fn valid_key(k: &str) -> bool {
    super::MemberKey::is_valid(k)
}

pub(super) fn limit(what: &'static str, n: usize, max: usize) -> Result<(), CaseError> {
    if n > max {
        Err(CaseError::TooLarge { what, limit: max })
    } else {
        Ok(())
    }
}

/// Attaches a field path to a problem; the path is only built when there is one.
pub(crate) trait At<T> {
    fn at(self, path: impl FnOnce() -> String) -> Result<T, CaseError>;
}

impl<T> At<T> for Result<T, Problem> {
    fn at(self, path: impl FnOnce() -> String) -> Result<T, CaseError> {
        self.map_err(|p| CaseError::invalid(path(), p))
    }
}

/// An amount or area of the case: not negative (`-0` is zero), at most [`MAX_INPUT_AMOUNT`],
/// at most 16 decimal places (as the case schema's pattern states).
pub(crate) fn check_amount(v: Yuan) -> Result<(), Problem> {
    let d: Decimal = v.value();
    if d.is_sign_negative() && !d.is_zero() {
        Err(Problem::Negative)
    } else if d > MAX_INPUT_AMOUNT {
        Err(Problem::TooLarge)
    } else if d.scale() > super::schema::AMOUNT_MAX_PLACES {
        Err(Problem::TooManyDecimals)
    } else {
        Ok(())
    }
}

pub(crate) fn check_past(d: NaiveDate, evaluation: NaiveDate) -> Result<(), Problem> {
    check_date_floor(d)?;
    if d > evaluation {
        Err(Problem::AfterEvaluationDate)
    } else {
        Ok(())
    }
}

/// The earliest date a case may state: 1880-01-01 (built once, at compile time).
const DATE_FLOOR: Option<NaiveDate> = NaiveDate::from_ymd_opt(1880, 1, 1);

fn check_date_floor(d: NaiveDate) -> Result<(), Problem> {
    match DATE_FLOOR {
        Some(floor) if d < floor => Err(Problem::TooEarly),
        _ => Ok(()),
    }
}
