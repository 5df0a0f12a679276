//! Input limits (`jiuzhu::limits`): oversized, over-deep and over-long input is refused with a
//! clear `too_large` error before any work is done; huge numbers give typed errors. Elapsed
//! times are printed (`cargo test --test limits -- --nocapture`), never asserted.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Instant;

use jiuzhu::limits::{MAX_DEPTH, MAX_INPUT_BYTES, MAX_MEMBERS, MAX_RECORDS};
use jiuzhu::{Case, CaseError, RuleBook, evaluate, evaluate_json, parse_case};
use serde_json::{Value, json};

const MEMBER: &str = r#"{"key":"m1","relation":"applicant","birth_date":"1970-01-01"}"#;

fn case_with(household: &str) -> String {
    format!(
        r#"{{"evaluation_date":"2026-11-01","jurisdiction":"621027","purpose":"new_application","area":"urban","household":{household}}}"#
    )
}

fn small_case() -> Value {
    serde_json::from_str(&case_with(&format!(r#"{{"members":[{MEMBER}]}}"#))).unwrap()
}

/// Parses and evaluates, printing the elapsed time.
fn timed(label: &str, input: &str) -> (Result<jiuzhu::Determination, CaseError>, String) {
    let start = Instant::now();
    let result = parse_case(input).and_then(|c| evaluate(&c, &RuleBook::embedded()));
    let answer = evaluate_json(input);
    println!(
        "{label}: {} bytes answered in {:?}",
        input.len(),
        start.elapsed()
    );
    (result, answer)
}

fn assert_too_large(result: &Result<jiuzhu::Determination, CaseError>, what: &str, limit: usize) {
    match result {
        Err(CaseError::TooLarge { what: w, limit: l }) => {
            assert_eq!((*w, *l), (what, limit), "limit refused");
        }
        other => panic!("want too_large ({what}), got {other:?}"),
    }
}

fn error_of(answer: &str) -> Value {
    let v: Value = serde_json::from_str(answer).expect("the answer is JSON");
    v.get("error")
        .cloned()
        .unwrap_or_else(|| panic!("want an error, got {answer}"))
}

fn members_json(n: usize) -> String {
    let mut s = String::with_capacity(n * 70);
    s.push('[');
    s.push_str(MEMBER);
    for i in 1..n {
        s.push_str(&format!(
            r#",{{"key":"m{}","relation":"child","birth_date":"2000-01-01"}}"#,
            i + 1
        ));
    }
    s.push(']');
    s
}

#[test]
fn a_hundred_thousand_members_as_json_are_refused_by_size() {
    let input = case_with(&format!(r#"{{"members":{}}}"#, members_json(100_000)));
    assert!(input.len() > MAX_INPUT_BYTES);
    let (result, answer) = timed("100,000 members (JSON)", &input);
    assert_too_large(&result, "case document bytes", MAX_INPUT_BYTES);
    let e = error_of(&answer);
    assert_eq!(e["code"], "too_large");
    assert_eq!(
        e["message"],
        "input too large: case document bytes (limit 1048576)"
    );
}

#[test]
fn a_hundred_thousand_members_in_a_case_are_refused_by_count() {
    // Past the byte limit in JSON, so built in Rust: validation refuses the count.
    let mut case: Case = serde_json::from_value(small_case()).unwrap();
    let m = case.household.members[0].clone();
    case.household.members = (0..100_000)
        .map(|i| {
            let mut x = m.clone();
            x.key = format!("m{i}").into();
            x
        })
        .collect();
    let start = Instant::now();
    let result = evaluate(&case, &RuleBook::embedded());
    println!("100,000 members (Case): refused in {:?}", start.elapsed());
    assert_too_large(&result, "household.members", MAX_MEMBERS);
    assert_eq!(
        result.unwrap_err().to_string(),
        "input too large: household.members (limit 64)"
    );
}

#[test]
fn sixty_four_members_are_accepted_and_sixty_five_refused() {
    let ok = case_with(&format!(r#"{{"members":{}}}"#, members_json(MAX_MEMBERS)));
    let (result, _) = timed("64 members", &ok);
    let det = result.expect("64 members is within the limit");
    assert_eq!(
        det.accounts.counted_members.len(),
        MAX_MEMBERS,
        "HH-2 (d): adult children living with the household count"
    );
    let over = case_with(&format!(
        r#"{{"members":{}}}"#,
        members_json(MAX_MEMBERS + 1)
    ));
    let (result, answer) = timed("65 members", &over);
    assert_too_large(&result, "household.members", MAX_MEMBERS);
    assert_eq!(error_of(&answer)["code"], "too_large");
}

#[test]
fn record_lists_are_limited_to_two_thousand() {
    let record = r#"{"member":"m1","kind":"deposit","amount":"1"}"#;
    let list = |n: usize| vec![record; n].join(",");
    let at = |n: usize| {
        case_with(&format!(
            r#"{{"members":[{MEMBER}],"assets":{{"financial":[{}]}}}}"#,
            list(n)
        ))
    };
    let (result, _) = timed("2,000 financial records", &at(MAX_RECORDS));
    let det = result.expect("2,000 records is within the limit");
    assert_eq!(
        det.accounts.financial_assets.to_string(),
        "2000",
        "AST-4: 2,000 deposits of 1 yuan"
    );
    let (result, answer) = timed("2,001 financial records", &at(MAX_RECORDS + 1));
    assert_too_large(&result, "household.assets.financial", MAX_RECORDS);
    assert_eq!(error_of(&answer)["code"], "too_large");
}

#[test]
fn a_fifty_megabyte_string_is_refused_by_size() {
    let big = "x".repeat(50 * 1024 * 1024);
    let mut v = small_case();
    v["jurisdiction"] = json!(big);
    let input = v.to_string();
    let (result, answer) = timed("50 MB jurisdiction string", &input);
    assert_too_large(&result, "case document bytes", MAX_INPUT_BYTES);
    let e = error_of(&answer);
    assert_eq!(e["code"], "too_large");
    assert!(e.get("path").is_none());
    assert!(answer.len() < 200, "the answer does not echo the string");

    // The same string inside a Case built in Rust is refused by validation, not echoed.
    let mut case: Case = serde_json::from_value(small_case()).unwrap();
    case.household.members[0].key = big.clone().into();
    let start = Instant::now();
    let err = evaluate(&case, &RuleBook::embedded()).unwrap_err();
    println!("50 MB member key (Case): refused in {:?}", start.elapsed());
    assert_eq!(err.code(), "invalid");
    assert_eq!(err.path(), Some("household.members[0].key"));
    assert!(err.to_string().len() < 200);
}

#[test]
fn an_input_one_byte_over_the_limit_is_refused_even_if_blank() {
    let base = small_case().to_string();
    let padded = format!("{base}{}", " ".repeat(MAX_INPUT_BYTES - base.len()));
    assert_eq!(padded.len(), MAX_INPUT_BYTES);
    let (result, _) = timed("exactly 1 MiB", &padded);
    assert!(result.is_ok(), "exactly MAX_INPUT_BYTES is accepted");
    let over = format!("{padded} ");
    let (result, _) = timed("1 MiB + 1 byte", &over);
    assert_too_large(&result, "case document bytes", MAX_INPUT_BYTES);
}

#[test]
fn deep_nesting_neither_hangs_nor_overflows() {
    for (label, input) in [
        ("100,000 [", "[".repeat(100_000)),
        (
            "100,000 [ and ]",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        ),
        ("100,000 {\"a\":", "{\"a\":".repeat(100_000)),
        (
            "100,000 [ under household",
            case_with(&format!(
                r#"{{"members":[{MEMBER}],"x":{}}}"#,
                "[".repeat(100_000)
            )),
        ),
    ] {
        let (result, answer) = timed(label, &input);
        assert_too_large(&result, "nesting depth", MAX_DEPTH);
        assert_eq!(error_of(&answer)["code"], "too_large", "{label}");
    }
}

#[test]
fn nesting_is_counted_outside_strings_and_up_to_the_limit() {
    // Brackets inside a string do not count: this is a bad key, not deep nesting.
    let mut v = small_case();
    v["household"]["members"][0]["key"] = json!("[".repeat(100_000));
    let (result, _) = timed("100,000 [ inside a string", &v.to_string());
    match result {
        Err(CaseError::Invalid { path, .. }) => assert_eq!(path, "household.members[0].key"),
        other => panic!("want invalid key, got {other:?}"),
    }
    // 32 levels pass the depth check (and fail as malformed); 33 do not.
    let nest = |d: usize| {
        case_with(&format!(
            r#"{{"members":[{MEMBER}],"incomes":{}{}}}"#,
            "[".repeat(d - 2),
            "]".repeat(d - 2)
        ))
    };
    let (at_limit, _) = timed("depth 32", &nest(MAX_DEPTH));
    assert_eq!(at_limit.unwrap_err().code(), "malformed");
    let (over, _) = timed("depth 33", &nest(MAX_DEPTH + 1));
    assert_too_large(&over, "nesting depth", MAX_DEPTH);
}

#[test]
fn huge_numbers_give_typed_errors() {
    let record = |amount: &str| {
        case_with(&format!(
            r#"{{"members":[{MEMBER}],"assets":{{"financial":[{{"member":"m1","kind":"deposit","amount":{amount}}}]}}}}"#
        ))
    };
    let path = "household.assets.financial[0].amount";
    for (amount, code) in [
        (r#""99999999999999999999999999999""#, "malformed"),
        (r#""79228162514264337593543950336""#, "malformed"),
        (r#""79228162514264337593543950335""#, "invalid"),
        // more digits than exact arithmetic holds: refused as written, never rounded (issue 14)
        (r#""1.00000000000000000000000000001""#, "malformed"),
        (r#""0.000000000000000000000000000001""#, "malformed"),
        (r#""1000000000000.000000000001""#, "invalid"),
        ("99999999999999999999999999999", "malformed"),
        ("123456789012345678901234567890", "malformed"),
        ("18446744073709551616", "malformed"),
        ("1e400", "malformed"),
        ("-1e400", "malformed"),
        ("1e5", "malformed"),
        (r#""1e400""#, "malformed"),
        (&format!(r#""{}""#, "9".repeat(10_000)), "malformed"),
        (&"9".repeat(10_000), "malformed"),
    ] {
        let input = record(amount);
        let (result, answer) = timed(&format!("amount {:.32}", amount), &input);
        let err = result.expect_err("a huge amount is refused");
        assert_eq!(err.code(), code, "amount {amount:.40}: {err}");
        assert_eq!(err.path(), Some(path), "amount {amount:.40}: {err}");
        let e = error_of(&answer);
        assert_eq!(e["code"], code);
        assert_eq!(e["path"], path);
        assert!(
            !answer.contains("99999999999") && !answer.contains("1e400"),
            "the answer does not echo the number: {answer}"
        );
    }
    // Huge numbers where small integers belong.
    for (field, value) in [
        ("grade", "1e400"),
        ("grade", "123456789012345678901234567890"),
        ("grade", "256"),
        ("grade", "-1"),
    ] {
        let input = case_with(&format!(
            r#"{{"members":[{{"key":"m1","relation":"applicant","birth_date":"1970-01-01","disability":{{"kind":"visual","{field}":{value}}}}}]}}"#
        ));
        let (result, _) = timed(&format!("{field} {value:.32}"), &input);
        let err = result.expect_err("refused");
        assert_eq!(err.code(), "malformed", "{field} {value:.40}: {err}");
        assert_eq!(
            err.path(),
            Some(format!("household.members[0].disability.{field}").as_str())
        );
    }
}

#[test]
fn the_case_schema_states_the_limits() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules-spec/schema/case.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let defs = &schema["$defs"];
    let household = &defs["Household"]["properties"];
    assert_eq!(household["members"]["maxItems"], json!(MAX_MEMBERS));
    assert_eq!(household["members"]["minItems"], json!(1));
    for list in ["incomes", "expenses", "events"] {
        assert_eq!(household[list]["maxItems"], json!(MAX_RECORDS), "{list}");
    }
    assert_eq!(household["supporters"]["maxItems"], json!(MAX_MEMBERS));
    let supporter = &defs["Supporter"]["properties"];
    assert_eq!(supporter["key"]["maxLength"], json!(64));
    assert_eq!(supporter["key"]["pattern"], json!("^[A-Za-z0-9._:-]+$"));
    let assets = &defs["Assets"]["properties"];
    for list in [
        "financial",
        "vehicles",
        "homes",
        "businesses",
        "large_purchases",
    ] {
        assert_eq!(assets[list]["maxItems"], json!(MAX_RECORDS), "{list}");
    }
    let member = &defs["Member"]["properties"];
    assert_eq!(member["key"]["maxLength"], json!(64));
    assert_eq!(member["key"]["pattern"], json!("^[A-Za-z0-9._:-]+$"));
    assert_eq!(
        schema["properties"]["jurisdiction"]["pattern"],
        json!("^[0-9]{6}$")
    );
}

/// The largest case the limits allow, built to make every rule work hardest: 64 members, all
/// adults with severe disability (each also tested as a single-person unit, HH-6), 1,000
/// records in every list, and 32 department records that each change the household (each
/// weighed alone: 66 evaluations in all). It is evaluated; the time and the answer's size are
/// printed.
#[test]
fn the_heaviest_case_within_the_limits_is_evaluated() {
    let members: Vec<Value> = (0..MAX_MEMBERS)
        .map(|i| {
            json!({ "key": format!("m{i}"),
                    "relation": if i == 0 { "applicant" } else { "sibling" },
                    "birth_date": "1980-01-01",
                    "disability": { "kind": "physical", "grade": 1 } })
        })
        .collect();
    let who = |i: usize| format!("m{}", i % MAX_MEMBERS);
    let per_list = 1_000;
    let list = |f: &dyn Fn(usize) -> Value| (0..per_list).map(f).collect::<Vec<Value>>();
    let case = json!({
        "evaluation_date": "2026-11-01", "jurisdiction": "621027",
        "purpose": "new_application", "area": "rural",
        "household": {
            "members": members,
            "incomes": list(&|i| json!({ "member": who(i), "category": "transfer", "amount": "1",
                                         "from": "2025-06-01", "to": "2026-12-31" })),
            "assets": {
                "financial": list(&|i| json!({ "member": who(i), "kind": "deposit", "amount": "1" })),
                "vehicles": list(&|i| json!({ "member": who(i), "kind": "car", "value": "1" })),
                "homes": list(&|i| json!({ "member": who(i), "location": "rural",
                                           "floor_area": "1", "self_built": true })),
                "businesses": list(&|i| json!({ "member": who(i), "kind": "sole_trader" })),
                "large_purchases": list(&|i| json!({ "member": who(i), "kind": "other",
                                                     "amount": "99999", "date": "2026-10-01" })),
            },
            "expenses": list(&|i| json!({ "member": who(i), "kind": "medical", "amount": "2",
                                          "self_paid": "1", "date": "2026-10-01" })),
        }
    });
    // Department evidence that changes every member's balance: the most changes whose effects
    // are still weighed one by one (two more evaluations each, VER-EFFECT).
    let mut case = case;
    let evidence: Vec<Value> = (0..jiuzhu::verify::MAX_EFFECT_EVALUATIONS)
        .map(|i| {
            json!({ "department": "financial_institution", "member": who(i), "date": "2026-10-01",
                    "fact": { "item": "account_balance", "amount": format!("{}", 1000 + i) } })
        })
        .collect();
    case["evidence"] = json!(evidence);
    case["evidence_checked"] = json!(["financial_institution"]);
    let input = case.to_string();
    assert!(input.len() <= MAX_INPUT_BYTES, "{} bytes", input.len());
    let start = Instant::now();
    let answer = evaluate_json(&input);
    println!(
        "heaviest case: {} bytes in, {} bytes out, in {:?}",
        input.len(),
        answer.len(),
        start.elapsed()
    );
    assert!(answer.starts_with(r#"{"ok":"#), "{answer:.300}");
    let v: Value = serde_json::from_str(&answer).unwrap();
    let units = v["ok"]["programmes"][0]["individual_coverage"]
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(
        units, MAX_MEMBERS,
        "HH-6: every member is tested as a single-person unit"
    );
}
