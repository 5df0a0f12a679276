//! What a programme decides: its outcome, class and amounts, the review items, the members
//! covered on their own, and the findings that decided. Uses the vocabulary, money, the case's
//! member keys and findings.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::case::MemberKey;
use crate::explain::{Finding, RuleId};
use crate::money::Yuan;
use crate::vocab::{DibaoClass, Outcome, Programme, ReviewReason};

/// Something a person must look at before the programme can be decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ReviewItem {
    /// The rule that could not decide.
    pub rule: RuleId,
    /// The member concerned, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<MemberKey>,
}

/// A monthly add-on for a vulnerable member of a dibao household (分类施保, DB-16, S0 Art. 20).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct AddOn {
    /// The member's key.
    pub member: MemberKey,
    /// The categories the member fits that the division pays for (`elderly`, `minor`,
    /// `disability_grade_1` …, `serious_illness`, or a local code), in the table's order.
    pub categories: Vec<String>,
    /// How the categories combine: `highest` or `sum`.
    pub combination: String,
    /// The monthly add-on, included in the unit's `monthly_amount`.
    pub amount: Yuan,
}

/// A member decided on their own: dibao's individual routes (单人保, HH-5 or HH-6), or one member
/// tested for special hardship (TK-1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
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
///
/// ```
/// use jiuzhu::prelude::*;
/// let case = parse_case(r#"{"evaluation_date": "2026-11-01", "jurisdiction": "621027",
///   "purpose": "new_application", "area": "rural", "household": {"members": [
///   {"key": "m1", "relation": "applicant", "birth_date": "1948-02-01"},
///   {"key": "m2", "relation": "spouse", "birth_date": "1950-07-01", "serious_illness": true}]}}"#)?;
/// let det = evaluate(&case, &RuleBook::embedded())?;
/// for r in &det.programmes {
///     match r.outcome {
///         Outcome::Eligible => {
///             // a monthly amount, a one-off amount (temporary relief) or neither
///             let amount = r.monthly_amount.or(r.one_off_amount);
///             println!("{}: eligible {amount:?} class {:?}", r.programme.as_str(), r.class);
///         }
///         Outcome::NeedsReview => println!("{}: review {:?}", r.programme.as_str(), r.review),
///         _ => println!("{}: {:?}", r.programme.as_str(), r.outcome),
///     }
/// }
/// let dibao = det.programme(Programme::MinimumLiving).unwrap();
/// assert_eq!(dibao.outcome, Outcome::Eligible);
/// assert!(dibao.class.is_some(), "a rural household gets a class");
/// # Ok::<(), CaseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(description = "The result for one programme.")]
#[non_exhaustive]
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
    /// Dibao add-ons for vulnerable members (DB-16), one per member who gets one, for the
    /// household and the individual units; each is included in its unit's monthly amount.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_ons: Vec<AddOn>,
    /// Temporary relief decided without economic-status verification (small fast relief,
    /// TR-10): the required department data (VER-REQ) does not hold it for review.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub without_verification: bool,
}

impl ProgrammeResult {
    /// Holds an eligible result (household or individual unit) for review because of `rule`,
    /// adding `findings` as the reason; a result that is not eligible is left as it is.
    pub(crate) fn hold_for_review(&mut self, rule: RuleId, findings: &[Finding]) {
        let mut held = false;
        if self.outcome == Outcome::Eligible {
            self.outcome = Outcome::NeedsReview;
            self.monthly_amount = None;
            held = true;
        }
        for c in &mut self.individual_coverage {
            if c.outcome == Outcome::Eligible {
                c.outcome = Outcome::NeedsReview;
                c.monthly_amount = None;
                held = true;
            }
        }
        if held {
            self.review.push(ReviewItem { rule, member: None });
            self.findings.extend(findings.iter().cloned());
        }
    }

    /// The findings of one rule.
    pub fn findings_of(&self, rule: RuleId) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.rule == rule)
    }

    /// Whether the household, or any individually covered unit, has this outcome (a dibao
    /// refused to the household may still be granted to a member on the individual route).
    ///
    /// ```
    /// let det = jiuzhu::evaluate(
    ///     &jiuzhu::parse_case(&std::fs::read_to_string("examples/households/urban-gap.json").unwrap()).unwrap(),
    ///     &jiuzhu::RuleBook::embedded(),
    /// )
    /// .unwrap();
    /// let dibao = det.programme(jiuzhu::Programme::MinimumLiving).unwrap();
    /// assert!(dibao.reaches(jiuzhu::Outcome::Eligible));
    /// ```
    pub fn reaches(&self, outcome: Outcome) -> bool {
        self.outcome == outcome
            || self
                .individual_coverage
                .iter()
                .any(|c| c.outcome == outcome)
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
