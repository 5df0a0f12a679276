//! Rules data: the parameter registry, the `RuleBook` of dated values per division, and their
//! resolution for one evaluation.
//!
//! Layer 3. May use: the leaves, the case (`CaseError`) and explanations; no JSON text (the JSON face keeps its own forms in the resolution's memo slot).

mod book;
mod bounds;
mod registry;
pub(crate) mod resolve;
pub use resolve::{ParamUses, ParamUsesIter};
pub use uses::{ParamUse, ParamWarning};
mod uses;

pub(crate) use book::hex as hex_digest;
pub use book::{DatedValue, ParamStatus, ParamValue, RuleBook, RulesError};
pub use registry::{ParamId, ParamKind};
