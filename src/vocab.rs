//! The vocabulary every layer shares: the programmes, their outcomes, the rural dibao classes and
//! the reasons a programme goes to a person. Leaves of the crate: this module uses nothing of it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The assistance programmes.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Programme {
    /// Urban-rural minimum living allowance (城乡最低生活保障, 低保).
    MinimumLiving,
    /// Marginal low-income family (低保边缘家庭).
    MarginalFamily,
    /// Support for special hardship persons (特困人员救助供养), decided per member.
    SpecialHardship,
    /// Rigid-expenditure hardship family (刚性支出困难家庭).
    RigidExpenditure,
    /// Temporary relief (临时救助).
    TemporaryRelief,
}

impl Programme {
    /// Every programme, in the order of a determination's results: the one list of them.
    /// `tests/vocabulary.rs` checks it against the enum.
    pub const ALL: [Programme; 5] = [
        Programme::MinimumLiving,
        Programme::MarginalFamily,
        Programme::SpecialHardship,
        Programme::RigidExpenditure,
        Programme::TemporaryRelief,
    ];

    /// The JSON spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Programme::MinimumLiving => "minimum_living",
            Programme::MarginalFamily => "marginal_family",
            Programme::SpecialHardship => "special_hardship",
            Programme::RigidExpenditure => "rigid_expenditure",
            Programme::TemporaryRelief => "temporary_relief",
        }
    }
}

/// A programme's outcome.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// The household (or a member on the individual route) qualifies.
    Eligible,
    /// It does not qualify; the failed findings say why.
    NotEligible,
    /// The case lacks what a decision needs; `review` says what.
    NeedsReview,
}

impl Outcome {
    /// Every outcome, in declaration order.
    pub const ALL: [Outcome; 3] = [
        Outcome::Eligible,
        Outcome::NotEligible,
        Outcome::NeedsReview,
    ];

    /// The JSON spelling, e.g. `"not_eligible"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Outcome::Eligible => "eligible",
            Outcome::NotEligible => "not_eligible",
            Outcome::NeedsReview => "needs_review",
        }
    }

    /// The outcome in words for a reader, Chinese and English, e.g. `("不符合", "not eligible")`.
    ///
    /// ```
    /// assert_eq!(jiuzhu::Outcome::NeedsReview.words(), ("需人工核查", "needs review"));
    /// ```
    pub const fn words(self) -> (&'static str, &'static str) {
        match self {
            Outcome::Eligible => ("符合", "eligible"),
            Outcome::NotEligible => ("不符合", "not eligible"),
            Outcome::NeedsReview => ("需人工核查", "needs review"),
        }
    }

    /// The position in [`Outcome::ALL`], for tables indexed by outcome.
    pub const fn index(self) -> usize {
        self as usize
    }
}

/// Rural dibao class (分类施保).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DibaoClass {
    /// 一类.
    #[serde(rename = "class_1")]
    Class1,
    /// 二类.
    #[serde(rename = "class_2")]
    Class2,
    /// 三类.
    #[serde(rename = "class_3")]
    Class3,
    /// 四类.
    #[serde(rename = "class_4")]
    Class4,
}

impl DibaoClass {
    /// The JSON spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            DibaoClass::Class1 => "class_1",
            DibaoClass::Class2 => "class_2",
            DibaoClass::Class3 => "class_3",
            DibaoClass::Class4 => "class_4",
        }
    }
}

/// Why a programme goes to a person for decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReviewReason {
    /// The amount is above the ordinary cap: decided case by case (一事一议), with the proposed
    /// amount in `one_off_amount`.
    OneCaseOneDiscussion,
}
