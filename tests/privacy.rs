//! Privacy: no determination and no error repeats a string from the input other than member
//! keys and codes. Every position of a full case that can carry text is given a marker (a name,
//! an ID number, mixed text) — as an unknown field name, an unknown field value, an unknown code,
//! a wrong type, a bad key, a bad date or amount, inside broken JSON — and every answer is
//! searched for it: the JSON answer, the error's `Display` and `Debug`, the determination.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jiuzhu::{RuleBook, evaluate, evaluate_json, parse_case};
use serde_json::{Value, json};

/// Markers that must never come back. Each is something a county database might hold.
const MARKERS: &[&str] = &[
    "张三",
    "110101199001011234",
    "11010119900101123X",
    "Qzxv Private-Marker 7731!",
    "13912345678",
    "qzxv.private:7731",
    "zhang.san[0]",
];

/// A case in which every object of the model is present.
fn full_case() -> Value {
    json!({
        "evaluation_date": "2026-11-01",
        "jurisdiction": "621027",
        "purpose": "recheck",
        "area": "rural",
        "household": {
            "members": [
                { "key": "m1", "relation": "applicant", "birth_date": "1960-05-01",
                  "disability": { "kind": "physical", "grade": 2 },
                  "self_care": { "unable": ["bathing"] },
                  "serious_illness": true, "registered_unemployed": false,
                  "contracted_land": true, "relocated_to_town": false,
                  "support_setting": "home" },
                { "key": "m2", "relation": "child", "birth_date": "2008-03-01",
                  "student": { "level": "senior_secondary", "full_time": true },
                  "statuses": [ { "kind": "clergy_living_apart", "since": "2020-01-01" } ],
                  "lives_with_household": true, "orphan_allowance_chosen": false }
            ],
            "incomes": [
                { "member": "m1", "category": "transfer", "kind": "residents_basic_pension",
                  "amount": "1800", "from": "2025-11-01", "to": "2026-10-31" }
            ],
            "assets": {
                "financial": [ { "member": "m1", "kind": "deposit", "amount": "5000" } ],
                "vehicles": [ { "member": "m1", "kind": "tricycle", "value": "3000",
                                "disability_mobility": true } ],
                "homes": [ { "member": "m1", "location": "rural", "floor_area": "80",
                             "self_built": true } ],
                "businesses": [ { "member": "m2", "kind": "sole_trader", "active": false,
                                  "registered_capital": "1000" } ],
                "large_purchases": [ { "member": "m1", "kind": "other", "amount": "100",
                                       "date": "2026-01-01" } ]
            },
            "expenses": [
                { "member": "m1", "kind": "medical", "amount": "3000", "self_paid": "1000",
                  "date": "2026-04-01" },
                { "member": "m2", "kind": "education", "amount": "2000", "self_paid": "2000",
                  "date": "2026-09-01", "public_school_rate": "800" }
            ],
            "supporters": [
                { "key": "s1", "relation": "child", "birth_date": "1985-01-01",
                  "statuses": ["imprisoned"], "disability": { "kind": "visual", "grade": 1 },
                  "annual_income": "0", "financial_assets": "100" }
            ],
            "events": [
                { "kind": "fire", "date": "2026-10-01", "severity": "heavy",
                  "requested_amount": "3000", "hardship_months": 3, "persons": 2 }
            ]
        },
        "enrolment": { "programme": "minimum_living", "class": "class_2",
                       "monthly_amount": "400", "since": "2024-01-01",
                       "last_review": "2025-12-01" },
        "evidence": [
            { "department": "vehicle_registry", "member": "m1", "date": "2026-10-15",
              "fact": { "item": "vehicle_registered", "kind": "car", "value": "60000" } },
            { "department": "financial_institution", "member": "m1", "date": "2026-10-15",
              "fact": { "item": "account_balance", "amount": "7000" } },
            { "department": "courts_justice", "member": "m2", "date": "2026-10-15",
              "fact": { "item": "imprisonment", "since": "2026-01-01" } },
            { "department": "education", "member": "m2", "date": "2026-10-15",
              "fact": { "item": "school_enrolment", "level": "undergraduate" } }
        ],
        "evidence_checked": ["vehicle_registry", "financial_institution", "courts_justice",
                             "education", "real_estate"]
    })
}

/// Every node of a JSON tree as a pointer.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            out.push(at.clone());
            for (k, c) in m {
                pointers(c, format!("{at}/{k}"), out);
            }
        }
        Value::Array(a) => {
            out.push(at.clone());
            for (i, c) in a.iter().enumerate() {
                pointers(c, format!("{at}/{i}"), out);
            }
        }
        _ => out.push(at),
    }
}

/// Member keys of a case document, where they can be read.
fn member_keys(v: &Value) -> Vec<String> {
    v.pointer("/household/members")
        .and_then(Value::as_array)
        .map(|ms| {
            ms.iter()
                .filter_map(|m| m.get("key").and_then(Value::as_str).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Evaluates `input` every way and checks that `marker` comes back nowhere, unless it is a
/// member key of the case (keys are the caller's opaque references and are repeated by
/// design) or a number the case was evaluated with. Returns the JSON answer.
fn assert_no_echo(input: &str, marker: &str, what: &str) -> String {
    let keys = serde_json::from_str::<Value>(input)
        .map(|v| member_keys(&v))
        .unwrap_or_default();
    let mut allowed = keys.iter().any(|k| k == marker);
    let answer = evaluate_json(input);
    // A marker of digits alone in an amount field is read as an amount, and amounts are
    // reported as figures.
    allowed |= answer.starts_with(r#"{"ok":"#) && marker.bytes().all(|b| b.is_ascii_digit());
    let mut texts = vec![("JSON answer", answer.clone())];
    match parse_case(input) {
        Ok(case) => match evaluate(&case, &RuleBook::embedded()) {
            Ok(det) => {
                let sentences: Vec<String> = det
                    .all_findings()
                    .flat_map(|f| [f.text_zh(), f.text_en()])
                    .collect();
                texts.push(("determination Debug", format!("{det:?}")));
                texts.push(("finding sentences", sentences.join("\n")));
            }
            Err(e) => {
                texts.push(("error Display", e.to_string()));
                texts.push(("error Debug", format!("{e:?}")));
            }
        },
        Err(e) => {
            texts.push(("error Display", e.to_string()));
            texts.push(("error Debug", format!("{e:?}")));
        }
    }
    if !allowed {
        for (label, text) in &texts {
            assert!(
                !text.contains(marker),
                "{what}: the {label} repeats {marker:?}:\n{text:.2000}"
            );
        }
    }
    answer
}

fn set(case: &mut Value, ptr: &str, v: Value) {
    *case.pointer_mut(ptr).unwrap() = v;
}

#[test]
fn the_full_case_is_valid_and_holds_no_marker() {
    let case = full_case();
    let answer = evaluate_json(&case.to_string());
    assert!(answer.starts_with(r#"{"ok":"#), "{answer:.500}");
    let parsed = parse_case(&case.to_string()).unwrap();
    let debug = format!("{parsed:?}");
    for m in MARKERS {
        assert!(!debug.contains(m));
        assert!(!answer.contains(m));
    }
}

#[test]
fn markers_in_every_string_position_never_come_back() {
    let base = full_case();
    let mut all = Vec::new();
    pointers(&base, String::new(), &mut all);
    let strings: Vec<&String> = all
        .iter()
        .filter(|p| base.pointer(p).is_some_and(Value::is_string))
        .collect();
    assert_eq!(strings.len(), 91, "every string leaf of the full case");
    let mut errors = 0;
    for ptr in strings {
        for m in MARKERS {
            for value in [
                json!(m),
                json!(format!("2026-11-01{m}")),
                json!(format!("{m} 1200")),
                json!(m.repeat(40)),
            ] {
                let mut case = base.clone();
                set(&mut case, ptr, value);
                let answer = assert_no_echo(&case.to_string(), m, ptr);
                errors += usize::from(answer.starts_with(r#"{"error""#));
            }
        }
    }
    assert!(errors > 1_000, "most markers are refused: {errors}");
}

#[test]
fn markers_in_every_position_as_wrong_types_never_come_back() {
    let base = full_case();
    let mut all = Vec::new();
    pointers(&base, String::new(), &mut all);
    for ptr in all.iter().filter(|p| !p.is_empty()) {
        for m in MARKERS {
            for value in [
                json!([m]),
                json!({ (*m): m }),
                json!({ "name": m, "id_number": m }),
                json!([{ "key": m }]),
            ] {
                let mut case = base.clone();
                set(&mut case, ptr, value);
                assert_no_echo(&case.to_string(), m, ptr);
            }
        }
    }
}

#[test]
fn markers_as_unknown_fields_never_come_back() {
    let base = full_case();
    let mut all = Vec::new();
    pointers(&base, String::new(), &mut all);
    let objects: Vec<&String> = all
        .iter()
        .filter(|p| base.pointer(p).is_some_and(Value::is_object))
        .collect();
    assert_eq!(objects.len(), 29, "every object of the model");
    for ptr in objects {
        for m in MARKERS {
            for (field, value) in [
                ((*m).to_owned(), json!(1)),
                ((*m).to_owned(), json!(m)),
                ("name".to_owned(), json!(m)),
                ("id_card".to_owned(), json!(m)),
                (format!("x{m}"), json!(null)),
            ] {
                let mut case = base.clone();
                case.pointer_mut(ptr)
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .insert(field, value);
                let answer = assert_no_echo(&case.to_string(), m, ptr);
                assert!(answer.contains(r#""code":"malformed""#), "{answer}");
            }
        }
    }
}

#[test]
fn markers_in_member_keys_only_come_back_as_keys() {
    // A marker that is a well-formed key is the caller's own reference and is repeated; one
    // that is not is refused without being repeated.
    for m in MARKERS {
        let mut case = full_case();
        set(&mut case, "/household/members/0/key", json!(m));
        for ptr in [
            "/household/incomes/0/member",
            "/household/assets/financial/0/member",
            "/household/assets/vehicles/0/member",
            "/household/assets/homes/0/member",
            "/household/assets/large_purchases/0/member",
            "/household/expenses/0/member",
            "/evidence/0/member",
            "/evidence/1/member",
        ] {
            set(&mut case, ptr, json!(m));
        }
        let answer = assert_no_echo(&case.to_string(), m, "member key");
        let well_formed = jiuzhu::MemberKey::is_valid(m);
        if well_formed {
            assert!(answer.starts_with(r#"{"ok":"#), "{answer:.300}");
        } else {
            assert!(
                answer.contains(r#""path":"household.members[0].key""#),
                "{answer}"
            );
        }
    }
    // The key 张三110101199001011234 is refused by position, never by value.
    let mut case = full_case();
    set(
        &mut case,
        "/household/members/1/key",
        json!("张三110101199001011234"),
    );
    let answer = assert_no_echo(&case.to_string(), "110101199001011234", "key");
    assert_eq!(
        answer,
        r#"{"error":{"code":"invalid","path":"household.members[1].key","message":"household.members[1].key: key must match ^[a-z][a-z0-9_-]{0,15}$ with at most 3 digits in a row (a short code, never a name, ID or phone number)"}}"#
    );
}

/// The text up to the end of the first occurrence of `m`: a document broken off mid-value.
fn cut_after(text: &str, m: &str) -> String {
    let end = text.find(m).unwrap() + m.len();
    text.get(..end).unwrap().to_owned()
}

#[test]
fn markers_in_broken_json_never_come_back() {
    let text = full_case().to_string();
    for m in MARKERS {
        let escaped: String = m.chars().map(|c| format!("\\u{:04x}", c as u32)).collect();
        for (what, input) in [
            (
                "unterminated string",
                format!(r#"{{"evaluation_date": "{m}"#),
            ),
            ("bare token", format!(r#"{{"area": {m}}}"#)),
            ("trailing text", format!("{text}{m}")),
            ("trailing string", format!(r#"{text} "{m}""#)),
            ("escaped", format!(r#"{{"jurisdiction": "{escaped}"}}"#)),
            ("escaped key", format!(r#"{{"{escaped}": 1}}"#)),
            ("bad escape", format!(r#"{{"jurisdiction": "{m}\q"}}"#)),
            (
                "control char",
                format!("{{\"jurisdiction\": \"{m}\u{1}\"}}"),
            ),
            (
                "lone surrogate",
                format!(r#"{{"jurisdiction": "{m}\ud800"}}"#),
            ),
            (
                "cut after the marker",
                cut_after(&text.replacen("621027", m, 1), m),
            ),
            ("array", format!(r#"["{m}"]"#)),
            ("string", format!(r#""{m}""#)),
        ] {
            assert_no_echo(&input, m, what);
        }
    }
}

#[test]
fn unknown_field_names_are_named_only_when_the_schema_knows_them() {
    // Only words of the case schema are named (issue 14): a field name the schema does not
    // know may be a name in pinyin, so it is shown by position only; a known field put in the
    // wrong place is named, so that the caller can fix it.
    let mut case = full_case();
    case["household"]["members"][0]["amount"] = json!("x");
    let e = parse_case(&case.to_string()).unwrap_err();
    assert_eq!(e.path(), Some("household.members[0].amount"));
    for hidden in [
        "zhangsan",
        "hukou_type",
        "110101199001011234",
        "id_110101199001011234",
        "张三",
        "Zhang",
    ] {
        let mut case = full_case();
        case["household"]["members"][0][hidden] = json!("x");
        let e = parse_case(&case.to_string()).unwrap_err();
        assert_eq!(e.path(), Some("household.members[0].<field>"), "{hidden}");
    }
}
