//! The minimum living allowance and marginal-family rules against the policy figures
//! (issue "Core: one evaluate call").
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jiuzhu::{
    Determination, DibaoClass, Outcome, ParamStatus, ParamWarning, Programme, RuleBook, RuleId,
    Verdict, evaluate, evaluate_json, parse_case,
};
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn case(v: Value) -> jiuzhu::Case {
    parse_case(&v.to_string()).unwrap()
}

fn urban(members: Value, incomes: Value, assets: Value) -> Value {
    json!({
        "evaluation_date": "2026-11-01", "jurisdiction": "621027",
        "purpose": "new_application", "area": "urban",
        "household": { "members": members, "incomes": incomes, "assets": assets }
    })
}

/// A year of income inside the 2025-11-01 … 2026-10-31 reference period.
fn year(member: &str, category: &str, amount: &str) -> Value {
    json!({ "member": member, "category": category, "amount": amount,
            "from": "2025-11-01", "to": "2026-10-31" })
}

fn dibao(d: &Determination) -> &jiuzhu::ProgrammeResult {
    d.programme(Programme::MinimumLiving).unwrap()
}

fn verdicts(d: &Determination, rule: RuleId) -> Vec<Verdict> {
    d.all_findings()
        .filter(|f| f.rule == rule)
        .map(|f| f.verdict)
        .collect()
}

fn amount(d: &Determination) -> Option<Decimal> {
    dibao(d).monthly_amount.map(|a| a.value())
}

fn standard_700() -> RuleBook {
    RuleBook::embedded()
        .overlay_str(
            r#"
            [division]
            code = "621027"
            name = "镇原县 test fixture"
            [[param]]
            name = "dibao_standard_urban_month"
            from = "2026-01-01"
            value = 700
            status = "published"
            source = "test fixture"
            "#,
        )
        .unwrap()
}

fn three_members() -> Value {
    json!([
        { "key": "m1", "relation": "applicant", "birth_date": "1975-01-01" },
        { "key": "m2", "relation": "spouse", "birth_date": "1976-01-01" },
        { "key": "m3", "relation": "child", "birth_date": "2012-01-01" }
    ])
}

#[test]
fn gap_is_computed_on_household_totals_700_x_3_minus_1000_is_1100() {
    // 12,000 a year of transfer income = 1,000 a month; no deduction applies to transfers.
    let c = case(urban(
        three_members(),
        json!([year("m2", "transfer", "12000")]),
        json!({}),
    ));
    let d = evaluate(&c, &standard_700()).unwrap();
    assert_eq!(dibao(&d).outcome, Outcome::Eligible);
    assert_eq!(d.accounts.monthly_income.value(), Decimal::from(1000));
    // 700 × 3 − 1,000 = 1,100; rounding the per-capita figure first would give 1,101
    assert_eq!(
        amount(&d),
        Some(Decimal::from(1100)),
        "gap must be 1,100 not 1,101"
    );
    assert_eq!(verdicts(&d, RuleId::Db3), vec![Verdict::Pass]);
    // the rounding step is named and ran once on the household total
    let pay3: Vec<_> = dibao(&d).findings_of(RuleId::Pay3).collect();
    assert_eq!(pay3.len(), 1);
}

#[test]
fn one_third_of_a_yuan_is_rounded_once_half_up() {
    // 10,000 a year = 833.333… a month; 700 × 3 − 833.33… = 1,266.67 → 1,267
    let c = case(urban(
        three_members(),
        json!([year("m2", "transfer", "10000")]),
        json!({}),
    ));
    let d = evaluate(&c, &standard_700()).unwrap();
    assert_eq!(amount(&d), Some(Decimal::from(1267)));
    let f = dibao(&d).findings_of(RuleId::Pay3).next().unwrap();
    assert_eq!(
        f.verdict,
        Verdict::Fail,
        "the exact gap was not whole, so rounding changed it"
    );
}

#[test]
fn income_exactly_at_the_standard_is_not_below_it() {
    // 700 × 3 = 2,100 a month = 25,200 a year: per head exactly 700, DB-1 needs strictly below
    let c = case(urban(
        three_members(),
        json!([year("m2", "transfer", "25200")]),
        json!({}),
    ));
    let d = evaluate(&c, &standard_700()).unwrap();
    assert_eq!(dibao(&d).outcome, Outcome::NotEligible);
    let f = dibao(&d).findings_of(RuleId::Db1).next().unwrap();
    assert_eq!(f.verdict, Verdict::Fail);
    assert_eq!(f.distance, Some(Decimal::ZERO));
    // 700 is below the marginal line 1.5 × 700 = 1,050
    let m = d.programme(Programme::MarginalFamily).unwrap();
    assert_eq!(m.outcome, Outcome::Eligible);
}

#[test]
fn marginal_line_is_strictly_below_one_and_a_half_standards() {
    // 1,050 a month per head × 3 × 12 = 37,800 a year: exactly on the line → not marginal
    let c = case(urban(
        three_members(),
        json!([year("m2", "transfer", "37800")]),
        json!({}),
    ));
    let d = evaluate(&c, &standard_700()).unwrap();
    let m = d.programme(Programme::MarginalFamily).unwrap();
    assert_eq!(m.outcome, Outcome::NotEligible);
    assert_eq!(verdicts(&d, RuleId::Edge1), vec![Verdict::Fail]);
}

fn rural_serious_illness(date: &str, jurisdiction: &str) -> Value {
    json!({
        "evaluation_date": date, "jurisdiction": jurisdiction,
        "purpose": "new_application", "area": "rural",
        "household": { "members": [
            { "key": "m1", "relation": "applicant", "birth_date": "1975-01-01" },
            { "key": "m2", "relation": "spouse", "birth_date": "1976-01-01", "serious_illness": true }
        ] }
    })
}

#[test]
fn rural_class_2_is_95_percent_of_class_1_rounded_half_up_465_to_442() {
    // Lanzhou 2023: rural 5,580 a year = 465 a month; 0.95 × 465 = 441.75 → 442
    let c = case(rural_serious_illness("2023-06-01", "620100"));
    let d = evaluate(&c, &RuleBook::embedded()).unwrap();
    let r = dibao(&d);
    assert_eq!(r.outcome, Outcome::Eligible);
    assert_eq!(r.class, Some(DibaoClass::Class2));
    let rate = r.findings_of(RuleId::Db5Rate).next().unwrap();
    assert_eq!(
        rate.figure("rate"),
        Some(&jiuzhu::explain::FigureValue::Yuan(Decimal::from(442)))
    );
    assert_eq!(amount(&d), Some(Decimal::from(884)), "442 × 2 persons");
}

#[test]
fn a_published_class_2_figure_overrides_the_share_only_for_its_own_standard() {
    // Gansu 2021 published 378 while 0.95 × 399 = 379.05 → 379: the published figure is used
    let c = case(rural_serious_illness("2021-08-01", "621027"));
    let d = evaluate(&c, &RuleBook::embedded()).unwrap();
    let rate = dibao(&d).findings_of(RuleId::Db5Rate).next().unwrap();
    assert_eq!(
        rate.figure("method"),
        Some(&jiuzhu::explain::FigureValue::Code(
            "published_figure".into()
        ))
    );
    assert_eq!(amount(&d), Some(Decimal::from(756)), "378 × 2");
    // A newer rural standard without a new class-2 figure falls back to the share
    let raised = RuleBook::embedded()
        .overlay_str(
            r#"
            [division]
            code = "621027"
            name = "fixture"
            [[param]]
            name = "dibao_standard_rural_year"
            from = "2026-01-01"
            value = 5580
            status = "published"
            source = "test fixture"
            "#,
        )
        .unwrap();
    let c = case(rural_serious_illness("2026-11-01", "621027"));
    let d = evaluate(&c, &raised).unwrap();
    assert_eq!(
        amount(&d),
        Some(Decimal::from(884)),
        "0.95 × 465 → 442, × 2"
    );
}

#[test]
fn a_prisoner_is_not_counted_and_per_capita_income_changes_accordingly() {
    let members = json!([
        { "key": "m1", "relation": "applicant", "birth_date": "1975-01-01" },
        { "key": "m2", "relation": "spouse", "birth_date": "1976-01-01" },
        { "key": "m3", "relation": "child", "birth_date": "1998-01-01",
          "statuses": [ { "kind": "imprisoned", "since": "2025-01-01" } ] }
    ]);
    let incomes = json!([
        year("m1", "transfer", "9000"),
        year("m3", "transfer", "3000")
    ]);
    let with_prisoner = case(urban(members.clone(), incomes.clone(), json!({})));
    let d = evaluate(&with_prisoner, &standard_700()).unwrap();
    assert_eq!(d.accounts.counted_members, vec!["m1", "m2"]);
    assert_eq!(d.accounts.excluded_members, vec!["m3"]);
    assert_eq!(verdicts(&d, RuleId::Hh3), vec![Verdict::Fail]);
    // only m1's 750 a month counts, over 2 persons
    assert_eq!(
        d.accounts.per_capita_income.unwrap().value(),
        Decimal::from(375)
    );
    assert_eq!(amount(&d), Some(Decimal::from(650)), "700 × 2 − 750");

    // Without the status the son counts: (750 + 250) / 3
    let mut free = members;
    free[2].as_object_mut().unwrap().remove("statuses");
    let d2 = evaluate(&case(urban(free, incomes, json!({}))), &standard_700()).unwrap();
    assert_eq!(d2.accounts.counted_members.len(), 3);
    assert_eq!(d2.accounts.monthly_income.value(), Decimal::from(1000));
}

#[test]
fn a_car_fails_the_asset_test_unless_it_is_a_disability_mobility_vehicle() {
    let car = |mobility: bool| {
        json!({ "vehicles": [ { "member": "m1", "kind": "car", "value": "30000",
                                "disability_mobility": mobility } ] })
    };
    let d = evaluate(
        &case(urban(three_members(), json!([]), car(false))),
        &standard_700(),
    )
    .unwrap();
    assert_eq!(dibao(&d).outcome, Outcome::NotEligible);
    assert!(
        dibao(&d)
            .findings_of(RuleId::Ast5)
            .all(|f| f.verdict == Verdict::Fail)
    );
    let d = evaluate(
        &case(urban(three_members(), json!([]), car(true))),
        &standard_700(),
    )
    .unwrap();
    assert_eq!(dibao(&d).outcome, Outcome::Eligible);
    assert!(
        dibao(&d)
            .findings_of(RuleId::Ast5)
            .all(|f| f.verdict == Verdict::Pass)
    );
}

#[test]
fn financial_assets_at_the_limit_pass_and_one_yuan_more_fails() {
    // limit 24 months × 700 × 3 persons = 50,400 (unconfirmed default)
    let at = |amount: &str| json!({ "financial": [ { "member": "m2", "kind": "deposit", "amount": amount } ] });
    let d = evaluate(
        &case(urban(three_members(), json!([]), at("50400"))),
        &standard_700(),
    )
    .unwrap();
    assert_eq!(verdicts(&d, RuleId::Ast4)[0], Verdict::Pass);
    let d = evaluate(
        &case(urban(three_members(), json!([]), at("50401"))),
        &standard_700(),
    )
    .unwrap();
    assert_eq!(verdicts(&d, RuleId::Ast4)[0], Verdict::Fail);
    assert_eq!(dibao(&d).outcome, Outcome::NotEligible);
}

#[test]
fn errors_name_the_field_path() {
    let mut unknown = urban(three_members(), json!([]), json!({}));
    unknown["household"]["members"][1]["nickname"] = json!("x");
    let e = parse_case(&unknown.to_string()).unwrap_err();
    // an unknown field name is not echoed (it may be a name); its position is (issue 14)
    assert_eq!(e.path(), Some("household.members[1].<field>"));
    assert!(e.to_string().contains("unknown field"), "{e}");

    let negative = urban(
        three_members(),
        json!([year("m1", "wage", "-5")]),
        json!({}),
    );
    let e = evaluate(&case(negative), &RuleBook::embedded()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "household.incomes[0].amount: must not be negative"
    );

    let mut future = urban(three_members(), json!([]), json!({}));
    future["household"]["members"][2]["birth_date"] = json!("2027-01-01");
    let e = evaluate(&case(future), &RuleBook::embedded()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "household.members[2].birth_date: after the evaluation date"
    );

    let answer: Value = serde_json::from_str(&evaluate_json("{")).unwrap();
    assert_eq!(answer["error"]["code"], "malformed");
}

#[test]
fn unknown_member_and_duplicate_keys_are_refused() {
    let e = evaluate(
        &case(urban(
            three_members(),
            json!([year("m9", "wage", "5")]),
            json!({}),
        )),
        &RuleBook::embedded(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "household.incomes[0].member: no member has this key"
    );
    let mut dup = three_members();
    dup[2]["key"] = json!("m1");
    let e = evaluate(
        &case(urban(dup, json!([]), json!({}))),
        &RuleBook::embedded(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "household.members[2].key: duplicate member key (the same as members[0])"
    );
}

#[test]
fn no_counted_member_needs_review_rather_than_a_guess() {
    let members = json!([{ "key": "m1", "relation": "applicant", "birth_date": "1970-01-01",
                           "statuses": [ { "kind": "imprisoned" } ] }]);
    let d = evaluate(
        &case(urban(members, json!([]), json!({}))),
        &RuleBook::embedded(),
    )
    .unwrap();
    assert_eq!(dibao(&d).outcome, Outcome::NeedsReview);
    assert_eq!(dibao(&d).review[0].rule, RuleId::Inc9);
    assert_eq!(verdicts(&d, RuleId::Inc9), vec![Verdict::Unknown]);
}

#[test]
fn a_recent_large_purchase_sends_the_case_to_review() {
    let assets = json!({ "large_purchases": [ { "member": "m1", "kind": "other",
                         "amount": "25000", "date": "2026-06-01" } ] });
    let d = evaluate(
        &case(urban(three_members(), json!([]), assets)),
        &RuleBook::embedded(),
    )
    .unwrap();
    assert_eq!(dibao(&d).outcome, Outcome::NeedsReview);
    assert_eq!(dibao(&d).review[0].rule, RuleId::Ast8);
    assert_eq!(dibao(&d).review[0].member.as_deref(), Some("m1"));
}

#[test]
fn a_seriously_ill_member_of_a_marginal_family_is_covered_individually() {
    // 2,400 a month over 3 persons = 800 per head: above 700, below 1,050
    let mut members = three_members();
    members[1]["serious_illness"] = json!(true);
    let d = evaluate(
        &case(urban(
            members.clone(),
            json!([year("m1", "transfer", "28800")]),
            json!({}),
        )),
        &standard_700(),
    )
    .unwrap();
    assert_eq!(dibao(&d).outcome, Outcome::NotEligible);
    assert_eq!(
        d.programme(Programme::MarginalFamily).unwrap().outcome,
        Outcome::Eligible
    );
    let unit = &dibao(&d).individual_coverage;
    assert_eq!(unit.len(), 1);
    assert_eq!(unit[0].member, "m2");
    assert_eq!(unit[0].route, RuleId::Hh5);
    // own income 0 → 700 − 0 = 700 (DB-15)
    assert_eq!(
        unit[0].monthly_amount.map(|a| a.value()),
        Some(Decimal::from(700))
    );
    assert!(unit[0].findings.iter().any(|f| f.rule == RuleId::Db15));

    // Above the marginal line the route is closed: 1,100 per head
    let d = evaluate(
        &case(urban(
            members,
            json!([year("m1", "transfer", "39600")]),
            json!({}),
        )),
        &standard_700(),
    )
    .unwrap();
    assert!(dibao(&d).individual_coverage.is_empty());
    assert_eq!(verdicts(&d, RuleId::Hh5), vec![Verdict::Fail]);
}

#[test]
fn conscripts_count_unless_the_province_adds_them() {
    let members = json!([
        { "key": "m1", "relation": "applicant", "birth_date": "1970-01-01" },
        { "key": "m2", "relation": "child", "birth_date": "2006-01-01",
          "statuses": [ { "kind": "conscript" } ] }
    ]);
    let c = case(urban(members, json!([]), json!({})));
    let d = evaluate(&c, &RuleBook::embedded()).unwrap();
    assert_eq!(verdicts(&d, RuleId::Hh4), vec![Verdict::Pass]);
    assert_eq!(d.accounts.counted_members.len(), 2);
    let gansu_adds = RuleBook::embedded()
        .overlay_str(
            r#"
            [division]
            code = "620000"
            name = "fixture"
            [[param]]
            name = "provincial_exclusions"
            from = "2026-01-01"
            value = ["conscript"]
            status = "unconfirmed"
            source = "test fixture"
            "#,
        )
        .unwrap();
    let d = evaluate(&c, &gansu_adds).unwrap();
    assert_eq!(verdicts(&d, RuleId::Hh4), vec![Verdict::Fail]);
    assert_eq!(d.accounts.counted_members, vec!["m1"]);
}

#[test]
fn parameters_report_status_and_staleness_and_the_audit_stamp() {
    let c = case(urban(three_members(), json!([]), json!({})));
    let d = evaluate(&c, &RuleBook::embedded()).unwrap();
    let std = d
        .parameters
        .iter()
        .find(|p| p.name == "dibao_standard_urban_month")
        .unwrap();
    assert_eq!(&*std.division, "620000", "Zhenyuan inherits Gansu's figure");
    assert_eq!(std.status, ParamStatus::Published);
    assert!(
        std.warnings.contains(&ParamWarning::Stale),
        "2021 standard used in 2026"
    );
    let rounding = d
        .parameters
        .iter()
        .find(|p| p.name == "rounding_mode")
        .unwrap();
    assert!(rounding.warnings.contains(&ParamWarning::Unconfirmed));
    assert_eq!(d.audit.crate_version, env!("CARGO_PKG_VERSION"));
    assert_eq!(d.audit.parameters_digest, RuleBook::embedded().digest());
    assert_eq!(d.audit.case_digest.as_ref().map(String::len), Some(64));
    // the same case gives the same JSON, byte for byte
    let text = serde_json::to_string(&c).unwrap();
    assert_eq!(evaluate_json(&text), evaluate_json(&text));
}

#[test]
fn an_unknown_division_is_an_error_naming_the_jurisdiction() {
    let mut v = urban(three_members(), json!([]), json!({}));
    v["jurisdiction"] = json!("110000");
    let e = evaluate(&case(v), &RuleBook::embedded()).unwrap_err();
    assert_eq!(e.path(), Some("jurisdiction"));
}

#[test]
fn sample_households_give_their_documented_results() {
    let run = |f: &str| {
        let text = std::fs::read_to_string(format!("examples/households/{f}")).unwrap();
        evaluate(&parse_case(&text).unwrap(), &RuleBook::embedded()).unwrap()
    };
    // 623 × 3 − (800 wage − 80 job cost − 100 rehabilitation) = 1,869 − 620 = 1,249
    let d = run("urban-gap.json");
    assert_eq!(amount(&d), Some(Decimal::from(1249)));
    // rural class 1: 399 × 2
    let d = run("rural-class1-elderly-couple.json");
    assert_eq!(
        (dibao(&d).class, amount(&d)),
        (Some(DibaoClass::Class1), Some(Decimal::from(798)))
    );
    // rural class 2 at Gansu's published 378 × 3
    let d = run("rural-class2-serious-illness.json");
    assert_eq!(
        (dibao(&d).class, amount(&d)),
        (Some(DibaoClass::Class2), Some(Decimal::from(1134)))
    );
    // rural class 4: 58 × 4
    let d = run("rural-class4-working-family.json");
    assert_eq!(
        (dibao(&d).class, amount(&d)),
        (Some(DibaoClass::Class4), Some(Decimal::from(232)))
    );
    let d = run("urban-marginal-family.json");
    assert_eq!(
        d.programme(Programme::MarginalFamily).unwrap().outcome,
        Outcome::Eligible
    );
    assert_eq!(
        dibao(&d).total_monthly(),
        Decimal::from(623),
        "m3 alone via HH-6"
    );
    let d = run("urban-car-asset-failure.json");
    assert_eq!(dibao(&d).outcome, Outcome::NotEligible);
}
