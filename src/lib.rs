#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod case;
pub mod determination;
pub mod explain;
pub mod limits;
pub mod money;
pub mod monitor;
pub mod prelude;
pub mod rules;
pub mod verify;

mod accounts;
mod audit;
mod json;
mod notice;
mod pipeline;
mod programmes;
pub mod vocab;

pub use audit::case_digest;
pub use case::{Case, CaseError, ErrorCode, MemberKey, Problem};
pub use determination::{
    Accounts, AddOn, Audit, Determination, DibaoClass, IndividualCoverage, Outcome, ParamUse,
    ParamWarning, Programme, ProgrammeResult, ReviewItem, ReviewReason,
};
pub use explain::{
    Explain, Figure, FigureValue, Figures, Finding, LAW_IN_FORCE, RULE_CATALOGUE_VERSION, RuleId,
    UnknownExplain, Verdict,
};
pub use json::{
    answer, answer_with, answer_with_parameter_refs, embedded_rules, evaluate_json,
    evaluate_json_with, evaluate_json_with_options, evaluate_notices_json,
    evaluate_notices_json_with, parse_case,
};
pub use money::{Rounding, RoundingMode, Yuan};
pub use monitor::{Action, Colour, Level, Monitoring, Warning};
pub use notice::{Notice, NoticeKind, NoticeReason, notice, notices};
pub use pipeline::{Options, evaluate, evaluate_with};
pub use rules::{ParamId, ParamStatus, ParamUses, ParamUsesIter, RuleBook, RulesError};
pub use verify::{Discrepancy, Effect, FieldTask, Verification};
