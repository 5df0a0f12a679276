#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::undocumented_unsafe_blocks
)]

//! The entry points called directly from Rust, as a C caller would call them.

use std::ffi::{CStr, CString, c_char};
use std::ptr;

use serde_json::Value;

use super::*;

const URBAN_GAP: &str = include_str!("../../examples/households/urban-gap.json");

/// Zhenyuan sets its own urban standard of 700 a month from 2026-01-01 (an example figure).
const ZHENYUAN_700: &str = r#"
[division]
code = "621027"
name = "Zhenyuan (test override)"

[[param]]
name = "dibao_standard_urban_month"
from = "2026-01-01"
value = 700
status = "unconfirmed"
source = "test override"
"#;

/// Takes an answer from the library, checks it is UTF-8 JSON and frees it.
fn take(p: *mut c_char) -> String {
    assert!(!p.is_null(), "the library returned NULL");
    let s = unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_owned();
    unsafe { jz_free(p) };
    s
}

fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap()
}

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

fn error_code(answer: &str) -> String {
    json(answer)["error"]["code"].as_str().unwrap().to_owned()
}

fn dibao_amount(answer: &str) -> String {
    let v = json(answer);
    let p = v["ok"]["programmes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["programme"] == "minimum_living")
        .unwrap()
        .clone();
    p["monthly_amount"].as_str().unwrap().to_owned()
}

#[test]
fn sample_household_matches_evaluate_json_byte_for_byte() {
    let case = c(URBAN_GAP);
    let got = take(unsafe { jz_evaluate(case.as_ptr(), ptr::null()) });
    assert_eq!(got, jiuzhu_core::evaluate_json(URBAN_GAP));
    assert!(got.starts_with(r#"{"ok":"#), "urban-gap is a valid case");
}

#[test]
fn rules_document_is_laid_over_the_defaults() {
    let case = c(URBAN_GAP);
    let rules = c(ZHENYUAN_700);
    let got = take(unsafe { jz_evaluate(case.as_ptr(), rules.as_ptr()) });
    let book = RuleBook::embedded().overlay_str(ZHENYUAN_700).unwrap();
    assert_eq!(got, jiuzhu_core::evaluate_json_with(URBAN_GAP, &book));
    let default = take(unsafe { jz_evaluate(case.as_ptr(), ptr::null()) });
    assert_eq!(
        dibao_amount(&default),
        "1249",
        "dibao under Gansu's urban standard 623: (623 × 3) − 620 household income"
    );
    assert_eq!(
        dibao_amount(&got),
        "1480",
        "dibao under a local urban standard of 700: (700 × 3) − 620 household income"
    );
    assert!(
        got.contains(r#"{"name":"standard","yuan":"700"}"#),
        "DB-1 must compare against the overriding standard 700"
    );
}

#[test]
fn loaded_handle_gives_the_same_answer_as_a_rules_string() {
    let case = c(URBAN_GAP);
    let rules = c(ZHENYUAN_700);
    let mut err: *mut c_char = ptr::dangling_mut();
    let h = unsafe { jz_rules_load(rules.as_ptr(), &mut err) };
    assert!(!h.is_null());
    assert!(err.is_null(), "success sets *error_out to NULL");
    let a = take(unsafe { jz_evaluate_with(h, case.as_ptr()) });
    let b = take(unsafe { jz_evaluate(case.as_ptr(), rules.as_ptr()) });
    assert_eq!(a, b);
    unsafe { jz_rules_free(h) };

    let h = unsafe { jz_rules_load(ptr::null(), ptr::null_mut()) };
    assert!(!h.is_null());
    let a = take(unsafe { jz_evaluate_with(h, case.as_ptr()) });
    assert_eq!(a, jiuzhu_core::evaluate_json(URBAN_GAP));
    unsafe { jz_rules_free(h) };
}

#[test]
fn null_arguments_give_error_answers() {
    let case = c(URBAN_GAP);
    let a = take(unsafe { jz_evaluate(ptr::null(), ptr::null()) });
    assert_eq!(error_code(&a), "null_argument");
    assert!(a.contains("case_json is NULL"));
    let a = take(unsafe { jz_evaluate_with(ptr::null(), case.as_ptr()) });
    assert_eq!(error_code(&a), "null_argument");
    assert!(a.contains("rules is NULL"));
    let h = unsafe { jz_rules_load(ptr::null(), ptr::null_mut()) };
    let a = take(unsafe { jz_evaluate_with(h, ptr::null()) });
    assert_eq!(error_code(&a), "null_argument");
    unsafe { jz_rules_free(h) };
    // Both release functions ignore NULL.
    unsafe { jz_free(ptr::null_mut()) };
    unsafe { jz_rules_free(ptr::null_mut()) };
}

#[test]
fn invalid_utf8_gives_an_error_answer_without_the_input() {
    let bad = CString::new(b"{\"evaluation_date\": \"secret\xff\xfe\"}".to_vec()).unwrap();
    let a = take(unsafe { jz_evaluate(bad.as_ptr(), ptr::null()) });
    assert_eq!(
        a,
        r#"{"error":{"code":"invalid_utf8","message":"case_json is not valid UTF-8 (first bad byte at offset 27)"}}"#
    );
    let case = c(URBAN_GAP);
    let a = take(unsafe { jz_evaluate(case.as_ptr(), bad.as_ptr()) });
    assert_eq!(error_code(&a), "invalid_utf8");
    assert!(a.contains("rules is not valid UTF-8"));
    assert!(!a.contains("secret"));
}

#[test]
fn malformed_json_gives_the_core_error_answer() {
    let text = r#"{"evaluation_date": "secret-text"#;
    let a = take(unsafe { jz_evaluate(c(text).as_ptr(), ptr::null()) });
    assert_eq!(a, jiuzhu_core::evaluate_json(text));
    assert_eq!(error_code(&a), "malformed");
    assert!(!a.contains("secret"));
}

#[test]
fn bad_rules_documents_give_error_answers_without_their_text() {
    let case = c(URBAN_GAP);
    let cases = [
        ("[division\nsecret = 1", "$"),
        (
            "[division]\ncode = \"621027\"\nname = \"t\"\n[[param]]\nname = \"secret_param\"\nfrom = \"2026-01-01\"\nvalue = 1\nstatus = \"published\"\nsource = \"x\"\n",
            "param[0].name",
        ),
        (
            "[division]\ncode = \"secret\"\nname = \"t\"\n",
            "division.code",
        ),
        (
            "[division]\ncode = \"621027\"\nname = \"t\"\n[[param]]\nname = \"dibao_standard_urban_month\"\nfrom = \"secret\"\nvalue = 1\nstatus = \"published\"\nsource = \"x\"\n",
            "param[0]",
        ),
    ];
    for (doc, path) in cases {
        let rules = c(doc);
        let a = take(unsafe { jz_evaluate(case.as_ptr(), rules.as_ptr()) });
        let v = json(&a);
        assert_eq!(v["error"]["code"], "bad_rules", "{doc}");
        assert_eq!(v["error"]["path"], path, "{doc}");
        assert!(
            a.starts_with(&format!(
                r#"{{"error":{{"code":"bad_rules","path":"{path}","message":"#
            )),
            "fields in the core's order (code, path, message): {a}"
        );
        assert!(
            !a.contains("secret"),
            "the answer repeats the document: {a}"
        );

        let mut err: *mut c_char = ptr::null_mut();
        let h = unsafe { jz_rules_load(rules.as_ptr(), &mut err) };
        assert!(h.is_null(), "a bad document loads no handle");
        assert_eq!(take(err), a, "jz_rules_load reports the same error");
        // Without error_out the error is dropped, not leaked.
        assert!(unsafe { jz_rules_load(rules.as_ptr(), ptr::null_mut()) }.is_null());
    }
}

#[test]
fn a_value_out_of_bounds_is_named_with_its_parameter_date_and_bound() {
    let case = c(URBAN_GAP);
    let rules = c(
        "[division]\ncode = \"621027\"\nname = \"t\"\n[[param]]\nname = \"min_benefit_per_household\"\nfrom = \"2026-05-01\"\nvalue = \"-5\"\nstatus = \"published\"\nsource = \"x\"\n",
    );
    let a = take(unsafe { jz_evaluate(case.as_ptr(), rules.as_ptr()) });
    let v = json(&a);
    assert_eq!(v["error"]["code"], "bad_rules", "{a}");
    assert_eq!(v["error"]["path"], "param[0]", "{a}");
    let m = v["error"]["message"].as_str().unwrap();
    assert!(
        m.contains("min_benefit_per_household")
            && m.contains("2026-05-01")
            && m.contains("out of bounds"),
        "{m}"
    );
    let parent = c("[division]\ncode = \"621027\"\nname = \"t\"\nparent = \"621027\"\n");
    let a = take(unsafe { jz_evaluate(case.as_ptr(), parent.as_ptr()) });
    assert_eq!(json(&a)["error"]["path"], "division.parent", "{a}");
}

#[test]
fn a_panic_becomes_an_internal_error_answer() {
    let p = guarded(|| panic!("boom with input text"));
    let a = take(p);
    assert_eq!(error_code(&a), "internal");
    assert!(!a.contains("input text"));
}

#[test]
fn interior_nul_bytes_are_dropped_not_truncating() {
    assert_eq!(take(into_c("a\0b".to_owned())), "ab");
}

#[test]
fn version_names_crate_and_rule_catalogue() {
    let v = unsafe { CStr::from_ptr(jz_version()) }.to_str().unwrap();
    assert_eq!(
        v,
        format!(
            "jiuzhu-ffi {} (rule catalogue {})",
            env!("CARGO_PKG_VERSION"),
            RULE_CATALOGUE_VERSION
        )
    );
}

#[test]
fn eight_threads_share_one_handle() {
    let want = jiuzhu_core::evaluate_json(URBAN_GAP);
    let h = unsafe { jz_rules_load(ptr::null(), ptr::null_mut()) };
    // Raw pointers are not Send; pass the address.
    let addr = h as usize;
    std::thread::scope(|s| {
        for _ in 0..8 {
            let want = &want;
            s.spawn(move || {
                let case = c(URBAN_GAP);
                for _ in 0..4 {
                    let a =
                        take(unsafe { jz_evaluate_with(addr as *const JzRules, case.as_ptr()) });
                    assert_eq!(&a, want);
                    let b = take(unsafe { jz_evaluate(case.as_ptr(), ptr::null()) });
                    assert_eq!(&b, want);
                }
            });
        }
    });
    unsafe { jz_rules_free(h) };
}

#[test]
fn notices_come_back_as_json_with_the_whole_text() {
    // a household whose income is above the standard: one refusal of dibao
    let case = c(
        r#"{"evaluation_date": "2026-11-01", "jurisdiction": "621027",
        "purpose": "new_application", "area": "urban", "household": {
        "members": [{"key": "m1", "relation": "applicant", "birth_date": "1980-01-01"}],
        "incomes": [{"member": "m1", "category": "wage", "amount": "24000",
                     "from": "2025-11-01", "to": "2026-10-31"}]}}"#,
    );
    let v = json(&take(unsafe { jz_notices(case.as_ptr(), ptr::null()) }));
    let n = &v["ok"][0];
    assert_eq!(n["kind"], "refusal");
    assert_eq!(n["programme"], "minimum_living");
    let text = n["text"].as_str().unwrap();
    assert!(text.starts_with("社会救助决定告知书（不予批准）"), "{text}");
    assert!(
        text.contains("Notice of a social assistance decision (refusal)"),
        "{text}"
    );
    // an eligible household: nothing to notify
    let v = json(&take(unsafe {
        jz_notices(c(URBAN_GAP).as_ptr(), ptr::null())
    }));
    assert_eq!(v["ok"], serde_json::json!([]));
    // errors as jz_evaluate
    let answer = take(unsafe { jz_notices(ptr::null(), ptr::null()) });
    assert_eq!(error_code(&answer), "null_argument");
}

#[test]
fn options_choose_the_explanation_and_change_no_decision() {
    let case = c(URBAN_GAP);
    let default = take(unsafe { jz_evaluate(case.as_ptr(), ptr::null()) });
    let same = take(unsafe { jz_evaluate_options(ptr::null(), case.as_ptr(), ptr::null()) });
    assert_eq!(
        same, default,
        "NULL options give the default answer byte for byte"
    );
    let opts = c(r#"{"explain": "sentences"}"#);
    let same = take(unsafe { jz_evaluate_options(ptr::null(), case.as_ptr(), opts.as_ptr()) });
    assert_eq!(same, default);
    let opts = c(r#"{"explain": "findings"}"#);
    let findings = take(unsafe { jz_evaluate_options(ptr::null(), case.as_ptr(), opts.as_ptr()) });
    assert!(findings.contains(r#""rule":"DB-1""#) && !findings.contains(r#""zh":"#));
    let opts = c(r#"{"explain": "none"}"#);
    let h = unsafe { jz_rules_load(ptr::null(), ptr::null_mut()) };
    let none = take(unsafe { jz_evaluate_options(h, case.as_ptr(), opts.as_ptr()) });
    unsafe { jz_rules_free(h) };
    assert!(!none.contains(r#""rule":"DB-1""#));
    assert_eq!(dibao_amount(&none), dibao_amount(&default));
    assert!(none.len() < findings.len() && findings.len() < default.len());
    let opts = c(r#"{"explain": "none", "case_digest": false}"#);
    let bare = take(unsafe { jz_evaluate_options(ptr::null(), case.as_ptr(), opts.as_ptr()) });
    assert!(none.contains(r#""case_digest":"#) && !bare.contains(r#""case_digest":"#));
    assert_eq!(dibao_amount(&bare), dibao_amount(&default));
    let bad = c(r#"{"explain": "all"}"#);
    let a = take(unsafe { jz_evaluate_options(ptr::null(), case.as_ptr(), bad.as_ptr()) });
    assert_eq!(error_code(&a), "malformed");
    assert!(!a.contains("all"), "the options are not echoed: {a}");
}
