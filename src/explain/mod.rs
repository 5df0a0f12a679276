//! Explanations: the rule catalogue, findings, and the bilingual sentences written from them.

mod catalogue;
mod figures;
mod finding;
mod text;

pub use catalogue::{RULE_CATALOGUE_VERSION, RuleId};
pub use figures::Figures;
pub(crate) use finding::Dec;
pub use finding::{Figure, FigureValue, Finding, Verdict};
pub(crate) use text::{Lang, Sentence};
