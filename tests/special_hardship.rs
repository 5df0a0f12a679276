//! Special hardship support (TK-1 … TK-15): both sides of every rule, the care tiers, the basic
//! living standard computed and pinned, orphans, supporters and the interplay with dibao.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jiuzhu::explain::FigureValue;
use jiuzhu::{
    Determination, Finding, IndividualCoverage, Outcome, Programme, ProgrammeResult, RuleBook,
    RuleId, Verdict, evaluate, parse_case,
};
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn case(v: Value) -> jiuzhu::Case {
    parse_case(&v.to_string()).unwrap()
}

fn run(v: Value) -> Determination {
    evaluate(&case(v), &RuleBook::embedded()).unwrap()
}

fn run_with(v: Value, rules: &RuleBook) -> Determination {
    evaluate(&case(v), rules).unwrap()
}

fn base(area: &str, members: Value) -> Value {
    json!({
        "evaluation_date": "2026-11-01",
        "jurisdiction": "621027",
        "purpose": "new_application",
        "area": area,
        "household": { "members": members }
    })
}

fn tk(d: &Determination) -> &ProgrammeResult {
    d.programme(Programme::SpecialHardship).unwrap()
}

fn entry<'a>(d: &'a Determination, key: &str) -> &'a IndividualCoverage {
    tk(d)
        .individual_coverage
        .iter()
        .find(|c| c.member == key)
        .unwrap_or_else(|| panic!("no special-hardship entry for {key}"))
}

fn find(e: &IndividualCoverage, rule: RuleId) -> &Finding {
    e.findings
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

fn code<'a>(f: &'a Finding, name: &str) -> &'a str {
    match f.figure(name) {
        Some(FigureValue::Code(c)) => c,
        other => panic!("{}: figure {name} is {other:?}", f.rule),
    }
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A person living alone: elderly, self-care assessed with `unable` items.
fn alone(birth: &str, unable: Value) -> Value {
    json!([{ "key": "m1", "relation": "applicant", "birth_date": birth,
             "self_care": { "unable": unable } }])
}

#[test]
fn care_tiers_from_minimum_wage_shares_lanzhou_2023() {
    // Lanzhou 2023: minimum wage 1,670 × 9 / 18 / 27 %, rounded half-up a month, × 12.
    let cases = [
        (json!([]), "full_self_care", "150", "1800"),
        (
            json!(["bathing", "dressing"]),
            "partial_loss",
            "301",
            "3612",
        ),
        (
            json!([
                "eating",
                "dressing",
                "transferring",
                "toileting",
                "walking_indoors"
            ]),
            "full_loss",
            "451",
            "5412",
        ),
    ];
    for (unable, tier, month, year) in cases {
        let mut c = base("urban", alone("1950-01-01", unable));
        c["jurisdiction"] = json!("620100");
        c["evaluation_date"] = json!("2023-06-01");
        let det = run(c);
        let e = entry(&det, "m1");
        assert_eq!(e.outcome, Outcome::Eligible, "Lanzhou elderly alone");
        let t10 = find(e, RuleId::Tk10);
        assert_eq!(t10.verdict, Verdict::Pass);
        assert_eq!(code(t10, "tier"), tier, "TK-10 tier");
        let t11 = find(e, RuleId::Tk11);
        assert_eq!(code(t11, "method"), "min_wage_share");
        assert_eq!(
            yuan(t11, "min_wage"),
            d("1670"),
            "Lanzhou minimum wage 1,670"
        );
        assert_eq!(
            yuan(t11, "monthly"),
            d(month),
            "Lanzhou 2023 care standard {tier}: 1,670 × share rounded half-up"
        );
        assert_eq!(
            yuan(t11, "annual"),
            d(year),
            "Lanzhou 2023 care standard {tier} per year"
        );
        // Lanzhou 2023 urban basic standard 14,352 a year (published, = 920 × 1.3 → 1,196 × 12).
        let t9 = find(e, RuleId::Tk9);
        assert_eq!(yuan(t9, "annual"), d("14352"), "Lanzhou 2023 basic 14,352");
        assert_eq!(
            e.monthly_amount.unwrap().value(),
            d("1196") + d(month),
            "basic 1,196 + care a month"
        );
    }
}

#[test]
fn care_standard_missing_assessment_needs_review() {
    let c = base(
        "urban",
        json!([{ "key": "m1", "relation": "applicant", "birth_date": "1950-01-01" }]),
    );
    let det = run(c);
    let e = entry(&det, "m1");
    assert_eq!(find(e, RuleId::Tk10).verdict, Verdict::Unknown);
    assert_eq!(e.outcome, Outcome::NeedsReview);
    assert_eq!(tk(&det).outcome, Outcome::NeedsReview);
    assert!(tk(&det).review.iter().any(|r| r.rule == RuleId::Tk10));
    // not excluded from dibao while under review (TK-8 pass)
    assert_eq!(det.accounts.counted_members, vec!["m1".to_owned()]);
}

#[test]
fn basic_standard_pinned_published_figure_gansu_2021() {
    // Gansu 2021 urban special-hardship basic standard 9,732 a year took effect with the urban
    // dibao standard 623 (both 2021-01-01), so the published figure is used: 811 a month.
    let det = run(base("urban", alone("1950-01-01", json!([]))));
    let e = entry(&det, "m1");
    let t9 = find(e, RuleId::Tk9);
    assert_eq!(code(t9, "method"), "published_figure");
    assert_eq!(
        yuan(t9, "annual"),
        d("9732"),
        "Gansu 2021 urban basic 9,732"
    );
    assert_eq!(yuan(t9, "monthly"), d("811"), "9,732 ÷ 12");
    assert_eq!(
        yuan(t9, "computed_month"),
        d("810"),
        "1.3 × 623 = 809.9 → 810"
    );
    // care: Gansu 2021 fully self-caring 140
    assert_eq!(yuan(find(e, RuleId::Tk11), "monthly"), d("140"));
    assert_eq!(e.monthly_amount.unwrap().value(), d("951"), "811 + 140");
}

#[test]
fn basic_standard_multiplier_when_standard_newer_than_pinned_figure() {
    // A 2026 urban standard of 700 is newer than the 2021 pinned figure: 1.3 × 700 = 910.
    let rules = RuleBook::embedded()
        .overlay_str(
            r#"
            [division]
            code = "621027"
            name = "Zhenyuan (test)"
            [[param]]
            name = "dibao_standard_urban_month"
            from = "2026-01-01"
            value = 700
            status = "published"
            source = "test fixture"
            "#,
        )
        .unwrap();
    let det = run_with(base("urban", alone("1950-01-01", json!([]))), &rules);
    let e = entry(&det, "m1");
    let t9 = find(e, RuleId::Tk9);
    assert_eq!(code(t9, "method"), "multiplier_rounded_half_up");
    assert_eq!(yuan(t9, "monthly"), d("910"), "1.3 × 700 = 910");
    assert_eq!(yuan(t9, "annual"), d("10920"), "910 × 12");
    assert_eq!(e.monthly_amount.unwrap().value(), d("1050"), "910 + 140");
}

#[test]
fn rural_pinned_basic_and_rural_rate() {
    // Rural Gansu 2021: 6,216 a year published (formula would give 519 × 12 = 6,228).
    let det = run(base("rural", alone("1950-01-01", json!(["bathing"]))));
    let e = entry(&det, "m1");
    let t9 = find(e, RuleId::Tk9);
    assert_eq!(
        yuan(t9, "annual"),
        d("6216"),
        "Gansu 2021 rural basic 6,216"
    );
    assert_eq!(
        yuan(t9, "computed_month"),
        d("519"),
        "1.3 × 399 = 518.7 → 519"
    );
    assert_eq!(
        yuan(find(e, RuleId::Tk11), "monthly"),
        d("280"),
        "partial 280"
    );
    assert_eq!(e.monthly_amount.unwrap().value(), d("798"), "518 + 280");
}

#[test]
fn orphan_who_takes_the_orphan_allowance_is_not_special_hardship() {
    let m = |chosen: bool| {
        json!([{ "key": "c1", "relation": "applicant", "birth_date": "2011-03-10",
                 "orphan_allowance_chosen": chosen, "self_care": { "unable": [] } }])
    };
    let det = run(base("rural", m(true)));
    let e = entry(&det, "c1");
    assert_eq!(
        find(e, RuleId::Tk2).verdict,
        Verdict::Pass,
        "15 is under 16"
    );
    assert_eq!(find(e, RuleId::Tk6).verdict, Verdict::Fail);
    assert_eq!(
        e.outcome,
        Outcome::NotEligible,
        "TK-6: orphan allowance chosen"
    );
    assert_eq!(find(e, RuleId::Tk1).verdict, Verdict::Fail);
    assert_eq!(find(e, RuleId::Tk13).verdict, Verdict::NotApplicable);
    assert_eq!(find(e, RuleId::Tk15).verdict, Verdict::NotApplicable);

    let det = run(base("rural", m(false)));
    let e = entry(&det, "c1");
    assert_eq!(find(e, RuleId::Tk6).verdict, Verdict::Pass);
    assert_eq!(e.outcome, Outcome::Eligible, "orphan without the allowance");
    assert_eq!(find(e, RuleId::Tk1).verdict, Verdict::Pass);
}

#[test]
fn minors_to_eighteen_and_in_school_continuation() {
    let minor = |birth: &str, level: Option<&str>| {
        let mut m = json!({ "key": "c1", "relation": "applicant", "birth_date": birth,
                            "self_care": { "unable": [] } });
        if let Some(l) = level {
            m["student"] = json!({ "level": l });
        }
        json!([m])
    };
    // 17: no TK-2 ground, covered by TK-3.
    let det = run(base("rural", minor("2009-05-01", None)));
    let e = entry(&det, "c1");
    assert_eq!(find(e, RuleId::Tk2).verdict, Verdict::NotApplicable);
    assert_eq!(find(e, RuleId::Tk3).verdict, Verdict::Pass, "17 < 18");
    assert_eq!(e.outcome, Outcome::Eligible);

    // 19, in senior secondary school, never covered: TK-3 fails.
    let det = run(base("rural", minor("2007-05-01", Some("senior_secondary"))));
    let e = entry(&det, "c1");
    assert_eq!(find(e, RuleId::Tk3).verdict, Verdict::Fail);
    assert_eq!(e.outcome, Outcome::NotEligible);

    // The same, already covered: support continues.
    let mut c = base("rural", minor("2007-05-01", Some("senior_secondary")));
    c["purpose"] = json!("recheck");
    c["enrolment"] = json!({ "programme": "special_hardship", "monthly_amount": "798",
                              "since": "2020-01-01" });
    let det = run(c);
    let e = entry(&det, "c1");
    assert_eq!(
        find(e, RuleId::Tk3).verdict,
        Verdict::Pass,
        "continuing in school"
    );
    assert_eq!(e.outcome, Outcome::Eligible);
    assert_eq!(
        find(e, RuleId::Tk14).verdict,
        Verdict::Pass,
        "support continues"
    );
}

fn with_supporter(s: Value) -> Value {
    let mut c = base("rural", alone("1934-01-15", json!([])));
    c["household"]["supporters"] = json!([s]);
    c
}

#[test]
fn supporter_aged_72_with_low_income_is_not_capable() {
    // Aged 72 ≥ 70, income 12,000 < 25,011 (Gansu per-capita disposable income), assets 5,000
    // within 36 × 399 = 14,364.
    let det = run(with_supporter(json!({
        "key": "s1", "relation": "child", "birth_date": "1954-05-02",
        "annual_income": "12000", "financial_assets": "5000"
    })));
    let e = entry(&det, "m1");
    let t5 = find(e, RuleId::Tk5);
    assert_eq!(
        t5.verdict,
        Verdict::Pass,
        "TK-5 (3): aged 72 with low income"
    );
    assert_eq!(code(t5, "ground"), "aged_low_income");
    assert_eq!(yuan(t5, "income_line_year"), d("25011"));
    assert_eq!(e.outcome, Outcome::Eligible);
}

#[test]
fn capable_supporters_and_unknown_income() {
    // Aged 45, no listed condition: capable.
    let det = run(with_supporter(json!({
        "key": "s1", "relation": "child", "birth_date": "1981-05-02",
        "annual_income": "12000", "financial_assets": "0"
    })));
    let e = entry(&det, "m1");
    assert_eq!(find(e, RuleId::Tk5).verdict, Verdict::Fail);
    assert_eq!(code(find(e, RuleId::Tk5), "ground"), "capable");
    assert_eq!(e.outcome, Outcome::NotEligible);

    // Aged 72 with income at the line: capable.
    let det = run(with_supporter(json!({
        "key": "s1", "relation": "child", "birth_date": "1954-05-02",
        "annual_income": "25011", "financial_assets": "0"
    })));
    assert_eq!(
        find(entry(&det, "m1"), RuleId::Tk5).verdict,
        Verdict::Fail,
        "25,011 is not below 25,011"
    );

    // Aged 72, income unknown: review.
    let det = run(with_supporter(json!({
        "key": "s1", "relation": "child", "birth_date": "1954-05-02"
    })));
    let e = entry(&det, "m1");
    assert_eq!(find(e, RuleId::Tk5).verdict, Verdict::Unknown);
    assert_eq!(e.outcome, Outcome::NeedsReview);
}

#[test]
fn supporter_statuses_special_hardship_dibao_and_imprisoned() {
    for (s, ground) in [
        (
            json!({ "key": "s1", "relation": "spouse", "birth_date": "1990-01-01",
                    "statuses": ["special_hardship_recipient"] }),
            "special_hardship_recipient",
        ),
        (
            json!({ "key": "s1", "relation": "child", "birth_date": "1960-01-01",
                    "statuses": ["dibao_recipient"] }),
            "dibao_recipient_aged",
        ),
        (
            json!({ "key": "s1", "relation": "child", "birth_date": "1980-01-01",
                    "statuses": ["imprisoned"], "financial_assets": "0" }),
            "no_capacity_missing_or_imprisoned",
        ),
        (
            json!({ "key": "s1", "relation": "child", "birth_date": "1980-01-01",
                    "disability": { "kind": "mental", "grade": 3 },
                    "annual_income": "6000", "financial_assets": "0" }),
            "severe_disability_low_income",
        ),
    ] {
        let det = run(with_supporter(s));
        let t5 = find(entry(&det, "m1"), RuleId::Tk5);
        assert_eq!(t5.verdict, Verdict::Pass, "TK-5 {ground}");
        assert_eq!(code(t5, "ground"), ground);
    }
    // A dibao recipient aged 59 is still a capable supporter.
    let det = run(with_supporter(json!({
        "key": "s1", "relation": "child", "birth_date": "1967-12-01",
        "statuses": ["dibao_recipient"], "annual_income": "30000", "financial_assets": "0"
    })));
    assert_eq!(find(entry(&det, "m1"), RuleId::Tk5).verdict, Verdict::Fail);
}

#[test]
fn household_members_are_supporters_too() {
    // A child of 10 living with working parents: the parents are capable supporters.
    let c = base(
        "urban",
        json!([
            { "key": "m1", "relation": "applicant", "birth_date": "1985-01-01" },
            { "key": "m2", "relation": "child", "birth_date": "2016-01-01",
              "self_care": { "unable": [] } }
        ]),
    );
    let det = run(c);
    let e = entry(&det, "m2");
    let t5 = find(e, RuleId::Tk5);
    assert_eq!(t5.verdict, Verdict::Fail);
    assert!(t5.figure("household_member").is_some());
    assert_eq!(e.outcome, Outcome::NotEligible);
    // The working parent is not tested: TK-2 fails on the programme.
    let f = tk(&det)
        .findings
        .iter()
        .find(|f| f.rule == RuleId::Tk2)
        .unwrap();
    assert_eq!(f.verdict, Verdict::Fail);
    assert_eq!(f.member.as_deref(), Some("m1"));
}

#[test]
fn no_livelihood_income_and_inc5_disregards() {
    // Old-age allowance is counted for dibao (INC-3) but not for special hardship (INC-5).
    let mut c = base("urban", alone("1950-01-01", json!([])));
    c["household"]["incomes"] = json!([
        { "member": "m1", "category": "transfer", "kind": "old_age_allowance",
          "amount": "1200", "from": "2025-11-01", "to": "2026-10-31" },
        { "member": "m1", "category": "property", "amount": "6000",
          "from": "2025-11-01", "to": "2026-10-31" }
    ]);
    let det = run(c.clone());
    let t4 = find(entry(&det, "m1"), RuleId::Tk4);
    assert_eq!(t4.verdict, Verdict::Pass);
    assert_eq!(
        yuan(t4, "dibao_countable"),
        d("600"),
        "500 property + 100 allowance"
    );
    assert_eq!(yuan(t4, "disregarded_inc5"), d("100"), "old-age allowance");
    assert_eq!(yuan(t4, "own_income"), d("500"));

    c["household"]["incomes"][1]["amount"] = json!("9000");
    let det = run(c);
    let e = entry(&det, "m1");
    let t4 = find(e, RuleId::Tk4);
    assert_eq!(t4.verdict, Verdict::Fail, "750 a month is not below 623");
    assert_eq!(e.outcome, Outcome::NotEligible);
}

#[test]
fn no_capacity_to_work_grounds() {
    // Physical grade 2, aged 40: no capacity (TK-2 (3)).
    let m = json!([{ "key": "m1", "relation": "applicant", "birth_date": "1986-01-01",
                     "disability": { "kind": "physical", "grade": 2 },
                     "self_care": { "unable": ["bathing"] } }]);
    let det = run(base("urban", m));
    let t2 = find(entry(&det, "m1"), RuleId::Tk2);
    assert_eq!(t2.verdict, Verdict::Pass);
    assert_eq!(code(t2, "ground"), "disability");

    // Serious illness, aged 40: able to work nationally; a provincial addition makes it a ground.
    let m = json!([{ "key": "m1", "relation": "applicant", "birth_date": "1986-01-01",
                     "serious_illness": true, "self_care": { "unable": [] } }]);
    let det = run(base("urban", m.clone()));
    assert!(tk(&det).individual_coverage.is_empty());
    assert_eq!(tk(&det).outcome, Outcome::NotEligible);
    let fails: Vec<_> = tk(&det)
        .findings
        .iter()
        .filter(|f| f.verdict == Verdict::Fail)
        .map(|f| f.rule)
        .collect();
    assert_eq!(fails, vec![RuleId::Tk2, RuleId::Tk1]);

    let rules = RuleBook::embedded()
        .overlay_str(
            r#"
            [division]
            code = "620000"
            name = "Gansu (test)"
            [[param]]
            name = "tk_no_labour_additions"
            from = "2026-01-01"
            value = ["serious_illness"]
            status = "unconfirmed"
            source = "test fixture"
            "#,
        )
        .unwrap();
    let det = run_with(base("urban", m), &rules);
    let t2 = find(entry(&det, "m1"), RuleId::Tk2);
    assert_eq!(t2.verdict, Verdict::Pass);
    assert_eq!(code(t2, "ground"), "provincial_serious_illness");
}

#[test]
fn urban_or_rural_rate() {
    let m = |field: &str| {
        json!([{ "key": "m1", "relation": "applicant", "birth_date": "1950-01-01",
                 field: true, "self_care": { "unable": [] } }])
    };
    // Contracted land in an urban case: the rural rate.
    let det = run(base("urban", m("contracted_land")));
    let e = entry(&det, "m1");
    let t7 = find(e, RuleId::Tk7);
    assert_eq!(t7.verdict, Verdict::Pass);
    assert_eq!(code(t7, "rate"), "rural", "contracted land: rural rate");
    assert_eq!(code(t7, "household_scheme"), "urban");
    assert_eq!(yuan(find(e, RuleId::Tk9), "annual"), d("6216"));
    // Relocated to town in a rural case: the urban rate.
    let det = run(base("rural", m("relocated_to_town")));
    let e = entry(&det, "m1");
    assert_eq!(code(find(e, RuleId::Tk7), "rate"), "urban");
    assert_eq!(yuan(find(e, RuleId::Tk9), "annual"), d("9732"));
    // Neither: the household's scheme.
    let det = run(base("rural", alone("1950-01-01", json!([]))));
    let t7 = find(entry(&det, "m1"), RuleId::Tk7);
    assert_eq!(code(t7, "rate"), "rural");
    assert_eq!(code(t7, "ground"), "scheme_of_household");
}

#[test]
fn special_hardship_person_leaves_the_dibao_unit() {
    // Applicant 75 and spouse 65: the spouse's supporter (applicant, 75, low income) cannot
    // support, so the spouse is special hardship; the applicant's supporter (spouse, 65) can.
    let c = base(
        "urban",
        json!([
            { "key": "m1", "relation": "applicant", "birth_date": "1951-01-01",
              "self_care": { "unable": [] } },
            { "key": "m2", "relation": "spouse", "birth_date": "1961-01-01",
              "self_care": { "unable": [] } }
        ]),
    );
    let det = run(c);
    assert_eq!(entry(&det, "m1").outcome, Outcome::NotEligible);
    assert_eq!(entry(&det, "m2").outcome, Outcome::Eligible);
    assert_eq!(det.accounts.counted_members, vec!["m1".to_owned()]);
    assert_eq!(det.accounts.excluded_members, vec!["m2".to_owned()]);
    let tk8: Vec<_> = det
        .accounts
        .findings
        .iter()
        .filter(|f| f.rule == RuleId::Tk8)
        .map(|f| (f.member.clone().unwrap().to_string(), f.verdict))
        .collect();
    assert_eq!(
        tk8,
        vec![
            ("m1".to_owned(), Verdict::Pass),
            ("m2".to_owned(), Verdict::Fail)
        ]
    );
    // dibao for the applicant alone: 623 × 1 − 0
    let dibao = det.programme(Programme::MinimumLiving).unwrap();
    assert_eq!(dibao.outcome, Outcome::Eligible);
    assert_eq!(dibao.monthly_amount.unwrap().value(), d("623"));
}

#[test]
fn everyone_special_hardship_leaves_no_dibao_unit() {
    let det = run(base("urban", alone("1950-01-01", json!([]))));
    let dibao = det.programme(Programme::MinimumLiving).unwrap();
    assert_eq!(dibao.outcome, Outcome::NotEligible);
    assert_eq!(dibao.findings[0].rule, RuleId::Tk8);
    assert_eq!(dibao.findings[0].verdict, Verdict::Fail);
    assert!(det.accounts.counted_members.is_empty());
}

#[test]
fn institutional_or_home_support() {
    let m = json!([{ "key": "m1", "relation": "applicant", "birth_date": "1950-01-01",
                     "support_setting": "institution", "self_care": { "unable": [] } }]);
    let det = run(base("urban", m));
    let t12 = find(entry(&det, "m1"), RuleId::Tk12);
    assert_eq!(t12.verdict, Verdict::Pass);
    assert_eq!(code(t12, "setting"), "institution");
    assert!(t12.figure("note").is_none());

    let det = run(base(
        "urban",
        alone(
            "1950-01-01",
            json!(["eating", "dressing", "transferring", "toileting"]),
        ),
    ));
    let e = entry(&det, "m1");
    let t12 = find(e, RuleId::Tk12);
    assert_eq!(code(t12, "setting"), "home");
    assert_eq!(code(t12, "note"), "institutional_priority");
    assert_eq!(
        yuan(find(e, RuleId::Tk11), "monthly"),
        d("400"),
        "full loss 400"
    );
}

#[test]
fn start_review_and_validity_dates() {
    let det = run(base("urban", alone("1950-01-01", json!([]))));
    let e = entry(&det, "m1");
    let t13 = find(e, RuleId::Tk13);
    assert_eq!(t13.verdict, Verdict::Pass);
    assert_eq!(
        t13.figure("support_from"),
        Some(&FigureValue::Date("2026-12-01".parse().unwrap())),
        "support from the month after confirmation"
    );
    let t15 = find(e, RuleId::Tk15);
    assert_eq!(
        t15.figure("review_due"),
        Some(&FigureValue::Date("2027-11-01".parse().unwrap())),
        "yearly review"
    );
    assert_eq!(tk(&det).valid_until, Some("2027-11-01".parse().unwrap()));
}

#[test]
fn leaving_special_hardship_is_tested_for_dibao_and_relief() {
    // Enrolled, now with property income of 9,600 a year (800 a month ≥ 623).
    let mut c = base("urban", alone("1950-01-01", json!([])));
    c["purpose"] = json!("recheck");
    c["enrolment"] = json!({ "programme": "special_hardship", "monthly_amount": "951",
                              "since": "2022-01-01" });
    c["household"]["incomes"] = json!([
        { "member": "m1", "category": "property", "amount": "9600",
          "from": "2025-11-01", "to": "2026-10-31" }
    ]);
    c["household"]["events"] = json!([
        { "kind": "fire", "date": "2026-10-20", "severity": "light" }
    ]);
    let det = run(c);
    let e = entry(&det, "m1");
    assert_eq!(e.outcome, Outcome::NotEligible);
    let t14 = find(e, RuleId::Tk14);
    assert_eq!(t14.verdict, Verdict::Fail);
    assert_eq!(
        t14.figure("ends_from"),
        Some(&FigureValue::Date("2026-12-01".parse().unwrap()))
    );
    // stays in the dibao unit and is tested there, and for temporary relief
    assert_eq!(det.accounts.counted_members, vec!["m1".to_owned()]);
    let dibao = det.programme(Programme::MinimumLiving).unwrap();
    assert_eq!(dibao.outcome, Outcome::NotEligible, "800 is not below 623");
    let tr = det.programme(Programme::TemporaryRelief).unwrap();
    assert_eq!(tr.outcome, Outcome::Eligible);
    assert_eq!(tr.one_off_amount.unwrap().value(), d("800"));
}

#[test]
fn sentences_exist_in_both_languages() {
    let det = run(with_supporter(json!({
        "key": "s1", "relation": "child", "birth_date": "1954-05-02",
        "annual_income": "12000", "financial_assets": "5000"
    })));
    for f in det.all_findings() {
        assert!(!f.text_zh().is_empty(), "{} zh", f.rule);
        assert!(!f.text_en().is_empty(), "{} en", f.rule);
    }
    let json = serde_json::to_string(&det).unwrap();
    assert!(json.contains("\"route\":\"TK-1\""));
}

#[test]
fn supporter_and_event_validation_names_the_path() {
    let bad = |patch: &dyn Fn(&mut Value), path: &str| {
        let mut c = base("urban", alone("1950-01-01", json!([])));
        patch(&mut c);
        let err = evaluate(&case(c), &RuleBook::embedded()).unwrap_err();
        assert_eq!(err.path(), Some(path), "{err}");
    };
    bad(
        &|c| {
            c["household"]["supporters"] =
                json!([{ "key": "s1", "relation": "child", "birth_date": "2027-01-01" }])
        },
        "household.supporters[0].birth_date",
    );
    bad(
        &|c| {
            c["household"]["supporters"] = json!([
                { "key": "s1", "relation": "child", "birth_date": "1970-01-01" },
                { "key": "s1", "relation": "child", "birth_date": "1972-01-01" }
            ])
        },
        "household.supporters[1].key",
    );
    bad(
        &|c| {
            c["household"]["supporters"] = json!([
                { "key": "s1", "relation": "child", "birth_date": "1970-01-01",
                  "annual_income": "-1" }
            ])
        },
        "household.supporters[0].annual_income",
    );
    bad(
        &|c| {
            c["household"]["events"] =
                json!([{ "kind": "fire", "date": "2026-10-01", "hardship_months": 0 }])
        },
        "household.events[0].hardship_months",
    );
    bad(
        &|c| {
            c["household"]["events"] =
                json!([{ "kind": "fire", "date": "2026-10-01", "persons": 65 }])
        },
        "household.events[0].persons",
    );
    bad(
        &|c| {
            c["household"]["expenses"] = json!([
                { "member": "m1", "kind": "education", "amount": "100", "self_paid": "100",
                  "date": "2026-10-01", "public_school_rate": "-5" }
            ])
        },
        "household.expenses[0].public_school_rate",
    );
}

#[test]
fn losing_special_hardship_by_income_rejoins_the_dibao_unit() {
    // Rural couple: applicant 75 without an assessment (special hardship under review, stays in
    // the dibao unit), spouse 72 assessed. The spouse's only supporter (the applicant, 75, low
    // income) cannot support, so the spouse is special hardship and leaves the dibao unit.
    let couple = |spouse_income: &str| {
        let mut c = base(
            "rural",
            json!([
                { "key": "m1", "relation": "applicant", "birth_date": "1951-01-01" },
                { "key": "m2", "relation": "spouse", "birth_date": "1954-01-01",
                  "self_care": { "unable": [] } }
            ]),
        );
        c["household"]["incomes"] = json!([
            { "member": "m1", "category": "property", "amount": "1200",
              "from": "2025-11-01", "to": "2026-10-31" },
            { "member": "m2", "category": "property", "amount": spouse_income,
              "from": "2025-11-01", "to": "2026-10-31" }
        ]);
        run(c)
    };
    let total = |d: &Determination| {
        d.programme(Programme::MinimumLiving)
            .unwrap()
            .total_monthly()
            + tk(d).total_monthly()
    };
    let before = couple("0");
    assert_eq!(entry(&before, "m2").outcome, Outcome::Eligible);
    assert_eq!(before.accounts.counted_members, vec!["m1".to_owned()]);
    // spouse: basic 518 + care 140; applicant: dibao class 1, 399
    assert_eq!(
        total(&before),
        d("1057"),
        "658 special hardship + 399 dibao"
    );

    // The spouse now has 450 a month: no longer special hardship (TK-4), back in the dibao unit.
    let after = couple("5400");
    assert_eq!(entry(&after, "m2").outcome, Outcome::NotEligible);
    assert_eq!(
        after.accounts.counted_members,
        vec!["m1".to_owned(), "m2".to_owned()]
    );
    let dibao = after.programme(Programme::MinimumLiving).unwrap();
    assert_eq!(dibao.monthly_amount.unwrap().value(), d("798"), "399 × 2");
    // The dibao amount rose (399 → 798) but the household's assistance fell (1,057 → 798).
    assert!(total(&after) < total(&before));
}

#[test]
fn a_province_without_care_or_relief_figures_gives_review_not_errors() {
    // A province that has set only its dibao standard: no care standard, no disposable-income
    // figure, no light-emergency cap. The rules that need them ask for review.
    let rules = RuleBook::embedded()
        .overlay_str(
            r#"
            [division]
            code = "630000"
            name = "test province"
            [[param]]
            name = "dibao_standard_urban_month"
            from = "2026-01-01"
            value = 700
            status = "published"
            source = "test fixture"
            "#,
        )
        .unwrap();
    let mut c = base("urban", alone("1950-01-01", json!([])));
    c["jurisdiction"] = json!("630000");
    c["household"]["events"] = json!([{ "kind": "fire", "date": "2026-10-01" }]);
    let det = run_with(c, &rules);
    let e = entry(&det, "m1");
    assert_eq!(
        find(e, RuleId::Tk9).verdict,
        Verdict::Pass,
        "1.3 × 700 = 910"
    );
    assert_eq!(yuan(find(e, RuleId::Tk9), "monthly"), d("910"));
    assert_eq!(find(e, RuleId::Tk11).verdict, Verdict::Unknown);
    assert_eq!(e.outcome, Outcome::NeedsReview);
    assert_eq!(e.monthly_amount, None);
    let tr = det.programme(Programme::TemporaryRelief).unwrap();
    assert_eq!(tr.outcome, Outcome::NeedsReview);
    assert!(tr.review.iter().any(|r| r.rule == RuleId::Tr3));
}

#[test]
fn sample_households_give_their_documented_results() {
    let file = |f: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(format!("examples/households/{f}")).unwrap())
            .unwrap()
    };
    // rural, pinned basic 6,216 ÷ 12 = 518 + partial care 280
    let det = run(file("tk-elderly-alone.json"));
    assert_eq!(entry(&det, "m1").monthly_amount.unwrap().value(), d("798"));
    // TK-6: the orphan allowance chosen
    let det = run(file("tk-orphan-allowance.json"));
    assert_eq!(entry(&det, "c1").outcome, Outcome::NotEligible);
    // 518 + full-loss care 400
    let det = run(file("tk-supporter-aged-72.json"));
    assert_eq!(entry(&det, "m1").monthly_amount.unwrap().value(), d("918"));
    // light fire: 800 paid first
    let det = run(file("tr-fire.json"));
    let tr = det.programme(Programme::TemporaryRelief).unwrap();
    assert_eq!(tr.one_off_amount.unwrap().value(), d("800"));
    // rigid expenditure, valid 12 months
    let det = run(file("rig-medical.json"));
    let rig = det.programme(Programme::RigidExpenditure).unwrap();
    assert_eq!(rig.outcome, Outcome::Eligible);
    assert_eq!(rig.valid_until, Some("2027-10-31".parse().unwrap()));
    // one case, one discussion: 623 × 5 × 6 proposed
    let det = run(file("tr-above-cap.json"));
    let tr = det.programme(Programme::TemporaryRelief).unwrap();
    assert_eq!(tr.outcome, Outcome::NeedsReview);
    assert_eq!(tr.one_off_amount.unwrap().value(), d("18690"));
}
