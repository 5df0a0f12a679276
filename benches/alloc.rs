//! Heap allocations per evaluation, counted by `dhat`'s allocator: the 4-member household of
//! `benches/evaluate.rs` through `evaluate_with` at each explanation level and through the JSON
//! face, and a generated caseload. Counts, not times: the same on every machine.
//!
//! ```text
//! cargo bench --bench alloc
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use jiuzhu::{Explain, Options, RuleBook};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[path = "support/household.rs"]
mod household;
use household::FOUR_MEMBERS;

/// Allocations (blocks) and bytes of `runs` calls of `f`, per call.
fn per_call(runs: u64, mut f: impl FnMut()) -> (u64, u64) {
    let before = dhat::HeapStats::get();
    for _ in 0..runs {
        f();
    }
    let after = dhat::HeapStats::get();
    (
        (after.total_blocks - before.total_blocks) / runs,
        (after.total_bytes - before.total_bytes) / runs,
    )
}

fn main() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let rules = RuleBook::embedded();
    let case = jiuzhu::parse_case(FOUR_MEMBERS).unwrap();
    let (lines, _) = jiuzhu_tools::generate::caseload_string(200, 2026, false);
    let generated: Vec<jiuzhu::Case> = lines
        .lines()
        .map(|text| jiuzhu::parse_case(text).unwrap())
        .collect();
    // warm the parameter resolution caches once
    jiuzhu::evaluate(&case, &rules).unwrap();

    println!("| what | allocations per evaluation | bytes per evaluation |");
    println!("|---|---:|---:|");
    for explain in Explain::ALL {
        let opts = Options::default().with_explain(explain);
        let (blocks, bytes) = per_call(200, || {
            std::hint::black_box(jiuzhu::evaluate_with(&case, &rules, &opts).unwrap());
        });
        println!(
            "| evaluate_with, 4 members, explain {} | {blocks} | {bytes} |",
            explain.as_str()
        );
        let (blocks, bytes) = per_call(200, || {
            std::hint::black_box(jiuzhu::evaluate_json_with_options(
                FOUR_MEMBERS,
                &rules,
                &opts,
            ));
        });
        println!(
            "| evaluate_json, 4 members, explain {} | {blocks} | {bytes} |",
            explain.as_str()
        );
        let n = generated.len() as u64;
        let (blocks, bytes) = per_call(1, || {
            for c in &generated {
                std::hint::black_box(jiuzhu::evaluate_with(c, &rules, &opts).unwrap());
            }
        });
        println!(
            "| evaluate_with, {n} generated households (mean), explain {} | {} | {} |",
            explain.as_str(),
            blocks / n,
            bytes / n
        );
    }
}
