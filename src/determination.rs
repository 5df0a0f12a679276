//! The output side: a determination per programme, the accounts the rules used, the parameters
//! with their provenance, and an audit stamp.
//!
//! Layer 9. May use: every stage before it (rules, accounts, programmes, verification, monitoring, audit); used only by the orchestrator and the JSON face.

use std::borrow::Cow;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::accounts::Accounts;
use crate::case::{Area, Purpose};
use crate::explain::Finding;
pub use crate::programmes::{AddOn, IndividualCoverage, ProgrammeResult, ReviewItem};
pub use crate::rules::{ParamUse, ParamWarning};
pub use crate::vocab::{DibaoClass, Outcome, Programme, ReviewReason};

/// What a determination was made with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Audit {
    /// The crate version.
    pub crate_version: Cow<'static, str>,
    /// The rule-catalogue version.
    pub rule_catalogue_version: Cow<'static, str>,
    /// SHA-256 of the rule book's values.
    pub parameters_digest: String,
    /// SHA-256 of the case as evaluated, in its canonical encoding (see [`crate::case_digest`]).
    /// Absent only when the caller asked for none ([`crate::Options::case_digest`]), as a
    /// compact batch does: it writes no audit stamp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_digest: Option<String>,
}

/// The answer for one case.
///
/// Written by the JSON face (`Serialize` is in `src/json.rs`: the findings' sources follow the
/// evaluation date).
///
/// Read it by field: every programme's result (outcome, amount, the findings that decided),
/// the accounts, the parameters used, verification, monitoring and the audit stamp.
///
/// ```
/// use jiuzhu::prelude::*;
///
/// let case = parse_case(r#"{
///   "evaluation_date": "2026-11-01", "jurisdiction": "621027",
///   "purpose": "new_application", "area": "urban",
///   "household": {
///     "members": [
///       { "key": "m1", "relation": "applicant", "birth_date": "1970-03-01" },
///       { "key": "m2", "relation": "spouse", "birth_date": "1972-06-15" },
///       { "key": "m3", "relation": "child", "birth_date": "2015-09-01" } ],
///     "incomes": [ { "member": "m2", "category": "transfer", "amount": "12000",
///                    "from": "2025-11-01", "to": "2026-10-31" } ] }
/// }"#)?;
/// let det = evaluate(&case, &RuleBook::embedded())?;
///
/// // the accounts every programme used: 12,000 a year is 1,000 a month for three persons
/// assert_eq!(det.accounts.counted_members, ["m1", "m2", "m3"]);
/// assert_eq!(det.accounts.monthly_income, Yuan::new(dec!(1000)));
///
/// // one result per programme; the minimum living allowance pays the gap 623 × 3 − 1,000
/// let dibao = det.programme(Programme::MinimumLiving).unwrap();
/// assert_eq!(dibao.outcome, Outcome::Eligible);
/// assert_eq!(dibao.monthly_amount, Some(Yuan::new(dec!(869))));
///
/// // the findings that decided, each with its rule ID, verdict, figures and sentences
/// for f in &dibao.findings {
///     println!("{} {:?} {}", f.rule, f.verdict, f.text_en());
/// }
/// assert!(dibao.findings.iter().any(|f| f.verdict == Verdict::Pass));
///
/// // the parameters used, with where each came from, and the audit stamp
/// let standard = det.parameters.iter().find(|p| p.name == "dibao_standard_urban_month").unwrap();
/// assert_eq!(&*standard.division, "620000");
/// assert_eq!(det.audit.rule_catalogue_version, jiuzhu::RULE_CATALOGUE_VERSION);
/// # Ok::<(), CaseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[schemars(
    description = "The answer for one case.\n\nWritten by the JSON face (`Serialize` is in `src/json.rs`: the findings' sources follow the\nevaluation date)."
)]
#[non_exhaustive]
pub struct Determination {
    /// The evaluation date.
    pub evaluation_date: NaiveDate,
    /// The division code.
    pub jurisdiction: String,
    /// The purpose.
    pub purpose: Purpose,
    /// Urban or rural.
    pub area: Area,
    /// One result per programme, in a fixed order.
    pub programmes: Vec<ProgrammeResult>,
    /// The accounts the programmes used.
    pub accounts: Accounts,
    /// Every parameter used, with value, date, source, status and warnings.
    pub parameters: crate::rules::resolve::ParamUses,
    /// The parameters temporary relief used from the division where the emergency happened,
    /// when the case names one other than its own (TR-12, S0 Art. 37); empty otherwise.
    #[serde(
        default,
        skip_serializing_if = "crate::rules::resolve::ParamUses::is_empty"
    )]
    pub emergency_parameters: crate::rules::resolve::ParamUses,
    /// The audit stamp.
    pub audit: Audit,
    /// Department evidence reconciled against the declaration: discrepancies and field tasks.
    #[serde(default)]
    pub verification: crate::verify::Verification,
    /// Monitoring: warnings, the recommended action and the next review date.
    #[serde(default)]
    pub monitoring: crate::monitor::Monitoring,
}

impl Determination {
    /// The result for one programme.
    ///
    /// ```
    /// use jiuzhu::{Outcome, Programme, RuleBook, evaluate, parse_case};
    /// let case = parse_case(r#"{"evaluation_date": "2026-11-01", "jurisdiction": "621027",
    ///   "purpose": "new_application", "area": "rural", "household": {"members": [
    ///   {"key": "m1", "relation": "applicant", "birth_date": "1940-01-01"}]}}"#).unwrap();
    /// let det = evaluate(&case, &RuleBook::embedded()).unwrap();
    /// let tk = det.programme(Programme::SpecialHardship).unwrap();
    /// assert_eq!(tk.programme, Programme::SpecialHardship);
    /// match tk.outcome {
    ///     Outcome::Eligible => println!("{:?} a month", tk.monthly_amount),
    ///     Outcome::NotEligible => println!("not eligible"),
    ///     // `Outcome` may grow: keep a wildcard arm
    ///     other => println!("{other:?}"),
    /// }
    /// ```
    pub fn programme(&self, p: Programme) -> Option<&ProgrammeResult> {
        self.programmes.iter().find(|r| r.programme == p)
    }

    /// Every finding in the determination: accounts first, then each programme and its
    /// individual units, then verification and monitoring.
    ///
    /// ```
    /// use jiuzhu::{RuleBook, RuleId, evaluate, parse_case};
    /// let case = parse_case(r#"{"evaluation_date": "2026-11-01", "jurisdiction": "621027",
    ///   "purpose": "new_application", "area": "urban", "household": {"members": [
    ///   {"key": "m1", "relation": "applicant", "birth_date": "1980-01-01"}],
    ///   "assets": {"vehicles": [{"member": "m1", "kind": "car", "value": "90000"}]}}}"#).unwrap();
    /// let det = evaluate(&case, &RuleBook::embedded()).unwrap();
    /// // every rule the determination applied, wherever it stands
    /// let rules: Vec<RuleId> = det.all_findings().map(|f| f.rule).collect();
    /// assert!(rules.len() > 5);
    /// for f in det.all_findings().filter(|f| f.member.as_ref().is_some_and(|m| m == "m1")) {
    ///     println!("{}: {}", f.rule, f.text_zh());
    /// }
    /// ```
    pub fn all_findings(&self) -> impl Iterator<Item = &Finding> {
        self.accounts
            .findings
            .iter()
            .chain(self.programmes.iter().flat_map(|p| {
                p.findings
                    .iter()
                    .chain(p.individual_coverage.iter().flat_map(|c| c.findings.iter()))
            }))
            .chain(self.verification.findings.iter())
            .chain(self.monitoring.findings.iter())
    }

    /// Empties every list of findings that [`Determination::all_findings`] walks and keeps
    /// every decision: the determination as [`Explain::None`](crate::Explain::None) gives it.
    ///
    /// ```
    /// use jiuzhu::{Explain, Options, RuleBook, evaluate, evaluate_with, parse_case};
    /// let case = parse_case(&std::fs::read_to_string("examples/households/urban-gap.json").unwrap()).unwrap();
    /// let rules = RuleBook::embedded();
    /// let mut full = evaluate(&case, &rules).unwrap();
    /// full.clear_findings();
    /// assert_eq!(full.all_findings().count(), 0);
    /// let none = Options::default().with_explain(Explain::None);
    /// assert_eq!(full, evaluate_with(&case, &rules, &none).unwrap());
    /// ```
    pub fn clear_findings(&mut self) {
        self.accounts.findings.clear();
        for r in &mut self.programmes {
            r.findings.clear();
            for c in &mut r.individual_coverage {
                c.findings.clear();
            }
        }
        self.verification.findings.clear();
        self.monitoring.findings.clear();
    }
}
