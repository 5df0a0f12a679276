//! The Social Assistance Law's programme rules (issue 12 items 2, 3, 5): dibao add-ons (DB-16),
//! the special-hardship basic standard's rounding (TK-9), and temporary relief after the law
//! (TR-9 paid first, TR-10 small fast relief, TR-11 months beyond the maximum, TR-12 the
//! emergency's division).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jiuzhu::rules::ParamValue;
use jiuzhu::{
    Determination, Outcome, Programme, ProgrammeResult, ReviewReason, RuleBook, RuleId, Verdict,
    evaluate, evaluate_json_with, parse_case,
};
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn run_with(v: &Value, rules: &RuleBook) -> Determination {
    evaluate(&parse_case(&v.to_string()).unwrap(), rules).unwrap()
}

fn prog(det: &Determination, p: Programme) -> &ProgrammeResult {
    det.programme(p).unwrap()
}

const ADDONS: &str = r#"
[division]
code = "621027"
name = "镇原县 Zhenyuan County"

[[param]]
name = "dibao_addon_table"
from = "2026-07-01"
value = ["elderly:share:0.1", "disability_grade_2:share:0.15", "widowed_carer:fixed:30"]
status = "unconfirmed"
source = "test"

[[param]]
name = "dibao_addon_elderly_age"
from = "2026-07-01"
value = 70
status = "unconfirmed"
source = "test"

[[param]]
name = "dibao_addon_combination"
from = "2026-07-01"
value = "COMBINATION"
status = "unconfirmed"
source = "test"

[[param]]
name = "dibao_addon_rounding_unit"
from = "2026-07-01"
value = 1
status = "unconfirmed"
source = "test"
"#;

fn addon_rules(combination: &str) -> RuleBook {
    RuleBook::embedded()
        .overlay_str(&ADDONS.replace("COMBINATION", combination))
        .unwrap()
}

/// Elderly (76) and grade-2 disabled m1; m2 with a local category; a capable supporter keeps
/// both out of special hardship. Urban 623, income 500: gap 746.
fn addon_case(date: &str) -> Value {
    json!({
        "evaluation_date": date, "jurisdiction": "621027",
        "purpose": "new_application", "area": "urban",
        "household": {
            "members": [
                { "key": "m1", "relation": "applicant", "birth_date": "1950-03-01",
                  "disability": { "kind": "physical", "grade": 2 } },
                { "key": "m2", "relation": "spouse", "birth_date": "1960-05-01",
                  "local_categories": ["widowed_carer"] }
            ],
            "incomes": [ { "member": "m2", "category": "transfer", "amount": "6000",
                           "from": "2025-11-01", "to": "2026-10-31" } ],
            "supporters": [ { "key": "s1", "relation": "child", "birth_date": "1980-01-01",
                              "annual_income": "60000", "financial_assets": "50000" } ]
        }
    })
}

#[test]
fn add_ons_are_in_the_typed_result_the_amount_and_the_json() {
    let det = run_with(&addon_case("2026-11-01"), &addon_rules("highest"));
    let db = prog(&det, Programme::MinimumLiving);
    assert_eq!(db.outcome, Outcome::Eligible);
    // 746 + max(62, 93) for m1 + 30 for m2
    assert_eq!(db.monthly_amount.unwrap().value(), d("869"));
    let a: Vec<(&str, Decimal, usize)> = db
        .add_ons
        .iter()
        .map(|a| (a.member.as_str(), a.amount.value(), a.categories.len()))
        .collect();
    assert_eq!(a, vec![("m1", d("93"), 2), ("m2", d("30"), 1)]);
    assert_eq!(
        db.add_ons[0].categories,
        vec!["elderly", "disability_grade_2"]
    );
    let per_category = db
        .findings_of(RuleId::Db16)
        .filter(|f| f.figure("category").is_some())
        .count();
    assert_eq!(per_category, 3);

    let sum = run_with(&addon_case("2026-11-01"), &addon_rules("sum"));
    let db = prog(&sum, Programme::MinimumLiving);
    assert_eq!(db.monthly_amount.unwrap().value(), d("931")); // 746 + 62 + 93 + 30
    assert_eq!(db.add_ons[0].combination, "sum");

    let text = evaluate_json_with(&addon_case("2026-11-01").to_string(), &addon_rules("sum"));
    let v: Value = serde_json::from_str(&text).unwrap();
    let add_ons = &v["ok"]["programmes"][0]["add_ons"];
    assert_eq!(add_ons[0]["member"], "m1");
    assert_eq!(add_ons[0]["amount"], "155");
    assert!(
        v["ok"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "dibao_addon_table")
    );
}

#[test]
fn no_add_on_where_none_is_published() {
    // embedded parameters: the table is empty, nothing is read, said or listed
    let det = run_with(&addon_case("2026-11-01"), &RuleBook::embedded());
    let db = prog(&det, Programme::MinimumLiving);
    assert_eq!(db.monthly_amount.unwrap().value(), d("746"));
    assert!(db.add_ons.is_empty());
    assert_eq!(db.findings_of(RuleId::Db16).count(), 0);
    assert!(
        !det.parameters
            .iter()
            .any(|p| p.name.starts_with("dibao_addon"))
    );
    // before the overlay's table is in force, neither
    let before = run_with(&addon_case("2026-06-30"), &addon_rules("sum"));
    assert!(prog(&before, Programme::MinimumLiving).add_ons.is_empty());
}

#[test]
fn a_malformed_add_on_table_is_a_parameter_error() {
    let rules = RuleBook::embedded()
        .overlay_str(
            &ADDONS
                .replace("COMBINATION", "highest")
                .replace("elderly:share:0.1", "elderly:percent:10"),
        )
        .unwrap();
    let e = evaluate(
        &parse_case(&addon_case("2026-11-01").to_string()).unwrap(),
        &rules,
    )
    .unwrap_err();
    assert_eq!(e.code(), "bad_parameter");
    assert!(e.to_string().contains("dibao_addon_table"), "{e}");
}

#[test]
fn a_bad_local_category_is_refused_with_its_path() {
    let mut v = addon_case("2026-11-01");
    v["household"]["members"][1]["local_categories"] = json!(["Widowed"]);
    let e = parse_case(&v.to_string())
        .and_then(|c| evaluate(&c, &RuleBook::embedded()))
        .unwrap_err();
    assert_eq!(e.code(), "invalid");
    assert_eq!(e.path(), Some("household.members[1].local_categories[0]"));
}

/// A rural elderly person alone under a city standard of 5,072 a year (see the case files
/// tk9-basic-standard-rounded-*).
fn tk_rules(rounding: &str) -> RuleBook {
    RuleBook::embedded()
        .overlay_str(&format!(
            r#"
[division]
code = "621000"
name = "庆阳市 Qingyang City"

[[param]]
name = "dibao_standard_rural_year"
from = "2026-01-01"
value = 5072
status = "unconfirmed"
source = "test"

[[param]]
name = "tk_basic_rounding"
from = "2026-01-01"
value = "{rounding}"
status = "unconfirmed"
source = "test"
"#
        ))
        .unwrap()
}

fn tk_case() -> Value {
    json!({
        "evaluation_date": "2026-11-01", "jurisdiction": "621027",
        "purpose": "new_application", "area": "rural",
        "household": { "members": [
            { "key": "m1", "relation": "applicant", "birth_date": "1948-06-20",
              "contracted_land": true, "self_care": { "unable": ["bathing"] } } ] }
    })
}

fn tk9_annual(det: &Determination) -> (Decimal, &str) {
    let tk = prog(det, Programme::SpecialHardship);
    let f = tk.individual_coverage[0]
        .findings
        .iter()
        .find(|f| f.rule == RuleId::Tk9)
        .unwrap();
    let annual = match f.figure("annual") {
        Some(jiuzhu::FigureValue::Yuan(y)) => *y,
        other => panic!("{other:?}"),
    };
    let method = match f.figure("method") {
        Some(jiuzhu::FigureValue::Code(c)) => c.as_ref(),
        other => panic!("{other:?}"),
    };
    (annual, method)
}

#[test]
fn the_basic_standard_is_rounded_where_the_city_says() {
    let monthly = run_with(&tk_case(), &tk_rules("monthly"));
    let annual = run_with(&tk_case(), &tk_rules("annual"));
    assert_eq!(
        tk9_annual(&monthly),
        (d("6588"), "multiplier_rounded_half_up")
    );
    assert_eq!(
        tk9_annual(&annual),
        (d("6594"), "multiplier_annual_rounded_half_up")
    );
    let amount = |det: &Determination| {
        prog(det, Programme::SpecialHardship).individual_coverage[0]
            .monthly_amount
            .unwrap()
            .value()
    };
    assert_eq!(amount(&monthly), d("829"));
    assert_eq!(amount(&annual), d("830"));
    // the city's values are used by the county (S0 Art. 17), and listed with their division
    let r = annual
        .parameters
        .iter()
        .find(|p| p.name == "tk_basic_rounding")
        .unwrap();
    assert_eq!(&*r.division, "621000");
    // without the parameter: monthly, and it is not listed
    let default = run_with(&tk_case(), &RuleBook::embedded());
    assert!(
        !default
            .parameters
            .iter()
            .any(|p| p.name == "tk_basic_rounding")
    );
}

fn event_case(date: &str, event: Value, division: Option<&str>) -> Value {
    let mut v = json!({
        "evaluation_date": date, "jurisdiction": "621027",
        "purpose": "new_application", "area": "urban",
        "evidence_checked": ["vehicle_registry", "financial_institution",
                             "market_regulation", "human_resources"],
        "household": {
            "members": [
                { "key": "m1", "relation": "applicant", "birth_date": "1970-03-01" },
                { "key": "m2", "relation": "spouse", "birth_date": "1972-06-15" } ],
            "incomes": [ { "member": "m1", "category": "wage", "amount": "3000",
                           "from": "2025-11-01", "to": "2026-10-31" } ],
            "events": [ event ]
        }
    });
    if let Some(code) = division {
        v["household"]["emergency_division"] = json!(code);
    }
    v
}

const FAST: &str = r#"
[division]
code = "621027"
name = "镇原县 Zhenyuan County"

[[param]]
name = "tr_fast_relief_cap"
from = "2026-07-01"
value = 500
status = "unconfirmed"
source = "test"
"#;

#[test]
fn small_fast_relief_needs_no_verification() {
    let rules = RuleBook::embedded().overlay_str(FAST).unwrap();
    let light = json!({ "kind": "fire", "date": "2026-10-28", "requested_amount": "300" });
    let det = run_with(&event_case("2026-11-01", light, None), &rules);
    let tr = prog(&det, Programme::TemporaryRelief);
    // real-estate data is missing: dibao is held (VER-REQ), the fast relief is not
    assert_eq!(
        prog(&det, Programme::MinimumLiving).outcome,
        Outcome::NeedsReview
    );
    assert_eq!(tr.outcome, Outcome::Eligible);
    assert!(tr.without_verification);
    assert_eq!(tr.one_off_amount.unwrap().value(), d("300"));
    let f = tr.findings_of(RuleId::Tr10).next().unwrap();
    assert_eq!(f.verdict, Verdict::Pass);
    assert!(f.text_en().contains("no economic-status verification"));
    assert!(f.text_en().contains("within 3 days"));
    assert_eq!(tr.findings_of(RuleId::VerReq).count(), 0);
    assert_eq!(tr.findings_of(RuleId::Tr9).count(), 0);

    // above the cap: the ordinary route, paid first, held by VER-REQ like any other result
    let above = json!({ "kind": "fire", "date": "2026-10-28", "requested_amount": "700" });
    let det = run_with(&event_case("2026-11-01", above, None), &rules);
    let tr = prog(&det, Programme::TemporaryRelief);
    assert!(!tr.without_verification);
    assert_eq!(tr.outcome, Outcome::NeedsReview);
    assert_eq!(
        tr.findings_of(RuleId::Tr10).next().unwrap().verdict,
        Verdict::NotApplicable
    );
    assert_eq!(tr.findings_of(RuleId::Tr9).count(), 1);
}

#[test]
fn paid_first_lists_the_documents_from_the_law_on() {
    let light = json!({ "kind": "fire", "date": "2026-06-20", "requested_amount": "300" });
    let before = run_with(
        &event_case("2026-06-30", light.clone(), None),
        &RuleBook::embedded(),
    );
    let after = run_with(
        &event_case("2026-07-01", light, None),
        &RuleBook::embedded(),
    );
    assert_eq!(
        prog(&before, Programme::TemporaryRelief)
            .findings_of(RuleId::Tr9)
            .count(),
        0
    );
    let f = prog(&after, Programme::TemporaryRelief)
        .findings_of(RuleId::Tr9)
        .next()
        .unwrap()
        .clone();
    assert_eq!(f.verdict, Verdict::Pass);
    assert_eq!(
        f.text_en(),
        "urgent and small: paid first; to be documented once the emergency is over: \
         application, identity_and_household, cause_of_emergency, economic_status_check"
    );
    assert_eq!(
        f.text_zh(),
        "急难紧急、金额较小，先行救助，紧急情况解除后补办：救助申请书、身份及户籍证明、急难事由证明、家庭经济状况核对"
    );
}

#[test]
fn months_beyond_the_maximum_go_to_one_case_one_discussion() {
    let heavy = json!({ "kind": "fire", "date": "2026-10-20", "severity": "heavy",
                        "hardship_months": 9 });
    let det = run_with(
        &event_case("2026-11-01", heavy, None),
        &RuleBook::embedded(),
    );
    let tr = prog(&det, Programme::TemporaryRelief);
    assert_eq!(tr.outcome, Outcome::NeedsReview);
    assert_eq!(tr.review_reason, Some(ReviewReason::OneCaseOneDiscussion));
    assert!(tr.review.iter().any(|r| r.rule == RuleId::Tr11));
    // 623 × 2 × 6, proposed, not paid
    assert_eq!(tr.one_off_amount.unwrap().value(), d("7476"));
    let f = tr.findings_of(RuleId::Tr11).next().unwrap();
    assert_eq!(f.verdict, Verdict::Unknown);
    let en = f.text_en();
    assert!(en.contains("hardship of 9 months"), "{en}");
    assert!(en.contains("maximum 6"), "{en}");

    let six = json!({ "kind": "fire", "date": "2026-10-20", "severity": "heavy",
                      "hardship_months": 6 });
    let det = run_with(&event_case("2026-11-01", six, None), &RuleBook::embedded());
    assert_eq!(
        prog(&det, Programme::TemporaryRelief)
            .findings_of(RuleId::Tr11)
            .count(),
        0
    );
}

#[test]
fn relief_uses_the_parameters_of_the_emergency_division() {
    let heavy = json!({ "kind": "fire", "date": "2026-10-20", "severity": "heavy",
                        "hardship_months": 3 });
    let det = run_with(
        &event_case("2026-11-01", heavy.clone(), Some("620100")),
        &RuleBook::embedded(),
    );
    let tr = prog(&det, Programme::TemporaryRelief);
    assert_eq!(tr.findings_of(RuleId::Tr12).count(), 1);
    let tr4 = tr.findings_of(RuleId::Tr4).next().unwrap();
    assert_eq!(
        tr4.figure("urban_standard"),
        Some(&jiuzhu::FigureValue::Yuan(d("920")))
    );
    let urban = |uses: &jiuzhu::ParamUses| {
        uses.iter()
            .find(|p| p.name == "dibao_standard_urban_month")
            .map(|p| (p.division.to_string(), p.value.clone()))
    };
    assert_eq!(
        urban(&det.emergency_parameters),
        Some(("620100".into(), ParamValue::Decimal(d("920"))))
    );
    assert_eq!(
        urban(&det.parameters),
        Some(("620000".into(), ParamValue::Decimal(d("623"))))
    );
    let text = jiuzhu::answer(Ok(&det));
    assert!(text.contains("\"emergency_parameters\""));

    // the same division as the household's: nothing changes
    let same = run_with(
        &event_case("2026-11-01", heavy.clone(), Some("621027")),
        &RuleBook::embedded(),
    );
    assert!(same.emergency_parameters.is_empty());
    assert!(!jiuzhu::answer(Ok(&same)).contains("emergency_parameters"));

    // a division nobody knows is refused at its path
    let e = parse_case(&event_case("2026-11-01", heavy, Some("999999")).to_string())
        .and_then(|c| evaluate(&c, &RuleBook::embedded()))
        .unwrap_err();
    assert_eq!(e.code(), "invalid");
    assert_eq!(e.path(), Some("household.emergency_division"));
}
