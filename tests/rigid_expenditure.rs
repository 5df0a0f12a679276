//! Rigid-expenditure hardship families (RIG-1 … RIG-8): both sides of every rule.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jiuzhu::explain::FigureValue;
use jiuzhu::{
    Determination, Finding, Outcome, Programme, ProgrammeResult, RuleBook, RuleId, Verdict,
    evaluate, parse_case,
};
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn run(v: Value) -> Determination {
    evaluate(&parse_case(&v.to_string()).unwrap(), &RuleBook::embedded()).unwrap()
}

fn rig(d: &Determination) -> &ProgrammeResult {
    d.programme(Programme::RigidExpenditure).unwrap()
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

/// The sample family: urban Zhenyuan, 3 members, wage 120,000 a year, self-paid medical
/// 66,000 and education 6,000 (public-school rate 2,500) in the last 12 months.
fn family() -> Value {
    serde_json::from_str(include_str!("../examples/households/rig-medical.json")).unwrap()
}

#[test]
fn heavy_medical_costs_make_a_rigid_expenditure_family() {
    let det = run(family());
    // Not dibao (income per head 1,166.67 after INC-4 deductions ≥ 623) nor marginal (≥ 934.50).
    assert_eq!(
        det.programme(Programme::MinimumLiving).unwrap().outcome,
        Outcome::NotEligible
    );
    assert_eq!(
        det.programme(Programme::MarginalFamily).unwrap().outcome,
        Outcome::NotEligible
    );
    let r = rig(&det);
    assert_eq!(r.outcome, Outcome::Eligible, "{:#?}", r.findings);
    assert_eq!(find(r, RuleId::Rig7).verdict, Verdict::Pass);
    assert_eq!(find(r, RuleId::Rig1).verdict, Verdict::Pass);
    let r8 = find(r, RuleId::Rig8);
    assert_eq!(r8.verdict, Verdict::Pass);
    assert_eq!(yuan(r8, "line"), d("2084.25"), "25,011 ÷ 12");
    let r2 = find(r, RuleId::Rig2);
    assert_eq!(r2.verdict, Verdict::Pass);
    assert_eq!(yuan(r2, "medical"), d("66000"));
    assert_eq!(
        yuan(r2, "education"),
        d("2500"),
        "capped at the public-school rate"
    );
    assert_eq!(yuan(r2, "education_above_public_rate"), d("3500"));
    assert_eq!(yuan(r2, "total"), d("68500"));
    let r3 = find(r, RuleId::Rig3);
    assert_eq!(r3.verdict, Verdict::Pass);
    assert_eq!(
        yuan(r3, "household_income"),
        d("120000"),
        "income before INC-4 deductions"
    );
    assert_eq!(
        r3.figure("share"),
        Some(&FigureValue::Ratio(d("0.5708"))),
        "68,500 ÷ 120,000"
    );
    assert_eq!(find(r, RuleId::Rig4).verdict, Verdict::Pass);
    let r5 = find(r, RuleId::Rig5);
    assert_eq!(r5.verdict, Verdict::Pass);
    assert_eq!(
        r.valid_until,
        Some("2027-10-31".parse().unwrap()),
        "valid at most 12 months"
    );
    assert_eq!(find(r, RuleId::Rig6).verdict, Verdict::Pass);
}

#[test]
fn not_in_force_before_2025() {
    let mut c = family();
    c["evaluation_date"] = json!("2024-11-01");
    c["household"]["incomes"][0]["from"] = json!("2023-11-01");
    c["household"]["incomes"][0]["to"] = json!("2024-10-31");
    c["household"]["expenses"] = json!([]);
    let det = run(c);
    let r = rig(&det);
    assert_eq!(r.outcome, Outcome::NotEligible);
    assert_eq!(
        find(r, RuleId::Rig7).verdict,
        Verdict::Fail,
        "S4 from 2025-01-01"
    );
    assert_eq!(r.findings.len(), 1);
}

#[test]
fn dibao_or_marginal_households_are_not_rigid_expenditure_families() {
    // Wage 36,000: with the medical deduction the household is in dibao.
    let mut c = family();
    c["household"]["incomes"][0]["amount"] = json!("36000");
    let det = run(c);
    assert_eq!(
        det.programme(Programme::MinimumLiving).unwrap().outcome,
        Outcome::Eligible
    );
    let r = rig(&det);
    let r1 = find(r, RuleId::Rig1);
    assert_eq!(r1.verdict, Verdict::Fail);
    assert_eq!(
        r1.figure("reason"),
        Some(&FigureValue::Code("qualifies_for_minimum_living".into()))
    );
    assert_eq!(r.outcome, Outcome::NotEligible);
    for rule in [RuleId::Rig4, RuleId::Rig5, RuleId::Rig6] {
        assert_eq!(find(r, rule).verdict, Verdict::NotApplicable, "{rule}");
    }
    assert_eq!(r.valid_until, None);

    // Enrolled as a marginal family: excluded too.
    let mut c = family();
    c["purpose"] = json!("recheck");
    c["enrolment"] = json!({ "programme": "marginal_family", "monthly_amount": "0",
                              "since": "2025-06-01" });
    let r1 = find(rig(&run(c)), RuleId::Rig1).clone();
    assert_eq!(r1.verdict, Verdict::Fail);
}

#[test]
fn income_per_head_above_disposable_income_fails() {
    let mut c = family();
    c["household"]["incomes"][0]["amount"] = json!("300000");
    let det = run(c);
    let r8 = find(rig(&det), RuleId::Rig8);
    assert_eq!(r8.verdict, Verdict::Fail, "{}", r8.text_en());
    assert_eq!(rig(&det).outcome, Outcome::NotEligible);
}

#[test]
fn share_below_threshold_and_no_expenditure_fail() {
    let mut c = family();
    c["household"]["expenses"][0]["self_paid"] = json!("40000");
    let det = run(c);
    let r3 = find(rig(&det), RuleId::Rig3);
    assert_eq!(
        r3.verdict,
        Verdict::Fail,
        "42,500 ÷ 120,000 is not above 50 %"
    );
    assert_eq!(rig(&det).outcome, Outcome::NotEligible);

    let mut c = family();
    // Paid 13 months ago: outside the 12-month look-back.
    c["household"]["expenses"] = json!([
        { "member": "m2", "kind": "medical", "amount": "150000", "self_paid": "66000",
          "date": "2025-10-01" }
    ]);
    let det = run(c);
    let r2 = find(rig(&det), RuleId::Rig2);
    assert_eq!(r2.verdict, Verdict::Fail);
    assert_eq!(yuan(r2, "total"), Decimal::ZERO);
}
