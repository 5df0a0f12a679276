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
//! This file holds the public types of verification and what the orchestrator calls: the
//! reconciliation of a case, the verified household, the finish once each discrepancy's effect
//! is known, and VER-REQ. The rest has its own file; none may use the determination, the
//! programmes, monitoring or the answer text:
//!
//! - `evidence`: validation of the evidence part of a case;
//! - `reconcile` (and `reconcile/`): the records against the declaration, kind by kind;
//! - `change`: the changes a verified record makes to the household;
//! - `required`: the departments a purpose requires (VER-REQ);
//! - `codes`: the lists of items and kinds, and their codes.

mod change;
mod codes;
mod evidence;
mod reconcile;
mod required;

use std::borrow::Cow;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::case::{Case, CaseError, Department, MemberKey};
use crate::explain::{Figure, FigureValue, Finding, LAW_IN_FORCE, RuleId, Verdict};
use crate::rules::resolve::Params;

pub(crate) use change::Change;
use codes::{static_code, yes_no};
pub(crate) use evidence::{key_index, validate_evidence};
use reconcile::{Reconciled, checked, reconcile};

/// How much a discrepancy matters.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
#[non_exhaustive]
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
#[non_exhaustive]
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
///
/// ```
/// use jiuzhu::{Effect, RuleBook, evaluate, parse_case};
/// // a car registered to the applicant, not declared
/// let text = std::fs::read_to_string("examples/households/verify-undeclared-car.json").unwrap();
/// let det = evaluate(&parse_case(&text)?, &RuleBook::embedded())?;
/// let v = &det.verification;
/// let car = v.discrepancies.iter().find(|d| d.item == "vehicle_registered").unwrap();
/// assert_eq!(car.member, "m1");
/// assert!(car.declared.is_none());
/// assert_eq!(car.effect, Effect::Decisive);
/// // a decisive or material difference is a task for the township, in both languages
/// for task in &v.field_tasks {
///     println!("[{}] {}\n{}", task.effect.as_str(), task.check_zh, task.check_en);
/// }
/// assert_eq!(v.field_tasks.len(), 1);
/// # Ok::<(), jiuzhu::CaseError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(description = "The verification part of a determination.")]
#[non_exhaustive]
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

/// Above this many applied changes, the effect of each is not weighed alone (which costs two
/// evaluations per change); each takes the joint effect of all of them instead.
pub const MAX_EFFECT_EVALUATIONS: usize = 32;
/// What reconciliation found, before the effect of each discrepancy is known: the
/// discrepancies with the change each applies to the declared household, the findings, and the
/// members removed by status records.
pub(crate) struct Reconciliation {
    rec: Reconciled,
}

/// Reconciles the department evidence of a validated case with its declaration (VER-AUTH,
/// VER-VEHICLE … VER-MEDICAL). `explain` says whether findings are written; the discrepancies,
/// their effects and the field tasks are the same either way.
pub(crate) fn reconcile_case(
    case: &Case,
    p: &Params,
    explain: bool,
) -> Result<Reconciliation, CaseError> {
    Ok(Reconciliation {
        rec: reconcile(case, p, explain)?,
    })
}

impl Reconciliation {
    /// The change each discrepancy applies, in discrepancy order (`None` for one that changes
    /// nothing, such as a record the declaration already agrees with in effect).
    pub(crate) fn changes(&self) -> Vec<Option<&Change>> {
        self.rec.items.iter().map(|i| i.change.as_ref()).collect()
    }

    /// The verified household: the declared one with every applied change; the case itself
    /// when nothing changes (the accounts never read the evidence).
    pub(crate) fn verified<'c>(&self, case: &'c Case) -> Cow<'c, Case> {
        let all = self.changes();
        if all.iter().any(Option::is_some) {
            Cow::Owned(with_changes(case, all.iter().filter_map(|c| *c)))
        } else {
            Cow::Borrowed(case)
        }
    }

    /// The verification part of the determination, once each discrepancy's effect is known
    /// (`effects` in discrepancy order): the discrepancies, a field task for each one that is
    /// not minor and, when explaining, a VER-EFFECT finding for each.
    pub(crate) fn finish(self, case: &Case, effects: Vec<Effect>) -> Verification {
        let rec = self.rec;
        let explain = rec.explain();
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
            // a field task states what to check in the words of its finding
            if task || explain {
                let f = effect_finding(case, &d, task);
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
                if explain {
                    v.findings.push(f);
                }
            }
            v.discrepancies.push(d);
        }

        v
    }
}

/// VER-EFFECT: what one discrepancy does to the decision (`task` when it is not minor).
fn effect_finding(case: &Case, d: &Discrepancy, task: bool) -> Finding {
    let mut f = Finding::new(RuleId::VerEffect, Verdict::fail_if(task))
        .member(&d.member)
        .code("item", static_code(&d.item).unwrap_or("other"))
        .code("department", d.department.as_str())
        .date("record_date", d.record_date)
        .code("effect", d.effect.as_str())
        .code("applied", yes_no(d.applied));
    if let Some(detail) = d.detail.as_ref().and_then(static_code) {
        f = f.code("detail", detail);
    }
    // S0 Art. 62: what a connected department's data can verify is never asked of the
    // household; from the law's date the task says so
    if task && case.evaluation_date >= LAW_IN_FORCE {
        f = f.code("documents", "from_department");
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
    f
}

/// VER-REQ: department data the purpose requires. Records the missing departments in `v` and,
/// when any is missing, returns the findings that hold an eligible programme for review (none
/// written when not explaining); `None` when nothing is missing.
pub(crate) fn required(
    case: &Case,
    p: &Params,
    v: &mut Verification,
    explain: bool,
) -> Result<Option<Vec<Finding>>, CaseError> {
    let req = required::required(case, p, &v.departments_checked)?;
    let findings = if explain { req.findings } else { Vec::new() };
    v.findings.extend(findings.iter().cloned());
    if req.missing.is_empty() {
        return Ok(None);
    }
    v.missing_departments = req.missing;
    Ok(Some(findings))
}

/// The declared household with a subset of the changes applied, in record order; removals of
/// members come last.
pub(crate) fn with_changes<'c>(
    case: &Case,
    changes: impl Iterator<Item = &'c Change> + Clone,
) -> Case {
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
