//! Temporary relief (TR-1, TR-2, TR-3, TR-4, TR-7): both sides of every rule, the expenditure
//! formula and one case, one discussion above the cap.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jiuzhu::explain::FigureValue;
use jiuzhu::{
    Determination, Finding, Outcome, Programme, ProgrammeResult, ReviewReason, RuleBook, RuleId,
    Verdict, evaluate, parse_case,
};
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn run(v: Value) -> Determination {
    evaluate(&parse_case(&v.to_string()).unwrap(), &RuleBook::embedded()).unwrap()
}

fn tr(d: &Determination) -> &ProgrammeResult {
    d.programme(Programme::TemporaryRelief).unwrap()
}

fn find(p: &ProgrammeResult, rule: RuleId) -> &Finding {
    p.findings
        .iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("no {rule} finding"))
}

fn yuan(f: &Finding, name: &str) -> Decimal {
    match f.figure(name) {
        Some(FigureValue::Yuan(d)) => *d,
        other => panic!("{}: figure {name} is {other:?}", f.rule),
    }
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// An urban Zhenyuan household of four (Gansu urban standard 623), wage 36,000 a year.
fn four(events: Value) -> Value {
    json!({
        "evaluation_date": "2026-11-01",
        "jurisdiction": "621027",
        "purpose": "new_application",
        "area": "urban",
        "household": {
            "members": [
                { "key": "m1", "relation": "applicant", "birth_date": "1982-01-01" },
                { "key": "m2", "relation": "spouse", "birth_date": "1984-01-01" },
                { "key": "m3", "relation": "child", "birth_date": "2012-01-01" },
                { "key": "m4", "relation": "child", "birth_date": "2015-01-01" }
            ],
            "incomes": [
                { "member": "m1", "category": "wage", "amount": "36000",
                  "from": "2025-11-01", "to": "2026-10-31" }
            ],
            "events": events
        }
    })
}

#[test]
fn expenditure_type_four_persons_three_months() {
    let det = run(four(json!([
        { "kind": "essential_expenditure", "date": "2026-10-01", "hardship_months": 3 }
    ])));
    let t = tr(&det);
    assert_eq!(t.outcome, Outcome::Eligible, "{:#?}", t.findings);
    let t4 = find(t, RuleId::Tr4);
    assert_eq!(t4.verdict, Verdict::Pass);
    assert_eq!(yuan(t4, "urban_standard"), d("623"));
    assert_eq!(
        yuan(t4, "amount"),
        d("7476"),
        "Gansu expenditure type: 623 × 4 persons × 3 months"
    );
    assert_eq!(t.one_off_amount.unwrap().value(), d("7476"));
    let t2 = find(t, RuleId::Tr2);
    assert_eq!(
        t2.verdict,
        Verdict::Pass,
        "income per head 675 below 2,084.25"
    );
    // 7,476 is exactly 12 months of 623: not above the cap.
    let t7 = find(t, RuleId::Tr7);
    assert_eq!(t7.verdict, Verdict::Pass);
    assert_eq!(yuan(t7, "cap"), d("7476"));
    assert_eq!(t.review_reason, None);
    assert_eq!(
        find(t, RuleId::Tr5).verdict,
        Verdict::Pass,
        "one approval, staged"
    );
    assert_eq!(find(t, RuleId::Tr6).verdict, Verdict::NotApplicable);
}

#[test]
fn above_the_cap_needs_one_case_one_discussion() {
    let det = run(four(json!([
        { "kind": "essential_expenditure", "date": "2026-10-01", "hardship_months": 4 }
    ])));
    let t = tr(&det);
    assert_eq!(t.outcome, Outcome::NeedsReview);
    assert_eq!(t.review_reason, Some(ReviewReason::OneCaseOneDiscussion));
    assert_eq!(
        t.one_off_amount.unwrap().value(),
        d("9968"),
        "proposed 623 × 4 × 4"
    );
    let t7 = find(t, RuleId::Tr7);
    assert_eq!(t7.verdict, Verdict::Unknown);
    assert_eq!(yuan(t7, "proposed"), d("9968"));
    assert!(t.review.iter().any(|r| r.rule == RuleId::Tr7));
    let json = serde_json::to_string(t).unwrap();
    assert!(json.contains("\"review_reason\":\"one_case_one_discussion\""));
    assert!(json.contains("\"one_off_amount\":\"9968\""));
}

#[test]
fn sample_household_above_the_cap() {
    let c: Value =
        serde_json::from_str(include_str!("../examples/households/tr-above-cap.json")).unwrap();
    let det = run(c);
    let t = tr(&det);
    assert_eq!(t.outcome, Outcome::NeedsReview);
    assert_eq!(t.one_off_amount.unwrap().value(), d("18690"), "623 × 5 × 6");
}

#[test]
fn months_are_counted_up_to_six_and_more_go_to_one_case_one_discussion() {
    let det = run(four(json!([
        { "kind": "essential_expenditure", "date": "2026-10-01", "hardship_months": 9,
          "persons": 1 }
    ])));
    let t4 = find(tr(&det), RuleId::Tr4);
    assert_eq!(
        t4.figure("months_counted"),
        Some(&FigureValue::Number(d("6")))
    );
    assert_eq!(
        t4.figure("method"),
        Some(&FigureValue::Code("months_capped".into()))
    );
    assert_eq!(
        yuan(t4, "amount"),
        d("3738"),
        "623 × 1 × 6 (Gansu: at most 6)"
    );
    // TR-11: nine months are never cut to six silently; the event goes to one case, one
    // discussion with the amount on six months proposed.
    let t11 = find(tr(&det), RuleId::Tr11);
    assert_eq!(t11.verdict, Verdict::Unknown);
    assert_eq!(
        t11.figure("months_of_hardship"),
        Some(&FigureValue::Number(d("9")))
    );
    assert_eq!(yuan(t11, "proposed"), d("3738"));
    assert_eq!(tr(&det).outcome, Outcome::NeedsReview);
    assert_eq!(
        tr(&det).review_reason,
        Some(ReviewReason::OneCaseOneDiscussion)
    );
    assert_eq!(tr(&det).one_off_amount.map(|y| y.value()), Some(d("3738")));
}

#[test]
fn light_emergency_paid_first_up_to_800() {
    let det = run(four(json!([
        { "kind": "fire", "date": "2026-10-28", "severity": "light",
          "requested_amount": "1500" }
    ])));
    let t = tr(&det);
    assert_eq!(t.outcome, Outcome::Eligible);
    let t3 = find(t, RuleId::Tr3);
    assert_eq!(t3.verdict, Verdict::Pass);
    assert_eq!(yuan(t3, "cap"), d("800"), "Gansu 2021 light emergency cap");
    assert_eq!(t.one_off_amount.unwrap().value(), d("800"));
    assert_eq!(
        find(t, RuleId::Tr6).verdict,
        Verdict::Pass,
        "township reserve fund"
    );
    assert_eq!(find(t, RuleId::Tr5).verdict, Verdict::NotApplicable);
    let t2 = find(t, RuleId::Tr2);
    assert_eq!(
        t2.figure("type"),
        Some(&FigureValue::Code("emergency".into()))
    );

    let det = run(four(json!([
        { "kind": "traffic_accident", "date": "2026-10-28", "requested_amount": "500" }
    ])));
    assert_eq!(tr(&det).one_off_amount.unwrap().value(), d("500"));
}

#[test]
fn heavy_emergency_is_computed_as_expenditure_type() {
    let det = run(four(json!([
        { "kind": "sudden_serious_illness", "date": "2026-10-10", "severity": "heavy",
          "hardship_months": 2 }
    ])));
    let t = tr(&det);
    assert_eq!(find(t, RuleId::Tr3).verdict, Verdict::NotApplicable);
    assert_eq!(t.one_off_amount.unwrap().value(), d("4984"), "623 × 4 × 2");

    // Without the months of hardship, a person must decide.
    let det = run(four(json!([
        { "kind": "natural_disaster", "date": "2026-10-10", "severity": "heavy" }
    ])));
    let t = tr(&det);
    assert_eq!(find(t, RuleId::Tr4).verdict, Verdict::Unknown);
    assert_eq!(t.outcome, Outcome::NeedsReview);
    assert_eq!(t.review_reason, None);
}

#[test]
fn expenditure_type_means_test_fails_above_disposable_income() {
    let mut c = four(json!([
        { "kind": "essential_expenditure", "date": "2026-10-01", "hardship_months": 3 }
    ]));
    c["household"]["incomes"][0]["amount"] = json!("120000");
    let det = run(c);
    let t = tr(&det);
    assert_eq!(
        find(t, RuleId::Tr2).verdict,
        Verdict::Fail,
        "9,000 ÷ 4 ≥ 2,084.25"
    );
    assert_eq!(t.outcome, Outcome::NotEligible);
    assert_eq!(t.one_off_amount, None);
}

#[test]
fn no_event_no_relief() {
    let det = run(four(json!([])));
    let t = tr(&det);
    assert_eq!(find(t, RuleId::Tr1).verdict, Verdict::Fail);
    assert_eq!(t.outcome, Outcome::NotEligible);

    let det = run(four(json!([{ "kind": "other", "date": "2026-10-01" }])));
    assert_eq!(find(tr(&det), RuleId::Tr1).verdict, Verdict::Pass);
}
