//! One home per fact: every closed list in the vocabulary (`Programme::ALL`,
//! `Department::ALL`) is checked against the enum it lists, through the JSON Schema the enum
//! derives, so that a variant added to the enum and forgotten in its list fails here. The
//! programmes are also held to the order of a determination's results.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jiuzhu::case::{
    BusinessKind, Department, DisabilityKind, IncomeKind, SchoolLevel, VehicleKind,
};
use jiuzhu::{Programme, RuleBook};
use schemars::JsonSchema;

/// The variant spellings of a unit-only enum, read from its JSON Schema.
fn spellings<T: JsonSchema>() -> Vec<String> {
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
    let mut out: Vec<String> = Vec::new();
    let mut collect = |v: &serde_json::Value| {
        if let Some(list) = v.get("enum").and_then(|e| e.as_array()) {
            out.extend(list.iter().map(|s| s.as_str().unwrap().to_owned()));
        }
        if let Some(c) = v.get("const").and_then(|e| e.as_str()) {
            out.push(c.to_owned());
        }
    };
    collect(&schema);
    for key in ["oneOf", "anyOf"] {
        for alt in schema
            .get(key)
            .and_then(|a| a.as_array())
            .into_iter()
            .flatten()
        {
            collect(alt);
        }
    }
    assert!(!out.is_empty(), "no variants found in the schema");
    out
}

#[test]
fn every_department_is_listed_once() {
    let listed: Vec<String> = Department::ALL
        .iter()
        .map(|d| d.as_str().to_owned())
        .collect();
    assert_eq!(listed, spellings::<Department>());
    for d in Department::ALL {
        assert_eq!(Department::from_code(d.as_str()), Some(d));
        assert_eq!(
            serde_json::to_value(d).unwrap(),
            serde_json::Value::String(d.as_str().to_owned())
        );
    }
    assert_eq!(Department::from_code("nowhere"), None);
}

#[test]
fn every_programme_is_listed_once_in_determination_order() {
    let listed: Vec<String> = Programme::ALL
        .iter()
        .map(|p| p.as_str().to_owned())
        .collect();
    assert_eq!(listed, spellings::<Programme>());
    let case = jiuzhu::parse_case(
        r#"{"evaluation_date": "2026-11-01", "jurisdiction": "621027",
            "purpose": "new_application", "area": "urban",
            "household": {"members": [
              {"key": "m1", "relation": "applicant", "birth_date": "1970-01-01"}]}}"#,
    )
    .unwrap();
    let det = jiuzhu::evaluate(&case, &RuleBook::embedded()).unwrap();
    let order: Vec<Programme> = det.programmes.iter().map(|r| r.programme).collect();
    assert_eq!(
        order,
        Programme::ALL,
        "a determination has one result per programme, in order"
    );
}

/// The spellings of a list, each as the enum's own serialisation writes it.
fn listed<T: serde::Serialize>(all: &[T], as_str: fn(&T) -> &'static str) -> Vec<String> {
    all.iter()
        .map(|x| {
            let code = as_str(x);
            assert_eq!(serde_json::to_value(x).unwrap().as_str(), Some(code));
            code.to_owned()
        })
        .collect()
}

#[test]
fn every_kind_is_listed_once_with_its_spelling() {
    assert_eq!(
        listed(&VehicleKind::ALL, |k| k.as_str()),
        spellings::<VehicleKind>()
    );
    assert_eq!(
        listed(&BusinessKind::ALL, |k| k.as_str()),
        spellings::<BusinessKind>()
    );
    assert_eq!(
        listed(&DisabilityKind::ALL, |k| k.as_str()),
        spellings::<DisabilityKind>()
    );
    assert_eq!(
        listed(&IncomeKind::ALL, |k| k.as_str()),
        spellings::<IncomeKind>()
    );
    assert_eq!(
        listed(&jiuzhu::case::Purpose::ALL, |k| k.as_str()),
        spellings::<jiuzhu::case::Purpose>()
    );
    assert_eq!(
        listed(&jiuzhu::case::Area::ALL, |k| k.as_str()),
        spellings::<jiuzhu::case::Area>()
    );
    for level in spellings::<SchoolLevel>() {
        let l: SchoolLevel =
            serde_json::from_value(serde_json::Value::String(level.clone())).unwrap();
        assert_eq!(l.as_str(), level);
    }
}
