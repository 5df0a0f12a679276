//! Regression tests for the bugs found by the property tests, the privacy tests and the fuzzer,
//! one test per bug with the input that showed it; and a stable fuzz smoke test that runs the
//! fuzz targets' checks over deterministic mutations of the seed households, so that CI
//! exercises them without nightly or cargo-fuzz.
//!
//! `FUZZ_SMOKE_ITERATIONS` raises the number of mutations per smoke test (default 300).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../fuzz/src/mutate.rs"]
#[allow(dead_code)]
mod mutate;

use jiuzhu::{DibaoClass, RuleId, evaluate_json};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Bugs found
// ---------------------------------------------------------------------------------------------

/// Found by `tests/properties.rs` (every generated case with `enrolment.class` was refused): the
/// rural class was written `class1`…`class4` in JSON (serde's snake_case of `Class1`) while
/// `DibaoClass::as_str`, the findings and the example cases spell it `class_1`…`class_4`, so a
/// case carrying `"class": "class_2"` was refused as malformed. Fixed by naming each variant.
#[test]
fn rural_classes_are_spelt_class_n_everywhere() {
    for (class, text) in [
        (DibaoClass::Class1, "class_1"),
        (DibaoClass::Class2, "class_2"),
        (DibaoClass::Class3, "class_3"),
        (DibaoClass::Class4, "class_4"),
    ] {
        assert_eq!(class.as_str(), text);
        assert_eq!(serde_json::to_value(class).unwrap(), json!(text));
        assert_eq!(
            serde_json::from_value::<DibaoClass>(json!(text)).unwrap(),
            class
        );
    }
    let answer = evaluate_json(
        r#"{"evaluation_date":"2026-11-01","jurisdiction":"621027","purpose":"recheck",
            "area":"rural","household":{"members":[
              {"key":"m1","relation":"applicant","birth_date":"1950-01-01"}]},
            "enrolment":{"programme":"minimum_living","class":"class_2",
                         "monthly_amount":"400","since":"2025-01-01"}}"#,
    );
    let v: Value = serde_json::from_str(&answer).unwrap();
    let dibao = &v["ok"]["programmes"][0];
    assert_eq!(dibao["programme"], "minimum_living", "{answer:.300}");
    // A single person of 76, unable to work by age: class 1 (DB-5).
    assert_eq!(dibao["class"], "class_1");
    let class_codes: Vec<&Value> = dibao["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == RuleId::Db5Rate.id())
        .flat_map(|f| f["figures"].as_array().unwrap())
        .filter(|fig| fig["name"] == "class")
        .map(|fig| &fig["code"])
        .collect();
    assert_eq!(class_codes, vec![&json!("class_1")]);
}

/// Found by `tests/privacy.rs`: an unknown field whose name was all digits (an ID number used
/// as an object key) was echoed in the error path and message, because the path filter let any
/// run of lowercase letters, digits and `_` through. Fixed: a segment is named only if it starts
/// with a lowercase letter and has at most three digits.
#[test]
fn an_id_number_as_a_field_name_is_not_echoed() {
    let answer = evaluate_json(r#"{"110101199001011234": 1, "evaluation_date": "2026-11-01"}"#);
    assert!(!answer.contains("110101199001011234"), "{answer}");
    let v: Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(v["error"]["code"], "malformed");
    assert_eq!(v["error"]["path"], "<field>");
}

/// Found by `tests/privacy.rs`: a field name with a dot (`zhang.san`) was split at the dot by
/// the path filter and its first part echoed (`household.zhang.<field>`). Fixed: the path is
/// built from the parser's segments and a key holding `.`, `[` or `]` is hidden whole.
#[test]
fn a_dotted_field_name_is_hidden_whole() {
    let answer = evaluate_json(
        r#"{"evaluation_date":"2026-11-01","jurisdiction":"621027","purpose":"recheck",
            "area":"urban","household":{"members":[],"zhang.san":1}}"#,
    );
    assert!(!answer.contains("zhang"), "{answer}");
    let v: Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(v["error"]["path"], "household.<field>");
}

/// Found by the `rules_overlay` fuzz target's smoke run: a county overlay setting a decimal
/// parameter to a huge negative value (here the urban standard) made evaluation panic with
/// "Subtraction overflowed" in DB-1's distance (`standard − income per head`). First fixed by
/// refusing a negative value when it was used (`bad_parameter`); since issue 14 such a document
/// is refused whole when it is loaded, naming the parameter, its date and the bound.
#[test]
fn a_negative_parameter_is_refused_when_the_document_is_loaded() {
    for (name, value) in [
        (
            "dibao_standard_urban_month",
            r#""-79228162514264337593543950335""#,
        ),
        (
            "housing_max_area_per_person",
            r#""-79228162514264337593543950335""#,
        ),
        ("dibao_standard_urban_month", "-1"),
        ("rural_class2_amount", r#""-5""#),
    ] {
        let e = jiuzhu::embedded_rules()
            .clone()
            .overlay_str(&format!(
                "[division]\ncode = \"621027\"\nname = \"x\"\n\n[[param]]\nname = \"{name}\"\n\
                 from = \"2026-01-01\"\nvalue = {value}\nstatus = \"published\"\nsource = \"x\"\n"
            ))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains(name) && e.contains("2026-01-01") && e.contains("out of bounds"),
            "{name} = {value}: {e}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Stable fuzz smoke test
// ---------------------------------------------------------------------------------------------

fn iterations() -> usize {
    std::env::var("FUZZ_SMOKE_ITERATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300)
}

/// SplitMix64: a fixed-seed stream of bytes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn check(input: &str) -> String {
    let answer = evaluate_json(input);
    if let Some(problem) = mutate::answer_problem(&answer) {
        panic!("{problem}\ninput: {input:.2000}\nanswer: {answer:.2000}");
    }
    assert_eq!(
        answer,
        evaluate_json(input),
        "not deterministic: {input:.2000}"
    );
    answer
}

/// The `mutate_case` fuzz target's check over structure-aware mutations of the seeds.
#[test]
fn fuzz_smoke_structured_mutations() {
    let mut rng = Rng(0x6a69_757a_6875);
    let (mut ok, mut err) = (0usize, 0usize);
    for _ in 0..iterations() {
        let data = rng.bytes(64);
        let case = mutate::mutated_case(&data);
        let answer = check(&case);
        if answer.starts_with(r#"{"ok""#) {
            ok += 1;
        } else {
            err += 1;
            if std::env::var("HIST").is_ok() {
                let v: Value = serde_json::from_str(&answer).unwrap();
                println!(
                    "HIST {} {}",
                    v["error"]["code"],
                    v["error"]["message"]
                        .as_str()
                        .unwrap()
                        .split(" (line")
                        .next()
                        .unwrap()
                );
            }
        }
    }
    println!("structured mutations: {ok} determinations, {err} errors");
    assert!(
        ok > 0 && err > 0,
        "both answers occur: {ok} ok, {err} errors"
    );
}

/// The `evaluate_json` fuzz target's check over byte-level mutations of the seeds: flipped,
/// inserted, deleted and spliced bytes, truncations, read as UTF-8 lossily.
#[test]
fn fuzz_smoke_byte_mutations() {
    let mut rng = Rng(0x6675_7a7a);
    for _ in 0..iterations() {
        let seed = mutate::SEEDS[rng.below(mutate::SEEDS.len())];
        let mut bytes = seed.as_bytes().to_vec();
        for _ in 0..1 + rng.below(6) {
            let len = bytes.len().max(1);
            let at = rng.below(len);
            match rng.below(6) {
                0 if !bytes.is_empty() => {
                    let i = at.min(bytes.len() - 1);
                    bytes[i] = rng.next() as u8;
                }
                1 => {
                    let i = at.min(bytes.len());
                    bytes.insert(i, rng.next() as u8);
                }
                2 if !bytes.is_empty() => {
                    let i = at.min(bytes.len() - 1);
                    bytes.remove(i);
                }
                3 => bytes.truncate(at),
                4 => {
                    let token = mutate::RAW[rng.below(mutate::RAW.len())];
                    let at = at.min(bytes.len());
                    bytes.splice(at..at, token.bytes());
                }
                _ => {
                    let other = mutate::SEEDS[rng.below(mutate::SEEDS.len())].as_bytes();
                    let from = rng.below(other.len());
                    let to = (from + rng.below(200)).min(other.len());
                    let at = at.min(bytes.len());
                    bytes.splice(at..at, other[from..to].iter().copied());
                }
            }
        }
        check(&String::from_utf8_lossy(&bytes));
    }
}

/// The `rules_overlay` fuzz target's check: awkward parameter overlays never make evaluation
/// panic.
#[test]
fn fuzz_smoke_rule_overlays() {
    let mut rng = Rng(0x7275_6c65);
    let mut loaded = 0usize;
    for _ in 0..iterations() {
        let overlay = mutate::overlay(&rng.bytes(48));
        if jiuzhu::embedded_rules()
            .clone()
            .overlay_str(&overlay)
            .is_ok()
        {
            loaded += 1;
        }
        let case = mutate::SEEDS[rng.below(mutate::SEEDS.len())];
        if let Some(problem) = mutate::overlay_problem(&overlay, case) {
            panic!("{problem}\noverlay:\n{overlay}");
        }
    }
    println!("rule overlays: {loaded} loaded");
    assert!(loaded > 0);
}

/// Every seed household evaluates.
#[test]
fn the_seed_households_evaluate() {
    for seed in mutate::SEEDS {
        let answer = check(seed);
        assert!(answer.starts_with(r#"{"ok""#), "{answer:.300}");
    }
}
