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
pub struct Audit {
    /// The crate version.
    pub crate_version: Cow<'static, str>,
    /// The rule-catalogue version.
    pub rule_catalogue_version: Cow<'static, str>,
    /// SHA-256 of the rule book's values.
    pub parameters_digest: String,
    /// SHA-256 of the case as evaluated, in its canonical encoding (see [`crate::case_digest`]).
    pub case_digest: String,
}

/// The answer for one case.
///
/// Written by the JSON face (`Serialize` is in `src/json.rs`: the findings' sources follow the
/// evaluation date).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
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
    pub fn programme(&self, p: Programme) -> Option<&ProgrammeResult> {
        self.programmes.iter().find(|r| r.programme == p)
    }

    /// Every finding in the determination: accounts first, then each programme and its
    /// individual units, then verification and monitoring.
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
}
