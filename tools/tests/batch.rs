//! The batch run over a generated caseload: one result per input line, in input order, errors
//! answered in place, and a summary whose totals are the sums of the per-line results.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::io::Cursor;
use std::str::FromStr;

use jiuzhu::{Programme, RuleBook};
use jiuzhu_tools::{batch, generate};
use rust_decimal::Decimal;
use serde_json::Value;

fn run(
    input: &str,
    rules: &RuleBook,
    compare: Option<&RuleBook>,
    compact: bool,
) -> (Vec<Value>, batch::Summary) {
    let mut opts = batch::Options::new(rules);
    // small chunks and three workers, so that chunks finish out of order and must be re-sorted
    opts.threads = 3;
    opts.chunk_lines = 7;
    opts.compact = compact;
    opts.compare = compare;
    let mut out = Vec::new();
    let summary = batch::run(Cursor::new(input.as_bytes()), &mut out, &opts).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines = text
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("every output line is JSON"))
        .collect();
    (lines, summary)
}

/// The embedded rules with the example raise of the 2026 standards laid over them.
fn raise_rules() -> RuleBook {
    RuleBook::embedded()
        .overlay_dir(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/rules-raise-2026"
        ))
        .unwrap()
}

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(v.as_str().expect("amounts are decimal strings")).unwrap()
}

fn programme(name: &str) -> Programme {
    serde_json::from_value(Value::String(name.to_owned())).unwrap()
}

/// Per programme: outcome counts (eligible, not eligible, needs review) and the total monthly
/// payment (household amounts plus individual units), read from the output lines.
fn tally(lines: &[Value], compact: bool) -> BTreeMap<Programme, ([u64; 3], Decimal)> {
    let mut t: BTreeMap<Programme, ([u64; 3], Decimal)> = BTreeMap::new();
    for l in lines {
        let progs = if compact {
            &l["programmes"]
        } else {
            match l.get("ok") {
                Some(ok) => &ok["programmes"],
                None => continue,
            }
        };
        let Some(progs) = progs.as_array() else {
            continue;
        };
        for p in progs {
            let e = t
                .entry(programme(p["programme"].as_str().unwrap()))
                .or_default();
            let i = match p["outcome"].as_str().unwrap() {
                "eligible" => 0,
                "not_eligible" => 1,
                "needs_review" => 2,
                other => panic!("unknown outcome {other}"),
            };
            e.0[i] += 1;
            if let Some(a) = p.get("monthly_amount") {
                e.1 += dec(a);
            }
            let units = if compact {
                "individual_units"
            } else {
                "individual_coverage"
            };
            for u in p.get(units).and_then(Value::as_array).into_iter().flatten() {
                if let Some(a) = u.get("monthly_amount") {
                    e.1 += dec(a);
                }
            }
            if compact {
                // the compact line states the total as well: it must agree
                let own = p.get("monthly_amount").map(dec).unwrap_or_default();
                let units: Decimal = p
                    .get("individual_units")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .map(|u| dec(&u["monthly_amount"]))
                    .sum();
                assert_eq!(dec(&p["total_monthly"]), own + units);
            }
        }
    }
    t
}

#[test]
fn two_thousand_households_one_result_per_line_in_order_and_totals_add_up() {
    let (input, bad) = generate::caseload_string(2000, 2026, true);
    assert_eq!(bad.len(), 2, "one malformed line in each block of 1,000");
    assert_eq!(input.lines().count(), 2000);
    let rules = RuleBook::embedded();
    let (lines, s) = run(&input, &rules, None, false);

    // input lines = results + errors, and the output follows the input order
    assert_eq!(lines.len(), 2000, "one output line per input line");
    assert_eq!(s.lines_read, 2000);
    assert_eq!(s.results + s.errors, 2000);
    assert_eq!(s.errors, 2, "exactly the two malformed lines fail");
    let mut error_lines = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(
            l["line"].as_u64(),
            Some(i as u64 + 1),
            "output line {i} out of order"
        );
        match (l.get("ok"), l.get("error")) {
            (Some(_), None) => {}
            (None, Some(e)) => {
                assert!(e["code"].is_string() && e["message"].is_string());
                error_lines.push(i as u64 + 1);
            }
            _ => panic!("line {} is neither ok nor error", i + 1),
        }
    }
    assert_eq!(error_lines, bad, "the errors are on the malformed lines");
    assert_eq!(
        s.first_errors.iter().map(|e| e.0).collect::<Vec<_>>(),
        bad,
        "the summary names the malformed lines"
    );

    // the summary's counts and totals are the sums of the per-line results
    let t = tally(&lines, false);
    assert!(
        t.contains_key(&Programme::MinimumLiving) && t.contains_key(&Programme::MarginalFamily),
        "dibao and marginal family on every line"
    );
    assert_eq!(
        t.len(),
        s.outcomes.len(),
        "the same programmes in lines and summary"
    );
    for (p, (counts, total)) in &t {
        assert_eq!(s.outcomes[p], *counts, "{p:?} outcome counts");
        assert_eq!(
            counts.iter().sum::<u64>(),
            s.results,
            "{p:?}: one outcome per household"
        );
        assert_eq!(s.totals[p], *total, "{p:?} total monthly payment");
        let by_class: Decimal = s
            .payments
            .iter()
            .filter(|((q, _), _)| q == p)
            .map(|(_, pay)| pay.amount)
            .sum();
        assert_eq!(
            by_class, *total,
            "{p:?}: payments by class add up to the total"
        );
    }
    assert!(
        t[&Programme::MinimumLiving].0[0] > 100 && t[&Programme::MinimumLiving].0[1] > 100,
        "the caseload straddles the dibao thresholds: {:?}",
        t[&Programme::MinimumLiving].0
    );
    assert!(t[&Programme::MinimumLiving].1 > Decimal::ZERO);
    let persons: u64 = lines
        .iter()
        .filter_map(|l| l.get("ok"))
        .map(|ok| {
            (ok["accounts"]["counted_members"].as_array().unwrap().len()
                + ok["accounts"]["excluded_members"].as_array().unwrap().len()) as u64
        })
        .sum();
    assert_eq!(
        s.persons, persons,
        "persons checked = members of evaluated households"
    );

    let md = s.to_markdown("test", Some("test.svg"));
    assert!(md.contains("2000 input lines read, 1998 results, 2 errors"));
    assert!(md.contains("## 6. Discrepancies by department"));
    assert!(md.contains("## 7. Warnings"));

    // discrepancies by department and warnings by colour are the sums of the lines' own
    let mut discrepancies: BTreeMap<String, u64> = BTreeMap::new();
    let mut warnings: BTreeMap<String, u64> = BTreeMap::new();
    for ok in lines.iter().filter_map(|l| l.get("ok")) {
        for d in ok["verification"]["discrepancies"]
            .as_array()
            .into_iter()
            .flatten()
        {
            *discrepancies
                .entry(d["department"].as_str().unwrap().to_owned())
                .or_default() += 1;
        }
        for w in ok["monitoring"]["warnings"]
            .as_array()
            .into_iter()
            .flatten()
        {
            *warnings
                .entry(w["colour"].as_str().unwrap().to_owned())
                .or_default() += 1;
        }
    }
    let summary_discrepancies: BTreeMap<String, u64> = s
        .discrepancies
        .iter()
        .map(|(d, c)| ((*d).to_owned(), c.iter().sum()))
        .collect();
    assert_eq!(
        summary_discrepancies, discrepancies,
        "discrepancies by department"
    );
    assert!(
        !discrepancies.is_empty(),
        "the caseload carries department records that differ"
    );
    let summary_warnings: BTreeMap<String, u64> = s
        .warnings_by_colour
        .iter()
        .map(|(c, (n, _))| ((*c).to_owned(), *n))
        .collect();
    assert_eq!(summary_warnings, warnings, "warnings by colour");
    let svg = s.to_svg();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(
        svg.contains("standard 623") && svg.contains("standard 399"),
        "Gansu 2021 standards drawn"
    );
}

#[test]
fn compact_output_and_comparison_agree_with_the_full_run() {
    let (input, _) = generate::caseload_string(300, 7, false);
    let rules = RuleBook::embedded();
    let raise = raise_rules();
    let (full, s_full) = run(&input, &rules, None, false);
    let (compact, s_compact) = run(&input, &rules, Some(&raise), true);
    assert_eq!(compact.len(), 300);
    assert_eq!(s_compact.errors, 0);
    assert_eq!(
        tally(&full, false),
        tally(&compact, true),
        "compact lines carry the same results"
    );
    assert_eq!(s_full.totals, s_compact.totals);
    for (i, l) in compact.iter().enumerate() {
        assert_eq!(l["line"].as_u64(), Some(i as u64 + 1));
    }

    // the raise (urban 623 → 700, rural 4,788 → 5,400 a year) costs money and loses no one dibao
    let dibao = &s_compact.changes[&Programme::MinimumLiving];
    assert_eq!(dibao.base_total, s_full.totals[&Programme::MinimumLiving]);
    assert!(
        dibao.new_total > dibao.base_total,
        "a higher standard pays more"
    );
    assert_eq!(
        dibao.losing, 0,
        "nobody loses dibao when the standard rises"
    );
    assert!(dibao.gaining > 0);
    // the comparison totals are what a run under the raised rules gives
    let (_, s_raise) = run(&input, &raise, None, true);
    assert_eq!(dibao.new_total, s_raise.totals[&Programme::MinimumLiving]);
}

#[test]
fn every_line_is_answered_even_blank_oversized_or_not_utf8() {
    let (good, _) = generate::caseload_string(3, 1, false);
    let good: Vec<&str> = good.lines().collect();
    let huge = format!(
        "{{\"x\": \"{}\"}}",
        "a".repeat(jiuzhu::limits::MAX_INPUT_BYTES + 10)
    );
    let mut input: Vec<u8> = Vec::new();
    input.extend_from_slice(good[0].as_bytes());
    input.extend_from_slice(b"\r\n\n");
    input.extend_from_slice(huge.as_bytes());
    input.push(b'\n');
    input.extend_from_slice(b"{\"evaluation_date\": \"\xff\"}\n");
    input.extend_from_slice(good[1].as_bytes());
    input.push(b'\n');
    input.extend_from_slice(good[2].as_bytes()); // no newline at the end
    let rules = RuleBook::embedded();
    let opts = batch::Options::new(&rules);
    let mut out = Vec::new();
    let s = batch::run(Cursor::new(input), &mut out, &opts).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6, "six input lines, six answers");
    assert_eq!((s.lines_read, s.results, s.errors), (6, 3, 3));
    let kinds: Vec<&str> = lines
        .iter()
        .map(|l| {
            if l.get("ok").is_some() {
                "ok"
            } else {
                l["error"]["code"].as_str().unwrap()
            }
        })
        .collect();
    assert_eq!(
        kinds,
        ["ok", "malformed", "too_large", "malformed", "ok", "ok"]
    );
    assert!(!text.contains("aaaa"), "input text is not echoed");
}

#[test]
fn the_generator_is_deterministic_for_a_seed() {
    let (a, _) = generate::caseload_string(50, 9, true);
    let (b, _) = generate::caseload_string(50, 9, true);
    let (c, _) = generate::caseload_string(50, 10, true);
    assert_eq!(a, b);
    assert_ne!(a, c);
    for l in a.lines() {
        let case = jiuzhu::parse_case(l).expect("generated cases follow the case model");
        let n = case.household.members.len();
        assert!((1..=7).contains(&n), "household sizes 1–7");
        for (i, m) in case.household.members.iter().enumerate() {
            assert_eq!(m.key, format!("m{}", i + 1), "opaque member keys m1…");
        }
    }
}

/// Without sentences and with the parameters of each division and date written once: every
/// answer is the full answer with its list replaced by a reference (the digest of a
/// `parameter_set` line written before it and the indices of its entries), its findings'
/// sources replaced by a reference to a `source_set` line (a table of every rule's source on
/// the evaluation date) and without the findings' `zh` and `en`; the summary and the county
/// report read from the file are those of the full run.
#[test]
fn shared_parameters_and_no_sentences_keep_every_answer() {
    let (input, _) = generate::caseload_string(400, 11, true);
    let rules = RuleBook::embedded();
    let (full, s_full) = run(&input, &rules, None, false);
    let mut opts = lean_options(&rules);
    opts.county_report = true;
    let mut out = Vec::new();
    let s_lean = batch::run(Cursor::new(input.as_bytes()), &mut out, &opts).unwrap();
    let text = String::from_utf8(out).unwrap();
    let report = |s: &batch::Summary| {
        let text = s.to_markdown("t", None);
        // all but the line with the run's time
        text.lines()
            .filter(|l| !l.starts_with("Batch verification run"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(report(&s_lean), report(&s_full));

    let mut sets: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut sources: BTreeMap<String, Value> = BTreeMap::new();
    let mut answers = Vec::new();
    for l in text.lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        if let Some(digest) = v.get("source_set") {
            let digest = digest.as_str().unwrap().to_owned();
            assert!(digest.starts_with("sha256:"));
            let table = v["sources"].clone();
            assert_eq!(
                table.as_object().unwrap().len(),
                jiuzhu::RuleId::ALL.len(),
                "every rule of the catalogue"
            );
            assert!(
                sources.insert(digest, table).is_none(),
                "a table is written once"
            );
        } else if let Some(digest) = v.get("parameter_set") {
            let digest = digest.as_str().unwrap().to_owned();
            assert!(digest.starts_with("sha256:"));
            let all = v["parameters"].as_array().unwrap().clone();
            assert!(sets.insert(digest, all).is_none(), "a set is written once");
        } else {
            answers.push(v);
        }
    }
    assert_eq!(answers.len(), full.len(), "one answer per input line");
    assert!(
        sets.len() < 400 / 10,
        "{} sets for 400 households",
        sets.len()
    );
    for (mut lean, want) in answers.into_iter().zip(&full) {
        if let Some(ok) = lean.get_mut("ok") {
            for field in ["parameters", "emergency_parameters"] {
                if let Some(slot) = ok.get_mut(field) {
                    let digest = slot["set"]
                        .as_str()
                        .expect("a reference in place of the list");
                    let all = sets.get(digest).expect("the set is written before its use");
                    let used = slot["used"].as_array().unwrap();
                    let list = used
                        .iter()
                        .map(|i| all[i.as_u64().unwrap() as usize].clone());
                    *slot = Value::Array(list.collect());
                }
            }
            // the findings' sources, put back from the table the answer names
            let digest = ok
                .as_object_mut()
                .unwrap()
                .remove("sources")
                .expect("an answer with findings names its table of sources");
            let table = sources
                .get(digest["set"].as_str().unwrap())
                .expect("the table is written before its use");
            put_sources(ok, table);
        }
        let mut want = want.clone();
        strip_sentences(&mut want);
        assert_eq!(lean, want);
    }

    // the county report read from the file is the one read from the full answers
    let read = |text: &str| {
        let mut t = jiuzhu_tools::report::Tally::default();
        t.add_output("run", Cursor::new(text.as_bytes())).unwrap();
        t
    };
    let full_text: String = full.iter().map(|l| format!("{l}\n")).collect();
    assert_eq!(read(&text), read(&full_text));
}

/// The options of `jiuzhu batch` by default (findings without sentences, parameters and
/// sources written once), with three workers and small chunks so that chunks finish out of
/// order.
fn lean_options(rules: &RuleBook) -> batch::Options<'_> {
    let mut opts = batch::Options::new(rules);
    opts.threads = 3;
    opts.chunk_lines = 7;
    opts.explain = jiuzhu::Explain::Findings;
    opts.shared_parameters = true;
    opts
}

/// Writes each finding's `source` back from a table of sources by rule, before `zh`/`en` as
/// the answer orders it (the comparison of JSON objects ignores order anyway).
fn put_sources(v: &mut Value, table: &Value) {
    match v {
        Value::Object(m) => {
            if let (Some(rule), None) = (m.get("rule").and_then(Value::as_str), m.get("source"))
                && m.contains_key("verdict")
            {
                let source = table[rule].clone();
                assert!(source.is_string(), "the table has rule {rule}");
                m.insert("source".to_owned(), source);
            }
            m.values_mut().for_each(|v| put_sources(v, table));
        }
        Value::Array(a) => a.iter_mut().for_each(|v| put_sources(v, table)),
        _ => {}
    }
}

/// Removes `zh` and `en` from every finding of a JSON answer.
fn strip_sentences(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if m.contains_key("rule") && m.contains_key("verdict") {
                m.remove("zh");
                m.remove("en");
            }
            m.values_mut().for_each(strip_sentences);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_sentences),
        _ => {}
    }
}

/// Without refusal reasons a compact run (and an `explain: none` one) decides without findings:
/// the same lines and the same summary, but for the reasons it was told not to keep.
#[test]
fn a_run_without_reasons_writes_the_same_lines_and_summary_figures() {
    let (input, _) = generate::caseload_string(300, 11, true);
    let rules = RuleBook::embedded();
    for (compact, explain) in [
        (true, jiuzhu::Explain::Sentences),
        (false, jiuzhu::Explain::None),
    ] {
        let go = |reasons: bool| {
            let mut opts = batch::Options::new(&rules);
            opts.threads = 2;
            opts.compact = compact;
            opts.explain = explain;
            opts.reasons = reasons;
            let mut out = Vec::new();
            let summary = batch::run(Cursor::new(input.as_bytes()), &mut out, &opts).unwrap();
            (out, summary)
        };
        let (with_out, with) = go(true);
        let (without_out, without) = go(false);
        assert!(
            with_out == without_out,
            "the output lines are the same (compact {compact})"
        );
        assert!(
            with.denial_reasons.values().any(|m| !m.is_empty()),
            "the caseload has refusals"
        );
        assert!(without.denial_reasons.values().all(|m| m.is_empty()));
        assert!(without.termination_reasons.is_empty());
        assert_eq!(with.results, without.results);
        assert_eq!(with.errors, without.errors);
        assert_eq!(with.errors_by_code, without.errors_by_code);
        assert_eq!(with.outcomes, without.outcomes);
        assert_eq!(with.totals, without.totals);
        assert_eq!(with.newly_found, without.newly_found);
        assert_eq!(with.recheck, without.recheck);
        assert_eq!(with.review_reasons, without.review_reasons);
    }
}

/// A gzip run (`Options::gzip`, `jiuzhu batch --out OUT.jsonl.gz`) writes gzip members that
/// decompress, all together, to exactly the bytes of the plain run; `open_output` reads the file
/// back whole, and the county report read from it is the plain file's.
#[test]
fn a_gzip_run_decompresses_to_the_plain_run() {
    use std::io::Read;
    let (input, _) = generate::caseload_string(300, 12, true);
    let rules = RuleBook::embedded();
    let run_with = |gzip: bool| {
        let mut opts = lean_options(&rules);
        opts.gzip = gzip;
        let mut out = Vec::new();
        batch::run(Cursor::new(input.as_bytes()), &mut out, &opts).unwrap();
        out
    };
    let plain = run_with(false);
    let zipped = run_with(true);
    assert_eq!(&zipped[..2], &[0x1f, 0x8b], "gzip magic");
    assert!(
        zipped.len() * 4 < plain.len(),
        "{} bytes compressed against {} plain",
        zipped.len(),
        plain.len()
    );
    let mut back = Vec::new();
    flate2::read::MultiGzDecoder::new(&zipped[..])
        .read_to_end(&mut back)
        .unwrap();
    assert!(back == plain, "every member, in order, is the plain output");

    // through a file, read back by name-blind detection, into the same report
    let dir = std::env::temp_dir().join(format!("jiuzhu-gz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (gz_path, plain_path) = (dir.join("out.jsonl.gz"), dir.join("out.jsonl"));
    std::fs::write(&gz_path, &zipped).unwrap();
    std::fs::write(&plain_path, &plain).unwrap();
    let read = |p: &std::path::Path| {
        let mut t = jiuzhu_tools::report::Tally::default();
        t.add_output("run", batch::open_output(p).unwrap()).unwrap();
        t
    };
    assert_eq!(read(&gz_path), read(&plain_path));
    std::fs::remove_dir_all(&dir).unwrap();

    // an answer whose table of sources is missing is refused, naming the line, not read short
    let text = String::from_utf8(plain).unwrap();
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with(r#"{"source_set""#))
        .map(|l| format!("{l}\n"))
        .collect();
    let mut t = jiuzhu_tools::report::Tally::default();
    let err = t.add_output("run", Cursor::new(without)).unwrap_err();
    assert!(err.contains("source set") && err.contains("line"), "{err}");
}

/// Each worker folds the lines it answers into its own summary and the run merges them: the
/// summary, its report and the county tally must not depend on how the lines were shared out.
#[test]
fn the_summary_is_the_same_whatever_the_threads_and_chunks() {
    let (good, _) = generate::caseload_string(400, 11, false);
    // errors spread through the input, more than the summary keeps the first of
    let mut input = String::new();
    for (i, line) in good.lines().enumerate() {
        input.push_str(line);
        input.push('\n');
        if i % 13 == 5 {
            input.push_str(if i % 2 == 0 { "{\"oops\": 1}\n" } else { "\n" });
        }
    }
    let rules = RuleBook::embedded();
    let raise = raise_rules();
    let summarise = |threads: usize, chunk_lines: usize| {
        let mut opts = batch::Options::new(&rules);
        opts.threads = threads;
        opts.chunk_lines = chunk_lines;
        opts.compact = true;
        opts.county_report = true;
        opts.compare = Some(&raise);
        let mut out = Vec::new();
        let mut s = batch::run(Cursor::new(input.as_bytes()), &mut out, &opts).unwrap();
        (s.seconds, s.threads, s.county.seconds) = (0.0, 1, None);
        (s, out)
    };
    let (one, out_one) = summarise(1, 512);
    assert!(one.errors > 20, "more errors than the first twenty kept");
    assert_eq!((one.results, one.compare_errors), (400, 0));
    for (threads, chunk_lines) in [(2, 1), (3, 7), (4, 64)] {
        let (many, out_many) = summarise(threads, chunk_lines);
        assert_eq!(
            out_many, out_one,
            "{threads} threads, chunks of {chunk_lines}"
        );
        assert_eq!(many, one, "{threads} threads, chunks of {chunk_lines}");
        assert_eq!(
            many.to_markdown("t", Some("t.svg")),
            one.to_markdown("t", Some("t.svg"))
        );
        assert_eq!(many.to_svg(), one.to_svg());
    }
    let lines: Vec<u64> = one.first_errors.iter().map(|e| e.0).collect();
    let mut sorted = lines.clone();
    sorted.sort_unstable();
    assert_eq!((lines.len(), lines), (20, sorted));
}
