//! What a determination reports of each parameter it used: value, first day in force, the
//! division that set it, source, status and the warnings that ask for a check.
//!
//! May use: the book beside it (parameter values and statuses).

use std::borrow::Cow;
use std::sync::Arc;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::book::{ParamStatus, ParamValue};

/// Why a parameter deserves attention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParamWarning {
    /// Its status is `unconfirmed`: no published text was found for it.
    Unconfirmed,
    /// It is a standard that took effect more than a year before the evaluation date.
    Stale,
    /// It is a standard below the province's guidance figure for the same date (S0 Art. 19:
    /// a city may set its own standard, never below the guidance); the guidance parameter is
    /// listed beside it.
    BelowGuidance,
    /// From 2026-07-01 the law names the level that sets it (the marginal multiplier: the
    /// province, S0 Art. 21; the rigid-expenditure share: the prefecture-level city or higher,
    /// S0 Art. 22), and a division below that level set it.
    BelowLegalLevel,
}

impl ParamWarning {
    /// The warning in words for a reader, Chinese and English.
    ///
    /// ```
    /// assert_eq!(jiuzhu::ParamWarning::Stale.words().1, "older than a year");
    /// ```
    pub const fn words(self) -> (&'static str, &'static str) {
        match self {
            ParamWarning::Unconfirmed => ("未经证实", "unconfirmed"),
            ParamWarning::Stale => ("超过一年", "older than a year"),
            ParamWarning::BelowGuidance => ("低于省级指导标准", "below the provincial guidance"),
            ParamWarning::BelowLegalLevel => {
                ("制定层级低于法定", "set below the level the law names")
            }
        }
    }
}

/// A parameter the rules used, with its provenance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ParamUse {
    /// The parameter's name.
    pub name: Cow<'static, str>,
    /// The value in force.
    pub value: ParamValue,
    /// Its unit.
    pub unit: Cow<'static, str>,
    /// First day in force.
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
