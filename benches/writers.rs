//! The answer written by the library writer (serde_json) against the alternatives, on the
//! same 4-member household as `benches/evaluate.rs`: the answer alone, and the whole
//! `evaluate_json` path (read, evaluate, write).
//!
//! ```text
//! cargo bench --bench writers -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! `jiuzhu::answer` writes with serde_json and copies each parameter entry from the text kept
//! for its resolution (a `RawValue` written once); `plain/*` writes the same determination with
//! serde_json and no cache.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jiuzhu::{Case, Determination};
use serde::Serialize;

#[path = "support/household.rs"]
mod household;
use household::FOUR_MEMBERS;

/// `{"ok": determination}`, as the answer writes it.
#[derive(Serialize)]
struct OkAnswer<'a> {
    ok: &'a Determination,
}

/// serde_json over the determination, no parameter cache, as `serde_json::to_string` does it.
fn plain_to_string(d: &Determination) -> String {
    serde_json::to_string(&OkAnswer { ok: d }).unwrap()
}

/// The same into a buffer with room for the whole answer.
fn plain_with_capacity(d: &Determination) -> String {
    let mut buf = Vec::with_capacity(8192 + 512 * d.all_findings().count());
    serde_json::to_writer(&mut buf, &OkAnswer { ok: d }).unwrap();
    String::from_utf8(buf).unwrap()
}

fn evaluated(input: &str) -> Determination {
    let case: Case = jiuzhu::parse_case(input).unwrap();
    jiuzhu::evaluate(&case, jiuzhu::embedded_rules()).unwrap()
}

fn benches(c: &mut Criterion) {
    let det = evaluated(FOUR_MEMBERS);
    // every way writes the same bytes
    let answer = jiuzhu::answer(Ok(&det));
    assert_eq!(answer, plain_to_string(&det));
    assert_eq!(answer, plain_with_capacity(&det));
    assert_eq!(answer, jiuzhu::evaluate_json(FOUR_MEMBERS));

    let mut g = c.benchmark_group("writers");
    g.bench_function("answer/jiuzhu_answer", |b| {
        b.iter(|| jiuzhu::answer(Ok(black_box(&det))))
    });
    g.bench_function("answer/plain_to_string", |b| {
        b.iter(|| plain_to_string(black_box(&det)))
    });
    g.bench_function("answer/plain_with_capacity", |b| {
        b.iter(|| plain_with_capacity(black_box(&det)))
    });
    g.bench_function("whole/evaluate_json", |b| {
        b.iter(|| jiuzhu::evaluate_json(black_box(FOUR_MEMBERS)))
    });
    g.bench_function("whole/plain_to_string", |b| {
        b.iter(|| plain_to_string(&evaluated(black_box(FOUR_MEMBERS))))
    });
    g.bench_function("whole/plain_with_capacity", |b| {
        b.iter(|| plain_with_capacity(&evaluated(black_box(FOUR_MEMBERS))))
    });
    g.finish();
}

criterion_group!(writers, benches);
criterion_main!(writers);
