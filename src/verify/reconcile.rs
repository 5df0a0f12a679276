//! Reconciliation: department records checked for authority (VER-AUTH) and matched against the
//! declaration, item by item, giving the discrepancies and the changes they call for.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Discrepancy, Effect, Verification};
use crate::accounts::members::months_back;
use crate::case::validate::{At, KeyIndex, check_amount, check_past};
use crate::case::{
    BusinessRegistration, Case, CaseError, Department, Disability, EvidenceFact, Expense,
    ExpenseKind, FinancialAsset, FinancialKind, Home, IncomeCategory, IncomeKind, IncomeRecord,
    MemberKey, Problem, Purpose, SchoolLevel, Status, StatusKind, Student, Vehicle,
};
use crate::explain::{FigureValue, Finding, RuleId, Verdict};
use crate::limits::MAX_RECORDS;
use crate::money::{Exact, Yuan};
use crate::rules::ParamId;
use crate::rules::resolve::Params;

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
            | EvidenceFact::SelfPaidMedical { amount: a } => {
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

/// A change to the declared household that a verified record calls for.
#[derive(Clone, Debug)]
pub(crate) enum Change {
    AddVehicle(Vehicle),
    VehicleValue(usize, Yuan),
    AddHome(Home),
    HomeArea(usize, Decimal),
    AddDeposit(FinancialAsset),
    /// Replace the member's wage records in the reference period by one record.
    ReplaceWage(MemberKey, IncomeRecord),
    AddIncome(IncomeRecord),
    AddBusiness(BusinessRegistration),
    BusinessActive(usize, bool),
    Disability(MemberKey, Disability),
    RemoveMember(MemberKey),
    AddStatus(MemberKey, Status),
    Student(MemberKey, SchoolLevel),
    AddExpense(Expense),
    ExpenseSelfPaid(usize, Yuan),
}

impl Change {
    pub(super) fn apply(&self, case: &mut Case) {
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
        }
    }
}

fn is_farm(k: Option<IncomeKind>) -> bool {
    matches!(
        k,
        Some(IncomeKind::Farming | IncomeKind::Livestock | IncomeKind::LandSublet)
    )
}

/// One reconciled item: a discrepancy (effect still to be found) and the change it applies.
pub(super) struct Item {
    pub(super) discrepancy: Discrepancy,
    pub(super) change: Option<Change>,
}

/// What reconciliation produced.
pub(super) struct Reconciled {
    pub(super) items: Vec<Item>,
    pub(super) findings: Vec<Finding>,
    pub(super) removed: Vec<MemberKey>,
}

/// The income reference period and its length, as INC-8 takes it.
struct Period {
    start: NaiveDate,
    end: NaiveDate,
    months: Decimal,
}

impl Period {
    fn of(case: &Case, p: &Params) -> Result<Self, CaseError> {
        let months = p.count(ParamId::IncomeReferenceMonths, 120)?.max(1);
        let end = case
            .evaluation_date
            .pred_opt()
            .unwrap_or(case.evaluation_date);
        let start = months_back(case.evaluation_date, months).unwrap_or(end);
        Ok(Period {
            start,
            end,
            months: Decimal::from(months),
        })
    }

    /// The monthly figure of the records inside the period (prorated by day, as INC-8).
    fn monthly<'r>(
        &self,
        records: impl Iterator<Item = &'r IncomeRecord>,
    ) -> Result<Decimal, CaseError> {
        const W: &str = "declared income";
        let mut total = Decimal::ZERO;
        for r in records {
            let lo = r.from.max(self.start);
            let hi = r.to.min(self.end);
            if hi < lo {
                continue;
            }
            let overlap = (hi - lo).num_days() + 1;
            let length = (r.to - r.from).num_days() + 1;
            let part = if overlap == length {
                r.amount.value()
            } else {
                r.amount
                    .value()
                    .mul(Decimal::from(overlap), W)?
                    .div(Decimal::from(length), W)?
            };
            total = total.add(part, W)?;
        }
        Ok(total.div(self.months, W)?)
    }

    /// A record of a monthly amount over the whole period.
    fn record(
        &self,
        member: &MemberKey,
        category: IncomeCategory,
        monthly: Decimal,
    ) -> Result<IncomeRecord, CaseError> {
        Ok(IncomeRecord {
            member: member.clone(),
            category,
            kind: None,
            amount: Yuan::new(monthly.mul(self.months, "verified income")?),
            from: self.start,
            to: self.end,
        })
    }
}

pub(super) fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// Reconciles the evidence with the declaration.
pub(super) fn reconcile(case: &Case, p: &Params) -> Result<Reconciled, CaseError> {
    let mut out = Reconciled {
        items: Vec::new(),
        findings: Vec::new(),
        removed: Vec::new(),
    };
    if case.evidence.is_empty() {
        return Ok(out);
    }
    // VER-AUTH: keep only records from a department authoritative for the item.
    let table = p.list(ParamId::AuthoritativeDepartments)?;
    let authoritative = |item: &str, d: Department| {
        table.iter().any(|e| {
            e.split_once(':')
                .is_some_and(|(i, dep)| i == item && dep == d.as_str())
        })
    };
    let mut used = Vec::with_capacity(case.evidence.len());
    for r in &case.evidence {
        if authoritative(r.fact.item(), r.department) {
            used.push(r);
        } else {
            out.findings.push(
                Finding::new(RuleId::VerAuth, Verdict::Fail)
                    .member(&r.member)
                    .code("item", r.fact.item())
                    .code("department", r.department.as_str())
                    .date("record_date", r.date),
            );
        }
    }
    if out.findings.is_empty() {
        out.findings.push(
            Finding::new(RuleId::VerAuth, Verdict::Pass)
                .number("records", Decimal::from(used.len() as u64)),
        );
    }
    let period = Period::of(case, p)?;
    let h = &case.household;

    // VER-VEHICLE: each registered vehicle matched to a declared one of the member and kind.
    let mut matched = vec![false; h.assets.vehicles.len()];
    for r in &used {
        let EvidenceFact::VehicleRegistered { kind, value } = &r.fact else {
            continue;
        };
        let slot = claim(&h.assets.vehicles, &mut matched, |v| {
            v.member == r.member && v.kind == *kind
        });
        let f = record_finding(RuleId::VerVehicle, r)
            .code("vehicle_kind", kind.as_str())
            .yuan("verified_value", value.value());
        match slot {
            Some((i, v)) => {
                let same = v.value == *value;
                out.findings.push(
                    f.yuan("declared_value", v.value.value())
                        .code("declared", "yes")
                        .verdict_if(same),
                );
                if !same {
                    out.items.push(item(
                        r,
                        RuleId::VerVehicle,
                        Some(FigureValue::Yuan(v.value.value())),
                        FigureValue::Yuan(value.value()),
                        Some(kind.as_str()),
                        Some(Change::VehicleValue(i, *value)),
                    ));
                }
            }
            None => {
                out.findings
                    .push(f.code("declared", "no").verdict_if(false));
                out.items.push(item(
                    r,
                    RuleId::VerVehicle,
                    None,
                    FigureValue::Yuan(value.value()),
                    Some(kind.as_str()),
                    Some(Change::AddVehicle(Vehicle {
                        member: r.member.clone(),
                        kind: *kind,
                        value: *value,
                        disability_mobility: false,
                    })),
                ));
            }
        }
    }

    // VER-PROPERTY: each registered home matched to a declared one of the member and location,
    // an equal floor area first.
    let mut matched = vec![false; h.assets.homes.len()];
    for r in &used {
        let EvidenceFact::Property {
            location,
            floor_area,
        } = &r.fact
        else {
            continue;
        };
        let here = |x: &Home| x.member == r.member && x.location == *location;
        let slot = claim(&h.assets.homes, &mut matched, |x| {
            here(x) && x.floor_area == *floor_area
        })
        .or_else(|| claim(&h.assets.homes, &mut matched, here));
        let loc = match location {
            crate::case::Area::Urban => "urban",
            crate::case::Area::Rural => "rural",
        };
        let f = record_finding(RuleId::VerProperty, r)
            .code("location", loc)
            .area("verified_area", *floor_area);
        match slot {
            Some((i, x)) => {
                let same = x.floor_area == *floor_area;
                out.findings.push(
                    f.area("declared_area", x.floor_area)
                        .code("declared", "yes")
                        .verdict_if(same),
                );
                if !same {
                    out.items.push(item(
                        r,
                        RuleId::VerProperty,
                        Some(FigureValue::Area(x.floor_area)),
                        FigureValue::Area(*floor_area),
                        Some(loc),
                        Some(Change::HomeArea(i, *floor_area)),
                    ));
                }
            }
            None => {
                out.findings
                    .push(f.code("declared", "no").verdict_if(false));
                out.items.push(item(
                    r,
                    RuleId::VerProperty,
                    None,
                    FigureValue::Area(*floor_area),
                    Some(loc),
                    Some(Change::AddHome(Home {
                        member: r.member.clone(),
                        location: *location,
                        floor_area: *floor_area,
                        self_built: false,
                    })),
                ));
            }
        }
    }

    // Records grouped by member, for the items reconciled per member.
    let by_member = |pick: fn(&EvidenceFact) -> Option<Decimal>| {
        let mut m: BTreeMap<&MemberKey, (Decimal, Department, NaiveDate)> = BTreeMap::new();
        let mut err = None;
        for r in &used {
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
    };

    // VER-BALANCE: the member's balances; a higher total replaces the declared one.
    let balances = by_member(|f| match f {
        EvidenceFact::AccountBalance { amount } => Some(amount.value()),
        _ => None,
    })?;
    for (member, (verified, department, date)) in balances {
        let mut declared = Decimal::ZERO;
        for f in h.assets.financial.iter().filter(|f| {
            f.member == member && !matches!(f.kind, FinancialKind::Cash | FinancialKind::Claim)
        }) {
            declared = declared.add(f.amount.value(), "declared balances")?;
        }
        let higher = verified > declared;
        out.findings.push(
            Finding::new(RuleId::VerBalance, Verdict::Pass)
                .member(member)
                .code("department", department.as_str())
                .date("record_date", date)
                .yuan("verified", verified)
                .yuan("declared", declared)
                .code("applied", yes_no(higher))
                .verdict_if(verified == declared),
        );
        if verified != declared {
            let change = higher.then(|| {
                Change::AddDeposit(FinancialAsset {
                    member: member.clone(),
                    kind: FinancialKind::Deposit,
                    amount: Yuan::new(verified - declared),
                })
            });
            out.items.push(money_item(
                member,
                (department, date),
                "account_balance",
                RuleId::VerBalance,
                (declared, verified),
                change,
            ));
        }
    }

    // VER-WAGE: the recorded wage (highest department total) replaces the declared wage; with
    // no wage record, a contribution base above the declared wage replaces it.
    let mut wages: BTreeMap<&MemberKey, BTreeMap<Department, (Decimal, NaiveDate)>> =
        BTreeMap::new();
    let mut bases: BTreeMap<&MemberKey, (Decimal, Department, NaiveDate)> = BTreeMap::new();
    for r in &used {
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
    for member in members {
        let declared = period.monthly(h.incomes.iter().filter(|r| {
            r.member == member && r.category == IncomeCategory::Wage && !is_farm(r.kind)
        }))?;
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
        out.findings.push(
            Finding::new(RuleId::VerWage, Verdict::Pass)
                .member(member)
                .code("department", department.as_str())
                .date("record_date", date)
                .code("source", source)
                .yuan("verified", verified)
                .yuan("declared", declared)
                .code("applied", yes_no(applies))
                .verdict_if(verified == declared),
        );
        if verified != declared {
            let change = if applies {
                Some(Change::ReplaceWage(
                    member.clone(),
                    period.record(member, IncomeCategory::Wage, verified)?,
                ))
            } else {
                None
            };
            out.items.push(money_item(
                member,
                (department, date),
                source,
                RuleId::VerWage,
                (declared, verified),
                change,
            ));
        }
    }

    // VER-PENSION: recorded pensions against declared transfer income without a kind; a
    // higher pension adds the difference.
    let pensions = by_member(|f| match f {
        EvidenceFact::Pension { monthly } => Some(monthly.value()),
        _ => None,
    })?;
    for (member, (verified, department, date)) in pensions {
        let declared = period.monthly(h.incomes.iter().filter(|r| {
            r.member == member && r.category == IncomeCategory::Transfer && r.kind.is_none()
        }))?;
        let higher = verified > declared;
        out.findings.push(
            Finding::new(RuleId::VerPension, Verdict::Pass)
                .member(member)
                .code("department", department.as_str())
                .date("record_date", date)
                .yuan("verified", verified)
                .yuan("declared", declared)
                .code("applied", yes_no(higher))
                .verdict_if(verified == declared),
        );
        if verified != declared {
            let change = if higher {
                Some(Change::AddIncome(period.record(
                    member,
                    IncomeCategory::Transfer,
                    verified - declared,
                )?))
            } else {
                None
            };
            out.items.push(money_item(
                member,
                (department, date),
                "pension",
                RuleId::VerPension,
                (declared, verified),
                change,
            ));
        }
    }

    // VER-BUSINESS: each registration matched to a declared one of the member and kind.
    let mut matched = vec![false; h.assets.businesses.len()];
    for r in &used {
        let EvidenceFact::BusinessRegistration { kind, active } = &r.fact else {
            continue;
        };
        let slot = claim(&h.assets.businesses, &mut matched, |b| {
            b.member == r.member && b.kind == *kind
        });
        let f = record_finding(RuleId::VerBusiness, r)
            .code("business_kind", kind.as_str())
            .code("verified_active", yes_no(*active));
        match slot {
            Some((i, b)) => {
                let same = b.active == *active;
                out.findings
                    .push(f.code("declared_active", yes_no(b.active)).verdict_if(same));
                if !same {
                    out.items.push(item(
                        r,
                        RuleId::VerBusiness,
                        Some(FigureValue::Code(Cow::Borrowed(active_code(b.active)))),
                        FigureValue::Code(Cow::Borrowed(active_code(*active))),
                        Some(kind.as_str()),
                        Some(Change::BusinessActive(i, *active)),
                    ));
                }
            }
            None => {
                out.findings
                    .push(f.code("declared_active", "none").verdict_if(!*active));
                if *active {
                    out.items.push(item(
                        r,
                        RuleId::VerBusiness,
                        None,
                        FigureValue::Code(Cow::Borrowed(active_code(*active))),
                        Some(kind.as_str()),
                        Some(Change::AddBusiness(BusinessRegistration {
                            member: r.member.clone(),
                            kind: *kind,
                            active: *active,
                            registered_capital: None,
                        })),
                    ));
                }
            }
        }
    }

    // Per-member status items: the latest record of each member counts.
    let latest = |want: fn(&EvidenceFact) -> bool| {
        let mut m: BTreeMap<&MemberKey, &crate::case::EvidenceRecord> = BTreeMap::new();
        for r in used.iter().copied().filter(|r| want(&r.fact)) {
            let e = m.entry(&r.member).or_insert(r);
            if r.date > e.date {
                *e = r;
            }
        }
        m
    };

    // VER-DISABILITY.
    for (member, r) in latest(|f| matches!(f, EvidenceFact::DisabilityCertificate { .. })) {
        let EvidenceFact::DisabilityCertificate { kind, grade } = &r.fact else {
            continue;
        };
        let verified = Disability {
            kind: *kind,
            grade: *grade,
        };
        let declared = h
            .members
            .iter()
            .find(|m| m.key == member)
            .and_then(|m| m.disability);
        let same = declared == Some(verified);
        let mut f = record_finding(RuleId::VerDisability, r)
            .code("verified_kind", disability_code(*kind))
            .number("verified_grade", Decimal::from(*grade));
        if let Some(d) = declared {
            f = f
                .code("declared_kind", disability_code(d.kind))
                .number("declared_grade", Decimal::from(d.grade));
        }
        out.findings.push(f.verdict_if(same));
        if !same {
            out.items.push(item(
                r,
                RuleId::VerDisability,
                declared.map(|d| FigureValue::Number(Decimal::from(d.grade))),
                FigureValue::Number(Decimal::from(*grade)),
                Some(disability_code(*kind)),
                Some(Change::Disability(member.clone(), verified)),
            ));
        }
    }

    // VER-PRISON: an imprisonment record adds the status (HH-3 then excludes the member).
    let prison = latest(|f| matches!(f, EvidenceFact::Imprisonment { .. }));
    for (member, r) in &prison {
        let EvidenceFact::Imprisonment { since } = &r.fact else {
            continue;
        };
        let declared = h
            .members
            .iter()
            .find(|m| m.key == *member)
            .is_some_and(|m| m.statuses.iter().any(|s| s.kind == StatusKind::Imprisoned));
        out.findings.push(
            record_finding(RuleId::VerPrison, r)
                .date("since", *since)
                .code("declared", yes_no(declared))
                .verdict_if(declared),
        );
        if !declared {
            out.items.push(item(
                r,
                RuleId::VerPrison,
                None,
                FigureValue::Date(*since),
                Some("imprisoned"),
                Some(Change::AddStatus(
                    (*member).to_owned(),
                    Status {
                        kind: StatusKind::Imprisoned,
                        since: Some(*since),
                    },
                )),
            ));
        }
    }
    if prison.is_empty() && checked_for(case, table, "imprisonment") {
        out.findings
            .push(Finding::new(RuleId::VerPrison, Verdict::Pass).code("reason", "no_record"));
    }

    // VER-SCHOOL.
    for (member, r) in latest(|f| matches!(f, EvidenceFact::SchoolEnrolment { .. })) {
        let EvidenceFact::SchoolEnrolment { level } = &r.fact else {
            continue;
        };
        let declared = h
            .members
            .iter()
            .find(|m| m.key == member)
            .and_then(|m| m.student);
        let same = declared.is_some_and(|s| s.level == *level && s.full_time);
        let mut f = record_finding(RuleId::VerSchool, r).code("verified_level", level_code(*level));
        if let Some(s) = declared {
            f = f.code("declared_level", level_code(s.level));
        }
        out.findings.push(f.verdict_if(same));
        if !same {
            out.items.push(item(
                r,
                RuleId::VerSchool,
                declared.map(|s| FigureValue::Code(Cow::Borrowed(level_code(s.level)))),
                FigureValue::Code(Cow::Borrowed(level_code(*level))),
                None,
                Some(Change::Student(member.clone(), *level)),
            ));
        }
    }

    // VER-MEDICAL: each self-paid record against the member's declared medical expenses of
    // the same date.
    for r in &used {
        let EvidenceFact::SelfPaidMedical { amount } = &r.fact else {
            continue;
        };
        let slot = h.expenses.iter().enumerate().find(|(_, e)| {
            e.member == r.member && e.kind == ExpenseKind::Medical && e.date == r.date
        });
        let f = record_finding(RuleId::VerMedical, r).yuan("verified", amount.value());
        let (declared, change) = match slot {
            Some((i, e)) => (
                Some(e.self_paid.value()),
                Change::ExpenseSelfPaid(i, *amount),
            ),
            None => (
                None,
                Change::AddExpense(medical_expense(&r.member, *amount, r.date)?),
            ),
        };
        let same = declared == Some(amount.value());
        out.findings.push(
            f.yuan("declared", declared.unwrap_or_default())
                .verdict_if(same),
        );
        if !same {
            out.items.push(item(
                r,
                RuleId::VerMedical,
                declared.map(FigureValue::Yuan),
                FigureValue::Yuan(amount.value()),
                None,
                Some(change),
            ));
        }
    }

    // VER-DEATH: the member is removed from the household; applied last.
    let deaths = latest(|f| matches!(f, EvidenceFact::Death { .. }));
    for (member, r) in &deaths {
        let EvidenceFact::Death { date } = &r.fact else {
            continue;
        };
        out.findings.push(
            Finding {
                verdict: Verdict::Fail,
                ..record_finding(RuleId::VerDeath, r)
            }
            .date("date_of_death", *date),
        );
        out.removed.push((*member).to_owned());
        out.items.push(item(
            r,
            RuleId::VerDeath,
            None,
            FigureValue::Date(*date),
            Some("deceased"),
            Some(Change::RemoveMember((*member).to_owned())),
        ));
    }
    if deaths.is_empty() && checked_for(case, table, "death") {
        out.findings
            .push(Finding::new(RuleId::VerDeath, Verdict::Pass).code("reason", "no_record"));
    }
    Ok(out)
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

/// Whether a department authoritative for the item was queried.
fn checked_for(case: &Case, table: &[String], item: &str) -> bool {
    let checked = checked(case);
    table
        .iter()
        .filter_map(|e| e.split_once(':'))
        .any(|(i, dep)| i == item && checked.iter().any(|d| d.as_str() == dep))
}

/// The departments the case carries data from or reports as queried, in order, once each.
pub(super) fn checked(case: &Case) -> Vec<Department> {
    let mut all: Vec<Department> = case
        .evidence_checked
        .iter()
        .copied()
        .chain(case.evidence.iter().map(|r| r.department))
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// A discrepancy in a member's monthly money (balance, wage, pension), gathered from several
/// records: the latest record's department and date, declared against verified yuan.
fn money_item(
    member: &MemberKey,
    (department, record_date): (Department, NaiveDate),
    item: &'static str,
    rule: RuleId,
    (declared, verified): (Decimal, Decimal),
    change: Option<Change>,
) -> Item {
    Item {
        discrepancy: Discrepancy {
            member: member.clone(),
            department,
            item: Cow::Borrowed(item),
            record_date,
            rule,
            declared: Some(FigureValue::Yuan(declared)),
            verified: FigureValue::Yuan(verified),
            detail: None,
            applied: change.is_some(),
            effect: Effect::Minor,
        },
        change,
    }
}

fn item(
    r: &crate::case::EvidenceRecord,
    rule: RuleId,
    declared: Option<FigureValue>,
    verified: FigureValue,
    detail: Option<&'static str>,
    change: Option<Change>,
) -> Item {
    Item {
        discrepancy: Discrepancy {
            member: r.member.clone(),
            department: r.department,
            item: Cow::Borrowed(r.fact.item()),
            record_date: r.date,
            rule,
            declared,
            verified,
            detail: detail.map(Cow::Borrowed),
            applied: change.is_some(),
            effect: Effect::Minor,
        },
        change,
    }
}

fn active_code(active: bool) -> &'static str {
    if active { "active" } else { "inactive" }
}

fn disability_code(k: crate::case::DisabilityKind) -> &'static str {
    use crate::case::DisabilityKind as K;
    match k {
        K::Visual => "visual",
        K::Hearing => "hearing",
        K::Speech => "speech",
        K::Physical => "physical",
        K::Intellectual => "intellectual",
        K::Mental => "mental",
        K::Multiple => "multiple",
    }
}

fn level_code(l: SchoolLevel) -> &'static str {
    match l {
        SchoolLevel::Preschool => "preschool",
        SchoolLevel::Primary => "primary",
        SchoolLevel::JuniorSecondary => "junior_secondary",
        SchoolLevel::SeniorSecondary => "senior_secondary",
        SchoolLevel::SecondaryVocational => "secondary_vocational",
        SchoolLevel::HigherVocational => "higher_vocational",
        SchoolLevel::Undergraduate => "undergraduate",
        SchoolLevel::Postgraduate => "postgraduate",
    }
}

trait VerdictIf {
    fn verdict_if(self, pass: bool) -> Self;
}

impl VerdictIf for Finding {
    fn verdict_if(mut self, pass: bool) -> Self {
        self.verdict = if pass { Verdict::Pass } else { Verdict::Fail };
        self
    }
}

/// The item code as a static string (items are a closed set).
pub(super) fn static_item(item: &str) -> &'static str {
    const ITEMS: &[&str] = &[
        "vehicle_registered",
        "property",
        "account_balance",
        "contribution_base",
        "wage",
        "pension",
        "business_registration",
        "disability_certificate",
        "death",
        "imprisonment",
        "school_enrolment",
        "self_paid_medical",
        "return_to_poverty_monitoring",
    ];
    ITEMS
        .iter()
        .copied()
        .find(|i| *i == item)
        .unwrap_or("other")
}

/// Detail codes are static already; this recovers the `'static` lifetime.
pub(super) fn static_detail(detail: &str) -> Option<&'static str> {
    use crate::case::{BusinessKind, DisabilityKind, VehicleKind};
    let vehicles = [
        VehicleKind::Car,
        VehicleKind::Truck,
        VehicleKind::Motorcycle,
        VehicleKind::Tricycle,
        VehicleKind::FarmMachinery,
        VehicleKind::Other,
    ]
    .map(VehicleKind::as_str);
    let businesses = [
        BusinessKind::SoleTrader,
        BusinessKind::Enterprise,
        BusinessKind::Shareholder,
        BusinessKind::FarmerCooperative,
    ]
    .map(BusinessKind::as_str);
    let disabilities = [
        DisabilityKind::Visual,
        DisabilityKind::Hearing,
        DisabilityKind::Speech,
        DisabilityKind::Physical,
        DisabilityKind::Intellectual,
        DisabilityKind::Mental,
        DisabilityKind::Multiple,
    ]
    .map(disability_code);
    vehicles
        .into_iter()
        .chain(businesses)
        .chain(disabilities)
        .chain(["urban", "rural", "imprisoned", "deceased"])
        .find(|c| *c == detail)
}

/// VER-REQ: department data the purpose needs; without it an eligible result is held for
/// review.
pub(super) fn required_evidence(
    case: &Case,
    p: &Params,
    v: &mut Verification,
) -> Result<Vec<Finding>, CaseError> {
    let any_data = !case.evidence.is_empty() || !case.evidence_checked.is_empty();
    if !any_data && !p.flag(ParamId::EvidenceRequiredWithoutData)? {
        v.findings.push(
            Finding::new(RuleId::VerReq, Verdict::NotApplicable)
                .code("reason", "no_department_data"),
        );
        return Ok(Vec::new());
    }
    let param = match case.purpose {
        Purpose::NewApplication => ParamId::RequiredEvidenceNewApplication,
        Purpose::Recheck => ParamId::RequiredEvidenceRecheck,
        Purpose::DynamicCheck => ParamId::RequiredEvidenceDynamicCheck,
    };
    let required = p.list(param)?;
    let have = &v.departments_checked;
    let mut missing = Vec::new();
    for code in required {
        if have.iter().any(|d| d.as_str() == code) {
            continue;
        }
        let dep = all_departments().into_iter().find(|d| d.as_str() == code);
        let Some(dep) = dep else {
            return Err(CaseError::BadParameter {
                param: param.name(),
                problem: "unknown department",
            });
        };
        if !missing.contains(&dep) {
            missing.push(dep);
        }
    }
    if missing.is_empty() {
        v.findings.push(
            Finding::new(RuleId::VerReq, Verdict::Pass)
                .number("required", Decimal::from(required.len() as u64)),
        );
        return Ok(Vec::new());
    }
    let unknown: Vec<Finding> = missing
        .iter()
        .map(|d| Finding::new(RuleId::VerReq, Verdict::Unknown).code("department", d.as_str()))
        .collect();
    v.findings.extend(unknown.iter().cloned());
    v.missing_departments = missing;
    Ok(unknown)
}

fn all_departments() -> [Department; 15] {
    use Department as D;
    [
        D::CivilAffairs,
        D::PublicSecurity,
        D::VehicleRegistry,
        D::RealEstate,
        D::HousingFund,
        D::HumanResources,
        D::Tax,
        D::MarketRegulation,
        D::FinancialInstitution,
        D::MedicalInsurance,
        D::DisabledPersonsFederation,
        D::Education,
        D::Health,
        D::CourtsJustice,
        D::RuralRevitalisation,
    ]
}

/// The finding every department record starts from: its rule, member, department and date.
fn record_finding(rule: RuleId, r: &crate::case::EvidenceRecord) -> Finding {
    Finding::new(rule, Verdict::Pass)
        .member(&r.member)
        .code("department", r.department.as_str())
        .date("record_date", r.date)
}

/// Claims the first declared item not yet matched to a record that `fits`, marking it matched.
fn claim<'a, T>(
    items: &'a [T],
    matched: &mut [bool],
    fits: impl Fn(&T) -> bool,
) -> Option<(usize, &'a T)> {
    let found = items
        .iter()
        .enumerate()
        .find(|(i, x)| !matched.get(*i).copied().unwrap_or(true) && fits(x));
    if let Some(m) = found.and_then(|(i, _)| matched.get_mut(i)) {
        *m = true;
    }
    found
}
