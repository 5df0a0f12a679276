//! Issue 14 (hardening), the tools' side: the batch summary does not panic on amounts at the
//! edge of decimal range, the line limit is judged on the bytes read before `\r` is stripped,
//! a batch that fails leaves nothing at its output path, and a policy officer's bad date is
//! named by its TOML line with the form expected.
//!
//! Held elsewhere, not repeated: every kind of odd line is answered (`tools/tests/batch.rs`,
//! `every_line_is_answered_even_blank_oversized_or_not_utf8`); the binary killed midway and its
//! memory at eight threads (`cli/tests/hardening.rs`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufRead, Cursor, Read};

use jiuzhu::case::{Area, Purpose};
use jiuzhu::{Outcome, Programme, RuleBook};
use jiuzhu_tools::batch::{self, CaseRecord, ProgRecord, Record, RecordKind, Summary};
use jiuzhu_tools::casefile::CaseFile;
use rust_decimal::Decimal;
use serde_json::Value;

/// A household record paying `amount` a month in every programme, compared with a rule book
/// that pays the most negative amount.
fn record(line: u64, amount: Decimal) -> Record {
    let prog = |programme| ProgRecord {
        programme,
        outcome: Outcome::Eligible,
        class: None,
        household_amount: amount,
        units: vec![(None, amount), (None, amount)],
        total: amount,
        failed: Vec::new(),
        review: Vec::new(),
    };
    let programmes = vec![
        prog(Programme::MinimumLiving),
        prog(Programme::MarginalFamily),
        prog(Programme::SpecialHardship),
    ];
    let mut compare = programmes.clone();
    for p in &mut compare {
        p.total = Decimal::MIN;
        p.household_amount = Decimal::MIN;
    }
    Record {
        line,
        kind: RecordKind::Ok(Box::new(CaseRecord {
            members: u32::MAX,
            counted: u32::MAX,
            purpose: Purpose::NewApplication,
            area: Area::Urban,
            enrolled: Some((Programme::MinimumLiving, amount)),
            per_capita: Some(amount),
            standard: amount,
            edge_multiplier: Some(amount),
            programmes,
            unconfirmed_params: u32::MAX,
            stale_params: u32::MAX,
            compare: Some(Ok(compare)),
            departments_checked: Vec::new(),
            missing_departments: Vec::new(),
            discrepancies: Vec::new(),
            field_tasks: u32::MAX,
            warnings: Vec::new(),
            action: None,
            facts: None,
        })),
    }
}

/// Issue item 2: amounts at the edge of decimal range (the largest decimal, as an overlay
/// could once set) folded into the summary, compared and rendered, never panic ("Addition
/// overflowed" in `Summary::add`, exit 101, before issue 14): the totals saturate.
#[test]
fn the_batch_summary_does_not_panic_on_huge_amounts() {
    let mut s = Summary::new(true);
    for line in 1..=4 {
        s.add(&record(line, Decimal::MAX));
    }
    s.add(&record(5, Decimal::MIN));
    let md = s.to_markdown("huge", Some("huge.svg"));
    assert!(md.contains("Total monthly payments"), "{md:.500}");
    assert!(!s.to_svg().is_empty());
    assert_eq!(
        s.totals[&Programme::MinimumLiving],
        Decimal::MAX.saturating_add(Decimal::MIN)
    );
}

/// A case line padded with spaces (still valid JSON) to exactly `len` bytes.
fn padded_case(len: usize) -> String {
    let (good, _) = jiuzhu_tools::generate::caseload_string(1, 1, false);
    let line = good.lines().next().unwrap().trim_end().to_owned();
    assert!(line.ends_with('}'));
    let body = line.strip_suffix('}').unwrap();
    let pad = len - line.len();
    format!("{body}{}}}", " ".repeat(pad))
}

fn run_lines(input: Vec<u8>) -> (Vec<Value>, Summary) {
    let rules = RuleBook::embedded();
    let mut opts = batch::Options::new(&rules);
    opts.threads = 2;
    let mut out = Vec::new();
    let s = batch::run(Cursor::new(input), &mut out, &opts).unwrap();
    let lines = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (lines, s)
}

fn kind(v: &Value) -> &str {
    if v.get("ok").is_some() {
        "ok"
    } else {
        v["error"]["code"].as_str().unwrap()
    }
}

/// Issue item 4: the line limit is judged on the bytes read, before a `\r` is stripped. A
/// valid case of exactly the limit followed by `\r`, more text and `\n` is `too_large` (it was
/// answered `ok`, its tail silently dropped); so is one of exactly the limit ended by `\r\n`
/// (limit + 1 bytes read). One byte shorter with `\r\n` is answered `ok`, and so is the case of
/// exactly the limit ended by `\n` alone.
#[test]
fn the_line_limit_is_judged_before_the_carriage_return_is_stripped() {
    let limit = jiuzhu::limits::MAX_INPUT_BYTES;
    let exact = padded_case(limit);
    assert_eq!(exact.len(), limit);
    assert!(jiuzhu::evaluate_json(&exact).starts_with(r#"{"ok":"#));
    let shorter = padded_case(limit - 1);
    let mut input = Vec::new();
    for (text, ending) in [
        (&exact, &b"\rTAIL-NOT-READ\n"[..]),
        (&exact, b"\r\n"),
        (&shorter, b"\r\n"),
        (&exact, b"\n"),
    ] {
        input.extend_from_slice(text.as_bytes());
        input.extend_from_slice(ending);
    }
    let (lines, s) = run_lines(input);
    let kinds: Vec<&str> = lines.iter().map(kind).collect();
    assert_eq!(kinds, ["too_large", "too_large", "ok", "ok"]);
    assert_eq!((s.lines_read, s.results, s.errors), (4, 2, 2));
}

/// A reader that gives `good` and then fails.
struct FailingReader {
    good: Cursor<Vec<u8>>,
}

impl Read for FailingReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self.good.read(buf)? {
            0 => Err(std::io::Error::other("the disk went away")),
            n => Ok(n),
        }
    }
}

impl BufRead for FailingReader {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.good.position() >= self.good.get_ref().len() as u64 {
            return Err(std::io::Error::other("the disk went away"));
        }
        self.good.fill_buf()
    }
    fn consume(&mut self, n: usize) {
        self.good.consume(n);
    }
}

/// Issue item 5: a batch written with `run_to_file` that fails midway leaves no file at its
/// output path — neither a partial one nor the one an earlier run left there — and no
/// temporary file; one that completes leaves only the finished file, every line answered.
#[test]
fn a_failed_batch_leaves_nothing_at_its_output_path() {
    let dir = std::env::temp_dir().join(format!("jiuzhu-tools-hardening-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("o.jsonl");
    std::fs::write(&path, "an earlier run\n").unwrap();
    let (good, _) = jiuzhu_tools::generate::caseload_string(200, 3, false);
    let rules = RuleBook::embedded();
    let opts = batch::Options::new(&rules);
    let failing = FailingReader {
        good: Cursor::new(good.clone().into_bytes()),
    };
    let e = batch::run_to_file(failing, &path, &opts).unwrap_err();
    assert!(e.to_string().contains("the disk went away"), "{e}");
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert!(
        names.is_empty(),
        "nothing is left, not even the earlier run's output: {names:?}"
    );

    let s = batch::run_to_file(Cursor::new(good.into_bytes()), &path, &opts).unwrap();
    assert_eq!(s.lines_read, 200);
    assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 200);
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "only the output"
    );
    assert!(
        batch::partial_path(&path)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with(".o.jsonl.partial-"),
        "the temporary file is hidden and named as partial"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue item 14: a date a policy officer writes wrongly in a case file (`1975/04/10`,
/// `10-04-1975`, month 13, `2026-1-1`) is named by its TOML line and field, and the error says
/// to write `YYYY-MM-DD`, instead of pointing at a column of an internal JSON text; the value
/// itself is not repeated.
#[test]
fn case_file_date_errors_name_the_toml_line_and_the_form() {
    for bad in [
        "1975/04/10",
        "10-04-1975",
        "1975-13-01",
        "2026-1-1",
        "1899-12-31",
    ] {
        let text = format!(
            "name = \"x\"\npolicy = \"y\"\n\n[case]\nevaluation_date = \"2026-11-01\"\n\
             jurisdiction = \"621027\"\npurpose = \"new_application\"\narea = \"urban\"\n\n\
             [[case.household.members]]\nkey = \"m1\"\nrelation = \"applicant\"\n\
             birth_date = \"{bad}\"\n\n[expect.error]\ncode = \"malformed\"\n"
        );
        let line = text
            .lines()
            .position(|l| l.starts_with("birth_date"))
            .unwrap()
            + 1;
        let e = match CaseFile::parse(&text) {
            Ok(_) => panic!("{bad}: a bad date was accepted"),
            Err(e) => e,
        };
        assert!(
            e.starts_with(&format!(
                "line {line}: case.household.members[0].birth_date: not a date; write it YYYY-MM-DD"
            )),
            "{bad}: {e}"
        );
        assert!(!e.contains(bad), "{bad} repeated: {e}");
        assert!(!e.contains("column"), "{e}");
    }
}
