//! Writes a synthetic caseload as JSON lines, deterministically for a seed.
//!
//! ```text
//! cargo run --release --example generate -- 100000 --seed 7 --out cases.jsonl
//! cargo run --release --example generate -- 2000 --seed 1 --with-errors > cases.jsonl
//! ```
//!
//! Households are shaped like a Gansu county's register: one to seven members, elderly and
//! disabled members, students, occasional excluding statuses, incomes spread around the 2021
//! standards (urban 623/month, rural 4,788/year) and the 1.5× marginal line, deposits around
//! the limits, cars, homes and businesses. `--with-errors` makes about one line in 1,000
//! malformed, to exercise error handling in the batch run.
//!
//! This example writes the `corpus-2026` profile (the golden corpus's generator) through the tools
//! library's API; the county tool `jiuzhu generate N --seed S` writes the `county` profile, with
//! temporary-relief events (`--profile corpus-2026` for this one).

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use jiuzhu_tools::generate;

fn main() -> ExitCode {
    let mut n: Option<u64> = None;
    let mut seed = 1u64;
    let mut out: Option<String> = None;
    let mut with_errors = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => match args.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => return usage("--seed needs a whole number"),
            },
            "--out" => out = args.next(),
            "--with-errors" => with_errors = true,
            "-h" | "--help" => return usage(""),
            other => match other.parse() {
                Ok(v) if n.is_none() => n = Some(v),
                _ => return usage(&format!("unexpected argument {other}")),
            },
        }
    }
    let Some(n) = n else {
        return usage("give the number of households");
    };
    let result = match &out {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => {
                let mut w = BufWriter::with_capacity(1 << 20, f);
                generate::write_caseload(n, seed, with_errors, &mut w)
                    .and_then(|bad| w.flush().map(|()| bad))
            }
            Err(e) => {
                eprintln!("cannot create {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => {
            let stdout = std::io::stdout();
            let mut w = BufWriter::with_capacity(1 << 20, stdout.lock());
            generate::write_caseload(n, seed, with_errors, &mut w)
                .and_then(|bad| w.flush().map(|()| bad))
        }
    };
    match result {
        Ok(bad) => {
            if with_errors {
                eprintln!("{n} lines written, {} malformed on purpose", bad.len());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("write failed: {e}");
            ExitCode::from(1)
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    if !problem.is_empty() {
        eprintln!("{problem}");
    }
    eprintln!("usage: generate N [--seed S] [--out FILE] [--with-errors]");
    if problem.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
