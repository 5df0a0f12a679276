//! Explanations: the rule catalogue, findings, and the bilingual sentences written from them.
//!
//! Layer 2. May use: the leaves and the case (member keys). It sits before the rules because verification writes sentences into field tasks; nothing in it reads a determination.

mod catalogue;
mod catalogue_law;
mod consequence;
mod figures;
mod finding;
mod record;
mod request;
mod text;

pub use catalogue::{RULE_CATALOGUE_VERSION, RuleId};
pub use catalogue_law::LAW_IN_FORCE;
pub use figures::Figures;
pub(crate) use finding::{Dec, Draft};
pub use finding::{Figure, FigureValue, Finding, Verdict};
pub(crate) use record::{Conditions, Record};
pub use request::{Explain, UnknownExplain};
pub(crate) use text::{Lang, Sentence};
