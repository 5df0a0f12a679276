//! Verification against department data, recipient re-checks and monitoring warnings
//! (issue 4): every VER- and MON- rule, both sides.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jiuzhu::case::Department;
use jiuzhu::explain::FigureValue;
use jiuzhu::{
    Action, CaseError, Colour, Determination, Effect, Level, Outcome, Programme, RuleBook, RuleId,
    Verdict, evaluate, evaluate_json, parse_case,
};
use rust_decimal::Decimal;
use serde_json::{Value, json};

/// The recommended action as its JSON form (the variants are `#[non_exhaustive]`: read, never
/// built, outside the crate).
fn action(det: &Determination) -> Value {
    serde_json::to_value(&det.monitoring.action).unwrap()
}

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

fn run(v: &Value) -> Determination {
    evaluate(&parse_case(&v.to_string()).unwrap(), &RuleBook::embedded()).unwrap()
}

fn run_err(v: &Value) -> CaseError {
    evaluate(&parse_case(&v.to_string()).unwrap(), &RuleBook::embedded()).unwrap_err()
}

fn sample(name: &str) -> Determination {
    let text = std::fs::read_to_string(format!("examples/households/{name}")).unwrap();
    evaluate(&parse_case(&text).unwrap(), &RuleBook::embedded()).unwrap()
}

fn five() -> Value {
    json!([
        "vehicle_registry",
        "real_estate",
        "financial_institution",
        "market_regulation",
        "human_resources"
    ])
}

fn ev(department: &str, member: &str, date: &str, fact: Value) -> Value {
    json!({ "department": department, "member": member, "date": date, "fact": fact })
}

/// Two adults in Zhenyuan (urban standard 623); m1 earns 6,000 a year: 500 a month less the
/// 10 % job cost = 450; income per head 225; gap 623 × 2 − 450 = 796.
fn couple(evidence: Value) -> Value {
    json!({
        "evaluation_date": "2026-11-01", "jurisdiction": "621027",
        "purpose": "new_application", "area": "urban",
        "household": {
            "members": [
                { "key": "m1", "relation": "applicant", "birth_date": "1970-03-01" },
                { "key": "m2", "relation": "spouse", "birth_date": "1972-06-15" }
            ],
            "incomes": [ { "member": "m1", "category": "wage", "amount": "6000",
                           "from": "2025-11-01", "to": "2026-10-31" } ]
        },
        "evidence": evidence,
        "evidence_checked": five()
    })
}

fn dibao(d: &Determination) -> &jiuzhu::ProgrammeResult {
    d.programme(Programme::MinimumLiving).unwrap()
}

fn amount(d: &Determination) -> Option<Decimal> {
    dibao(d).monthly_amount.map(|a| a.value())
}

fn verdicts(d: &Determination, rule: RuleId) -> Vec<Verdict> {
    d.all_findings()
        .filter(|f| f.rule == rule)
        .map(|f| f.verdict)
        .collect()
}

fn effects(d: &Determination) -> Vec<(RuleId, Effect)> {
    d.verification
        .discrepancies
        .iter()
        .map(|x| (x.rule, x.effect))
        .collect()
}

fn warning_rules(d: &Determination) -> Vec<(Colour, RuleId)> {
    d.monitoring
        .warnings
        .iter()
        .map(|w| (w.colour, w.rule))
        .collect()
}

// ---------------------------------------------------------------- must show

#[test]
fn undeclared_car_on_the_vehicle_register_is_decisive_not_eligible_with_a_field_task() {
    let det = sample("verify-undeclared-car.json");
    assert_eq!(
        dibao(&det).outcome,
        Outcome::NotEligible,
        "AST-5: a registered car fails the asset test"
    );
    assert_eq!(effects(&det), vec![(RuleId::VerVehicle, Effect::Decisive)]);
    let disc = &det.verification.discrepancies[0];
    assert_eq!(disc.declared, None, "nothing was declared");
    assert_eq!(disc.verified, FigureValue::Yuan(d(60000)));
    let tasks = &det.verification.field_tasks;
    assert_eq!(tasks.len(), 1, "one task for the one decisive discrepancy");
    let t = &tasks[0];
    assert_eq!(
        (t.member.as_str(), t.department, t.item.as_ref(), t.rule),
        (
            "m1",
            Department::VehicleRegistry,
            "vehicle_registered",
            RuleId::VerVehicle
        )
    );
    assert_eq!(t.record_date.to_string(), "2026-10-15");
    assert!(t.check_zh.contains("机动车登记") && t.check_zh.contains("2026-10-15"));
    assert!(
        t.check_en.contains("vehicle registered") && t.check_en.contains("changes the outcome")
    );
    // the declared household alone would have been eligible: 623 × 2 − 450 = 796
    let mut declared: Value = serde_json::from_str(
        &std::fs::read_to_string("examples/households/verify-undeclared-car.json").unwrap(),
    )
    .unwrap();
    declared["evidence"] = json!([]);
    assert_eq!(amount(&run(&declared)), Some(d(796)));
}

#[test]
fn higher_bank_balance_within_the_limit_is_minor_and_still_eligible() {
    let det = sample("verify-higher-balance.json");
    assert_eq!(effects(&det), vec![(RuleId::VerBalance, Effect::Minor)]);
    assert_eq!(
        det.accounts.financial_assets.value(),
        d(5000),
        "the recorded 5,000 replaces the declared 3,000"
    );
    assert_eq!(
        amount(&det),
        Some(d(423)),
        "623 − 200 = 423; 5,000 is within 24 × 623 = 14,952"
    );
    assert!(
        det.verification.field_tasks.is_empty(),
        "minor: no field task"
    );
    assert_eq!(
        warning_rules(&det),
        vec![(Colour::Blue, RuleId::MonBlueMinor)]
    );
}

#[test]
fn death_record_in_a_recipient_household_adjusts_the_amount() {
    let det = sample("recheck-death.json");
    assert_eq!(det.verification.removed_members, vec!["m2".to_owned()]);
    assert_eq!(det.accounts.counted_members, vec!["m1", "m3"]);
    assert_eq!(
        action(&det),
        json!({ "kind": "adjust", "programme": "minimum_living", "current_amount": "1269", "new_amount": "646", "difference": "-623" }),
        "623 × 2 − 600 = 646, down from 623 × 3 − 600 = 1,269"
    );
    assert_eq!(effects(&det), vec![(RuleId::VerDeath, Effect::Material)]);
    assert_eq!(det.verification.field_tasks.len(), 1);
    assert_eq!(
        det.monitoring.next_review.map(|x| x.to_string()),
        Some("2027-11-01".to_owned()),
        "DB-8: 12 months, no member able to work"
    );
}

#[test]
fn recipient_whose_wage_rose_above_the_line_gets_a_gradual_exit_with_its_end_month() {
    let det = sample("recheck-wage-rise.json");
    assert_eq!(
        det.accounts.per_capita_income.map(|y| y.value()),
        Some(d(750)),
        "(2,500 − 250 job cost) ÷ 3 = 750 > 623"
    );
    match &det.monitoring.action {
        Some(Action::GradualExit {
            programme,
            amount,
            months,
            exit_end_month,
            rule,
            ..
        }) => {
            assert_eq!(*programme, Programme::MinimumLiving);
            assert_eq!(amount.value(), d(1149), "the amount paid now continues");
            assert_eq!(*months, 6, "INC-10: at most 6 months");
            assert_eq!(
                exit_end_month.to_string(),
                "2027-05-01",
                "December 2026 … May 2027"
            );
            assert_eq!(*rule, RuleId::Db1);
        }
        other => panic!("expected a gradual exit, got {other:?}"),
    }
    assert_eq!(
        det.monitoring.next_review.map(|x| x.to_string()),
        Some("2027-05-01".to_owned())
    );
    assert_eq!(effects(&det), vec![(RuleId::VerWage, Effect::Decisive)]);
}

#[test]
fn non_enrolled_person_aged_80_without_income_is_a_red_warning_and_enrol() {
    // Aged 80, no income, no supporter, fully self-caring: special hardship (漏养), which comes
    // first in `enrol_programmes`: basic living 811 (Gansu urban 9,732 a year ÷ 12) + care for
    // full self-care 140 = 951 a month.
    let det = sample("recheck-dynamic-elderly.json");
    assert_eq!(
        action(&det),
        json!({ "kind": "enrol", "programme": "special_hardship", "amount": "951" }),
        "special hardship 811 + 140"
    );
    let w = &det.monitoring.warnings;
    assert_eq!(w.len(), 1);
    assert_eq!(
        (w[0].colour, w[0].rule, w[0].level, w[0].deadline_days),
        (Colour::Red, RuleId::MonRedMissed, Level::Township, 5)
    );
    assert_eq!(w[0].programme, Some(Programme::SpecialHardship));
    assert_eq!(
        det.monitoring.next_review.map(|x| x.to_string()),
        Some("2027-11-01".to_owned()),
        "TK-15: yearly"
    );
    // without a self-care assessment special hardship waits for review (TK-10); dibao is then
    // the programme to enrol in: the full urban standard 623
    let mut v: Value = serde_json::from_str(
        &std::fs::read_to_string("examples/households/recheck-dynamic-elderly.json").unwrap(),
    )
    .unwrap();
    v["household"]["members"][0]
        .as_object_mut()
        .unwrap()
        .remove("self_care");
    let det = run(&v);
    assert_eq!(
        action(&det),
        json!({ "kind": "enrol", "programme": "minimum_living", "amount": "623" })
    );
    assert_eq!(
        warning_rules(&det),
        vec![(Colour::Red, RuleId::MonRedMissed)]
    );
}

// ---------------------------------------------------------------- VER rules

#[test]
fn ver_auth_uses_only_records_from_the_authoritative_department() {
    let ok = run(&couple(json!([ev(
        "human_resources",
        "m1",
        "2026-10-01",
        json!({"item": "wage", "monthly": "500"})
    )])));
    assert_eq!(verdicts(&ok, RuleId::VerAuth), vec![Verdict::Pass]);
    // civil affairs is not authoritative for wages: its record is not used
    let ignored = run(&couple(json!([ev(
        "civil_affairs",
        "m1",
        "2026-10-01",
        json!({"item": "wage", "monthly": "5000"})
    )])));
    assert_eq!(verdicts(&ignored, RuleId::VerAuth), vec![Verdict::Fail]);
    assert!(ignored.verification.discrepancies.is_empty());
    assert_eq!(amount(&ignored), Some(d(796)), "the declared wage stands");
}

#[test]
fn ver_req_missing_required_department_holds_an_eligible_result_for_review() {
    let mut v = couple(json!([]));
    assert_eq!(amount(&run(&v)), Some(d(796)));
    assert_eq!(verdicts(&run(&v), RuleId::VerReq), vec![Verdict::Pass]);
    v["evidence_checked"] = json!([
        "vehicle_registry",
        "financial_institution",
        "market_regulation",
        "human_resources"
    ]);
    let det = run(&v);
    assert_eq!(
        dibao(&det).outcome,
        Outcome::NeedsReview,
        "real estate not queried"
    );
    assert_eq!(amount(&det), None, "no guessed amount");
    assert!(dibao(&det).review.iter().any(|r| r.rule == RuleId::VerReq));
    assert_eq!(
        det.verification.missing_departments,
        vec![Department::RealEstate]
    );
    assert_eq!(
        verdicts(&det, RuleId::VerReq).first(),
        Some(&Verdict::Unknown)
    );
}

#[test]
fn ver_req_without_any_department_data_is_a_declaration_only_result_unless_configured() {
    let mut v = couple(json!([]));
    v["evidence_checked"] = json!([]);
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::VerReq), vec![Verdict::NotApplicable]);
    assert_eq!(amount(&det), Some(d(796)));
    let strict = RuleBook::embedded()
        .overlay_str(
            r#"
            [division]
            code = "621027"
            name = "test"
            [[param]]
            name = "evidence_required_without_data"
            from = "2021-07-01"
            value = true
            status = "unconfirmed"
            source = "test"
            "#,
        )
        .unwrap();
    let det = evaluate(&parse_case(&v.to_string()).unwrap(), &strict).unwrap();
    assert_eq!(dibao(&det).outcome, Outcome::NeedsReview);
    assert_eq!(det.verification.missing_departments.len(), 5);
}

#[test]
fn ver_vehicle_a_declared_vehicle_on_the_register_is_no_discrepancy() {
    let mut v = couple(json!([ev(
        "vehicle_registry",
        "m1",
        "2026-10-01",
        json!({"item": "vehicle_registered", "kind": "car", "value": "30000"})
    )]));
    v["household"]["assets"] = json!({ "vehicles": [
        { "member": "m1", "kind": "car", "value": "30000", "disability_mobility": true } ] });
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::VerVehicle), vec![Verdict::Pass]);
    assert!(det.verification.discrepancies.is_empty());
    assert_eq!(amount(&det), Some(d(796)), "the mobility exemption is kept");
    let undeclared = run(&couple(json!([ev(
        "vehicle_registry",
        "m1",
        "2026-10-01",
        json!({"item": "vehicle_registered", "kind": "car", "value": "30000"})
    )])));
    assert_eq!(
        verdicts(&undeclared, RuleId::VerVehicle),
        vec![Verdict::Fail]
    );
}

#[test]
fn ver_property_an_undeclared_large_home_is_decisive() {
    let home = |area: &str| {
        ev(
            "real_estate",
            "m1",
            "2026-09-01",
            json!({"item": "property", "location": "urban", "floor_area": area}),
        )
    };
    let mut v = couple(json!([home("60")]));
    v["household"]["assets"] =
        json!({ "homes": [ { "member": "m1", "location": "urban", "floor_area": "60" } ] });
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::VerProperty), vec![Verdict::Pass]);
    assert!(det.verification.discrepancies.is_empty());
    v["evidence"] = json!([home("60"), home("140")]);
    let det = run(&v);
    assert_eq!(
        verdicts(&det, RuleId::VerProperty),
        vec![Verdict::Pass, Verdict::Fail]
    );
    assert_eq!(effects(&det), vec![(RuleId::VerProperty, Effect::Decisive)]);
    assert_eq!(
        dibao(&det).outcome,
        Outcome::NotEligible,
        "AST-6: two homes in town"
    );
}

#[test]
fn ver_balance_a_lower_recorded_balance_keeps_the_declared_figure() {
    let bal = |a: &str| {
        ev(
            "financial_institution",
            "m1",
            "2026-10-01",
            json!({"item": "account_balance", "amount": a}),
        )
    };
    let mut v = couple(json!([bal("2000")]));
    v["household"]["assets"] =
        json!({ "financial": [ { "member": "m1", "kind": "deposit", "amount": "2000" } ] });
    assert_eq!(verdicts(&run(&v), RuleId::VerBalance), vec![Verdict::Pass]);
    v["evidence"] = json!([bal("500")]);
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::VerBalance), vec![Verdict::Fail]);
    let x = &det.verification.discrepancies[0];
    assert!(
        !x.applied,
        "a lower record does not replace the declaration"
    );
    assert_eq!(x.effect, Effect::Minor);
    assert_eq!(det.accounts.financial_assets.value(), d(2000));
    // a balance above the limit 24 × 623 × 2 = 29,904 is decisive
    v["evidence"] = json!([bal("29905")]);
    let det = run(&v);
    assert_eq!(effects(&det), vec![(RuleId::VerBalance, Effect::Decisive)]);
    assert_eq!(dibao(&det).outcome, Outcome::NotEligible);
}

#[test]
fn ver_wage_recorded_wage_replaces_the_declared_one_and_a_base_only_when_higher() {
    let wage = |dep: &str, item: &str, m: &str| {
        ev(dep, "m1", "2026-10-01", json!({"item": item, "monthly": m}))
    };
    let det = run(&couple(json!([wage("tax", "wage", "500")])));
    assert_eq!(verdicts(&det, RuleId::VerWage), vec![Verdict::Pass]);
    // 700 a month: 630 after the job cost; 623 × 2 − 630 = 616
    let det = run(&couple(json!([wage("tax", "wage", "700")])));
    assert_eq!(verdicts(&det, RuleId::VerWage), vec![Verdict::Fail]);
    assert_eq!(amount(&det), Some(d(616)));
    assert_eq!(effects(&det), vec![(RuleId::VerWage, Effect::Material)]);
    // a lower recorded wage is used too: 300 → 270; 1,246 − 270 = 976
    let det = run(&couple(json!([wage("human_resources", "wage", "300")])));
    assert_eq!(amount(&det), Some(d(976)));
    // a contribution base lower than the declared wage is reported but not used
    let det = run(&couple(json!([wage(
        "human_resources",
        "contribution_base",
        "400"
    )])));
    assert_eq!(amount(&det), Some(d(796)));
    assert!(!det.verification.discrepancies[0].applied);
    // a higher one is: 900 → 810; 1,246 − 810 = 436
    let det = run(&couple(json!([wage(
        "housing_fund",
        "contribution_base",
        "900"
    )])));
    assert_eq!(amount(&det), Some(d(436)));
}

#[test]
fn ver_pension_an_undeclared_pension_is_added_to_income() {
    let pension = |m: &str| {
        ev(
            "human_resources",
            "m2",
            "2026-10-01",
            json!({"item": "pension", "monthly": m}),
        )
    };
    let mut v = couple(json!([pension("200")]));
    v["household"]["incomes"].as_array_mut().unwrap().push(json!(
        { "member": "m2", "category": "transfer", "amount": "2400", "from": "2025-11-01", "to": "2026-10-31" }));
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::VerPension), vec![Verdict::Pass]);
    assert_eq!(amount(&det), Some(d(596)), "1,246 − 450 − 200");
    v["evidence"] = json!([pension("300")]);
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::VerPension), vec![Verdict::Fail]);
    assert_eq!(amount(&det), Some(d(496)), "1,246 − 450 − 300");
    assert_eq!(effects(&det), vec![(RuleId::VerPension, Effect::Material)]);
}

#[test]
fn ver_business_an_undeclared_active_enterprise_is_decisive() {
    let biz = |kind: &str, active: bool| {
        ev(
            "market_regulation",
            "m2",
            "2026-10-01",
            json!({"item": "business_registration", "kind": kind, "active": active}),
        )
    };
    let mut v = couple(json!([biz("sole_trader", false)]));
    v["household"]["assets"] = json!({ "businesses": [
        { "member": "m2", "kind": "sole_trader", "active": false } ] });
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::VerBusiness), vec![Verdict::Pass]);
    v["evidence"] = json!([biz("sole_trader", false), biz("enterprise", true)]);
    let det = run(&v);
    assert_eq!(
        verdicts(&det, RuleId::VerBusiness),
        vec![Verdict::Pass, Verdict::Fail]
    );
    assert_eq!(effects(&det), vec![(RuleId::VerBusiness, Effect::Decisive)]);
    assert_eq!(dibao(&det).outcome, Outcome::NotEligible, "AST-7");
}

#[test]
fn ver_disability_a_certificate_replaces_the_declaration() {
    let cert = |grade: u8| {
        ev(
            "disabled_persons_federation",
            "m2",
            "2026-06-01",
            json!({"item": "disability_certificate", "kind": "physical", "grade": grade}),
        )
    };
    // m2's self-paid rehabilitation of 1,200 counts as a deduction only for a disabled member
    let mut v = couple(json!([cert(2)]));
    v["household"]["expenses"] = json!([{ "member": "m2", "kind": "rehabilitation",
        "amount": "3000", "self_paid": "1200", "date": "2026-03-15" }]);
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::VerDisability), vec![Verdict::Fail]);
    assert_eq!(
        effects(&det),
        vec![(RuleId::VerDisability, Effect::Material)]
    );
    assert_eq!(amount(&det), Some(d(896)), "1,246 − (450 − 100)");
    v["household"]["members"][1]["disability"] = json!({"kind": "physical", "grade": 2});
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::VerDisability), vec![Verdict::Pass]);
    assert!(det.verification.discrepancies.is_empty());
}

#[test]
fn ver_death_queried_and_none_found_is_a_pass() {
    let mut v = couple(json!([]));
    v["evidence_checked"] = json!([
        "vehicle_registry",
        "real_estate",
        "financial_institution",
        "market_regulation",
        "human_resources",
        "civil_affairs"
    ]);
    let det = run(&v);
    assert_eq!(
        verdicts(&det, RuleId::VerDeath),
        Vec::<Verdict>::new(),
        "no evidence at all"
    );
    v["evidence"] = json!([ev(
        "vehicle_registry",
        "m1",
        "2026-10-01",
        json!({"item": "vehicle_registered", "kind": "farm_machinery", "value": "8000"})
    )]);
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::VerDeath), vec![Verdict::Pass]);
    v["evidence"] = json!([ev(
        "public_security",
        "m2",
        "2026-10-01",
        json!({"item": "death", "date": "2026-09-30"})
    )]);
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::VerDeath), vec![Verdict::Fail]);
    assert_eq!(det.accounts.counted_members, vec!["m1"]);
    assert_eq!(amount(&det), Some(d(173)), "623 − 450");
}

#[test]
fn ver_prison_an_imprisonment_record_excludes_the_member() {
    let rec = ev(
        "courts_justice",
        "m2",
        "2026-05-01",
        json!({"item": "imprisonment", "since": "2026-04-01"}),
    );
    let det = run(&couple(json!([rec.clone()])));
    assert_eq!(verdicts(&det, RuleId::VerPrison), vec![Verdict::Fail]);
    assert_eq!(det.accounts.excluded_members, vec!["m2"], "HH-3");
    assert_eq!(amount(&det), Some(d(173)), "623 − 450");
    assert_eq!(effects(&det), vec![(RuleId::VerPrison, Effect::Material)]);
    let mut v = couple(json!([rec]));
    v["household"]["members"][1]["statuses"] =
        json!([{ "kind": "imprisoned", "since": "2026-04-01" }]);
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::VerPrison), vec![Verdict::Pass]);
    assert!(det.verification.discrepancies.is_empty());
}

#[test]
fn ver_school_undeclared_enrolment_is_recorded() {
    let rec = ev(
        "education",
        "m3",
        "2026-09-10",
        json!({"item": "school_enrolment", "level": "senior_secondary"}),
    );
    let mut v = couple(json!([rec]));
    v["household"]["members"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "key": "m3", "relation": "child", "birth_date": "2010-01-01" }));
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::VerSchool), vec![Verdict::Fail]);
    assert_eq!(
        effects(&det),
        vec![(RuleId::VerSchool, Effect::Minor)],
        "a minor counts either way"
    );
    v["household"]["members"][2]["student"] = json!({ "level": "senior_secondary" });
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::VerSchool), vec![Verdict::Pass]);
}

#[test]
fn ver_medical_recorded_self_paid_costs_of_a_disabled_member_raise_the_deduction() {
    let rec = ev(
        "medical_insurance",
        "m2",
        "2026-04-01",
        json!({"item": "self_paid_medical", "amount": "2400"}),
    );
    let mut v = couple(json!([rec]));
    v["household"]["members"][1]["disability"] = json!({"kind": "visual", "grade": 1});
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::VerMedical), vec![Verdict::Fail]);
    assert_eq!(amount(&det), Some(d(996)), "1,246 − (450 − 200)");
    assert_eq!(effects(&det), vec![(RuleId::VerMedical, Effect::Material)]);
    v["household"]["expenses"] = json!([{ "member": "m2", "kind": "medical",
        "amount": "5000", "self_paid": "2400", "date": "2026-04-01" }]);
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::VerMedical), vec![Verdict::Pass]);
    assert_eq!(amount(&det), Some(d(996)));
}

#[test]
fn ver_effect_only_decisive_and_material_discrepancies_become_tasks() {
    let det = run(&couple(json!([
        ev(
            "financial_institution",
            "m1",
            "2026-10-01",
            json!({"item": "account_balance", "amount": "100"})
        ),
        ev(
            "tax",
            "m1",
            "2026-10-01",
            json!({"item": "wage", "monthly": "700"})
        ),
        ev(
            "vehicle_registry",
            "m2",
            "2026-10-01",
            json!({"item": "vehicle_registered", "kind": "truck", "value": "20000"})
        )
    ])));
    let mut e = effects(&det);
    e.sort();
    assert_eq!(
        e,
        vec![
            (RuleId::VerVehicle, Effect::Decisive),
            (RuleId::VerBalance, Effect::Minor),
            (RuleId::VerWage, Effect::Material),
        ]
    );
    assert_eq!(det.verification.field_tasks.len(), 2);
    assert_eq!(
        verdicts(&det, RuleId::VerEffect),
        vec![Verdict::Fail, Verdict::Pass, Verdict::Fail],
        "vehicle, balance, wage in reconciliation order"
    );
    // two balances, each harmless alone, together above the limit: both decisive
    let det = run(&couple(json!([
        ev(
            "financial_institution",
            "m1",
            "2026-10-01",
            json!({"item": "account_balance", "amount": "20000"})
        ),
        ev(
            "financial_institution",
            "m2",
            "2026-10-01",
            json!({"item": "account_balance", "amount": "10000"})
        )
    ])));
    assert_eq!(
        effects(&det),
        vec![
            (RuleId::VerBalance, Effect::Decisive),
            (RuleId::VerBalance, Effect::Decisive)
        ],
        "30,000 > 29,904 only together"
    );
}

// ---------------------------------------------------------------- MON rules

fn recipient(amount: &str, evidence: Value) -> Value {
    let mut v = couple(evidence);
    v["purpose"] = json!("recheck");
    v["enrolment"] = json!({ "programme": "minimum_living", "monthly_amount": amount,
        "since": "2025-06-01", "last_review": "2026-06-01" });
    v
}

#[test]
fn mon_continue_and_adjust() {
    let det = run(&recipient("796", json!([])));
    assert_eq!(
        action(&det),
        json!({ "kind": "continue", "programme": "minimum_living", "amount": "796" })
    );
    assert_eq!(verdicts(&det, RuleId::MonContinue), vec![Verdict::Pass]);
    assert!(verdicts(&det, RuleId::MonAdjust).is_empty());
    let det = run(&recipient("800", json!([])));
    assert!(
        matches!(det.monitoring.action, Some(Action::Adjust { difference, .. }) if difference.value() == d(-4))
    );
    assert_eq!(verdicts(&det, RuleId::MonAdjust), vec![Verdict::Pass]);
}

#[test]
fn mon_exit_not_when_income_rose_other_than_through_work() {
    // a pension of 1,500 a month: (450 + 1,500) ÷ 2 = 975 > 623, and without the work income
    // 1,500 ÷ 2 = 750 is still above the line: the rise is not from work
    let det = run(&recipient(
        "796",
        json!([ev(
            "human_resources",
            "m2",
            "2026-10-01",
            json!({"item": "pension", "monthly": "1500"})
        )]),
    ));
    assert_eq!(verdicts(&det, RuleId::MonExit), vec![Verdict::Fail]);
    assert_eq!(
        action(&det),
        json!({ "kind": "terminate", "programme": "minimum_living", "rule": RuleId::Db1.id() })
    );
    // a pension of 1,000: 1,000 ÷ 2 = 500 is below the line without the work income, so the
    // work income is what lifts the household over: gradual exit
    let det = run(&recipient(
        "796",
        json!([ev(
            "human_resources",
            "m2",
            "2026-10-01",
            json!({"item": "pension", "monthly": "1000"})
        )]),
    ));
    assert_eq!(verdicts(&det, RuleId::MonExit), vec![Verdict::Pass]);
}

#[test]
fn mon_terminate_names_the_rule_no_longer_met() {
    let det = run(&recipient(
        "796",
        json!([ev(
            "vehicle_registry",
            "m1",
            "2026-10-01",
            json!({"item": "vehicle_registered", "kind": "car", "value": "50000"})
        )]),
    ));
    assert_eq!(
        action(&det),
        json!({ "kind": "terminate", "programme": "minimum_living", "rule": RuleId::Ast5.id() })
    );
    assert_eq!(verdicts(&det, RuleId::MonTerminate), vec![Verdict::Pass]);
    assert_eq!(det.monitoring.next_review, None);
    assert!(
        verdicts(&det, RuleId::MonReview).is_empty(),
        "no review date once the programme ends"
    );
    let det = run(&recipient("796", json!([])));
    assert!(verdicts(&det, RuleId::MonTerminate).is_empty());
}

#[test]
fn mon_enrol_only_for_the_eligible_and_not_on_a_new_application() {
    let mut v = couple(json!([]));
    v["purpose"] = json!("dynamic_check");
    let det = run(&v);
    assert!(matches!(
        det.monitoring.action,
        Some(Action::Enrol {
            programme: Programme::MinimumLiving,
            ..
        })
    ));
    assert_eq!(verdicts(&det, RuleId::MonEnrol), vec![Verdict::Pass]);
    v["purpose"] = json!("new_application");
    let det = run(&v);
    assert_eq!(det.monitoring.action, None);
    // 30,000 a year of wages: 2,250 after job costs, 1,125 a head, above the marginal line
    // 934.50: neither dibao nor marginal
    v["purpose"] = json!("dynamic_check");
    v["household"]["incomes"][0]["amount"] = json!("30000");
    let det = run(&v);
    assert_eq!(det.monitoring.action, None);
    assert!(verdicts(&det, RuleId::MonEnrol).is_empty());
}

#[test]
fn mon_review_every_6_months_with_an_earning_member_able_to_work_else_12() {
    let det = run(&recipient("796", json!([])));
    assert_eq!(
        det.monitoring.next_review.map(|x| x.to_string()),
        Some("2027-05-01".to_owned()),
        "m1 (56) works: 6 months"
    );
    assert_eq!(verdicts(&det, RuleId::MonReview), vec![Verdict::Pass]);
    let det = sample("recheck-death.json");
    assert_eq!(
        det.monitoring.next_review.map(|x| x.to_string()),
        Some("2027-11-01".to_owned())
    );
}

#[test]
fn mon_red_missed_not_when_enrolled() {
    let det = run(&recipient("796", json!([])));
    assert_eq!(verdicts(&det, RuleId::MonRedMissed), vec![Verdict::Pass]);
    assert!(det.monitoring.warnings.is_empty());
    let det = sample("recheck-dynamic-elderly.json");
    assert_eq!(verdicts(&det, RuleId::MonRedMissed), vec![Verdict::Fail]);
}

#[test]
fn mon_red_sudden_difficulty_without_any_assistance() {
    let sudden = ev(
        "rural_revitalisation",
        "m1",
        "2026-10-20",
        json!({"item": "return_to_poverty_monitoring", "status": "sudden_severe_difficulty"}),
    );
    let mut v = couple(json!([sudden]));
    v["purpose"] = json!("dynamic_check");
    v["household"]["incomes"][0]["amount"] = json!("30000");
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::MonRedSudden), vec![Verdict::Fail]);
    assert_eq!(
        warning_rules(&det),
        vec![(Colour::Red, RuleId::MonRedSudden)]
    );
    v["household"]["incomes"][0]["amount"] = json!("6000");
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::MonRedSudden), vec![Verdict::Pass]);
}

#[test]
fn mon_orange_yellow_blue_by_discrepancy_effect() {
    let det = sample("verify-undeclared-car.json");
    assert_eq!(
        warning_rules(&det),
        vec![(Colour::Orange, RuleId::MonOrangeDecisive)]
    );
    assert_eq!(verdicts(&det, RuleId::MonBlueMinor), vec![Verdict::Pass]);
    let det = sample("recheck-death.json");
    assert_eq!(
        warning_rules(&det),
        vec![(Colour::Yellow, RuleId::MonYellowMaterial)]
    );
    assert_eq!(
        verdicts(&det, RuleId::MonOrangeDecisive),
        vec![Verdict::Pass]
    );
    let det = sample("verify-higher-balance.json");
    assert_eq!(
        verdicts(&det, RuleId::MonYellowMaterial),
        vec![Verdict::Pass]
    );
    assert_eq!(verdicts(&det, RuleId::MonBlueMinor), vec![Verdict::Fail]);
}

#[test]
fn mon_yellow_near_within_ten_percent_of_the_standard() {
    // 225 a head is 398 below 623, outside the band of 62.30
    let det = run(&couple(json!([])));
    assert_eq!(verdicts(&det, RuleId::MonYellowNear), vec![Verdict::Pass]);
    // 15,000 a year: 1,250 − 125 = 1,125 ÷ 2 = 562.50, 60.50 below 623 (band 62.30)
    let mut v = couple(json!([]));
    v["household"]["incomes"][0]["amount"] = json!("15000");
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::MonYellowNear), vec![Verdict::Fail]);
    let f = det
        .all_findings()
        .find(|f| f.rule == RuleId::MonYellowNear)
        .unwrap();
    assert_eq!(f.distance, Some(Decimal::new(6050, 2)));
    assert_eq!(
        warning_rules(&det),
        vec![(Colour::Yellow, RuleId::MonYellowNear)]
    );
}

#[test]
fn mon_yellow_overdue_when_the_review_interval_has_passed() {
    let det = run(&recipient("796", json!([])));
    assert_eq!(
        verdicts(&det, RuleId::MonYellowOverdue),
        vec![Verdict::Pass]
    );
    let mut v = recipient("796", json!([]));
    v["enrolment"]["last_review"] = json!("2026-04-30");
    let det = run(&v);
    assert_eq!(
        verdicts(&det, RuleId::MonYellowOverdue),
        vec![Verdict::Fail],
        "2026-04-30 + 6 months = 2026-10-30 < 2026-11-01"
    );
    assert_eq!(
        warning_rules(&det),
        vec![(Colour::Yellow, RuleId::MonYellowOverdue)]
    );
}

#[test]
fn warning_table_sets_colour_level_and_deadline_and_can_switch_a_rule_off() {
    let overlay = |value: &str| {
        RuleBook::embedded()
            .overlay_str(&format!(
                r#"
                [division]
                code = "621027"
                name = "test"
                [[param]]
                name = "warning_table"
                from = "2021-07-01"
                value = {value}
                status = "unconfirmed"
                source = "test"
                "#
            ))
            .unwrap()
    };
    let text = std::fs::read_to_string("examples/households/recheck-dynamic-elderly.json").unwrap();
    let case = parse_case(&text).unwrap();
    let det = evaluate(&case, &overlay(r#"["MON-RED-MISSED:orange:county:2"]"#)).unwrap();
    let w = &det.monitoring.warnings[0];
    assert_eq!(
        (w.colour, w.level, w.deadline_days),
        (Colour::Orange, Level::County, 2)
    );
    let det = evaluate(&case, &overlay("[]")).unwrap();
    assert!(det.monitoring.warnings.is_empty());
    assert!(verdicts(&det, RuleId::MonRedMissed).is_empty());
    let e = evaluate(&case, &overlay(r#"["MON-RED-MISSED:red:county"]"#)).unwrap_err();
    assert_eq!(e.code(), "bad_parameter");
}

// ---------------------------------------------------------------- validation and JSON

#[test]
fn evidence_errors_name_the_field_path() {
    let bad = |fact: Value, member: &str, date: &str| {
        run_err(&couple(json!([ev("tax", member, date, fact)])))
    };
    let wage = json!({"item": "wage", "monthly": "100"});
    assert_eq!(
        bad(wage.clone(), "m9", "2026-10-01").path(),
        Some("evidence[0].member")
    );
    let e = bad(wage, "m1", "2026-11-02");
    assert_eq!(e.path(), Some("evidence[0].date"));
    assert!(e.to_string().contains("after the evaluation date"));
    let e = bad(
        json!({"item": "account_balance", "amount": "-1"}),
        "m1",
        "2026-10-01",
    );
    assert_eq!(e.path(), Some("evidence[0].fact.amount"));
    let e = bad(
        json!({"item": "disability_certificate", "kind": "visual", "grade": 5}),
        "m1",
        "2026-10-01",
    );
    assert_eq!(e.path(), Some("evidence[0].fact.grade"));
    let e = bad(
        json!({"item": "death", "date": "2027-01-01"}),
        "m1",
        "2026-10-01",
    );
    assert_eq!(e.path(), Some("evidence[0].fact.date"));
    let mut v = couple(json!([]));
    v["evidence_checked"] = json!(["tax", "tax"]);
    assert_eq!(run_err(&v).path(), Some("evidence_checked[1]"));
    let mut v = couple(json!([]));
    v["evidence"] = json!([{ "department": "tax", "member": "m1", "date": "2026-10-01",
        "fact": { "item": "wage", "monthly": "1", "extra": 1 } }]);
    assert!(evaluate_json(&v.to_string()).starts_with(r#"{"error""#));
}

#[test]
fn json_answer_carries_verification_and_monitoring_and_is_deterministic() {
    let text = std::fs::read_to_string("examples/households/verify-undeclared-car.json").unwrap();
    let a = evaluate_json(&text);
    assert_eq!(a, evaluate_json(&text));
    let v: Value = serde_json::from_str(&a).unwrap();
    let task = &v["ok"]["verification"]["field_tasks"][0];
    assert_eq!(task["department"], "vehicle_registry");
    assert_eq!(task["effect"], "decisive");
    assert_eq!(v["ok"]["monitoring"]["warnings"][0]["colour"], "orange");
    let params: Vec<&str> = v["ok"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(params.contains(&"authoritative_departments") && params.contains(&"warning_table"));
}

#[test]
fn a_case_without_evidence_keeps_its_case_digest_and_result() {
    let v = couple(json!([]));
    let mut plain = v.clone();
    plain.as_object_mut().unwrap().remove("evidence");
    plain.as_object_mut().unwrap().remove("evidence_checked");
    let a = run(&plain);
    assert_eq!(amount(&a), Some(d(796)));
    assert!(a.verification.discrepancies.is_empty());
    let b = run(&v);
    assert_ne!(
        a.audit.case_digest, b.audit.case_digest,
        "the digest covers the evidence lists"
    );
}

#[test]
fn mon_enrol_moves_a_marginal_family_that_now_qualifies_for_dibao() {
    let mut v = recipient("0", json!([]));
    v["enrolment"]["programme"] = json!("marginal_family");
    let det = run(&v);
    assert_eq!(
        action(&det),
        json!({ "kind": "enrol", "programme": "minimum_living", "amount": "796", "from_programme": "marginal_family" }),
        "EDGE-1 fails because dibao applies: 623 × 2 − 450 = 796"
    );
    assert_eq!(verdicts(&det, RuleId::MonTerminate), vec![Verdict::Pass]);
    assert_eq!(verdicts(&det, RuleId::MonEnrol), vec![Verdict::Pass]);
    assert_eq!(
        det.monitoring.next_review.map(|x| x.to_string()),
        Some("2027-05-01".to_owned())
    );
}

#[test]
fn many_changes_take_their_joint_effect() {
    // 40 registered motorcycles (an exempt kind): each adds a vehicle, none changes anything
    let recs: Vec<Value> = (0..40)
        .map(|_| {
            ev(
                "vehicle_registry",
                "m1",
                "2026-10-01",
                json!({"item": "vehicle_registered", "kind": "motorcycle", "value": "3000"}),
            )
        })
        .collect();
    let det = run(&couple(Value::Array(recs.clone())));
    assert_eq!(det.verification.discrepancies.len(), 40);
    assert!(
        det.verification
            .discrepancies
            .iter()
            .all(|x| x.effect == Effect::Minor)
    );
    // one car among them makes the joint effect decisive for all 41
    let mut with_car = recs;
    with_car.push(ev(
        "vehicle_registry",
        "m2",
        "2026-10-01",
        json!({"item": "vehicle_registered", "kind": "car", "value": "30000"}),
    ));
    let det = run(&couple(Value::Array(with_car)));
    assert!(
        det.verification
            .discrepancies
            .iter()
            .all(|x| x.effect == Effect::Decisive)
    );
    assert_eq!(det.verification.field_tasks.len(), 41);
}

#[test]
fn mon_terminate_when_the_only_member_of_a_recipient_household_died() {
    let mut v = recipient(
        "623",
        json!([ev(
            "civil_affairs",
            "m1",
            "2026-10-01",
            json!({"item": "death", "date": "2026-09-20"})
        )]),
    );
    v["household"]["members"]
        .as_array_mut()
        .unwrap()
        .truncate(1);
    let det = run(&v);
    assert_eq!(det.verification.removed_members, vec!["m1".to_owned()]);
    assert_eq!(
        action(&det),
        json!({ "kind": "terminate", "programme": "minimum_living", "rule": RuleId::VerDeath.id() })
    );
    assert_eq!(
        dibao(&det).outcome,
        Outcome::NeedsReview,
        "INC-9: no counted member"
    );
    assert_eq!(det.monitoring.next_review, None);
}

#[test]
fn mon_orange_relief_for_a_listed_programme_not_received() {
    // the list is pointed at the marginal family to exercise the rule with a simple household: 18,000 a year of wages → 1,500 − 150 job cost = 1,350 ÷ 2 = 675 a
    // head: not below 623 (no dibao), below 934.50 (a marginal family)
    let book = RuleBook::embedded()
        .overlay_str(
            r#"
            [division]
            code = "621027"
            name = "test"
            [[param]]
            name = "warning_orange_programmes"
            from = "2021-07-01"
            value = ["marginal_family"]
            status = "unconfirmed"
            source = "test"
            "#,
        )
        .unwrap();
    let mut v = couple(json!([]));
    v["purpose"] = json!("dynamic_check");
    v["household"]["incomes"][0]["amount"] = json!("18000");
    let det = evaluate(&parse_case(&v.to_string()).unwrap(), &book).unwrap();
    assert_eq!(verdicts(&det, RuleId::MonOrangeRelief), vec![Verdict::Fail]);
    let w = det
        .monitoring
        .warnings
        .iter()
        .find(|w| w.rule == RuleId::MonOrangeRelief)
        .unwrap();
    assert_eq!(
        (w.colour, w.level, w.deadline_days, w.programme),
        (
            Colour::Orange,
            Level::Township,
            7,
            Some(Programme::MarginalFamily)
        )
    );
    // with the shipped list (temporary relief only) nothing is raised here
    let det = run(&v);
    assert_eq!(verdicts(&det, RuleId::MonOrangeRelief), vec![Verdict::Pass]);
}

#[test]
fn unknown_departments_and_items_are_refused_with_a_path() {
    let mut v = couple(json!([]));
    v["evidence"] = json!([{ "department": "weather_bureau", "member": "m1", "date": "2026-10-01",
        "fact": { "item": "wage", "monthly": "1" } }]);
    let a: Value = serde_json::from_str(&evaluate_json(&v.to_string())).unwrap();
    assert_eq!(a["error"]["code"], "malformed");
    assert_eq!(a["error"]["path"], "evidence[0].department");
    assert!(
        !a.to_string().contains("weather_bureau"),
        "input text is not echoed"
    );
    v["evidence"] = json!([{ "department": "tax", "member": "m1", "date": "2026-10-01",
        "fact": { "item": "lottery_win", "amount": "1" } }]);
    let a: Value = serde_json::from_str(&evaluate_json(&v.to_string())).unwrap();
    assert_eq!(a["error"]["code"], "malformed");
    assert!(
        a["error"]["path"]
            .as_str()
            .unwrap()
            .starts_with("evidence[0].fact")
    );
}

#[test]
fn temporary_relief_not_received_is_orange_and_a_sudden_event_without_help_is_red() {
    let mut v: Value =
        serde_json::from_str(&std::fs::read_to_string("examples/households/tr-fire.json").unwrap())
            .unwrap();
    v["purpose"] = json!("dynamic_check");
    let det = run(&v);
    assert_eq!(
        d_outcome(&det, Programme::TemporaryRelief),
        Outcome::Eligible,
        "a fire four days ago: temporary relief"
    );
    assert_eq!(verdicts(&det, RuleId::MonOrangeRelief), vec![Verdict::Fail]);
    assert_eq!(
        verdicts(&det, RuleId::MonRedSudden),
        vec![Verdict::Pass],
        "relief is open"
    );
    assert_eq!(
        warning_rules(&det),
        vec![(Colour::Orange, RuleId::MonOrangeRelief)]
    );
    let f = det
        .all_findings()
        .find(|f| f.rule == RuleId::MonRedSudden)
        .unwrap();
    assert_eq!(
        f.figure("trigger"),
        Some(&FigureValue::Code("fire".into())),
        "the event is the trigger"
    );
    // the red side (no assistance at all) is shown with a monitoring record in
    // mon_red_sudden_difficulty_without_any_assistance
}

fn d_outcome(det: &Determination, p: Programme) -> Outcome {
    det.programme(p).unwrap().outcome
}
