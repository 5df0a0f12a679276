//! No sentence shows a missing figure.
//!
//! A sentence names the figures it shows (`x.s("per_capita_income")`); when the finding has no
//! figure of that name, for instance because the name is misspelt in the sentence, the sentence
//! shows `—` in its place and nothing else fails. This test renders both sentences of every
//! finding of the sample households, the case files and a generated caseload, and fails on any
//! that shows the placeholder, naming the rule, verdict and sentence.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use jiuzhu::{Determination, RuleBook, RuleId};
use jiuzhu_tools::{casefile, generate};
use serde_json::{Value, json};

/// What a sentence shows for a figure the finding lacks (`Shown` in `src/explain/text`).
const MISSING: &str = "—";

fn root() -> PathBuf {
    // the data folders stay at the repository root
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    v
}

/// Every determination the test looks at, with where it comes from.
fn determinations() -> Vec<(String, Determination)> {
    let base = RuleBook::embedded();
    let mut out = Vec::new();
    for p in files("examples/households", "json") {
        let case = jiuzhu::parse_case(&std::fs::read_to_string(&p).unwrap()).unwrap();
        out.push((
            p.display().to_string(),
            jiuzhu::evaluate(&case, &base).unwrap(),
        ));
    }
    for p in files("examples/cases", "toml") {
        let cf = casefile::CaseFile::parse(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let rules = match &cf.rules {
            Some(overlay) => base.clone().overlay_str(overlay).unwrap(),
            None => base.clone(),
        };
        // case files that expect an input error have no determination to look at
        if let Ok(case) = jiuzhu::parse_case(&cf.case_json)
            && let Ok(d) = jiuzhu::evaluate(&case, &rules)
        {
            out.push((p.display().to_string(), d));
        }
    }
    for (i, v) in reaching_rare_rules().iter().enumerate() {
        let case = jiuzhu::parse_case(&v.to_string()).unwrap();
        out.push((
            format!("hand-written case {i}"),
            jiuzhu::evaluate(&case, &base).unwrap(),
        ));
    }
    let (caseload, _) = generate::caseload_string(1_000, 2026, false);
    for (i, line) in caseload.lines().enumerate() {
        let case = jiuzhu::parse_case(line).unwrap();
        out.push((
            format!("generated household {i}"),
            jiuzhu::evaluate(&case, &base).unwrap(),
        ));
    }
    out
}

/// A department record of one member.
fn record(department: &str, member: &str, date: &str, fact: Value) -> Value {
    json!({ "department": department, "member": member, "date": date, "fact": fact })
}

/// Two adults in Zhenyuan, m1 with a wage, with the department records given; `m2` is merged
/// into the second member.
fn couple(evidence: Value, m2: Value) -> Value {
    let mut spouse = json!({ "key": "m2", "relation": "spouse", "birth_date": "1972-06-15" });
    if let (Some(s), Some(extra)) = (spouse.as_object_mut(), m2.as_object()) {
        s.extend(extra.clone());
    }
    json!({
        "evaluation_date": "2026-11-01", "jurisdiction": "621027",
        "purpose": "new_application", "area": "urban",
        "household": {
            "members": [
                { "key": "m1", "relation": "applicant", "birth_date": "1970-03-01" },
                spouse,
                { "key": "m3", "relation": "child", "birth_date": "2010-01-01" }
            ],
            "incomes": [ { "member": "m1", "category": "wage", "amount": "6000",
                           "from": "2025-11-01", "to": "2026-10-31" } ]
        },
        "evidence": evidence,
        "evidence_checked": ["vehicle_registry", "real_estate", "financial_institution",
                             "market_regulation", "human_resources"]
    })
}

/// Cases for the rules the sample households and the generated caseload leave out: disability,
/// imprisonment, school and medical records (agreeing and not), and leaving special hardship.
fn reaching_rare_rules() -> Vec<Value> {
    let disability = record(
        "disabled_persons_federation",
        "m2",
        "2026-06-01",
        json!({"item": "disability_certificate", "kind": "physical", "grade": 2}),
    );
    let prison = record(
        "courts_justice",
        "m2",
        "2026-05-01",
        json!({"item": "imprisonment", "since": "2026-04-01"}),
    );
    let school = record(
        "education",
        "m3",
        "2026-09-10",
        json!({"item": "school_enrolment", "level": "senior_secondary"}),
    );
    let medical = record(
        "medical_insurance",
        "m2",
        "2026-04-01",
        json!({"item": "self_paid_medical", "amount": "2400"}),
    );
    let all = json!([disability, prison, school, medical]);
    let declared = json!({
        "disability": {"kind": "physical", "grade": 2},
        "statuses": [{ "kind": "imprisoned", "since": "2026-04-01" }]
    });
    let mut with_school = couple(all.clone(), declared.clone());
    with_school["household"]["members"][2]["student"] = json!({ "level": "senior_secondary" });
    with_school["household"]["expenses"] = json!([{ "member": "m2", "kind": "medical",
        "amount": "5000", "self_paid": "2400", "date": "2026-04-01" }]);
    let leaving = json!({
        "evaluation_date": "2026-11-01", "jurisdiction": "621027",
        "purpose": "recheck", "area": "urban",
        "enrolment": { "programme": "special_hardship", "monthly_amount": "951",
                       "since": "2022-01-01" },
        "household": {
            "members": [{ "key": "m1", "relation": "applicant", "birth_date": "1950-01-01",
                          "self_care": { "unable": [] } }],
            "incomes": [{ "member": "m1", "category": "property", "amount": "9600",
                          "from": "2025-11-01", "to": "2026-10-31" }]
        }
    });
    vec![
        couple(all.clone(), json!({})),
        couple(all, json!({"disability": {"kind": "visual", "grade": 1}})),
        with_school,
        leaving,
    ]
}

#[test]
fn no_sentence_shows_a_missing_figure() {
    let mut seen = BTreeSet::new();
    let mut missing = Vec::new();
    for (source, d) in determinations() {
        for f in d.all_findings() {
            seen.insert(f.rule);
            for text in [f.text_zh(), f.text_en()] {
                if text.contains(MISSING) {
                    missing.push(format!("{source}: {} {:?}: {text}", f.rule, f.verdict));
                }
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "{} sentence(s) show a missing figure:\n{}",
        missing.len(),
        missing.join("\n")
    );
    // the corpus reaches every rule, so every sentence is checked
    let unseen: Vec<_> = RuleId::ALL.iter().filter(|r| !seen.contains(r)).collect();
    assert!(unseen.is_empty(), "no finding of {unseen:?}");
}
