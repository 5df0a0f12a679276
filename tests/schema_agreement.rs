//! The case schema and the library agree (issue 17, item 4).
//!
//! A property test starts from a case that uses every part of the model and changes it where
//! `rules-spec/schema/case.schema.json` states a constraint — date forms and ranges, amount
//! patterns and ranges, enums, key and code patterns, lengths, integer ranges, unique items,
//! required and unknown fields, JSON types — and checks that the schema (validated with the
//! `jsonschema` crate, formats asserted) accepts a case exactly when the library does
//! (`jiuzhu::parse_case`, then `evaluate`'s validation).
//!
//! "The library accepts" means the case is not refused as a case (`malformed`, `invalid`,
//! `too_large`); a refusal that depends on the rule book rather than on the case
//! (`unknown_jurisdiction`, `missing_parameter`) is named in the `jurisdiction` field's
//! description and counts as accepted here. What the library refuses beyond the schema (cross-
//! field rules, unknown member keys, unknown divisions, `5.0` for a whole number) is pinned by
//! the last tests: each is refused by the library, passes the schema, and the schema's
//! description says so.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::sync::OnceLock;

use jiuzhu::{RuleBook, evaluate, parse_case};
use proptest::prelude::*;
use serde_json::{Value, json};

fn schema() -> &'static Value {
    static S: OnceLock<Value> = OnceLock::new();
    S.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules-spec/schema/case.schema.json"
        );
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    })
}

fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        jsonschema::options()
            .should_validate_formats(true)
            .build(schema())
            .unwrap()
    })
}

fn book() -> &'static RuleBook {
    static B: OnceLock<RuleBook> = OnceLock::new();
    B.get_or_init(RuleBook::embedded)
}

/// The schema's verdict: `Ok` or the first error.
fn schema_verdict(case: &Value) -> Result<(), String> {
    match validator().iter_errors(case).next() {
        None => Ok(()),
        Some(e) => Err(format!("{} at {}", e, e.instance_path())),
    }
}

/// The library's verdict: `Ok` unless the case is refused as a case.
fn library_verdict(case: &Value) -> Result<(), String> {
    let refused = |e: jiuzhu::CaseError| match e.code() {
        "unknown_jurisdiction" | "missing_parameter" => Ok(()),
        _ => Err(format!("{}: {e}", e.code())),
    };
    match parse_case(&case.to_string()) {
        Err(e) => refused(e),
        Ok(c) => evaluate(&c, book()).map(|_| ()).or_else(refused),
    }
}

/// Asserts that the schema and the library give the same verdict on `case`.
fn agree(case: &Value) -> Result<(), TestCaseError> {
    let s = schema_verdict(case);
    let l = library_verdict(case);
    prop_assert_eq!(
        s.is_ok(),
        l.is_ok(),
        "schema: {:?}\nlibrary: {:?}\ncase: {}",
        s,
        l,
        case
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The case every change starts from
// ---------------------------------------------------------------------------------------------

/// A case that uses every part of the model, valid for both; no record names member `c1` or
/// supporter `s1`, whose keys the changes try. With `dates_open`, the evaluation
/// date is the last day the schema allows and every other date the first (income periods end
/// on the last), so that any date the schema accepts keeps every cross-field date rule.
fn base(dates_open: bool) -> Value {
    let (eval, d, to) = if dates_open {
        ("2200-12-31", ["1900-01-01"; 8], "2200-12-31")
    } else {
        (
            "2026-11-01",
            [
                "1950-03-01",
                "1952-06-15",
                "2012-09-01",
                "2025-11-01",
                "2026-03-15",
                "2024-01-01",
                "2026-06-01",
                "2026-10-01",
            ],
            "2026-10-31",
        )
    };
    json!({
        "evaluation_date": eval,
        "jurisdiction": "621027",
        "purpose": "recheck",
        "area": "rural",
        "household": {
            "members": [
                { "key": "m1", "relation": "applicant", "birth_date": d[0],
                  "statuses": [ { "kind": "declared_missing", "since": d[5] } ] },
                { "key": "m2", "relation": "spouse", "birth_date": d[1],
                  "disability": { "kind": "physical", "grade": 2 },
                  "self_care": { "unable": ["bathing", "dressing"] },
                  "support_setting": "home", "serious_illness": true },
                { "key": "c1", "relation": "child", "birth_date": d[2],
                  "student": { "level": "primary", "full_time": true },
                  "local_categories": ["single_parent"] }
            ],
            "incomes": [
                { "member": "m1", "category": "wage", "amount": "9600", "from": d[3], "to": to },
                { "member": "m2", "category": "transfer", "kind": "scholarship",
                  "amount": 500, "from": d[3], "to": to }
            ],
            "assets": {
                "financial": [ { "member": "m1", "kind": "deposit", "amount": "5000.50" } ],
                "vehicles": [ { "member": "m1", "kind": "motorcycle", "value": "3000" } ],
                "homes": [ { "member": "m1", "location": "rural", "floor_area": "62.5",
                             "self_built": true } ],
                "businesses": [ { "member": "m2", "kind": "sole_trader", "active": false,
                                  "registered_capital": "10000" } ],
                "large_purchases": [ { "member": "m1", "kind": "other", "amount": "8000",
                                       "date": d[4] } ]
            },
            "expenses": [
                { "member": "m2", "kind": "education", "amount": "1000000000000",
                  "self_paid": "1200", "date": d[4], "public_school_rate": "800" }
            ],
            "supporters": [
                { "key": "s1", "relation": "child", "birth_date": d[1],
                  "statuses": ["dibao_recipient"], "annual_income": "20000",
                  "financial_assets": "1000", "verification_consent": true }
            ],
            "events": [
                { "kind": "fire", "date": d[7], "severity": "heavy",
                  "requested_amount": "3000", "hardship_months": 3, "persons": 2 }
            ],
            "emergency_division": "620100"
        },
        "enrolment": { "programme": "minimum_living", "class": "class_3",
                       "monthly_amount": "300", "since": d[5], "last_review": d[6] },
        "evidence": [
            { "department": "vehicle_registry", "member": "m1", "date": d[6],
              "fact": { "item": "vehicle_registered", "kind": "motorcycle", "value": "3000" } },
            { "department": "real_estate", "member": "m1", "date": d[6],
              "fact": { "item": "property", "location": "rural", "floor_area": "62.5" } },
            { "department": "financial_institution", "member": "m1", "date": d[6],
              "fact": { "item": "account_balance", "amount": "5000.50" } },
            { "department": "disabled_persons_federation", "member": "m2", "date": d[6],
              "fact": { "item": "disability_certificate", "kind": "physical", "grade": 2 } },
            { "department": "human_resources", "member": "m2", "date": d[6],
              "fact": { "item": "wage", "monthly": "2000" } },
            { "department": "human_resources", "member": "m1", "date": d[6],
              "fact": { "item": "pension", "monthly": "100" } },
            { "department": "tax", "member": "m1", "date": d[6],
              "fact": { "item": "contribution_base", "monthly": "3000" } },
            { "department": "insurer", "member": "m2", "date": d[6],
              "fact": { "item": "insurance_cash_value", "amount": "0" } },
            { "department": "securities_firm", "member": "m2", "date": d[6],
              "fact": { "item": "securities_account", "amount": "0.5" } },
            { "department": "payment_institution", "member": "m2", "date": d[6],
              "fact": { "item": "payment_balance", "amount": "12" } },
            { "department": "medical_insurance", "member": "m2", "date": d[6],
              "fact": { "item": "self_paid_medical", "amount": "400" } },
            { "department": "market_regulation", "member": "m2", "date": d[6],
              "fact": { "item": "business_registration", "kind": "sole_trader", "active": false } },
            { "department": "education", "member": "m2", "date": d[6],
              "fact": { "item": "school_enrolment", "level": "primary" } },
            { "department": "rural_revitalisation", "member": "m1", "date": d[6],
              "fact": { "item": "return_to_poverty_monitoring", "status": "marginal_at_risk" } },
            { "department": "courts_justice", "member": "m1", "date": d[6],
              "fact": { "item": "imprisonment", "since": d[6] } }
        ],
        "evidence_checked": ["vehicle_registry", "real_estate", "financial_institution"]
    })
}

#[test]
fn the_base_cases_are_valid_for_both() {
    for open in [false, true] {
        let case = base(open);
        assert_eq!(schema_verdict(&case), Ok(()), "schema, dates_open {open}");
        assert_eq!(library_verdict(&case), Ok(()), "library, dates_open {open}");
    }
    let c = parse_case(&base(false).to_string()).unwrap();
    evaluate(&c, book()).expect("the realistic base evaluates");
}

// ---------------------------------------------------------------------------------------------
// Values around each constraint
// ---------------------------------------------------------------------------------------------

/// Date texts: real and unreal days, short forms, years at and beyond 1900 and 2200.
fn date_text() -> impl Strategy<Value = Value> {
    let year = prop_oneof![
        1890..2210i32,
        Just(1900),
        Just(2200),
        Just(2000),
        Just(2100)
    ];
    let well_formed =
        (year, 0..14u32, 0..33u32).prop_map(|(y, m, d)| json!(format!("{y:04}-{m:02}-{d:02}")));
    let short =
        (1990..2030i32, 1..13u32, 1..29u32).prop_map(|(y, m, d)| json!(format!("{y}-{m}-{d}")));
    let odd = prop_oneof![
        Just(json!("2026-11-1")),
        Just(json!("2026-1-01")),
        Just(json!("26-11-01")),
        Just(json!("02026-11-01")),
        Just(json!("+2026-11-01")),
        Just(json!("2026/11/01")),
        Just(json!("2026-11-01T00:00:00")),
        Just(json!(" 2026-11-01")),
        Just(json!("2026-11-01 ")),
        Just(json!("")),
        Just(json!(20261101)),
        Just(json!(null)),
        Just(json!("2024-02-29")),
        Just(json!("2023-02-29")),
        Just(json!("1900-02-29")),
        Just(json!("2000-02-29")),
        Just(json!("2100-02-29")),
        Just(json!("2026-04-31")),
        Just(json!("2200-12-31")),
        Just(json!("2201-01-01")),
        Just(json!("1899-12-31")),
    ];
    prop_oneof![4 => well_formed, 1 => short, 2 => odd]
}

/// Amount texts and numbers: signs, leading zeros, decimal places, the 10¹² ceiling, spaces,
/// exponents, bare points.
fn amount() -> impl Strategy<Value = Value> {
    let text = (
        prop::option::of(Just("-")),
        0..4usize,
        proptest::string::string_regex("[0-9]{0,14}").unwrap(),
        prop::option::of(proptest::string::string_regex("[0-9]{0,18}").unwrap()),
    )
        .prop_map(|(sign, zeros, whole, frac)| {
            let mut s = String::new();
            s.push_str(sign.unwrap_or(""));
            s.push_str(&"0".repeat(zeros));
            s.push_str(&whole);
            if let Some(f) = frac {
                s.push('.');
                s.push_str(&f);
            }
            json!(s)
        });
    let near_ceiling = prop_oneof![
        Just("1000000000000"),
        Just("1000000000000.0"),
        Just("1000000000000.0000000000000000"),
        Just("1000000000000.00000000000000000"),
        Just("1000000000000.01"),
        Just("1000000000001"),
        Just("999999999999.9999999999999999"),
        Just("0999999999999.9999999999999999"),
        Just("0.0000000000000001"),
        Just("0.00000000000000001"),
        Just("-0"),
        Just("-0.00"),
        Just("0"),
        Just("00"),
        Just(".5"),
        Just("5."),
        Just("+5"),
        Just(" 5"),
        Just("5 "),
        Just("1e3"),
        Just("1,000"),
        Just("五"),
        Just(""),
        Just("-"),
        Just("1.2.3"),
    ]
    .prop_map(|s| json!(s));
    let long_zeros = (40..70usize).prop_map(|n| json!(format!("{}7.25", "0".repeat(n))));
    let number = prop_oneof![
        (-1_000i64..1_000).prop_map(|n| json!(n)),
        (999_999_999_990i64..1_000_000_000_010).prop_map(|n| json!(n)),
        Just(json!(5.5)),
        Just(json!(true)),
        Just(json!(null)),
        Just(json!(["5"])),
    ];
    prop_oneof![5 => text, 3 => near_ceiling, 1 => long_zeros, 2 => number]
}

/// Key texts around the member-key pattern: case, digits runs, length, other characters.
fn key_text() -> impl Strategy<Value = Value> {
    prop_oneof![
        proptest::string::string_regex("[a-z][a-z0-9_-]{0,17}").unwrap(),
        proptest::string::string_regex("[a-zA-Z0-9._: -]{0,20}").unwrap(),
        proptest::string::string_regex("[a-z]{1,3}[0-9]{1,6}[a-z]{0,3}").unwrap(),
        Just("张三".to_owned()),
        Just("110101199001011234".to_owned()),
    ]
    // another key of the base case would be a duplicate, which only the library refuses
    .prop_filter("not a key of the base case", |k| {
        !["m1", "m2", "c1", "s1"].contains(&k.as_str())
    })
    .prop_map(|k| json!(k))
}

/// Division-code texts: every known division (the library refuses an unknown one as a rule-book
/// matter, and the emergency division as a case matter: see the last tests) and near misses.
fn division_text() -> impl Strategy<Value = Value> {
    // the divisions the book resolves (it also holds the national level, `000000`, which is
    // no division a case can name)
    let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let known: Vec<String> = book()
        .divisions()
        .filter(|d| book().parameters_on(d, on).is_ok())
        .map(str::to_owned)
        .collect();
    let known2 = known.clone();
    let well_formed_unknown = move |c: &Value| {
        c.as_str().is_some_and(|c| {
            c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit()) && !known2.iter().any(|k| k == c)
        })
    };
    prop_oneof![
        3 => prop::sample::select(known).prop_map(|c| json!(c)),
        1 => proptest::string::string_regex("[0-9a-z ]{0,8}").unwrap().prop_map(|c| json!(c)),
        1 => prop_oneof![
            Just(json!(621027)),
            Just(json!("６２１０２７")),
            Just(json!("621027\n")),
            Just(json!(null)),
        ],
    ]
    .prop_filter(
        "an unknown division is refused by the rule book",
        move |c| !well_formed_unknown(c),
    )
}

/// Values for an enum field: every variant the schema names and near misses.
fn enum_value(def: &str) -> BoxedStrategy<Value> {
    let variants: Vec<String> = schema()["$defs"][def]["oneOf"]
        .as_array()
        .unwrap_or_else(|| panic!("{def} is an enum of the schema"))
        .iter()
        .filter_map(|v| v["const"].as_str().map(str::to_owned))
        // a second applicant, and a disregarded income without a disregarded kind, are
        // cross-field rules (described, tested below)
        .filter(|v| v != "applicant" && v != "disregarded")
        .collect();
    let misses: Vec<String> = variants
        .iter()
        .flat_map(|v| [v.to_uppercase(), v.replace('_', "-"), format!("{v} ")])
        .chain(["".to_owned(), "other_thing".to_owned()])
        .collect();
    prop_oneof![
        4 => prop::sample::select(variants).prop_map(|v| json!(v)),
        2 => prop::sample::select(misses).prop_map(|v| json!(v)),
        1 => prop_oneof![Just(json!(null)), Just(json!(1)), Just(json!(["x"]))],
    ]
    .boxed()
}

/// Small whole numbers and their near misses.
fn count() -> impl Strategy<Value = Value> {
    prop_oneof![
        (-3i64..300).prop_map(|n| json!(n)),
        Just(json!(u64::MAX)),
        Just(json!("2")),
        Just(json!(null)),
        Just(json!(true)),
    ]
}

/// Lists of codes from a small set, so that repeats, lengths and bad codes occur.
fn code_list(codes: &'static [&'static str], max: usize) -> impl Strategy<Value = Value> {
    prop::collection::vec(prop::sample::select(codes), 0..max).prop_map(|v| json!(v))
}

// ---------------------------------------------------------------------------------------------
// Changes
// ---------------------------------------------------------------------------------------------

/// One change to the case: a JSON pointer and the value put there (`None` removes it).
#[derive(Clone, Debug)]
struct Change(String, Option<Value>);

fn at(ptr: &'static str, v: impl Strategy<Value = Value> + 'static) -> BoxedStrategy<Change> {
    v.prop_map(move |v| Change(ptr.to_owned(), Some(v))).boxed()
}

/// Every date field of the case.
const DATES: &[&str] = &[
    "/evaluation_date",
    "/household/members/0/birth_date",
    "/household/members/0/statuses/0/since",
    "/household/incomes/0/from",
    "/household/incomes/0/to",
    "/household/assets/large_purchases/0/date",
    "/household/expenses/0/date",
    "/household/supporters/0/birth_date",
    "/household/events/0/date",
    "/enrolment/since",
    "/enrolment/last_review",
    "/evidence/0/date",
    "/evidence/14/fact/since",
];

/// Every amount field of the case (the expense's `amount` stays the ceiling, so that any
/// `self_paid` the schema accepts is within it).
const AMOUNTS: &[&str] = &[
    "/household/incomes/0/amount",
    "/household/incomes/1/amount",
    "/household/assets/financial/0/amount",
    "/household/assets/vehicles/0/value",
    "/household/assets/businesses/0/registered_capital",
    "/household/assets/large_purchases/0/amount",
    "/household/expenses/0/self_paid",
    "/household/expenses/0/public_school_rate",
    "/household/supporters/0/annual_income",
    "/household/supporters/0/financial_assets",
    "/household/events/0/requested_amount",
    "/enrolment/monthly_amount",
    "/evidence/0/fact/value",
    "/evidence/2/fact/amount",
    "/evidence/4/fact/monthly",
    "/evidence/5/fact/monthly",
    "/evidence/6/fact/monthly",
    "/evidence/7/fact/amount",
    "/evidence/8/fact/amount",
    "/evidence/9/fact/amount",
    "/evidence/10/fact/amount",
];

/// Positive quantities.
const AREAS: &[&str] = &[
    "/household/assets/homes/0/floor_area",
    "/evidence/1/fact/floor_area",
];

/// Enum fields and the schema definition each takes its values from (member `m2`'s relation,
/// not the applicant's: a second applicant is a cross-field rule).
const ENUMS: &[(&str, &str)] = &[
    ("/purpose", "Purpose"),
    ("/area", "Area"),
    ("/household/members/1/relation", "Relation"),
    ("/household/members/1/disability/kind", "DisabilityKind"),
    ("/household/members/1/support_setting", "SupportSetting"),
    ("/household/members/2/student/level", "SchoolLevel"),
    ("/household/members/0/statuses/0/kind", "StatusKind"),
    ("/household/incomes/0/category", "IncomeCategory"),
    ("/household/incomes/1/kind", "IncomeKind"),
    ("/household/assets/financial/0/kind", "FinancialKind"),
    ("/household/assets/vehicles/0/kind", "VehicleKind"),
    ("/household/assets/homes/0/location", "Area"),
    ("/household/assets/businesses/0/kind", "BusinessKind"),
    ("/household/assets/large_purchases/0/kind", "PurchaseKind"),
    ("/household/expenses/0/kind", "ExpenseKind"),
    ("/household/supporters/0/relation", "SupporterRelation"),
    ("/household/events/0/kind", "EventKind"),
    ("/household/events/0/severity", "Severity"),
    ("/enrolment/programme", "Programme"),
    ("/enrolment/class", "DibaoClass"),
    ("/evidence/0/department", "Department"),
    ("/evidence/0/fact/kind", "VehicleKind"),
    ("/evidence/3/fact/kind", "DisabilityKind"),
    ("/evidence/11/fact/kind", "BusinessKind"),
    ("/evidence/12/fact/level", "SchoolLevel"),
    ("/evidence/13/fact/status", "MonitoringStatus"),
];

/// Optional or required fields to remove, and objects to give an unknown field.
const FIELDS: &[&str] = &[
    "/evaluation_date",
    "/jurisdiction",
    "/purpose",
    "/area",
    "/household",
    "/household/members",
    "/household/incomes",
    "/household/members/1/key",
    "/household/members/1/relation",
    "/household/members/1/birth_date",
    "/household/members/1/disability",
    "/household/members/1/disability/grade",
    "/household/incomes/0/amount",
    "/household/incomes/0/to",
    "/household/incomes/1/kind",
    "/household/assets/homes/0/floor_area",
    "/household/expenses/0/self_paid",
    "/household/supporters/0/birth_date",
    "/household/events/0/severity",
    "/household/emergency_division",
    "/enrolment",
    "/enrolment/since",
    "/enrolment/last_review",
    "/evidence/0/fact/value",
    "/evidence/0/fact/item",
];

const OBJECTS: &[&str] = &[
    "",
    "/household",
    "/household/members/0",
    "/household/members/1/disability",
    "/household/members/1/self_care",
    "/household/incomes/0",
    "/household/assets",
    "/household/supporters/0",
    "/household/events/0",
    "/enrolment",
    "/evidence/0",
    "/evidence/0/fact",
];

/// A change to anything but a date.
fn change() -> BoxedStrategy<Change> {
    let amounts =
        (prop::sample::select(AMOUNTS), amount()).prop_map(|(p, v)| Change(p.to_owned(), Some(v)));
    let areas =
        (prop::sample::select(AREAS), amount()).prop_map(|(p, v)| Change(p.to_owned(), Some(v)));
    let enums = prop::sample::select(ENUMS)
        .prop_flat_map(|(p, def)| enum_value(def).prop_map(move |v| Change(p.to_owned(), Some(v))));
    let removed = prop::sample::select(FIELDS).prop_map(|p| Change(p.to_owned(), None));
    let unknown = (
        prop::sample::select(OBJECTS),
        prop::sample::select(&["note", "Key", "birthDate", "name", "id_number", "_x"][..]),
    )
        .prop_map(|(p, f)| Change(format!("{p}/{f}"), Some(json!("x"))));
    let bools = (
        prop::sample::select(
            &[
                "/household/members/1/serious_illness",
                "/household/members/0/lives_with_household",
                "/household/assets/homes/0/self_built",
                "/household/supporters/0/verification_consent",
                "/household/members/2/student/full_time",
            ][..],
        ),
        prop_oneof![
            Just(json!(true)),
            Just(json!(false)),
            Just(json!("true")),
            Just(json!(1)),
            Just(json!(null))
        ],
    )
        .prop_map(|(p, v)| Change(p.to_owned(), Some(v)));
    let lists = prop_oneof![
        at(
            "/household/members/2/local_categories",
            prop::collection::vec(
                proptest::string::string_regex("[a-z0-9_A-Z -]{0,34}").unwrap(),
                0..3
            )
            .prop_map(|v| json!(v))
        ),
        at(
            "/household/members/2/local_categories",
            code_list(&["a", "b_2", "c", "d", "e", "f", "g", "h", "i"], 20)
        ),
        at(
            "/household/members/1/self_care/unable",
            code_list(
                &[
                    "eating",
                    "dressing",
                    "transferring",
                    "toileting",
                    "walking_indoors",
                    "bathing",
                    "Bathing",
                ],
                9
            )
        ),
        at(
            "/household/supporters/0/statuses",
            code_list(
                &[
                    "special_hardship_recipient",
                    "dibao_recipient",
                    "no_civil_capacity",
                    "declared_missing",
                    "imprisoned",
                ],
                19
            )
        ),
        at(
            "/evidence_checked",
            code_list(
                &[
                    "tax",
                    "health",
                    "real_estate",
                    "insurer",
                    "education",
                    "courts"
                ],
                8
            )
        ),
    ];
    let members = (0..70usize).prop_map(|n| {
        let extra: Vec<Value> = (0..n)
            .map(|i| json!({"key": format!("x{i}"), "relation": "other_relative", "birth_date": "1900-01-01"}))
            .collect();
        Change("/household/members/+3".to_owned(), Some(json!(extra)))
    });
    let long = prop_oneof![
        (1995..2005usize).prop_map(|n| ("/household/incomes/+2", n, "/household/incomes/0")),
        (1995..2005usize).prop_map(|n| ("/evidence/+15", n, "/evidence/3")),
    ]
    .prop_map(|(ptr, n, copy)| {
        // copied from the base whose dates suit both bases
        let item = base(true).pointer(copy).cloned().unwrap();
        Change(ptr.to_owned(), Some(json!(vec![item; n])))
    });
    let items = prop::sample::select(
        &[
            "vehicle_registered",
            "property",
            "account_balance",
            "contribution_base",
            "wage",
            "pension",
            "business_registration",
            "disability_certificate",
            "death",
            "imprisonment",
            "school_enrolment",
            "self_paid_medical",
            "return_to_poverty_monitoring",
            "insurance_cash_value",
            "securities_account",
            "payment_balance",
            "Wage",
            "salary",
            "",
        ][..],
    );
    let item = (0..15usize, items)
        .prop_map(|(i, it)| Change(format!("/evidence/{i}/fact/item"), Some(json!(it))));
    prop_oneof![
        4 => amounts,
        1 => areas,
        3 => enums,
        2 => at("/household/members/2/key", key_text()),
        1 => at("/household/supporters/0/key", key_text()),
        2 => at("/jurisdiction", division_text()),
        1 => at("/household/emergency_division", division_text()),
        1 => at("/household/members/1/disability/grade", count()),
        1 => at("/evidence/3/fact/grade", count()),
        1 => at("/household/events/0/hardship_months", count()),
        1 => at("/household/events/0/persons", count()),
        2 => lists,
        1 => members,
        1 => long,
        1 => item,
        2 => removed,
        1 => unknown,
        1 => bools,
    ]
    .boxed()
}

/// Applies a change; a pointer ending in `/+N` puts the list's items after the first `N` of
/// the array.
fn apply(case: &mut Value, Change(ptr, value): &Change) {
    let (parent, last) = ptr.rsplit_once('/').unwrap();
    let target = case.pointer_mut(parent);
    let Some(target) = target else { return };
    match (target, value) {
        (Value::Object(o), None) => {
            o.remove(last);
        }
        (Value::Object(o), Some(v)) => {
            o.insert(last.to_owned(), v.clone());
        }
        (Value::Array(a), Some(Value::Array(items))) if last.starts_with('+') => {
            // the base's first items, then these (so that two such changes do not add up)
            a.truncate(last.trim_start_matches('+').parse().unwrap());
            a.extend(items.clone());
        }
        (Value::Array(a), Some(v)) => {
            if let Some(slot) = last.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                *slot = v.clone();
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    /// Up to three changes anywhere but in the dates: the schema and the library agree.
    #[test]
    fn schema_and_library_agree_on_changed_cases(changes in prop::collection::vec(change(), 1..4)) {
        let mut case = base(false);
        for c in &changes {
            apply(&mut case, c);
        }
        agree(&case)?;
    }

    /// One date changed (every other date at the far end of the range), perhaps with another
    /// change: the schema and the library agree on date forms, ranges and calendar days.
    #[test]
    fn schema_and_library_agree_on_dates(
        ptr in prop::sample::select(DATES),
        date in date_text(),
        other in prop::option::of(change()),
    ) {
        let mut case = base(true);
        if ptr == "/enrolment/since" {
            // the last review must not come before it
            apply(&mut case, &Change("/enrolment/last_review".to_owned(), None));
        }
        apply(&mut case, &Change(ptr.to_owned(), Some(date)));
        if let Some(c) = &other {
            apply(&mut case, c);
        }
        agree(&case)?;
    }

    /// The key pattern of the schema is the library's key rule.
    #[test]
    fn the_schema_key_pattern_is_the_library_rule(key in key_text()) {
        let key = key.as_str().unwrap();
        let re = jsonschema::validator_for(&json!({
            "type": "string", "minLength": 1, "maxLength": 16,
            "pattern": jiuzhu::MemberKey::SCHEMA_PATTERN
        })).unwrap();
        prop_assert_eq!(re.is_valid(&json!(key)), jiuzhu::MemberKey::is_valid(key), "{}", key);
    }
}

// ---------------------------------------------------------------------------------------------
// What the library refuses beyond the schema, and the descriptions that say so
// ---------------------------------------------------------------------------------------------

/// The description of a property of a schema definition (`""` for the case itself).
fn description(def: &str, prop: &str) -> String {
    let node = if def.is_empty() {
        &schema()["properties"][prop]
    } else {
        &schema()["$defs"][def]["properties"][prop]
    };
    node["description"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn what_only_the_library_refuses_is_described_in_the_schema() {
    // (change, the library's code, the definition and property whose description says so,
    // words it must hold)
    type Extra = (
        &'static str,
        Value,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    );
    let extras: Vec<Extra> = vec![
        (
            "/jurisdiction",
            json!("110101"),
            "unknown_jurisdiction",
            "",
            "jurisdiction",
            "unknown_jurisdiction",
        ),
        (
            "/household/emergency_division",
            json!("110101"),
            "invalid",
            "Household",
            "emergency_division",
            "does not know",
        ),
        (
            "/household/incomes/0/member",
            json!("m9"),
            "invalid",
            "IncomeRecord",
            "member",
            "refuses any",
        ),
        (
            "/household/assets/financial/0/member",
            json!("zz"),
            "invalid",
            "FinancialAsset",
            "member",
            "refuses any",
        ),
        (
            "/household/expenses/0/member",
            json!("zz"),
            "invalid",
            "Expense",
            "member",
            "refuses any",
        ),
        (
            "/evidence/0/member",
            json!("zz"),
            "invalid",
            "EvidenceRecord",
            "member",
            "refuses any",
        ),
        (
            "/household/members/2/key",
            json!("m1"),
            "invalid",
            "Member",
            "key",
            "Unique",
        ),
        (
            "/household/members/1/relation",
            json!("applicant"),
            "invalid",
            "Household",
            "members",
            "second one",
        ),
        (
            "/household/members/0/relation",
            json!("spouse"),
            "invalid",
            "Household",
            "members",
            "no",
        ),
        (
            "/household/members/0/statuses/0/kind",
            json!("clergy_living_apart"),
            "invalid",
            "Status",
            "since",
            "refuses that kind",
        ),
        (
            "/household/incomes/0/category",
            json!("disregarded"),
            "invalid",
            "IncomeRecord",
            "category",
            "refuses it otherwise",
        ),
        (
            "/household/incomes/0/to",
            json!("2020-01-01"),
            "invalid",
            "IncomeRecord",
            "to",
            "ends before it starts",
        ),
        (
            "/household/expenses/0/self_paid",
            json!("2000"),
            "invalid",
            "Expense",
            "self_paid",
            "refuses it otherwise",
        ),
        (
            "/enrolment/last_review",
            json!("2020-01-01"),
            "invalid",
            "Enrolment",
            "last_review",
            "not before `since`",
        ),
        (
            "/household/members/0/birth_date",
            json!("2027-01-01"),
            "invalid",
            "Date",
            "",
            "after its evaluation date",
        ),
        (
            "/household/incomes/0/amount",
            json!(5.0),
            "malformed",
            "",
            "",
            "never `5.0`",
        ),
        (
            "/household/incomes/0/amount",
            json!(-0.0),
            "malformed",
            "",
            "",
            "`-0`",
        ),
    ];
    for (ptr, value, code, def, prop, words) in extras {
        let mut case = base(false);
        apply(&mut case, &Change(ptr.to_owned(), Some(value.clone())));
        if ptr.ends_with("statuses/0/kind") {
            // clergy living apart needs a start date: remove it to see the refusal
            apply(
                &mut case,
                &Change("/household/members/0/statuses/0/since".to_owned(), None),
            );
        }
        if ptr.ends_with("self_paid") {
            apply(
                &mut case,
                &Change(
                    "/household/expenses/0/amount".to_owned(),
                    Some(json!("1000")),
                ),
            );
        }
        assert_eq!(
            schema_verdict(&case),
            Ok(()),
            "{ptr} = {value}: the schema accepts it"
        );
        let err = parse_case(&case.to_string())
            .and_then(|c| evaluate(&c, book()).map(|_| ()))
            .expect_err(&format!("{ptr} = {value}: the library refuses it"));
        assert_eq!(err.code(), code, "{ptr} = {value}: {err}");
        let text = match (def, prop) {
            ("Date", _) => schema()["$defs"]["Date"]["description"]
                .as_str()
                .unwrap()
                .to_owned(),
            ("", "") => schema()["description"].as_str().unwrap().to_owned(),
            _ => description(def, prop),
        };
        assert!(
            text.contains(words),
            "the description of {def}.{prop} says the library refuses {ptr} = {value} ({words:?}): {text}"
        );
    }
}

/// The four disagreements issue 17 found, one by one.
#[test]
fn the_disagreements_issue_17_found_are_settled() {
    let with = |ptr: &str, v: Value| {
        let mut case = base(false);
        apply(&mut case, &Change(ptr.to_owned(), Some(v)));
        case
    };
    // `2026-11-1`: refused by both (it was refused by the schema, accepted by the library)
    let short_date = with("/evaluation_date", json!("2026-11-1"));
    assert!(schema_verdict(&short_date).is_err());
    assert!(library_verdict(&short_date).is_err());
    // `"-5"`: refused by both (it passed the schema)
    let negative = with("/household/incomes/0/amount", json!("-5"));
    assert!(schema_verdict(&negative).is_err());
    assert!(library_verdict(&negative).is_err());
    // a record naming no member, and jurisdiction `110101`: only the library can refuse them,
    // and the schema's descriptions say so (see the test above)
    for (case, def, prop) in [
        (
            with("/household/incomes/0/member", json!("m9")),
            "IncomeRecord",
            "member",
        ),
        (with("/jurisdiction", json!("110101")), "", "jurisdiction"),
    ] {
        assert_eq!(schema_verdict(&case), Ok(()));
        let refused = parse_case(&case.to_string()).and_then(|c| evaluate(&c, book()).map(|_| ()));
        assert!(refused.is_err());
        assert!(description(def, prop).contains("refuse"), "{def}.{prop}");
    }
}
