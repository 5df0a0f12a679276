//! The summary of the accounts a determination reports: who counted, the reference period, the
//! household's monthly income and standard, and the findings on who and what counts.
//!
//! May use: the leaves, the case (member keys) and findings.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::case::MemberKey;
use crate::explain::Finding;
use crate::money::Yuan;

/// The household accounts the programmes used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
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
