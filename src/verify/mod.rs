//! Verification (居民家庭经济状况核对): department evidence reconciled with the declaration
//! before accounting.
//!
//! Each record is checked against the parameter table of authoritative departments (VER-AUTH).
//! Records from an authoritative department replace or add to the declared facts in a copy of
//! the household (VER-VEHICLE … VER-MEDICAL); the accounts and programmes then run once on that
//! verified copy. Every difference from the declaration is a [`Discrepancy`]. Its effect
//! (VER-EFFECT) is found by evaluating the household with and without it: a discrepancy that
//! changes an outcome is decisive, one that changes only an amount or class is material, any
//! other is minor. Decisive and material discrepancies each become a [`FieldTask`] for the
//! township. Department data the purpose requires but the case lacks holds the decision for
//! review (VER-REQ), never a guess.
//!
//! This file holds the public types of verification, the run that weighs each discrepancy's
//! effect (VER-EFFECT) and the hold of VER-REQ. The rest has its own file and may not use the
//! determination, the programmes, monitoring or the answer text:
//!
//! - `evidence`: validation of the evidence part of a case;
//! - `reconcile` (and `reconcile/`): the records against the declaration, kind by kind;
//! - `change`: the changes a verified record makes to the household;
//! - `required`: the departments a purpose requires (VER-REQ);
//! - `codes`: the lists of departments, items and kinds, and their codes.

mod change;
mod codes;
mod evidence;
mod reconcile;
mod required;

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::case::{Case, CaseError, Department, MemberKey};
use crate::determination::{Determination, Outcome, Programme, ReviewItem};
use crate::explain::{Figure, FigureValue, Finding, RuleId, Verdict};
use crate::rules::RuleBook;
use crate::rules::resolve::Params;

pub(crate) use change::Change;
pub(crate) use codes::{static_detail, static_item, yes_no};
pub(crate) use evidence::{key_index, validate_evidence};
pub(crate) use reconcile::{checked, reconcile};

/// How much a discrepancy matters.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// Changes no outcome and no amount.
    Minor,
    /// Changes an amount or a rural class, but no outcome.
    Material,
    /// Changes the outcome of a programme or of an individual unit.
    Decisive,
}

impl Effect {
    /// The JSON spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Effect::Minor => "minor",
            Effect::Material => "material",
            Effect::Decisive => "decisive",
        }
    }
}

/// A difference between the declaration and a department's record (申报与核对不一致).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Discrepancy {
    /// The member concerned.
    pub member: MemberKey,
    /// The department whose record differs.
    pub department: Department,
    /// The evidence item, e.g. `vehicle_registered`.
    pub item: Cow<'static, str>,
    /// The date of the department's record.
    pub record_date: NaiveDate,
    /// The rule that compared the two.
    pub rule: RuleId,
    /// What was declared; `None` when nothing was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared: Option<FigureValue>,
    /// What the department's record states.
    pub verified: FigureValue,
    /// A code describing the item further (a vehicle or business kind, a location).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Cow<'static, str>>,
    /// Whether the verified figure replaced the declared one in the accounts.
    pub applied: bool,
    /// The effect on the determination.
    pub effect: Effect,
}

/// A field-investigation task for the township (入户调查 / 现场核查): which member, which
/// record, what to check and why. Carries no personal data beyond the member's opaque key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FieldTask {
    /// The member concerned.
    pub member: MemberKey,
    /// The department whose record is to be checked.
    pub department: Department,
    /// The evidence item.
    pub item: Cow<'static, str>,
    /// The date of the record.
    pub record_date: NaiveDate,
    /// The rule that found the discrepancy.
    pub rule: RuleId,
    /// Why the task matters.
    pub effect: Effect,
    /// What to check and why, in Chinese.
    pub check_zh: String,
    /// What to check and why, in English.
    pub check_en: String,
}

/// The verification part of a determination.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Verification {
    /// Departments whose data the case carries or reports as queried.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments_checked: Vec<Department>,
    /// Departments the purpose requires that the case lacks (VER-REQ).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_departments: Vec<Department>,
    /// Members a status record (death) removed from the household.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed_members: Vec<MemberKey>,
    /// Every difference between the declaration and the department records.
    #[serde(default)]
    pub discrepancies: Vec<Discrepancy>,
    /// A task for each decisive or material discrepancy.
    #[serde(default)]
    pub field_tasks: Vec<FieldTask>,
    /// The verification findings.
    #[serde(default)]
    pub findings: Vec<Finding>,
}

/// VER-REQ: department data the purpose needs; without it an eligible result is held for
/// review.
pub(crate) fn required_evidence(
    case: &Case,
    p: &Params,
    det: &mut Determination,
    v: &mut Verification,
) -> Result<(), CaseError> {
    let req = required::required(case, p, &v.departments_checked)?;
    if !req.missing.is_empty() {
        hold_for_review(det, &req.findings);
    }
    v.findings.extend(req.findings);
    v.missing_departments = req.missing;
    Ok(())
}

/// Every eligible programme and individual unit becomes a case for review (VER-REQ), with the
/// findings that say which department data is missing.
fn hold_for_review(det: &mut Determination, unknown: &[Finding]) {
    for r in &mut det.programmes {
        let mut held = false;
        if r.outcome == Outcome::Eligible {
            r.outcome = Outcome::NeedsReview;
            r.monthly_amount = None;
            held = true;
        }
        for c in &mut r.individual_coverage {
            if c.outcome == Outcome::Eligible {
                c.outcome = Outcome::NeedsReview;
                c.monthly_amount = None;
                held = true;
            }
        }
        if held {
            r.review.push(ReviewItem {
                rule: RuleId::VerReq,
                member: None,
            });
            r.findings.extend(unknown.iter().cloned());
        }
    }
}

/// The declared household with a subset of the changes applied, in record order; removals of
/// members come last.
fn with_changes<'c>(case: &Case, changes: impl Iterator<Item = &'c Change> + Clone) -> Case {
    // The accounts never read evidence, so the copy goes without it.
    let Case {
        evaluation_date,
        jurisdiction,
        purpose,
        area,
        household,
        enrolment,
        evidence: _,
        evidence_checked: _,
    } = case;
    let mut c = Case {
        evaluation_date: *evaluation_date,
        jurisdiction: jurisdiction.clone(),
        purpose: *purpose,
        area: *area,
        household: household.clone(),
        enrolment: enrolment.clone(),
        evidence: Vec::new(),
        evidence_checked: Vec::new(),
    };
    for ch in changes.clone() {
        if !matches!(ch, Change::RemoveMember(_)) {
            ch.apply(&mut c);
        }
    }
    for ch in changes {
        if matches!(ch, Change::RemoveMember(_)) {
            ch.apply(&mut c);
        }
    }
    c
}

/// What a discrepancy is compared on: the outcome of each programme and of each individual
/// unit. A unit present on one side only (a member removed by a death record, or newly assessed)
/// is a change only if it is eligible there.
fn outcome_changed(a: &Determination, b: &Determination) -> bool {
    fn units(d: &Determination) -> BTreeMap<(Programme, Option<&str>), Outcome> {
        let mut m: BTreeMap<(Programme, Option<&str>), Outcome> = BTreeMap::new();
        for r in &d.programmes {
            m.insert((r.programme, None), r.outcome);
            for c in &r.individual_coverage {
                m.insert((r.programme, Some(c.member.as_str())), c.outcome);
            }
        }
        m
    }
    let (ua, ub) = (units(a), units(b));
    ua.keys()
        .chain(ub.keys())
        .any(|k| match (ua.get(k), ub.get(k)) {
            (Some(x), Some(y)) => x != y,
            (Some(x), None) | (None, Some(x)) => *x == Outcome::Eligible,
            (None, None) => false,
        })
}

fn amounts(d: &Determination) -> Vec<(String, Decimal, Option<&'static str>)> {
    d.programmes
        .iter()
        .map(|r| {
            (
                r.programme.as_str().to_owned(),
                r.total_monthly(),
                r.class.map(|c| c.as_str()),
            )
        })
        .collect()
}

fn compare(a: &Determination, b: &Determination) -> Effect {
    if outcome_changed(a, b) {
        Effect::Decisive
    } else if amounts(a) != amounts(b) {
        Effect::Material
    } else {
        Effect::Minor
    }
}

/// Above this many applied changes, the effect of each is not weighed alone (which costs two
/// evaluations per change); each takes the joint effect of all of them instead.
pub const MAX_EFFECT_EVALUATIONS: usize = 32;

/// Verification, accounts, programmes and monitoring for one validated case.
pub(crate) fn run(case: &Case, rules: &RuleBook, p: &Params) -> Result<Determination, CaseError> {
    let rec = reconcile(case, p)?;
    let all: Vec<Option<&Change>> = rec.items.iter().map(|i| i.change.as_ref()).collect();
    // The accounts never read `evidence`, so a case without changes is its own verified copy.
    let verified_case: Cow<'_, Case> = if all.iter().any(Option::is_some) {
        Cow::Owned(with_changes(case, all.iter().filter_map(|c| *c)))
    } else {
        Cow::Borrowed(case)
    };
    let mut det = crate::evaluate::core(&verified_case, rules, p)?;

    // VER-EFFECT: each applied change alone on the declaration, and the verified household
    // without it; the larger effect counts.
    let mut effects = vec![Effect::Minor; all.len()];
    let applied = all.iter().filter(|c| c.is_some()).count();
    if applied > 0 {
        let declared = crate::evaluate::core(case, rules, p)?;
        if applied == 1 {
            // One change: "alone" is the verified household and "without" the declared one,
            // so the joint comparison is the whole answer and no further evaluation is needed.
            let joint = compare(&declared, &det);
            for (e, c) in effects.iter_mut().zip(&all) {
                if c.is_some() {
                    *e = joint;
                }
            }
        } else if applied > MAX_EFFECT_EVALUATIONS {
            // Too many to weigh one by one: each applied change takes the joint effect.
            let joint = compare(&declared, &det);
            for (e, c) in effects.iter_mut().zip(&all) {
                if c.is_some() {
                    *e = joint;
                }
            }
        }
        for (k, ch) in all
            .iter()
            .enumerate()
            .filter(|_| (2..=MAX_EFFECT_EVALUATIONS).contains(&applied))
        {
            let Some(ch) = ch else {
                continue;
            };
            let alone = crate::evaluate::core(&with_changes(case, std::iter::once(*ch)), rules, p)?;
            let others = all
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .filter_map(|(_, c)| *c);
            let without = crate::evaluate::core(&with_changes(case, others), rules, p)?;
            if let Some(e) = effects.get_mut(k) {
                *e = compare(&declared, &alone).max(compare(&det, &without));
            }
        }
    }
    drop(all);
    let mut items = rec.items;
    for (it, e) in items.iter_mut().zip(effects) {
        it.discrepancy.effect = e;
    }

    let mut v = Verification {
        departments_checked: checked(case),
        removed_members: rec.removed,
        findings: rec.findings,
        ..Verification::default()
    };
    for it in items {
        let d = it.discrepancy;
        let task = d.effect != Effect::Minor;
        let mut f = Finding::new(
            RuleId::VerEffect,
            if task { Verdict::Fail } else { Verdict::Pass },
        )
        .member(&d.member)
        .code("item", static_item(&d.item))
        .code("department", d.department.as_str())
        .date("record_date", d.record_date)
        .code("effect", d.effect.as_str())
        .code("applied", yes_no(d.applied));
        if let Some(detail) = d.detail.as_deref().and_then(static_detail) {
            f = f.code("detail", detail);
        }
        if let Some(declared) = &d.declared {
            f.figures.push(Figure {
                name: Cow::Borrowed("declared"),
                value: declared.clone(),
            });
        }
        f.figures.push(Figure {
            name: Cow::Borrowed("verified"),
            value: d.verified.clone(),
        });
        if task {
            v.field_tasks.push(FieldTask {
                member: d.member.clone(),
                department: d.department,
                item: d.item.clone(),
                record_date: d.record_date,
                rule: d.rule,
                effect: d.effect,
                check_zh: f.text_zh(),
                check_en: f.text_en(),
            });
        }
        v.findings.push(f);
        v.discrepancies.push(d);
    }

    required_evidence(case, p, &mut det, &mut v)?;
    det.verification = v;
    det.monitoring = crate::monitor::assess(case, &verified_case, &det, p)?;
    det.parameters = p.uses();
    Ok(det)
}
