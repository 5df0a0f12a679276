//! 10,000 generated households through the batch path (read lines, evaluate on worker threads,
//! write results in order, fold the summary), output discarded.
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

#[path = "../examples/generate/households.rs"]
mod households;
#[path = "../examples/batch/pipeline.rs"]
mod pipeline;

use std::io::Cursor;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jiuzhu::RuleBook;

const HOUSEHOLDS: u64 = 10_000;

fn benches(c: &mut Criterion) {
    let (input, _) = households::caseload_string(HOUSEHOLDS, 2026, false);
    let rules = RuleBook::embedded();
    let mut g = c.benchmark_group("batch_10k");
    g.sample_size(10);
    g.throughput(Throughput::Elements(HOUSEHOLDS));
    for (name, compact) in [("compact", true), ("full", false)] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut opts = pipeline::Options::new(&rules);
                opts.compact = compact;
                let s = pipeline::run(Cursor::new(input.as_bytes()), &mut std::io::sink(), &opts)
                    .unwrap();
                assert_eq!(s.lines_read, HOUSEHOLDS);
                s
            })
        });
    }
    g.finish();
}

criterion_group!(batch, benches);
criterion_main!(batch);
