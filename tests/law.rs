//! The Social Assistance Law (S0, in force 2026-07-01), issue 12: citations that follow the
//! date, the spec's second source line, dates before 2021-07-01, guidance standards, and the
//! supporter's consent.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use chrono::NaiveDate;
use jiuzhu::{
    CaseError, LAW_IN_FORCE, Outcome, ParamWarning, Programme, RuleBook, RuleId, Verdict, evaluate,
    evaluate_json, parse_case,
};
use serde_json::{Value, json};

/// A household that touches many rule families: a recipient re-checked with department data
/// (a wage record that lifts income through work), a supporter, assets.
fn rich_case(date: &str) -> Value {
    json!({
        "evaluation_date": date,
        "jurisdiction": "621027",
        "purpose": "recheck",
        "area": "urban",
        "evidence_checked": ["vehicle_registry", "real_estate", "financial_institution",
                             "market_regulation", "human_resources"],
        "enrolment": { "programme": "minimum_living", "monthly_amount": "1149",
                       "since": "2024-06-01", "last_review": "2025-12-01" },
        "household": {
            "members": [
                { "key": "m1", "relation": "applicant", "birth_date": "1985-01-20" },
                { "key": "m2", "relation": "spouse", "birth_date": "1987-07-07" },
                { "key": "m3", "relation": "child", "birth_date": "2015-03-03",
                  "student": { "level": "primary" } }
            ],
            "incomes": [
                { "member": "m1", "category": "wage", "amount": "9600",
                  "from": "2025-01-01", "to": "2025-12-31" }
            ],
            "assets": { "financial": [ { "member": "m2", "kind": "deposit", "amount": "3000" } ] }
        },
        "evidence": [
            { "department": "human_resources", "member": "m1", "date": "2026-06-01",
              "fact": { "item": "wage", "monthly": "2500" } },
            { "department": "financial_institution", "member": "m2", "date": "2026-06-01",
              "fact": { "item": "account_balance", "amount": "3000" } }
        ]
    })
}

/// Every (rule, source) pair of an answer, in the order written.
fn citations(answer: &str) -> Vec<(String, String)> {
    fn walk(v: &Value, out: &mut Vec<(String, String)>) {
        match v {
            Value::Object(m) => {
                if let (Some(Value::String(r)), Some(Value::String(s))) =
                    (m.get("rule"), m.get("source"))
                {
                    out.push((r.clone(), s.clone()));
                }
                m.values().for_each(|x| walk(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let v: Value = serde_json::from_str(answer).unwrap();
    assert!(v.get("ok").is_some(), "{answer}");
    let mut out = Vec::new();
    walk(&v, &mut out);
    out
}

#[test]
fn citations_differ_across_the_first_of_july_exactly_where_the_law_applies() {
    let before = citations(&evaluate_json(&rich_case("2026-06-30").to_string()));
    let after = citations(&evaluate_json(&rich_case("2026-07-01").to_string()));
    assert_eq!(
        before.iter().map(|c| &c.0).collect::<Vec<_>>(),
        after.iter().map(|c| &c.0).collect::<Vec<_>>(),
        "the same rules apply on both days"
    );
    let (mut changed, mut kept) = (0, 0);
    for ((rule, old), (_, new)) in before.iter().zip(&after) {
        let r = RuleId::from_id(rule).unwrap();
        assert_eq!(old, r.source(), "{rule} before the law");
        match r.law_source() {
            Some(law) => {
                assert_eq!(new, law, "{rule} from 2026-07-01");
                assert_ne!(
                    old, new,
                    "{rule}: the law applies, the citation must change"
                );
                assert!(new.starts_with("S0 "), "{rule}: {new}");
                changed += 1;
            }
            None => {
                assert_eq!(old, new, "{rule}: the law says nothing, the citation stays");
                kept += 1;
            }
        }
    }
    assert!(changed >= 10 && kept >= 3, "changed {changed}, kept {kept}");
}

#[test]
fn the_determination_writes_the_same_citations_as_the_answer() {
    let case = parse_case(&rich_case("2026-07-01").to_string()).unwrap();
    let det = evaluate(&case, &RuleBook::embedded()).unwrap();
    let plain = serde_json::to_string(&json!({ "ok": det })).unwrap();
    assert_eq!(citations(&plain), citations(&jiuzhu::answer(Ok(&det))));
}

#[test]
fn every_law_source_is_quoted_on_its_spec_section_and_no_other() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules-spec/rules");
    let mut wrong = Vec::new();
    let mut seen = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_none_or(|x| x != "md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for section in text.split("\n## ").skip(1) {
            let id = section.split(' ').next().unwrap_or("");
            let Some(rule) = RuleId::from_id(id) else {
                continue;
            };
            seen += 1;
            let line = section
                .lines()
                .find(|l| l.starts_with("- Source from 2026-07-01:"));
            match (rule.law_source(), line) {
                (Some(law), Some(l)) if l.contains(&format!("`{law}`")) => {}
                (Some(law), _) => {
                    wrong.push(format!("{id}: needs `- Source from 2026-07-01: `{law}``"))
                }
                (None, Some(_)) => wrong.push(format!(
                    "{id}: has a 2026 source line but RuleId::law_source is None"
                )),
                (None, None) => {}
            }
        }
    }
    assert_eq!(seen, RuleId::ALL.len());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The urban sample household, moved to `date` with its income period.
fn urban_on(date: &str, from: &str, to: &str) -> Value {
    json!({
        "evaluation_date": date, "jurisdiction": "621027",
        "purpose": "new_application", "area": "urban",
        "household": {
            "members": [ { "key": "m1", "relation": "applicant", "birth_date": "1970-03-01" } ],
            "incomes": [ { "member": "m1", "category": "transfer", "amount": "1200",
                           "from": from, "to": to } ]
        }
    })
}

#[test]
fn gansu_2019_and_2020_figures_evaluate_on_their_own_dates() {
    for (date, from, to, standard) in [
        ("2019-11-01", "2018-11-01", "2019-10-31", "524"),
        ("2020-11-01", "2019-11-01", "2020-10-31", "577"),
        ("2021-03-01", "2020-03-01", "2021-02-28", "623"),
    ] {
        let case = parse_case(&urban_on(date, from, to).to_string()).unwrap();
        let det = evaluate(&case, &RuleBook::embedded()).unwrap();
        let db = det.programme(Programme::MinimumLiving).unwrap();
        assert_eq!(db.outcome, Outcome::Eligible, "{date}");
        // income 100 a month; gap = standard − 100
        let want: i64 = standard.parse::<i64>().unwrap() - 100;
        assert_eq!(
            db.monthly_amount.unwrap().to_string(),
            want.to_string(),
            "{date}"
        );
        // the national values carried back before 2021-07-01 say they are unconfirmed
        if date < "2021-07-01" {
            let age = det
                .parameters
                .iter()
                .find(|p| p.name == "elderly_age")
                .unwrap();
            assert!(age.warnings.contains(&ParamWarning::Unconfirmed), "{date}");
            assert!(age.from < NaiveDate::from_ymd_opt(2021, 7, 1).unwrap());
        }
    }
}

#[test]
fn a_date_before_any_value_is_still_a_missing_parameter() {
    // before Gansu's first standard (2019-01-01)
    let case = parse_case(&urban_on("2018-06-01", "2017-06-01", "2018-05-31").to_string()).unwrap();
    match evaluate(&case, &RuleBook::embedded()) {
        Err(CaseError::MissingParameter { param, .. }) => {
            assert_eq!(param, "dibao_standard_urban_month");
        }
        other => panic!("expected missing_parameter, got {other:?}"),
    }
    // before any national value (S1 took effect on 2014-05-01)
    let case = parse_case(&urban_on("2014-04-30", "2013-05-01", "2014-04-29").to_string()).unwrap();
    assert!(matches!(
        evaluate(&case, &RuleBook::embedded()),
        Err(CaseError::MissingParameter { .. })
    ));
}

const BELOW_GUIDANCE: &str = r#"
[division]
code = "621027"
name = "镇原县 Zhenyuan County"

[[param]]
name = "dibao_standard_urban_month"
from = "2026-07-01"
value = 600
status = "unconfirmed"
source = "test: below the provincial guidance"
"#;

#[test]
fn a_standard_below_the_provinces_guidance_is_flagged_with_the_guidance_beside_it() {
    let book = RuleBook::embedded().overlay_str(BELOW_GUIDANCE).unwrap();
    let case = parse_case(&urban_on("2026-11-01", "2025-11-01", "2026-10-31").to_string()).unwrap();
    let det = evaluate(&case, &book).unwrap();
    let std = det
        .parameters
        .iter()
        .find(|p| p.name == "dibao_standard_urban_month")
        .unwrap();
    assert_eq!(&*std.division, "621027");
    assert!(std.warnings.contains(&ParamWarning::BelowGuidance));
    let guidance = det
        .parameters
        .iter()
        .find(|p| p.name == "dibao_standard_urban_month_guidance")
        .unwrap();
    assert_eq!(&*guidance.division, "620000");
    // the local figure is still the one applied: 600 − 100
    let db = det.programme(Programme::MinimumLiving).unwrap();
    assert_eq!(db.monthly_amount.unwrap().to_string(), "500");
    let answer = jiuzhu::answer(Ok(&det));
    assert!(
        answer.contains(r#""warnings":["unconfirmed","below_guidance"]"#),
        "{answer}"
    );

    // at or above the guidance: no warning, and the guidance is not listed
    let det = evaluate(&case, &RuleBook::embedded()).unwrap();
    let std = det
        .parameters
        .iter()
        .find(|p| p.name == "dibao_standard_urban_month")
        .unwrap();
    assert!(!std.warnings.contains(&ParamWarning::BelowGuidance));
    assert!(
        !det.parameters
            .iter()
            .any(|p| p.name == "dibao_standard_urban_month_guidance")
    );
}

#[test]
fn a_county_marginal_multiplier_is_flagged_from_the_law_on() {
    let overlay = r#"
[division]
code = "621027"
name = "镇原县 Zhenyuan County"

[[param]]
name = "edge_income_multiplier"
from = "2026-01-01"
value = "1.6"
status = "unconfirmed"
source = "test: a county multiplier"
"#;
    let book = RuleBook::embedded().overlay_str(overlay).unwrap();
    for (date, from, to, flagged) in [
        ("2026-06-30", "2025-06-30", "2026-06-29", false),
        ("2026-07-01", "2025-07-01", "2026-06-30", true),
    ] {
        let case = parse_case(&urban_on(date, from, to).to_string()).unwrap();
        let det = evaluate(&case, &book).unwrap();
        let m = det
            .parameters
            .iter()
            .find(|p| p.name == "edge_income_multiplier")
            .unwrap();
        assert_eq!(
            m.warnings.contains(&ParamWarning::BelowLegalLevel),
            flagged,
            "{date}"
        );
    }
}

/// An elderly person alone with a son elsewhere whom a bank record concerns.
fn supporter_case(consent: bool, balance: &str) -> Value {
    json!({
        "evaluation_date": "2026-11-01", "jurisdiction": "621027",
        "purpose": "new_application", "area": "rural",
        "household": {
            "members": [ { "key": "m1", "relation": "applicant", "birth_date": "1930-02-10",
                           "contracted_land": true } ],
            "supporters": [ { "key": "s1", "relation": "child", "birth_date": "1953-05-05",
                              "annual_income": "3000", "financial_assets": "2000",
                              "verification_consent": consent } ]
        },
        "evidence": [ { "department": "financial_institution", "member": "s1",
                        "date": "2026-10-10",
                        "fact": { "item": "account_balance", "amount": balance } } ]
    })
}

#[test]
fn a_supporters_records_are_used_only_with_consent() {
    let run = |consent, balance| {
        let case = parse_case(&supporter_case(consent, balance).to_string()).unwrap();
        evaluate(&case, &RuleBook::embedded()).unwrap()
    };
    let consent_finding = |det: &jiuzhu::Determination| {
        det.verification
            .findings
            .iter()
            .find(|f| f.rule == RuleId::VerConsent)
            .cloned()
            .unwrap()
    };
    // no consent: the record is set aside, nothing changes, the finding says consent is missing
    let without = run(false, "300000");
    let f = consent_finding(&without);
    assert_eq!(f.verdict, Verdict::Fail);
    assert_eq!(f.member.as_deref(), Some("s1"));
    assert!(
        f.text_en().contains("no written consent"),
        "{}",
        f.text_en()
    );
    assert!(without.verification.discrepancies.is_empty());
    assert!(
        !without
            .verification
            .findings
            .iter()
            .any(|f| f.rule == RuleId::VerBalance)
    );
    // with consent: the recorded 300,000 replaces the declared 2,000 for TK-5
    let with = run(true, "300000");
    let f = consent_finding(&with);
    assert_eq!(f.verdict, Verdict::Fail);
    assert_eq!(with.verification.discrepancies.len(), 1);
    assert!(with.verification.discrepancies[0].applied);
    let tk5 = |det: &jiuzhu::Determination| {
        det.programme(Programme::SpecialHardship)
            .unwrap()
            .individual_coverage
            .iter()
            .flat_map(|c| c.findings.iter())
            .find(|f| f.rule == RuleId::Tk5)
            .map(|f| f.verdict)
    };
    assert_ne!(
        tk5(&without),
        tk5(&with),
        "the consented record reaches TK-5"
    );
    // with consent and the same figure: a pass
    let same = run(true, "2000");
    assert_eq!(consent_finding(&same).verdict, Verdict::Pass);
}

#[test]
fn the_law_is_in_force_from_the_first_of_july_2026() {
    assert_eq!(LAW_IN_FORCE, NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
}
