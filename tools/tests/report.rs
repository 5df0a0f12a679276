//! The county report: its rows reconcile, it reads the same from a batch run and from the batch's
//! output file, and a county-sized caseload fills every section.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Cursor;

use jiuzhu::{Programme, RuleBook};
use jiuzhu_tools::batch;
use jiuzhu_tools::generate::{Caseload, Profile, caseload_string_in};
use jiuzhu_tools::report::{PROGRAMMES, Row, Tally};
use rust_decimal::Decimal;

/// A batch over `input` with the county report folded in; the output lines and the summary.
fn run(input: &[u8], compact: bool) -> (String, batch::Summary) {
    let rules = RuleBook::embedded();
    let mut opts = batch::Options::new(&rules);
    opts.threads = 2;
    opts.compact = compact;
    opts.county_report = true;
    let mut out = Vec::new();
    let summary = batch::run(Cursor::new(input), &mut out, &opts).unwrap();
    (String::from_utf8(out).unwrap(), summary)
}

/// Every reconciliation the report promises.
fn assert_reconciles(t: &Tally) {
    let purposes: u64 = t.by_purpose.values().map(|c| c.households).sum();
    let persons: u64 = t.by_purpose.values().map(|c| c.persons).sum();
    assert_eq!(
        purposes, t.checked.households,
        "households per purpose sum to households checked"
    );
    assert_eq!(
        persons, t.checked.persons,
        "persons per purpose sum to persons checked"
    );
    for p in PROGRAMMES {
        let rows: Vec<_> = t.rows.iter().filter(|((q, _), _)| *q == p).collect();
        let h: u64 = rows.iter().map(|(_, c)| c.households).sum();
        let n: u64 = rows.iter().map(|(_, c)| c.persons).sum();
        assert_eq!(
            h,
            t.checked.households,
            "{}: every household in exactly one outcome row",
            p.as_str()
        );
        assert_eq!(
            n,
            t.checked.persons,
            "{}: every person in exactly one outcome row",
            p.as_str()
        );
    }
    let tr = |r: Row| {
        t.rows
            .get(&(Programme::TemporaryRelief, r))
            .map_or(0, |c| c.households)
    };
    assert_eq!(tr(Row::Granted), t.relief.granted.households);
    assert_eq!(tr(Row::OneCaseOneDiscussion), t.relief.one_case);
    assert_eq!(tr(Row::Declined), t.relief.refused);
    assert_eq!(tr(Row::ToReview), t.relief.to_review);
    assert!(
        t.relief.granted_events >= t.relief.granted.households,
        "every granted household has a granted event"
    );
}

/// The one-off amounts of the compact lines: granted (eligible) and proposed (to review).
fn one_off_sums(compact: &str) -> (Decimal, Decimal, u64) {
    let (mut granted, mut proposed, mut lines) = (Decimal::ZERO, Decimal::ZERO, 0);
    for line in compact.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let Some(ps) = v["programmes"].as_array() else {
            continue;
        };
        for p in ps {
            if p["programme"] != "temporary_relief" {
                continue;
            }
            if let Some(a) = p["one_off_amount"].as_str() {
                lines += 1;
                let a: Decimal = a.parse().unwrap();
                match p["outcome"].as_str() {
                    Some("eligible") => granted += a,
                    Some("needs_review") => proposed += a,
                    other => panic!("a one-off amount on outcome {other:?}"),
                }
            }
        }
    }
    (granted, proposed, lines)
}

#[test]
fn rows_reconcile_and_relief_equals_the_sum_of_the_lines() {
    let (input, bad) = caseload_string_in(Profile::County, 3_000, 11, true);
    let (compact, summary) = run(input.as_bytes(), true);
    let t = &summary.county;
    assert_eq!(t.checked.households, 3_000 - bad.len() as u64);
    assert_eq!(
        t.errors,
        bad.len() as u64,
        "malformed lines are counted apart"
    );
    assert_eq!(
        t.checked.persons, summary.persons,
        "persons are the members listed in the cases"
    );
    assert_reconciles(t);
    let (granted, proposed, lines) = one_off_sums(&compact);
    assert!(
        lines > 0,
        "3,000 county households bring temporary-relief events"
    );
    assert_eq!(
        t.relief.amount, granted,
        "temporary relief granted = the sum of the compact lines' one-off amounts"
    );
    assert_eq!(
        t.relief.proposed + t.relief.held,
        proposed,
        "proposed (one case, one discussion) and held amounts = the lines under review"
    );
    assert!(!t.relief.amount.is_zero());
}

#[test]
fn the_report_reads_the_same_from_the_output_file() {
    let (input, _) = caseload_string_in(Profile::County, 400, 5, true);
    let (full, summary) = run(input.as_bytes(), false);
    let mut from_file = Tally::default();
    from_file.add_output("o.jsonl", Cursor::new(full)).unwrap();
    let mut in_process = summary.county.clone();
    in_process.batches = from_file.batches.clone();
    assert_eq!(
        from_file, in_process,
        "the answers in the output file give the tally of the run"
    );
    assert_reconciles(&from_file);
    let md = from_file.render(&Default::default(), None).markdown;
    assert!(
        md.contains("| o.jsonl | 39"),
        "the batch is the output file:\n{md}"
    );
}

#[test]
fn a_compact_output_is_refused_with_a_reason() {
    let (input, _) = caseload_string_in(Profile::County, 3, 5, false);
    let (compact, _) = run(input.as_bytes(), true);
    let err = Tally::default()
        .add_output("c.jsonl", Cursor::new(compact))
        .unwrap_err();
    assert!(err.contains("--compact"), "{err}");
}

#[test]
fn hh7_is_never_a_denial_reason() {
    let (input, _) = caseload_string_in(Profile::County, 1_000, 3, false);
    let (_, summary) = run(input.as_bytes(), true);
    let t = &summary.county;
    let dibao_refused = t
        .reasons
        .get(&(Programme::MinimumLiving, Row::Refused))
        .expect("dibao refusals");
    assert!(
        !dibao_refused.contains_key(&jiuzhu::RuleId::Hh7),
        "HH-7 (no partial coverage) follows from the other dibao tests: {dibao_refused:?}"
    );
    assert!(dibao_refused.contains_key(&jiuzhu::RuleId::Db1));
    let md = t.render(&Default::default(), None).markdown;
    assert!(!md.contains("| HH-7 |"), "HH-7 is not listed as a reason");
}

/// A county-sized caseload, generated as it is read and run through the batch library in
/// process (compact output, thrown away): every section of the report has figures.
#[test]
fn a_county_caseload_of_100_000_fills_every_section() {
    let input = Caseload::new(Profile::County, 100_000, 2026, false);
    let rules = RuleBook::embedded();
    let mut opts = batch::Options::new(&rules);
    opts.compact = true;
    opts.county_report = true;
    opts.chunk_lines = 2048;
    let summary = batch::run(input, &mut std::io::sink(), &opts).unwrap();
    let t = &summary.county;
    assert_eq!(t.checked.households, 100_000);
    assert_reconciles(t);
    for (purpose, c) in &t.by_purpose {
        assert!(c.households > 0, "{purpose}");
    }
    assert_eq!(t.by_purpose.len(), 3, "all three purposes");
    assert!(t.relief.events > 1_000, "temporary-relief events");
    assert!(t.relief.granted.households > 0 && !t.relief.amount.is_zero());
    assert!(t.relief.fast > 0 && t.relief.pay_first > 0 && t.relief.one_case > 0);
    let row = |p: Programme, r: Row| t.rows.get(&(p, r)).map_or(0, |c| c.households);
    let dibao = Programme::MinimumLiving;
    for r in [
        Row::Approved,
        Row::Refused,
        Row::Cancelled,
        Row::Reduced,
        Row::NewlyIncluded,
    ] {
        assert!(row(dibao, r) > 0, "dibao row {r:?}");
    }
    let (approved, discovered) = t.newly_covered[&dibao];
    assert!(approved > 0 && discovered > 0);
    assert!(
        t.newly_covered[&Programme::SpecialHardship].0
            + t.newly_covered[&Programme::SpecialHardship].1
            > 0
    );
    assert!(!t.reasons.is_empty());
    assert!(t.records_compared > 0 && !t.discrepancies.is_empty());
    assert!(!t.warnings.is_empty());
    // every table of the report has at least one row with a figure other than 0
    for table in t.tables() {
        let figures = table.rows.iter().flatten().any(|c| {
            c.chars().any(|ch| ch.is_ascii_digit() && ch != '0') && !c.ends_with(".jsonl")
        });
        assert!(
            figures || table.key == "batches",
            "{} is empty",
            table.title
        );
    }
}

/// A case file can expect the one-off amount of temporary relief.
#[test]
fn a_case_file_expects_the_one_off_amount() {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/cases/tr3-fire-light-paid-first.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let base = RuleBook::embedded();
    let with = |amount: &str| {
        let t = text.replace(
            "[expect.temporary_relief]\n",
            &format!("[expect.temporary_relief]\none_off_amount = \"{amount}\"\n"),
        );
        jiuzhu_tools::casefile::run_text(&file, &t, &base)
    };
    let right = with("800");
    assert!(right.passed(), "a light fire pays 800: {:?}", right.diffs);
    let wrong = with("1500");
    assert!(!wrong.passed());
    assert!(
        wrong
            .diffs
            .iter()
            .any(|d| d.contains("one_off_amount: expected 1500, got 800")),
        "{:?}",
        wrong.diffs
    );
}
