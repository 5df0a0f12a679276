//! The county tools over [`jiuzhu`]: the programs a civil-affairs bureau runs around the rules
//! engine, as a library.
//!
//! This crate is the base of the county command-line tool to come (a later issue adds a `jiuzhu`
//! binary on it). Today the root crate's examples are small programs over it:
//! `cargo run --example check` ([`casefile::check_main`]), `cargo run --release --example batch`
//! ([`batch::run`]) and `cargo run --release --example generate` ([`generate::write_caseload`]).
//!
//! - [`casefile`]: the policy staff's case files (案例文件) — parse one, run it through the
//!   library, compare with what the officer expects and render a readable diff.
//! - [`batch`]: the batch verification pipeline — JSON lines in, one answer per line out in input
//!   order, and a county-style summary report (Markdown and SVG).
//! - [`report`]: the annual report in the county's terms (Chinese and English; Markdown, SVG and
//!   CSV), from a batch run or from batch output files.
//! - [`generate`]: the synthetic household generator — deterministic caseloads shaped like a
//!   Gansu county's register, for the batch run, the benches and the tests.
//!
//! Everything here uses only jiuzhu's public API; nothing reaches into the engine's internals.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod batch;
pub mod casefile;
pub mod generate;
mod merge;
pub mod report;
pub mod verdict;
