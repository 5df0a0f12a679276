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

use std::borrow::Cow;

use crate::case::{Case, CaseError};
use crate::determination::{Audit, Determination};
use crate::explain::{RULE_CATALOGUE_VERSION, RuleId};
use crate::rules::RuleBook;
use crate::rules::resolve::Params;

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

    let reconciliation = crate::verify::reconcile_case(case, &p)?;
    let verified = reconciliation.verified(case);
    let decision = decide::decide(&verified, &p, relief.as_ref())?;
    let effects = effects::effects(
        case,
        &p,
        relief.as_ref(),
        &reconciliation.changes(),
        &decision.programmes,
    )?;
    let mut verification = reconciliation.finish(case, effects);
    let mut programmes = decision.programmes;
    let held = crate::verify::required(case, &p, &mut verification)?;
    if !held.is_empty() {
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
            accounts: &decision.accounts,
            verification: &verification,
            work_income: decision.work_income,
            marginal_line: decision.marginal_line,
        },
        &p,
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
            case_digest: crate::audit::case_digest(case),
        },
        verification,
        monitoring,
    })
}
