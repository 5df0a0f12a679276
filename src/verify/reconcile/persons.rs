//! A member's status as departments record it against the declaration: disability
//! certificates (VER-DISABILITY), imprisonment (VER-PRISON), school enrolment (VER-SCHOOL) and
//! death (VER-DEATH). The latest record of each member counts; members in key order.
//!
//! May use the case model and the reconciliation helpers of the parent module only.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Check, Item, Records, VerdictIf, item, record_finding};
use crate::case::{
    Disability, EvidenceFact, EvidenceRecord, MemberKey, SchoolLevel, Status, StatusKind, Student,
};
use crate::explain::{FigureValue, Finding, RuleId, Verdict};
use crate::verify::change::Change;
use crate::verify::codes::yes_no;

/// The latest record of each member among those `want` picks, in key order.
fn latest<'c>(
    rs: &Records<'c>,
    want: fn(&EvidenceFact) -> bool,
) -> BTreeMap<&'c MemberKey, &'c EvidenceRecord> {
    let mut m: BTreeMap<&MemberKey, &EvidenceRecord> = BTreeMap::new();
    for r in rs.used.iter().copied().filter(|r| want(&r.fact)) {
        let e = m.entry(&r.member).or_insert(r);
        if r.date > e.date {
            *e = r;
        }
    }
    m
}

/// The declared member of a key.
fn member<'c>(rs: &Records<'c>, key: &MemberKey) -> Option<&'c crate::case::Member> {
    rs.household.members.iter().find(|m| m.key == *key)
}

/// VER-DISABILITY: a certificate against the member's declared disability.
pub(super) struct DisabilityCheck<'c> {
    record: &'c EvidenceRecord,
    verified: Disability,
    declared: Option<Disability>,
}

/// VER-DISABILITY: each member's latest certificate.
pub(super) fn disabilities<'c>(rs: &Records<'c>) -> Vec<DisabilityCheck<'c>> {
    let records = latest(rs, |f| {
        matches!(f, EvidenceFact::DisabilityCertificate { .. })
    });
    let mut out = Vec::with_capacity(records.len());
    for (key, r) in records {
        let EvidenceFact::DisabilityCertificate { kind, grade } = &r.fact else {
            continue;
        };
        out.push(DisabilityCheck {
            record: r,
            verified: Disability {
                kind: *kind,
                grade: *grade,
            },
            declared: member(rs, key).and_then(|m| m.disability),
        });
    }
    out
}

impl Check for DisabilityCheck<'_> {
    fn finding(&self) -> Finding {
        let v = self.verified;
        let mut f = record_finding(RuleId::VerDisability, self.record)
            .code("verified_kind", v.kind.as_str())
            .number("verified_grade", Decimal::from(v.grade));
        if let Some(d) = self.declared {
            f = f
                .code("declared_kind", d.kind.as_str())
                .number("declared_grade", Decimal::from(d.grade));
        }
        f.verdict_if(self.declared == Some(v))
    }

    fn into_item(self) -> Option<Item> {
        let v = self.verified;
        if self.declared == Some(v) {
            return None;
        }
        let grade = |d: Disability| FigureValue::Number(Decimal::from(d.grade));
        let figures = (self.declared.map(grade), grade(v));
        let change = Change::Disability(self.record.member.clone(), v);
        let detail = Some(v.kind.as_str());
        Some(item(
            self.record,
            RuleId::VerDisability,
            figures,
            detail,
            change,
        ))
    }
}

/// VER-PRISON: an imprisonment record against the member's declared statuses.
pub(super) struct PrisonCheck<'c> {
    record: &'c EvidenceRecord,
    since: NaiveDate,
    /// Whether the member was declared imprisoned.
    declared: bool,
}

/// VER-PRISON: each member's latest imprisonment record (HH-3 then excludes the member).
pub(super) fn imprisonments<'c>(rs: &Records<'c>) -> Vec<PrisonCheck<'c>> {
    let records = latest(rs, |f| matches!(f, EvidenceFact::Imprisonment { .. }));
    let mut out = Vec::with_capacity(records.len());
    for (key, r) in records {
        let EvidenceFact::Imprisonment { since } = &r.fact else {
            continue;
        };
        let declared = member(rs, key)
            .is_some_and(|m| m.statuses.iter().any(|s| s.kind == StatusKind::Imprisoned));
        out.push(PrisonCheck {
            record: r,
            since: *since,
            declared,
        });
    }
    out
}

impl Check for PrisonCheck<'_> {
    fn finding(&self) -> Finding {
        record_finding(RuleId::VerPrison, self.record)
            .date("since", self.since)
            .code("declared", yes_no(self.declared))
            .verdict_if(self.declared)
    }

    fn into_item(self) -> Option<Item> {
        if self.declared {
            return None;
        }
        let status = Status {
            kind: StatusKind::Imprisoned,
            since: Some(self.since),
        };
        let change = Change::AddStatus(self.record.member.clone(), status);
        let figures = (None, FigureValue::Date(self.since));
        Some(item(
            self.record,
            RuleId::VerPrison,
            figures,
            Some("imprisoned"),
            change,
        ))
    }
}

/// VER-SCHOOL: an enrolment record against the member's declared schooling.
pub(super) struct SchoolCheck<'c> {
    record: &'c EvidenceRecord,
    level: SchoolLevel,
    declared: Option<Student>,
}

/// VER-SCHOOL: each member's latest enrolment record.
pub(super) fn schooling<'c>(rs: &Records<'c>) -> Vec<SchoolCheck<'c>> {
    let records = latest(rs, |f| matches!(f, EvidenceFact::SchoolEnrolment { .. }));
    let mut out = Vec::with_capacity(records.len());
    for (key, r) in records {
        let EvidenceFact::SchoolEnrolment { level } = &r.fact else {
            continue;
        };
        out.push(SchoolCheck {
            record: r,
            level: *level,
            declared: member(rs, key).and_then(|m| m.student),
        });
    }
    out
}

impl SchoolCheck<'_> {
    /// Declared a full-time student at the recorded level.
    fn same(&self) -> bool {
        self.declared
            .is_some_and(|s| s.level == self.level && s.full_time)
    }
}

impl Check for SchoolCheck<'_> {
    fn finding(&self) -> Finding {
        let mut f = record_finding(RuleId::VerSchool, self.record)
            .code("verified_level", self.level.as_str());
        if let Some(s) = self.declared {
            f = f.code("declared_level", s.level.as_str());
        }
        f.verdict_if(self.same())
    }

    fn into_item(self) -> Option<Item> {
        if self.same() {
            return None;
        }
        let code = |l: SchoolLevel| FigureValue::Code(Cow::Borrowed(l.as_str()));
        let figures = (self.declared.map(|s| code(s.level)), code(self.level));
        let change = Change::Student(self.record.member.clone(), self.level);
        Some(item(self.record, RuleId::VerSchool, figures, None, change))
    }
}

/// VER-DEATH: a death record; the member is removed from the household, last of all changes.
pub(super) struct DeathCheck<'c> {
    pub record: &'c EvidenceRecord,
    date: NaiveDate,
}

/// VER-DEATH: each member's latest death record.
pub(super) fn deaths<'c>(rs: &Records<'c>) -> Vec<DeathCheck<'c>> {
    let records = latest(rs, |f| matches!(f, EvidenceFact::Death { .. }));
    let mut out = Vec::with_capacity(records.len());
    for r in records.into_values() {
        let EvidenceFact::Death { date } = &r.fact else {
            continue;
        };
        out.push(DeathCheck {
            record: r,
            date: *date,
        });
    }
    out
}

impl Check for DeathCheck<'_> {
    fn finding(&self) -> Finding {
        Finding {
            verdict: Verdict::Fail,
            ..record_finding(RuleId::VerDeath, self.record)
        }
        .date("date_of_death", self.date)
    }

    fn into_item(self) -> Option<Item> {
        let change = Change::RemoveMember(self.record.member.clone());
        let figures = (None, FigureValue::Date(self.date));
        Some(item(
            self.record,
            RuleId::VerDeath,
            figures,
            Some("deceased"),
            change,
        ))
    }
}
