//! 10,000 generated households through the batch path (read lines, evaluate on worker threads,
//! write results in order, fold the summary), output discarded: compact, full (the library's
//! default answer), and full as `jiuzhu batch` writes it (no sentences, each parameter list
//! once; `full_lean`) and with no findings (`full_none`).
//!
//! ```text
//! cargo bench --bench batch -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! The 1,000,000-household target (≤ 2 s on 2 cores, ≤ 100 MiB peak) is measured on the release
//! example with `/usr/bin/time -v`, since criterion cannot report peak memory.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Cursor;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jiuzhu::{Explain, Options, RuleBook};
use jiuzhu_tools::generate;

const HOUSEHOLDS: u64 = 10_000;

fn benches(c: &mut Criterion) {
    let (input, _) = generate::caseload_string(HOUSEHOLDS, 2026, false);
    let rules = RuleBook::embedded();
    let mut g = c.benchmark_group("batch_10k");
    g.sample_size(10);
    g.throughput(Throughput::Elements(HOUSEHOLDS));
    for (name, compact, explain, shared) in [
        ("compact", true, Explain::Sentences, false),
        ("full", false, Explain::Sentences, false),
        ("full_lean", false, Explain::Findings, true),
        ("full_none", false, Explain::None, true),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut opts = jiuzhu_tools::batch::Options::new(&rules);
                opts.compact = compact;
                opts.explain = explain;
                opts.shared_parameters = shared;
                let s = jiuzhu_tools::batch::run(
                    Cursor::new(input.as_bytes()),
                    &mut std::io::sink(),
                    &opts,
                )
                .unwrap();
                assert_eq!(s.lines_read, HOUSEHOLDS);
                s
            })
        });
    }
    g.finish();

    // Where a household's time goes, on one thread: reading its JSON line into a case, and
    // evaluating the case. Their sum per household, times 1,000,000, over two cores, is the
    // floor under the batch run's wall time (writing and the summary come on top); reading has
    // a floor of its own, serde_json scanning the line without building anything.
    let lines: Vec<&str> = input.lines().collect();
    let cases: Vec<jiuzhu::Case> = lines
        .iter()
        .map(|l| jiuzhu::parse_case(l).unwrap())
        .collect();
    let mut g = c.benchmark_group("batch_10k_parts_one_thread");
    g.sample_size(10);
    g.throughput(Throughput::Elements(HOUSEHOLDS));
    g.bench_function("serde_json_scan_only", |b| {
        b.iter(|| {
            lines
                .iter()
                .filter(|l| serde_json::from_str::<serde::de::IgnoredAny>(l).is_ok())
                .count()
        })
    });
    g.bench_function("parse_case", |b| {
        b.iter(|| {
            lines
                .iter()
                .filter(|l| jiuzhu::parse_case(l).is_ok())
                .count()
        })
    });
    g.bench_function("evaluate", |b| {
        b.iter(|| {
            cases
                .iter()
                .filter(|c| jiuzhu::evaluate(c, &rules).is_ok())
                .count()
        })
    });
    let none = Options::default().with_explain(Explain::None);
    // the second is what a compact batch does: no findings, no case digest
    for (name, opts) in [
        ("evaluate_explain_none", none),
        (
            "evaluate_explain_none_without_case_digest",
            none.with_case_digest(false),
        ),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                cases
                    .iter()
                    .filter(|c| jiuzhu::evaluate_with(c, &rules, &opts).is_ok())
                    .count()
            })
        });
    }
    g.finish();
}

criterion_group!(batch, benches);
criterion_main!(batch);
