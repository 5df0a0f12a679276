//! Reconciliation (核对): department records checked for authority (VER-AUTH), then set
//! against the declaration one kind of evidence at a time:
//!
//! - `assets`: vehicles (VER-VEHICLE), real estate (VER-PROPERTY), businesses (VER-BUSINESS);
//! - `money`: bank balances (VER-BALANCE), insurers' cash values, securities accounts and
//!   payment balances (VER-INSURANCE, VER-SECURITIES, VER-PAYMENT), wages and contribution bases
//!   (VER-WAGE), pensions (VER-PENSION);
//! - `persons`: disability (VER-DISABILITY), imprisonment (VER-PRISON), schooling
//!   (VER-SCHOOL), death (VER-DEATH);
//! - `expenses`: self-paid medical costs (VER-MEDICAL);
//! - `supporters`: records about a supporter outside the household, used only with the
//!   supporter's consent on file (VER-CONSENT, S0 Art. 41).
//!
//! Each kind gives typed checks — what was declared, what the department says, the change to
//! apply — from which this file builds the findings and the discrepancies, in the order of the
//! list above. May use the case model, the income reference period (`accounts::period`),
//! the parameters and findings; never the determination, the programmes or the answer text.

mod assets;
mod expenses;
mod money;
mod persons;
mod supporters;

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::change::Change;
use super::{Discrepancy, Effect};
use crate::accounts::period::ReferencePeriod;
use crate::case::{Case, CaseError, Department, EvidenceRecord, Household, MemberKey};
use crate::explain::{FigureValue, Finding, RuleId, Verdict};
use crate::rules::resolve::Params;
use crate::rules::{ParamId, ParamValue};

/// One reconciled item: a discrepancy (effect still to be found) and the change it applies.
pub(crate) struct Item {
    pub discrepancy: Discrepancy,
    pub change: Option<Change>,
}

/// What reconciliation produced.
pub(crate) struct Reconciled {
    /// The discrepancies, by kind of evidence in the order of this module's list.
    pub items: Vec<Item>,
    /// VER-AUTH, then each kind's findings, in the same order; written only when explaining.
    pub findings: Vec<Finding>,
    /// Members a death record removes.
    pub removed: Vec<MemberKey>,
    /// Whether findings are written: the discrepancies are the same either way.
    explain: bool,
}

/// What each kind of evidence is reconciled from.
struct Records<'c> {
    case: &'c Case,
    household: &'c Household,
    /// The records from authoritative departments, in the case's order (VER-AUTH).
    used: Vec<&'c EvidenceRecord>,
    /// The table of authoritative departments.
    table: &'c Authorities,
    /// The income reference period (INC-8) wages and pensions are compared over.
    period: ReferencePeriod,
}

/// A department's record (or a member's records of one item) set against the declaration.
trait Check {
    /// The finding of the comparison.
    fn finding(&self) -> Finding;
    /// The discrepancy and the change it calls for, when the two differ.
    fn into_item(self) -> Option<Item>;
}

impl Reconciled {
    /// Nothing reconciled yet; `explain` says whether findings are written.
    fn new(explain: bool) -> Self {
        Reconciled {
            items: Vec::new(),
            findings: Vec::new(),
            removed: Vec::new(),
            explain,
        }
    }

    /// Adds each check's discrepancy, in order, and its finding when explaining.
    fn add<C: Check>(&mut self, checks: impl IntoIterator<Item = C>) {
        for c in checks {
            if self.explain {
                self.findings.push(c.finding());
            }
            if let Some(item) = c.into_item() {
                self.items.push(item);
            }
        }
    }

    /// Whether findings are written.
    pub(crate) fn explain(&self) -> bool {
        self.explain
    }

    /// VER-PRISON, VER-DEATH: when no member has a record of `item`, a pass if an
    /// authoritative department for it was queried (a finding only: nothing is decided).
    fn none_recorded(&mut self, rs: &Records<'_>, found: bool, rule: RuleId, item: &str) {
        if self.explain && !found && rs.table.any_checked(item, &checked(rs.case)) {
            self.findings
                .push(Finding::new(rule, Verdict::Pass).code("reason", "no_record"));
        }
    }
}

/// The table of authoritative departments (VER-AUTH): which department's record is taken for
/// which item, read once per resolution from the parameter's `item:department` entries. An
/// entry that names no known department can match no record, and is left out.
struct Authorities(Vec<(String, Department)>);

impl Authorities {
    /// The table in force.
    fn read(p: &Params) -> Result<&Authorities, CaseError> {
        let id = ParamId::AuthoritativeDepartments;
        p.parsed(id, |v| match v {
            ParamValue::List(entries) => Ok(Authorities(
                entries
                    .iter()
                    .filter_map(|e| {
                        let (item, d) = e.split_once(':')?;
                        Some((item.to_owned(), Department::from_code(d)?))
                    })
                    .collect(),
            )),
            _ => Err(CaseError::BadParameter {
                param: id.name(),
                problem: "not a list",
            }),
        })
    }

    /// Whether the table names the department as authoritative for the item.
    fn names(&self, item: &str, d: Department) -> bool {
        self.0.iter().any(|(i, dep)| *dep == d && i == item)
    }

    /// Whether a department authoritative for the item is among `checked`.
    fn any_checked(&self, item: &str, checked: &[Department]) -> bool {
        self.0
            .iter()
            .any(|(i, dep)| i == item && checked.contains(dep))
    }
}

/// Reconciles the evidence with the declaration; `explain` says whether findings are written.
pub(crate) fn reconcile(case: &Case, p: &Params, explain: bool) -> Result<Reconciled, CaseError> {
    let mut out = Reconciled::new(explain);
    if case.evidence.is_empty() {
        return Ok(out);
    }
    let table = Authorities::read(p)?;
    // records about a supporter who is not a member of the household (VER-CONSENT)
    let is_member = |r: &EvidenceRecord| case.household.members.iter().any(|m| m.key == r.member);
    let (ours, theirs): (Vec<&EvidenceRecord>, Vec<&EvidenceRecord>) =
        case.evidence.iter().partition(|r| is_member(r));
    let used = if ours.is_empty() {
        Vec::new()
    } else {
        authoritative(&ours, table, &mut out)
    };
    // A zero length counts as one month here; the income accounts report it (INC-8).
    let months = ReferencePeriod::months_param(p)?;
    let rs = Records {
        case,
        household: &case.household,
        used,
        table,
        period: ReferencePeriod::new(case.evaluation_date, months),
    };
    out.add(assets::vehicles(&rs));
    out.add(assets::homes(&rs));
    out.add(money::balances(&rs)?);
    out.add(money::other_sources(&rs)?);
    out.add(money::wages(&rs)?);
    out.add(money::pensions(&rs)?);
    out.add(assets::businesses(&rs));
    out.add(persons::disabilities(&rs));
    let prison = persons::imprisonments(&rs);
    out.none_recorded(&rs, !prison.is_empty(), RuleId::VerPrison, "imprisonment");
    out.add(prison);
    out.add(persons::schooling(&rs));
    out.add(expenses::medical(&rs)?);
    let deaths = persons::deaths(&rs);
    out.none_recorded(&rs, !deaths.is_empty(), RuleId::VerDeath, "death");
    out.removed
        .extend(deaths.iter().map(|d| d.record.member.clone()));
    out.add(deaths);
    let checks = supporters::supporters(&case.household.supporters, &theirs, |r| {
        table.names(r.fact.item(), r.department)
    })?;
    for c in checks {
        if out.explain {
            out.findings.push(c.finding);
        }
        out.items.extend(c.item);
    }
    Ok(out)
}

/// VER-AUTH: the records from a department authoritative for the item, in order; when
/// explaining, a finding for each other record, or one pass.
fn authoritative<'c>(
    records: &[&'c EvidenceRecord],
    table: &Authorities,
    out: &mut Reconciled,
) -> Vec<&'c EvidenceRecord> {
    let findings = &mut out.findings;
    let first = findings.len();
    let mut used = Vec::with_capacity(records.len());
    for &r in records {
        if table.names(r.fact.item(), r.department) {
            used.push(r);
        } else if out.explain {
            findings.push(
                Finding::new(RuleId::VerAuth, Verdict::Fail)
                    .member(&r.member)
                    .code("item", r.fact.item())
                    .code("department", r.department.as_str())
                    .date("record_date", r.date),
            );
        }
    }
    if out.explain && findings.len() == first {
        findings.push(
            Finding::new(RuleId::VerAuth, Verdict::Pass)
                .number("records", Decimal::from(used.len() as u64)),
        );
    }
    used
}

/// The departments the case carries the household's data from or reports as queried, in
/// order, once each (a record about a supporter outside the household is not the household's).
pub(crate) fn checked(case: &Case) -> Vec<Department> {
    let mut all: Vec<Department> = case
        .evidence_checked
        .iter()
        .copied()
        .chain(
            case.evidence
                .iter()
                .filter(|r| case.household.members.iter().any(|m| m.key == r.member))
                .map(|r| r.department),
        )
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// The finding every department record starts from: its rule, member, department and date.
fn record_finding(rule: RuleId, r: &EvidenceRecord) -> Finding {
    Finding::new(rule, Verdict::Pass)
        .member(&r.member)
        .code("department", r.department.as_str())
        .date("record_date", r.date)
}

/// A discrepancy found by one record, with the change it applies.
fn item(
    r: &EvidenceRecord,
    rule: RuleId,
    (declared, verified): (Option<FigureValue>, FigureValue),
    detail: Option<&'static str>,
    change: Change,
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
            applied: true,
            effect: Effect::Minor,
        },
        change: Some(change),
    }
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

/// A finding's verdict from whether the declaration and the record agree.
trait VerdictIf {
    fn verdict_if(self, pass: bool) -> Self;
}

impl VerdictIf for Finding {
    fn verdict_if(mut self, pass: bool) -> Self {
        self.verdict = Verdict::pass_if(pass);
        self
    }
}
