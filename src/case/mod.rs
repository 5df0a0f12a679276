//! The input side: the case model, its validation and its errors.
//!
//! Layer 1 of `src/` (see the README's "What is where"). May use: the leaves (vocabulary, money, dates, limits) only.

mod builder;
mod code;
mod dates;
mod error;
mod key;
mod model;
mod schema;
pub(crate) mod validate;
mod validate_special;

pub use builder::CaseBuilder;
pub use code::ErrorCode;
pub use error::{CaseError, Problem};
pub use key::MemberKey;
pub use model::*;
