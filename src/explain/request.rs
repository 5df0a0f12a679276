//! What explanation a caller asks for with a determination (说明). The decision stages write
//! findings only when it asks for them (see `record.rs`).
//!
//! May use: nothing but serde.

use serde::{Deserialize, Serialize};

/// How much explanation a determination carries.
///
/// Every decision (outcomes, classes, amounts, coverage, verification counts, field tasks,
/// monitoring actions and warnings, parameters used) is the same whatever the choice; only the
/// findings and their sentences differ. The default, [`Explain::Sentences`], is the answer as
/// it always was.
///
/// ```
/// use jiuzhu::Explain;
/// assert_eq!(Explain::default(), Explain::Sentences);
/// assert_eq!("findings".parse::<Explain>(), Ok(Explain::Findings));
/// assert_eq!(Explain::None.as_str(), "none");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Explain {
    /// Decisions only: no findings (the decision stages write none), no sentences.
    None,
    /// Findings with their figures and sources, without the Chinese and English sentences
    /// (`zh`, `en`) in the JSON answer.
    Findings,
    /// Findings and their sentences: today's answer, byte for byte.
    #[default]
    Sentences,
}

impl Explain {
    /// Every choice, least explanation first.
    pub const ALL: [Explain; 3] = [Explain::None, Explain::Findings, Explain::Sentences];

    /// The choice's word, as JSON and the command line write it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Explain::None => "none",
            Explain::Findings => "findings",
            Explain::Sentences => "sentences",
        }
    }

    /// Whether the determination keeps its findings.
    pub const fn findings(self) -> bool {
        !matches!(self, Explain::None)
    }

    /// Whether the JSON answer writes each finding's sentences.
    pub const fn sentences(self) -> bool {
        matches!(self, Explain::Sentences)
    }
}

impl std::str::FromStr for Explain {
    type Err = UnknownExplain;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Explain::ALL
            .into_iter()
            .find(|e| e.as_str() == s)
            .ok_or(UnknownExplain)
    }
}

/// A word that names no [`Explain`] choice (the choices are `none`, `findings`, `sentences`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownExplain;

impl std::fmt::Display for UnknownExplain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unknown explanation level; expected none, findings or sentences")
    }
}

impl std::error::Error for UnknownExplain {}
