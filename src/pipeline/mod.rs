//! The one orchestrator: the only place where the stages are called, and in what order.
//!
//! ```text
//! case ─validate─► parameters resolved (division chain, evaluation date)
//!      ─reconcile─► discrepancies + the verified household (verify)
//!      ─decide─► accounts + programmes on the verified household (decide.rs)
//!      ─effects─► each discrepancy weighed by deciding without it (effects.rs)
//!      ─finish─► verification: field tasks, VER-REQ holds
//!      ─monitor─► action, next review, warnings
//!      ─► Determination, built once and complete, with the audit stamp
//! ```
//!
//! Uses every stage; no stage uses it.

mod decide;
mod effects;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use crate::case::{Case, CaseError};
use crate::determination::{Audit, Determination};
use crate::explain::{Explain, RULE_CATALOGUE_VERSION, RuleId};
use crate::rules::RuleBook;
use crate::rules::resolve::Params;

/// How a case is evaluated: how much explanation the determination carries, and whether its
/// audit stamp carries the case digest.
///
/// The default is the determination [`evaluate`] gives. Built with [`Options::default`] and
/// the `with_` methods, or read from JSON (`{"explain": "none"}`, every field optional).
///
/// ```
/// use jiuzhu::{Explain, Options};
/// let opts = Options::default().with_explain(Explain::None);
/// assert_eq!(opts.explain, Explain::None);
/// assert!(opts.case_digest);
/// let read: Options = serde_json::from_str(r#"{"explain": "findings"}"#).unwrap();
/// assert_eq!(read.explain, Explain::Findings);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Options {
    /// How much explanation: findings and sentences, findings only, or none.
    pub explain: Explain,
    /// Whether the audit stamp carries the case digest ([`crate::case_digest`]; on by default).
    /// The digest is a SHA-256 over the whole case's canonical encoding, a third or more of an
    /// evaluation without findings: a caller that writes no audit stamp (a compact batch) turns it off, and
    /// `audit.case_digest` is then `None`. Nothing else in the determination depends on it.
    pub case_digest: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            explain: Explain::default(),
            case_digest: true,
        }
    }
}

impl Options {
    /// These options with the explanation level `explain`.
    pub const fn with_explain(mut self, explain: Explain) -> Self {
        self.explain = explain;
        self
    }

    /// These options with the case digest on or off ([`Options::case_digest`]).
    ///
    /// ```
    /// use jiuzhu::{evaluate_with, parse_case, Options, RuleBook};
    /// let case = parse_case(r#"{"evaluation_date": "2026-11-01", "jurisdiction": "621027",
    ///   "purpose": "new_application", "area": "urban", "household": {"members": [
    ///   {"key": "m1", "relation": "applicant", "birth_date": "1950-05-01"}]}}"#).unwrap();
    /// let rules = RuleBook::embedded();
    /// let stamped = evaluate_with(&case, &rules, &Options::default()).unwrap();
    /// let unstamped = evaluate_with(&case, &rules, &Options::default().with_case_digest(false)).unwrap();
    /// assert_eq!(stamped.audit.case_digest.as_deref(), Some(jiuzhu::case_digest(&case).as_str()));
    /// assert_eq!(unstamped.audit.case_digest, None);
    /// assert_eq!(stamped.programmes, unstamped.programmes);
    /// ```
    pub const fn with_case_digest(mut self, on: bool) -> Self {
        self.case_digest = on;
        self
    }
}

/// Evaluates one household case under a rule book.
///
/// Returns a [`Determination`] with a result for every programme, or a [`CaseError`] when the
/// case cannot be evaluated at all. Missing facts give `needs_review`, not an error.
///
/// ```
/// use jiuzhu::{evaluate, Case, RuleBook, Programme, Outcome};
/// let case: Case = serde_json::from_str(r#"{
///   "evaluation_date": "2026-11-01", "jurisdiction": "621027",
///   "purpose": "new_application", "area": "urban",
///   "household": { "members": [
///     { "key": "m1", "relation": "applicant", "birth_date": "1950-05-01" } ] }
/// }"#).unwrap();
/// let det = evaluate(&case, &RuleBook::embedded()).unwrap();
/// let dibao = det.programme(Programme::MinimumLiving).unwrap();
/// assert_eq!(dibao.outcome, Outcome::Eligible);
/// ```
pub fn evaluate(case: &Case, rules: &RuleBook) -> Result<Determination, CaseError> {
    evaluate_with(case, rules, &Options::default())
}

/// Evaluates one household case under a rule book, with options: as [`evaluate`], and with
/// [`Explain::None`] the determination holds no findings and the decision stages skip building
/// their figures. Every decision is the same whatever the options.
///
/// ```
/// use jiuzhu::{evaluate, evaluate_with, Case, Explain, Options, RuleBook};
/// let case: Case = serde_json::from_str(r#"{
///   "evaluation_date": "2026-11-01", "jurisdiction": "621027",
///   "purpose": "new_application", "area": "urban",
///   "household": { "members": [
///     { "key": "m1", "relation": "applicant", "birth_date": "1950-05-01" } ] }
/// }"#).unwrap();
/// let rules = RuleBook::embedded();
/// let quick = evaluate_with(&case, &rules, &Options::default().with_explain(Explain::None)).unwrap();
/// let full = evaluate(&case, &rules).unwrap();
/// assert_eq!(quick.programmes[0].monthly_amount, full.programmes[0].monthly_amount);
/// assert!(quick.all_findings().next().is_none());
/// ```
pub fn evaluate_with(
    case: &Case,
    rules: &RuleBook,
    options: &Options,
) -> Result<Determination, CaseError> {
    let explain = options.explain;
    crate::case::validate::validate(case)?;
    crate::verify::validate_evidence(case)?;
    let p = Params::resolve(rules, &case.jurisdiction, case.evaluation_date)?;
    // TR-12 (S0 Art. 37): temporary relief under the parameters of the division where the
    // emergency happened, when the case names one other than its own.
    let relief = match case.household.emergency_division.as_deref() {
        Some(code) if code != case.jurisdiction => Some(
            Params::resolve(rules, code, case.evaluation_date).map_err(|e| match e {
                CaseError::UnknownJurisdiction { .. } => CaseError::invalid(
                    "household.emergency_division",
                    crate::case::Problem::UnknownDivision,
                ),
                other => other,
            })?,
        ),
        _ => None,
    };

    let reconciliation = crate::verify::reconcile_case(case, &p, explain.findings())?;
    let verified = reconciliation.verified(case);
    // Under `Explain::None` the decision records its conditions and writes no findings.
    let decision = decide::decide(&verified, &p, relief.as_ref(), explain.findings())?;
    let effects = effects::effects(
        case,
        &p,
        relief.as_ref(),
        &reconciliation.changes(),
        &decision.programmes,
    )?;
    let mut verification = reconciliation.finish(case, effects);
    let mut programmes = decision.programmes;
    if let Some(held) = crate::verify::required(case, &p, &mut verification, explain.findings())? {
        // Small fast relief is decided without economic-status verification (TR-10).
        for r in programmes.iter_mut().filter(|r| !r.without_verification) {
            r.hold_for_review(RuleId::VerReq, &held);
        }
    }
    let monitoring = crate::monitor::assess(
        case,
        &verified,
        &crate::monitor::Decided {
            programmes: &programmes,
            conditions: &decision.conditions,
            accounts: &decision.accounts,
            verification: &verification,
            work_income: decision.work_income,
            marginal_line: decision.marginal_line,
        },
        &p,
        explain.findings(),
    )?;
    Ok(Determination {
        evaluation_date: case.evaluation_date,
        jurisdiction: case.jurisdiction.clone(),
        purpose: case.purpose,
        area: case.area,
        programmes,
        accounts: decision.accounts,
        parameters: p.uses(),
        emergency_parameters: relief.map(|r| r.uses()).unwrap_or_default(),
        audit: Audit {
            crate_version: Cow::Borrowed(env!("CARGO_PKG_VERSION")),
            rule_catalogue_version: Cow::Borrowed(RULE_CATALOGUE_VERSION),
            parameters_digest: rules.digest().to_owned(),
            // stamped on the case as given (the verified copy is internal)
            case_digest: options.case_digest.then(|| crate::audit::case_digest(case)),
        },
        verification,
        monitoring,
    })
}
