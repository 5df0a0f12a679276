//! One 4-member household through the Rust API (case already parsed) and through the JSON face
//! (string in, string out), each with the three explanation levels (`explain/…`: none, findings,
//! sentences; `sentences` is the default path; and none without the case digest, as a compact
//! batch evaluates). Target: ≤ 5 µs via `evaluate`, ≤ 20 µs via
//! `evaluate_json`.
//!
//! ```text
//! cargo bench --bench evaluate -- --warm-up-time 1 --measurement-time 3
//! ```
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jiuzhu::{Explain, Options, Outcome, Programme, RuleBook};

#[path = "support/household.rs"]
mod household;
use household::FOUR_MEMBERS;

fn benches(c: &mut Criterion) {
    let rules = RuleBook::embedded();
    let case = jiuzhu::parse_case(FOUR_MEMBERS).unwrap();
    let det = jiuzhu::evaluate(&case, &rules).unwrap();
    // the benchmark is of a real decision, not an error path
    assert_eq!(
        det.programme(Programme::MinimumLiving).unwrap().outcome,
        Outcome::Eligible
    );
    assert!(jiuzhu::evaluate_json(FOUR_MEMBERS).starts_with(r#"{"ok""#));

    let mut g = c.benchmark_group("four_member_household");
    g.bench_function("rust_api_evaluate", |b| {
        b.iter(|| jiuzhu::evaluate(black_box(&case), black_box(&rules)).unwrap())
    });
    g.bench_function("json_evaluate_json", |b| {
        b.iter(|| jiuzhu::evaluate_json(black_box(FOUR_MEMBERS)))
    });
    // explanation on request: the same household, the same decisions, less explanation
    for explain in Explain::ALL {
        let opts = Options::default().with_explain(explain);
        g.bench_function(format!("explain/evaluate_{}", explain.as_str()), |b| {
            b.iter(|| jiuzhu::evaluate_with(black_box(&case), black_box(&rules), &opts).unwrap())
        });
        g.bench_function(format!("explain/evaluate_json_{}", explain.as_str()), |b| {
            b.iter(|| {
                jiuzhu::evaluate_json_with_options(
                    black_box(FOUR_MEMBERS),
                    black_box(&rules),
                    &opts,
                )
            })
        });
    }
    // what a compact batch asks for: no findings and no case digest (it writes no audit stamp)
    let bare = Options::default()
        .with_explain(Explain::None)
        .with_case_digest(false);
    g.bench_function("explain/evaluate_none_without_case_digest", |b| {
        b.iter(|| jiuzhu::evaluate_with(black_box(&case), black_box(&rules), &bare).unwrap())
    });
    // the parts of the JSON path, to show where its time goes
    g.bench_function("parts/parse_case", |b| {
        b.iter(|| jiuzhu::parse_case(black_box(FOUR_MEMBERS)).unwrap())
    });
    // plain serde_json into the same model: parse_case adds only its size check on this path
    g.bench_function("parts/serde_json_from_str_untracked", |b| {
        b.iter(|| serde_json::from_str::<jiuzhu::Case>(black_box(FOUR_MEMBERS)).unwrap())
    });
    // the audit stamp: SHA-256 over the case's canonical encoding (about 1.5 KB here)
    g.bench_function("parts/case_digest", |b| {
        b.iter(|| jiuzhu::case_digest(black_box(&case)))
    });
    g.bench_function("parts/answer_serialise", |b| {
        b.iter(|| jiuzhu::answer(Ok(black_box(&det))))
    });
    g.finish();
}

criterion_group!(evaluate, benches);
criterion_main!(evaluate);
