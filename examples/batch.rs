//! Batch verification run over a caseload of JSON lines, with a county-style summary report.
//!
//! ```text
//! cargo run --release --example batch -- IN.jsonl --out OUT.jsonl --summary REPORT.md
//!     [--compact] [--compare-rules DIR] [--threads N] [--rules DIR]
//! ```
//!
//! Reads one case per line as a stream (bounded memory), evaluates on worker threads and writes
//! one result per line in input order: `{"line": N, "ok": <determination>}` or
//! `{"line": N, "error": {...}}`; with `--compact`, only outcomes, classes and amounts per
//! programme. A malformed line is reported on stderr and answered with its error; the run goes
//! on. The summary (Markdown) is written to REPORT.md with a chart beside it (REPORT.svg).
//! `--compare-rules DIR` evaluates every case a second time under the embedded rules with DIR
//! laid over them and reports what would change (see `examples/rules-raise-2026/`).
//!
//! A small example of the tools library's batch API with its technical summary; the county tool
//! `jiuzhu batch` runs the same pipeline and writes the county's annual report (`--summary`).
//!
//! OUT.jsonl, REPORT.md and REPORT.svg are written through temporary files renamed when complete
//! (old ones at those paths are removed first), so a run that fails or is killed leaves nothing
//! there that looks finished. Exit status: 0 every line answered `ok`; 3 every line answered but
//! some with an error; 1 the run failed; 2 bad arguments or unreadable input or rules.

use std::fs::File;
use std::io::{BufReader, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiuzhu::RuleBook;
use jiuzhu_tools::batch;

fn main() -> ExitCode {
    let mut input: Option<String> = None;
    let mut out: Option<String> = None;
    let mut summary_path: Option<String> = None;
    let mut compact = false;
    let mut compare_dir: Option<String> = None;
    let mut rules_dir: Option<String> = None;
    let mut threads: Option<usize> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = args.next(),
            "--summary" => summary_path = args.next(),
            "--compact" => compact = true,
            "--compare-rules" => compare_dir = args.next(),
            "--rules" => rules_dir = args.next(),
            "--threads" => match args.next().and_then(|t| t.parse().ok()) {
                Some(t) if t > 0 => threads = Some(t),
                _ => return usage("--threads needs a positive number"),
            },
            "-h" | "--help" => return usage(""),
            other if input.is_none() && !other.starts_with("--") => input = Some(a),
            other => return usage(&format!("unexpected argument {other}")),
        }
    }
    let (Some(input), Some(out)) = (input, out) else {
        return usage("give IN.jsonl and --out OUT.jsonl");
    };

    let rules = match &rules_dir {
        Some(dir) => match RuleBook::embedded().overlay_dir(dir) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("cannot load rules from {dir}: {e}");
                return ExitCode::from(2);
            }
        },
        None => RuleBook::embedded(),
    };
    let compare = match &compare_dir {
        Some(dir) => match RuleBook::embedded().overlay_dir(dir) {
            Ok(r) => Some(r),
            Err(e) => {
                eprintln!("cannot load comparison rules from {dir}: {e}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };

    let file = match File::open(&input) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("cannot open {input}: {e}");
            return ExitCode::from(2);
        }
    };
    let size = file.metadata().ok().map(|m| m.len());
    // A report left by an earlier run must not look like this run's.
    if let Some(path) = &summary_path {
        let path = PathBuf::from(path);
        for p in [path.clone(), path.with_extension("svg")] {
            if let Err(e) = batch::remove_stale(&p) {
                eprintln!("cannot remove the old {}: {e}", p.display());
                return ExitCode::from(2);
            }
        }
    }
    let mut opts = batch::Options::new(&rules);
    opts.compare = compare.as_ref();
    opts.compact = compact;
    if let Some(t) = threads {
        opts.threads = t;
    }
    opts.report_errors = true;
    if std::io::stderr().is_terminal() {
        opts.progress = Some(size);
    }
    let reader = BufReader::with_capacity(1 << 20, file);
    let summary = match batch::run_to_file(reader, Path::new(&out), &opts) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("batch failed: {e} (nothing written to {out})");
            return ExitCode::from(1);
        }
    };
    eprintln!(
        "{} lines read, {} results, {} errors in {:.2} s",
        summary.lines_read, summary.results, summary.errors, summary.seconds
    );

    if let Some(path) = summary_path {
        let path = PathBuf::from(path);
        let svg_path = path.with_extension("svg");
        let svg_name = svg_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        let title = format!(
            "Batch verification report: {}",
            Path::new(&input)
                .file_name()
                .map_or_else(|| input.clone(), |n| n.to_string_lossy().into_owned())
        );
        let mut md = summary.to_markdown(&title, svg_name.as_deref());
        if let Some(dir) = &compare_dir {
            md.push_str(&format!(
                "\nComparison rules: the embedded rule book with `{dir}` laid over it.\n"
            ));
        }
        if let Err(e) = batch::write_file_atomically(&path, md.as_bytes()) {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::from(1);
        }
        if let Err(e) = batch::write_file_atomically(&svg_path, summary.to_svg().as_bytes()) {
            eprintln!("cannot write {}: {e}", svg_path.display());
            return ExitCode::from(1);
        }
    }
    if summary.errors > 0 {
        // Every line was answered, but some answers are errors: say so in the exit status.
        eprintln!("{} lines answered with an error", summary.errors);
        return ExitCode::from(3);
    }
    ExitCode::SUCCESS
}

fn usage(problem: &str) -> ExitCode {
    if !problem.is_empty() {
        eprintln!("{problem}");
    }
    eprintln!(
        "usage: batch IN.jsonl --out OUT.jsonl [--summary REPORT.md] [--compact] \
         [--compare-rules DIR] [--rules DIR] [--threads N]"
    );
    if problem.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
