//! A county system adopting jiuzhu: builds the README's household with the builder, evaluates it
//! under the embedded rules and reports each programme, matching with wildcard arms.

use jiuzhu::prelude::*;

fn main() -> Result<(), CaseError> {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let case = Case::builder("621027", day(2026, 11, 1), Purpose::NewApplication, Area::Urban)
        .member(Member::new("m1", Relation::Applicant, day(1980, 3, 1)))
        .member(Member::new("m2", Relation::Spouse, day(1982, 6, 1)).seriously_ill())
        .member(Member::new("m3", Relation::Child, day(2014, 9, 1)))
        .income(IncomeRecord::new(
            "m1",
            IncomeCategory::Wage,
            dec!(5400),
            day(2026, 8, 1),
            day(2026, 10, 31),
        ))
        .build()?;
    let det = evaluate(&case, &RuleBook::embedded())?;
    for p in &det.programmes {
        let verdict = match p.outcome {
            Outcome::Eligible => "eligible",
            Outcome::NotEligible => "not eligible",
            Outcome::NeedsReview => "needs review",
            // new outcomes may be added in a minor version
            _ => "other",
        };
        let amount = p.monthly_amount.map(|a| a.to_string()).unwrap_or_default();
        println!("{:<22} {verdict:<13} {amount}", p.programme.as_str());
    }
    let dibao = det
        .programme(Programme::MinimumLiving)
        .map(|p| p.outcome);
    if dibao != Some(Outcome::Eligible) {
        eprintln!("expected the sample household to be eligible for dibao");
        std::process::exit(1);
    }
    Ok(())
}
