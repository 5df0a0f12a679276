//! Input limits: the largest case the library accepts. Larger input is refused with
//! [`CaseError::TooLarge`](crate::CaseError::TooLarge) before any work is done.
//!
//! A leaf: uses nothing of the crate.

/// The largest case document [`evaluate_json`](crate::evaluate_json) reads, in bytes (1 MiB).
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// The most members a household may have.
pub const MAX_MEMBERS: usize = 64;

/// The most records in any one list of a case (incomes, each asset list, expenses, statuses).
pub const MAX_RECORDS: usize = 2_000;

/// The deepest nesting of JSON arrays and objects accepted (the case schema needs 5).
pub const MAX_DEPTH: usize = 32;
