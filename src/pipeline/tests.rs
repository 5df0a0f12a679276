//! The decision is the same whether or not it explains, and the typed conditions each programme
//! hands on are exactly the verdicts its findings state — checked on every sample household, in
//! both areas and for every purpose.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::decide::decide;
use crate::case::{Area, Case, Purpose};
use crate::explain::Conditions;
use crate::rules::RuleBook;
use crate::rules::resolve::Params;

fn households() -> Vec<Case> {
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir("examples/households")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let case: Case = serde_json::from_str(&text).unwrap();
        for area in [Area::Urban, Area::Rural] {
            for purpose in [
                Purpose::NewApplication,
                Purpose::Recheck,
                Purpose::DynamicCheck,
            ] {
                let mut c = case.clone();
                c.area = area;
                c.purpose = purpose;
                out.push(c);
            }
        }
    }
    assert!(out.len() >= 90, "{}", out.len());
    out
}

#[test]
fn conditions_are_the_findings_verdicts_and_explaining_changes_no_decision() {
    let rules = RuleBook::embedded();
    for case in households() {
        crate::case::validate::validate(&case).unwrap();
        let p = Params::resolve(&rules, &case.jurisdiction, case.evaluation_date).unwrap();
        let loud = decide(&case, &p, None, true).unwrap();
        let quiet = decide(&case, &p, None, false).unwrap();
        assert_eq!(loud.conditions.len(), loud.programmes.len());
        for (r, c) in loud.programmes.iter().zip(&loud.conditions) {
            assert_eq!(
                c,
                &Conditions::from_findings(&r.findings),
                "{:?} conditions differ from its findings",
                r.programme
            );
        }
        assert_eq!(loud.conditions, quiet.conditions);
        assert_eq!(loud.work_income, quiet.work_income);
        assert_eq!(loud.marginal_line, quiet.marginal_line);
        for (a, b) in loud.programmes.iter().zip(&quiet.programmes) {
            let mut a = a.clone();
            a.findings.clear();
            for u in &mut a.individual_coverage {
                u.findings.clear();
            }
            assert_eq!(
                &a, b,
                "{:?} decided differently without findings",
                b.programme
            );
        }
        assert!(quiet.accounts.findings.is_empty());
        let mut accounts = loud.accounts.clone();
        accounts.findings.clear();
        assert_eq!(accounts, quiet.accounts);
    }
}

/// No stage writes a finding when not explaining (nothing drops findings afterwards), and the
/// determination is the full one without its findings — on every sample household, the ones
/// with department records, deaths and missing departments among them.
#[test]
fn no_stage_writes_a_finding_when_not_explaining() {
    use crate::{Explain, Options, evaluate_with};
    let rules = RuleBook::embedded();
    let mut with_verification_findings = 0;
    for case in households() {
        let none = Options::default().with_explain(Explain::None);
        let quiet = evaluate_with(&case, &rules, &none).unwrap();
        assert_eq!(quiet.all_findings().count(), 0);
        let mut full = evaluate_with(&case, &rules, &Options::default()).unwrap();
        with_verification_findings += usize::from(!full.verification.findings.is_empty());
        assert!(!full.monitoring.findings.is_empty() || case.purpose == Purpose::NewApplication);
        full.clear_findings();
        assert_eq!(full, quiet);
    }
    assert!(
        with_verification_findings >= 12,
        "{with_verification_findings}"
    );
}

/// VER-EFFECT's comparison as first written, with maps and owned names: the reference the
/// comparison without allocations must agree with.
fn compare_reference(
    a: &[crate::programmes::ProgrammeResult],
    b: &[crate::programmes::ProgrammeResult],
) -> crate::verify::Effect {
    use crate::programmes::ProgrammeResult;
    use crate::verify::Effect;
    use crate::vocab::{Outcome, Programme};
    use rust_decimal::Decimal;
    use std::collections::BTreeMap;
    fn units(d: &[ProgrammeResult]) -> BTreeMap<(Programme, Option<&str>), Outcome> {
        let mut m = BTreeMap::new();
        for r in d {
            m.insert((r.programme, None), r.outcome);
            for c in &r.individual_coverage {
                m.insert((r.programme, Some(c.member.as_str())), c.outcome);
            }
        }
        m
    }
    fn amounts(d: &[ProgrammeResult]) -> Vec<(String, Decimal, Option<&'static str>)> {
        d.iter()
            .map(|r| {
                let class = r.class.map(|c| c.as_str());
                (r.programme.as_str().to_owned(), r.total_monthly(), class)
            })
            .collect()
    }
    let (ua, ub) = (units(a), units(b));
    let changed = ua
        .keys()
        .chain(ub.keys())
        .any(|k| match (ua.get(k), ub.get(k)) {
            (Some(x), Some(y)) => x != y,
            (Some(x), None) | (None, Some(x)) => *x == Outcome::Eligible,
            (None, None) => false,
        });
    if changed {
        Effect::Decisive
    } else if amounts(a) != amounts(b) {
        Effect::Material
    } else {
        Effect::Minor
    }
}

#[test]
fn discrepancies_are_weighed_as_by_the_reference_comparison() {
    let rules = RuleBook::embedded();
    let decided: Vec<_> = households()
        .iter()
        .map(|case| {
            let p = Params::resolve(&rules, &case.jurisdiction, case.evaluation_date).unwrap();
            decide(case, &p, None, false).unwrap().programmes
        })
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    for a in &decided {
        // a unit listed twice: the last listing counts, as in the reference's map
        let mut doubled = a.clone();
        if let Some(r) = doubled
            .iter_mut()
            .find(|r| !r.individual_coverage.is_empty())
        {
            let mut again = r.individual_coverage[0].clone();
            again.outcome = crate::vocab::Outcome::NeedsReview;
            r.individual_coverage.push(again);
        }
        // the same amounts in another class: material
        let mut reclassed = a.clone();
        if let Some(r) = reclassed.iter_mut().find(|r| r.class.is_some()) {
            r.class = Some(match r.class {
                Some(crate::vocab::DibaoClass::Class1) => crate::vocab::DibaoClass::Class2,
                _ => crate::vocab::DibaoClass::Class1,
            });
        }
        for b in decided.iter().chain([&doubled, &reclassed]) {
            let e = super::effects::compare(a, b);
            assert_eq!(e, compare_reference(a, b));
            assert_eq!(super::effects::compare(b, a), compare_reference(b, a));
            seen.insert(format!("{e:?}"));
        }
    }
    // the sample households give every kind of effect
    assert_eq!(seen.len(), 3, "{seen:?}");
}
