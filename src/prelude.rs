//! What a caller needs in one `use`: the case and its builder, evaluation, the determination's
//! parts, the rule book, and the `Decimal`, `NaiveDate` and `dec!` this crate's API is written in,
//! re-exported so that callers never have to match `rust_decimal` or `chrono` versions by hand.
//!
//! ```
//! use jiuzhu::prelude::*;
//!
//! let date = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
//! let case = Case::builder("621027", date, Purpose::NewApplication, Area::Rural)
//!     .member(Member::new("m1", Relation::Applicant, NaiveDate::from_ymd_opt(1948, 2, 1).unwrap()))
//!     .build()?;
//! let det = evaluate(&case, &RuleBook::embedded())?;
//! for p in &det.programmes {
//!     // The enums may grow (new programmes, new outcomes): keep a wildcard arm.
//!     match (p.outcome, p.monthly_amount) {
//!         (Outcome::Eligible, Some(amount)) => println!("{}: {amount}", p.programme.as_str()),
//!         (Outcome::Eligible, None) => println!("{}: eligible", p.programme.as_str()),
//!         _ => println!("{}: {:?}", p.programme.as_str(), p.outcome),
//!     }
//! }
//! # let _ = dec!(1.5);
//! # Ok::<(), CaseError>(())
//! ```
//!
//! Layer 12, the last: may use every module of the crate; nothing uses it.

pub use chrono::NaiveDate;
pub use rust_decimal::Decimal;
pub use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
pub use rust_decimal_macros::dec;

pub use crate::case::{
    Area, Case, CaseBuilder, CaseError, Event, EventKind, Expense, ExpenseKind, FinancialAsset,
    FinancialKind, IncomeCategory, IncomeKind, IncomeRecord, Member, MemberKey, Purpose, Relation,
    Supporter, SupporterRelation,
};
pub use crate::determination::{
    Determination, DibaoClass, Outcome, Programme, ProgrammeResult, ReviewReason,
};
pub use crate::explain::{Finding, RuleId, Verdict};
pub use crate::money::Yuan;
pub use crate::rules::RuleBook;
pub use crate::{evaluate, evaluate_json, parse_case};
