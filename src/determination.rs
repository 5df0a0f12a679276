//! The output side: a determination per programme, the accounts the rules used, the parameters
//! with their provenance, and an audit stamp.

use std::borrow::Cow;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::case::{Area, MemberKey, Purpose};
use crate::explain::{Finding, RuleId};
use crate::money::Yuan;
use crate::rules::{ParamStatus, ParamValue};
pub use crate::vocab::{DibaoClass, Outcome, Programme, ReviewReason};

/// Something a person must look at before the programme can be decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewItem {
    /// The rule that could not decide.
    pub rule: RuleId,
    /// The member concerned, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<MemberKey>,
}

/// A member decided on their own: dibao's individual routes (单人保, HH-5 or HH-6), or one member
/// tested for special hardship (TK-1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct IndividualCoverage {
    /// The member's key.
    pub member: MemberKey,
    /// The route: `HH-5` or `HH-6` (dibao), `TK-1` (special hardship).
    pub route: RuleId,
    /// The outcome for this member.
    pub outcome: Outcome,
    /// Rural class, if the rural scheme applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<DibaoClass>,
    /// Monthly amount, if eligible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_amount: Option<Yuan>,
    /// The findings for this member's unit.
    pub findings: Vec<Finding>,
}

/// The result for one programme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ProgrammeResult {
    /// Which programme.
    pub programme: Programme,
    /// The outcome for the household as a whole.
    pub outcome: Outcome,
    /// Rural class, for rural dibao.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<DibaoClass>,
    /// Monthly amount for the household, if the programme pays cash and the household is eligible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_amount: Option<Yuan>,
    /// What must be reviewed, when the outcome is `needs_review`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<ReviewItem>,
    /// Members covered individually (HH-5, HH-6) when the household as a whole is not; for
    /// special hardship, one entry per member tested (TK-1), with that member's amount.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub individual_coverage: Vec<IndividualCoverage>,
    /// Every rule that decided this programme, in the order applied.
    pub findings: Vec<Finding>,
    /// A one-off amount (temporary relief): payable when eligible, proposed when the outcome is
    /// `needs_review`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_off_amount: Option<Yuan>,
    /// The last day the recognition is valid (rigid expenditure, RIG-5) or the date of the next
    /// review (special hardship, TK-15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<NaiveDate>,
    /// Why a person must decide, beyond the review items: `one_case_one_discussion` (一事一议).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_reason: Option<ReviewReason>,
}

impl ProgrammeResult {
    /// The findings of one rule.
    pub fn findings_of(&self, rule: RuleId) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.rule == rule)
    }

    /// Total monthly payment of the programme: the household amount plus individual units.
    pub fn total_monthly(&self) -> Decimal {
        let own = self.monthly_amount.map(Yuan::value).unwrap_or_default();
        self.individual_coverage
            .iter()
            .filter_map(|c| c.monthly_amount)
            .fold(own, |acc, a| acc.saturating_add(a.value()))
    }
}

/// The household accounts the programmes used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Accounts {
    /// Keys of the counted members (共同生活的家庭成员), in case order.
    pub counted_members: Vec<MemberKey>,
    /// Keys of members not counted.
    pub excluded_members: Vec<MemberKey>,
    /// First and last day of the income reference period.
    pub reference_period: (NaiveDate, NaiveDate),
    /// Monthly countable income of the counted members, after disregards and deductions.
    pub monthly_income: Yuan,
    /// Monthly income per counted member (exact; not rounded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_capita_income: Option<Yuan>,
    /// The monthly dibao standard per person.
    pub standard: Yuan,
    /// Financial assets of the counted members.
    pub financial_assets: Yuan,
    /// Findings on who counts and what income counts.
    pub findings: Vec<Finding>,
}

/// Why a parameter deserves attention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParamWarning {
    /// Its status is `unconfirmed`: no published text was found for it.
    Unconfirmed,
    /// It is a standard that took effect more than a year before the evaluation date.
    Stale,
}

/// A parameter the rules used, with its provenance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ParamUse {
    /// The parameter's name.
    pub name: Cow<'static, str>,
    /// The value in force.
    pub value: ParamValue,
    /// Its unit.
    pub unit: Cow<'static, str>,
    /// First day in force.
    #[serde(serialize_with = "crate::dates::date_str")]
    pub from: NaiveDate,
    /// The division whose file set it.
    pub division: Arc<str>,
    /// How sure it is.
    pub status: ParamStatus,
    /// Where it comes from.
    pub source: Arc<str>,
    /// Reasons to check it.
    #[serde(default, skip_serializing_if = "<[ParamWarning]>::is_empty")]
    pub warnings: Cow<'static, [ParamWarning]>,
}

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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Determination {
    /// The evaluation date.
    #[serde(serialize_with = "crate::dates::date_str")]
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
