//! The input side: the case model, its validation and its errors.

mod error;
mod key;
mod model;
pub(crate) mod validate;
mod validate_special;

pub use error::{CaseError, Problem};
pub use key::MemberKey;
pub use model::*;
