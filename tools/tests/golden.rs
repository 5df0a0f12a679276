//! The golden corpus: every answer the library gives on a fixed set of cases, held byte for byte.
//!
//! The corpus (`tests/golden/`) was written once, before the redesign of issue 11, and every
//! later change must leave it as it is: a refactoring that changes one byte of one answer fails
//! here, naming the case. It holds
//! - the full JSON answer of each sample household in `examples/households/` (as files, to diff);
//! - the SHA-256 of the full answer of every case file in `examples/cases/` (under its own
//!   parameter overlay, if it has one);
//! - the SHA-256 of every output line of the batch pipeline, full and compact, over 2,000
//!   generated households (seed 2026, with department evidence and malformed lines), and of the
//!   compact lines compared against the `examples/rules-raise-2026` overlay.
//!
//! To write the corpus anew on purpose (a deliberate change of output, with its reason in the
//! commit message): `JIUZHU_GOLDEN=bless cargo test -p jiuzhu-tools --test golden`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::fmt::Write as _;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use jiuzhu::RuleBook;
use jiuzhu_tools::{batch, casefile, generate};
use sha2::{Digest, Sha256};

const GENERATED: u64 = 2_000;
const SEED: u64 = 2026;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn golden() -> PathBuf {
    root().join("tests/golden")
}

fn sha(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        let _ = write!(s, "{b:02x}");
    }
    s
}

fn sorted_files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    v
}

fn name_of(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// The sample households' full answers, one file each.
fn household_answers() -> Vec<(String, String)> {
    sorted_files(&root().join("examples/households"), "json")
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            (name_of(p), jiuzhu::evaluate_json(&text))
        })
        .collect()
}

/// One line per case file: its name and the digest of its full answer.
fn case_file_digests() -> String {
    let base = RuleBook::embedded();
    let mut out = String::new();
    for p in sorted_files(&root().join("examples/cases"), "toml") {
        let cf = casefile::CaseFile::parse(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let rules = match &cf.rules {
            Some(overlay) => base.clone().overlay_str(overlay).unwrap(),
            None => base.clone(),
        };
        let answer = jiuzhu::evaluate_json_with(&cf.case_json, &rules);
        writeln!(out, "{} {}", name_of(&p), sha(answer.as_bytes())).unwrap();
    }
    out
}

/// The output lines of a batch run and its summary report (markdown).
fn batch_lines(
    input: &str,
    rules: &RuleBook,
    compare: Option<&RuleBook>,
    compact: bool,
) -> (String, String) {
    let mut opts = batch::Options::new(rules);
    opts.threads = 2;
    opts.compact = compact;
    opts.compare = compare;
    let mut out = Vec::new();
    let summary = batch::run(Cursor::new(input.as_bytes()), &mut out, &opts).unwrap();
    (
        String::from_utf8(out).unwrap(),
        without_timing(&summary.to_markdown("golden", None)),
    )
}

/// The report with its wall-clock time masked (`2 worker threads, 0.13 s` → `…, _ s`).
fn without_timing(report: &str) -> String {
    let mut out = String::with_capacity(report.len());
    for line in report.lines() {
        match line.find("worker threads, ") {
            Some(at) => {
                let (head, tail) = line.split_at(at + "worker threads, ".len());
                let rest = tail.find(" s)").map_or("", |end| &tail[end..]);
                out.push_str(head);
                out.push('_');
                out.push_str(rest);
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// One line per generated household: the digests of its full, compact and compared lines; then
/// the three summary reports.
fn generated_digests() -> (String, String) {
    let (input, _) = generate::caseload_string(GENERATED, SEED, true);
    let rules = RuleBook::embedded();
    let raised = RuleBook::embedded()
        .overlay_dir(root().join("examples/rules-raise-2026"))
        .unwrap();
    let (full, full_report) = batch_lines(&input, &rules, None, false);
    let (compact, compact_report) = batch_lines(&input, &rules, None, true);
    let (compared, compared_report) = batch_lines(&input, &rules, Some(&raised), true);
    let reports = format!(
        "# full\n{full_report}\n# compact\n{compact_report}\n# compared\n{compared_report}"
    );
    let (full, compact, compared): (Vec<_>, Vec<_>, Vec<_>) = (
        full.lines().collect(),
        compact.lines().collect(),
        compared.lines().collect(),
    );
    let n = input.lines().count();
    assert_eq!((full.len(), compact.len(), compared.len()), (n, n, n));
    let mut out = String::new();
    for i in 0..n {
        writeln!(
            out,
            "{} {} {} {}",
            i + 1,
            sha(full[i].as_bytes()),
            sha(compact[i].as_bytes()),
            sha(compared[i].as_bytes())
        )
        .unwrap();
    }
    (out, reports)
}

fn bless() -> bool {
    std::env::var("JIUZHU_GOLDEN").is_ok_and(|v| v == "bless")
}

/// Compares `got` with the stored file, or writes it when blessing. Returns the differing lines.
fn check(rel: &str, got: &str) -> Vec<String> {
    let path = golden().join(rel);
    if bless() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
        return Vec::new();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (write it with JIUZHU_GOLDEN=bless)",
            path.display()
        )
    });
    if want == got {
        return Vec::new();
    }
    let mut diffs: Vec<String> = want
        .lines()
        .zip(got.lines())
        .filter(|(w, g)| w != g)
        .map(|(w, g)| format!("{rel}: want {w}\n{rel}:  got {g}"))
        .take(10)
        .collect();
    if want.lines().count() != got.lines().count() || diffs.is_empty() {
        diffs.push(format!(
            "{rel}: {} lines stored, {} now (or a difference within one answer)",
            want.lines().count(),
            got.lines().count()
        ));
    }
    diffs
}

fn assert_none(diffs: Vec<String>) {
    assert!(
        diffs.is_empty(),
        "the answers differ from the golden corpus:\n{}",
        diffs.join("\n")
    );
}

#[test]
fn sample_household_answers_are_unchanged() {
    let answers = household_answers();
    assert_eq!(answers.len(), 17, "the sample households are the corpus");
    let mut diffs = Vec::new();
    for (name, answer) in answers {
        diffs.extend(check(&format!("households/{name}"), &answer));
    }
    assert_none(diffs);
}

#[test]
fn case_file_answers_are_unchanged() {
    let digests = case_file_digests();
    assert!(digests.lines().count() >= 77);
    assert_none(check("case-files.sha256", &digests));
}

#[test]
fn generated_batch_lines_are_unchanged() {
    let (lines, reports) = generated_digests();
    let mut diffs = check("generated-2000-seed-2026.sha256", &lines);
    diffs.extend(check("generated-2000-seed-2026-reports.md", &reports));
    assert_none(diffs);
}

#[test]
fn a_changed_answer_is_caught() {
    // the check itself must be able to fail: one byte changed in a stored answer
    if bless() {
        return;
    }
    let (name, answer) = household_answers().swap_remove(0);
    let changed = answer.replacen("\"ok\"", "\"ok \"", 1);
    assert!(!check(&format!("households/{name}"), &changed).is_empty());
}
