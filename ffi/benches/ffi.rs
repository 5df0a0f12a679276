#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::undocumented_unsafe_blocks,
    missing_docs
)]

//! One household (`examples/households/urban-gap.json`) through the C ABI against
//! `evaluate_json` in Rust. The C-side calls include what a C caller pays: the library reads
//! the NUL-terminated input, hands back an owned string, and the caller frees it.
//!
//! `cargo bench -p jiuzhu-ffi -- --warm-up-time 1 --measurement-time 3`
//!
//! After criterion's report, a second measurement alternates the two calls and prints their
//! medians and the overhead of the C ABI, which holds up better on a busy machine.

use std::ffi::CString;
use std::hint::black_box;
use std::ptr;

use std::time::Instant;

use criterion::{Criterion, criterion_group};

const URBAN_GAP: &str = include_str!("../../examples/households/urban-gap.json");

fn urban_gap(c: &mut Criterion) {
    let case = CString::new(URBAN_GAP).unwrap();
    // Warm the embedded rule book so that no variant pays for building it.
    let _ = jiuzhu_core::evaluate_json(URBAN_GAP);
    let rules = unsafe { jiuzhu::jz_rules_load(ptr::null(), ptr::null_mut()) };
    assert!(!rules.is_null());

    let mut g = c.benchmark_group("urban-gap");
    g.bench_function("rust evaluate_json", |b| {
        b.iter(|| jiuzhu_core::evaluate_json(black_box(URBAN_GAP)))
    });
    g.bench_function("c abi jz_evaluate", |b| {
        b.iter(|| unsafe {
            let answer = jiuzhu::jz_evaluate(black_box(case.as_ptr()), ptr::null());
            jiuzhu::jz_free(black_box(answer));
        })
    });
    g.bench_function("c abi jz_evaluate_with", |b| {
        b.iter(|| unsafe {
            let answer = jiuzhu::jz_evaluate_with(black_box(rules), black_box(case.as_ptr()));
            jiuzhu::jz_free(black_box(answer));
        })
    });
    g.finish();
    unsafe { jiuzhu::jz_rules_free(rules) };
}

/// Single Rust calls and C ABI calls in turn (the order swapped every pair), each timed alone,
/// so that load from other processes falls on both alike: criterion measures one function after
/// the other, which on a busy machine can differ by more than the boundary costs. A call is
/// short next to a scheduler time slice, so the median call is one that ran undisturbed.
/// Prints the median and tenth percentile of each and the overhead of the median.
fn interleaved() {
    const PAIRS: usize = 4000;
    let case = CString::new(URBAN_GAP).unwrap();
    let rust_call = || {
        let t = Instant::now();
        black_box(jiuzhu_core::evaluate_json(black_box(URBAN_GAP)));
        t.elapsed()
    };
    let ffi_call = || {
        let t = Instant::now();
        unsafe {
            let answer = jiuzhu::jz_evaluate(black_box(case.as_ptr()), ptr::null());
            jiuzhu::jz_free(black_box(answer));
        }
        t.elapsed()
    };
    let mut rust = Vec::with_capacity(PAIRS);
    let mut ffi = Vec::with_capacity(PAIRS);
    for i in 0..PAIRS {
        if i % 2 == 0 {
            rust.push(rust_call());
            ffi.push(ffi_call());
        } else {
            ffi.push(ffi_call());
            rust.push(rust_call());
        }
    }
    rust.sort();
    ffi.sort();
    let (r, f) = (rust[PAIRS / 2], ffi[PAIRS / 2]);
    println!(
        "urban-gap interleaved ({PAIRS} pairs of single calls): rust evaluate_json median {r:?} \
         (p10 {:?}), c abi jz_evaluate median {f:?} (p10 {:?}), overhead {:+.1} %",
        rust[PAIRS / 10],
        ffi[PAIRS / 10],
        (f.as_secs_f64() / r.as_secs_f64() - 1.0) * 100.0
    );
}

criterion_group!(benches, urban_gap);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    // Not in `cargo bench -- --test` (a smoke run) or `--list`.
    if !std::env::args().any(|a| a == "--test" || a == "--list") {
        interleaved();
    }
}
