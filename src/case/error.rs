//! `CaseError`: why a case could not be evaluated at all, naming the field path.
//!
//! May use: nothing of the crate but the leaves (money's `Overflow` converts into it).

use chrono::NaiveDate;

/// Why a case cannot be evaluated. Each variant names where the problem is; no message echoes
/// free text from the input (member keys are named by position, not by value).
///
/// Missing or doubtful facts are not errors: they give the outcome `needs_review`.
///
/// ```
/// let answer = jiuzhu::evaluate_json(r#"{"evaluation_date": "2026-11-01"}"#);
/// assert!(answer.starts_with(r#"{"error""#));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CaseError {
    /// A field holds an impossible or contradictory value.
    #[error("{path}: {problem}")]
    Invalid {
        /// Where, e.g. `household.members[2].birth_date`.
        path: String,
        /// What is wrong.
        problem: Problem,
    },
    /// The case is not well-formed JSON of the case schema.
    #[error("{path}: {reason}")]
    Malformed {
        /// Where, as far as it is known (`$` for the whole document).
        path: String,
        /// What is wrong, without echoing input text.
        reason: String,
    },
    /// The rule book does not declare the jurisdiction (neither the embedded book nor an overlay
    /// names a division of this code).
    #[error("jurisdiction: division {code} is not declared in the rule book")]
    UnknownJurisdiction {
        /// The six-digit division code.
        code: String,
    },
    /// A parameter the rules need has no value in force.
    #[error("parameter {param}: no value in force for division {jurisdiction} on {date}")]
    MissingParameter {
        /// The parameter's name.
        param: &'static str,
        /// The division code evaluated.
        jurisdiction: String,
        /// The evaluation date.
        date: NaiveDate,
    },
    /// A parameter holds a value the rules cannot use.
    #[error("parameter {param}: {problem}")]
    BadParameter {
        /// The parameter's name.
        param: &'static str,
        /// What is wrong.
        problem: &'static str,
    },
    /// A computation left the range of exact decimal arithmetic.
    #[error("{what}: amount too large to compute")]
    Overflow {
        /// Which computation.
        what: &'static str,
    },
    /// The input exceeds a documented limit (see [`crate::limits`]).
    #[error("input too large: {what} (limit {limit})")]
    TooLarge {
        /// What was too large.
        what: &'static str,
        /// The limit.
        limit: usize,
    },
}

impl CaseError {
    /// A short machine-readable code for the kind of error, e.g. `invalid`: the text of
    /// [`CaseError::error_code`].
    pub fn code(&self) -> &'static str {
        self.error_code().as_str()
    }

    /// The kind of error as a typed [`ErrorCode`](super::ErrorCode).
    pub fn error_code(&self) -> super::ErrorCode {
        use super::ErrorCode as C;
        match self {
            CaseError::Invalid { .. } => C::Invalid,
            CaseError::Malformed { .. } => C::Malformed,
            CaseError::UnknownJurisdiction { .. } => C::UnknownJurisdiction,
            CaseError::MissingParameter { .. } => C::MissingParameter,
            CaseError::BadParameter { .. } => C::BadParameter,
            CaseError::Overflow { .. } => C::Overflow,
            CaseError::TooLarge { .. } => C::TooLarge,
        }
    }

    /// The field path the error concerns, if it concerns one.
    pub fn path(&self) -> Option<&str> {
        match self {
            CaseError::Invalid { path, .. } | CaseError::Malformed { path, .. } => Some(path),
            CaseError::UnknownJurisdiction { .. } => Some("jurisdiction"),
            _ => None,
        }
    }

    pub(crate) fn invalid(path: impl Into<String>, problem: Problem) -> Self {
        CaseError::Invalid {
            path: path.into(),
            problem,
        }
    }
}

/// What is wrong with a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// A date lies after the evaluation date.
    #[error("after the evaluation date")]
    AfterEvaluationDate,
    /// A date lies implausibly far back (before 1880).
    #[error("before 1880")]
    TooEarly,
    /// An amount or area is negative.
    #[error("must not be negative")]
    Negative,
    /// A period ends before it starts.
    #[error("period ends before it starts")]
    EndBeforeStart,
    /// A record names a member key that no member has.
    #[error("no member has this key")]
    UnknownMember,
    /// Two members share a key.
    #[error("duplicate member key (the same as members[{0}])")]
    DuplicateKey(usize),
    /// The household has no members.
    #[error("the household has no members")]
    EmptyHousehold,
    /// No member is the applicant.
    #[error("no member has relation applicant")]
    NoApplicant,
    /// More than one member is the applicant.
    #[error("a second applicant (the first is members[{0}])")]
    SecondApplicant(usize),
    /// A disability grade outside 1–4.
    #[error("grade out of range (1–4)")]
    GradeOutOfRange,
    /// An amount larger than the library computes with.
    #[error("amount too large (at most 1000000000000)")]
    TooLarge,
    /// A member or supporter key that does not match the key pattern (see
    /// [`MemberKey::is_valid`](crate::MemberKey::is_valid)); the key itself is never shown.
    #[error(
        "key must match ^[a-z][a-z0-9_-]{{0,15}}$ with at most 3 digits in a row (a short code, never a name, ID or phone number)"
    )]
    BadKey,
    /// A jurisdiction that is not a six-digit division code.
    #[error("must be a six-digit administrative division code")]
    BadJurisdiction,
    /// A status that needs a start date has none.
    #[error("required for clergy_living_apart")]
    SinceRequired,
    /// The same item twice in a list that must not repeat.
    #[error("listed twice")]
    Repeated,
    /// The self-paid part of an expense exceeds the expense.
    #[error("self-paid part exceeds the amount")]
    SelfPaidAboveAmount,
    /// A `disregarded` income record without a kind, or with a kind that is not a disregard.
    #[error("category disregarded needs a kind that is a disregarded item")]
    DisregardKindNeeded,
    /// A floor area of zero.
    #[error("must be greater than zero")]
    NotPositive,
    /// A count outside its allowed range.
    #[error("out of range ({0}–{1})")]
    OutOfRange(u32, u32),
    /// A code (a local category) with characters outside `a–z 0–9 _` or of the wrong length.
    #[error("code must be 1–32 characters of a–z 0–9 _")]
    BadCode,
    /// An amount or area written with more than 16 decimal places.
    #[error("at most 16 decimal places")]
    TooManyDecimals,
    /// A division code that no parameter file knows.
    #[error("no parameters are known for this division")]
    UnknownDivision,
}

impl From<crate::money::Overflow> for CaseError {
    fn from(o: crate::money::Overflow) -> Self {
        CaseError::Overflow { what: o.what }
    }
}
