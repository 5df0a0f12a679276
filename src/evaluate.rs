//! The pipeline: validate → resolve parameters → account → programmes → determination.

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::accounts::{income, members};
use crate::case::{Area, Case, CaseError};
use crate::determination::{Accounts, Audit, Determination};
use crate::determination::{Outcome, Programme};
use crate::explain::{Finding, RULE_CATALOGUE_VERSION, RuleId, Verdict};
use crate::money::{Exact, Yuan};
use crate::programmes::{
    Context, marginal_family, minimum_living, rigid_expenditure, special_hardship, temporary_relief,
};
use crate::rules::resolve::Params;
use crate::rules::{ParamId, RuleBook};

/// Evaluates one household case under a rule book.
///
/// Returns a [`Determination`] with a result for every programme, or a [`CaseError`] when the
/// case cannot be evaluated at all. Missing facts give `needs_review`, not an error.
///
/// ```
/// use jiuzhu::{evaluate, Case, RuleBook, Programme, Outcome};
/// let case: Case = serde_json::from_str(r#"{
///   "evaluation_date": "2026-11-01", "jurisdiction": "621027",
///   "purpose": "new_application", "area": "urban",
///   "household": { "members": [
///     { "key": "m1", "relation": "applicant", "birth_date": "1950-05-01" } ] }
/// }"#).unwrap();
/// let det = evaluate(&case, &RuleBook::embedded()).unwrap();
/// let dibao = det.programme(Programme::MinimumLiving).unwrap();
/// assert_eq!(dibao.outcome, Outcome::Eligible);
/// ```
pub fn evaluate(case: &Case, rules: &RuleBook) -> Result<Determination, CaseError> {
    crate::case::validate::validate(case)?;
    // Verification (src/verify.rs): department evidence reconciled before accounting; it calls
    // `core` on the declared and the verified households, then the monitoring stage.
    crate::verify::validate_evidence(case)?;
    let p = Params::resolve(rules, &case.jurisdiction, case.evaluation_date)?;
    let mut det = crate::verify::run(case, rules, &p)?;
    // Stamped once, on the case as given (the verified copy is internal).
    det.audit.case_digest = crate::audit::case_digest(case);
    Ok(det)
}

/// Accounts and programmes for one household as given (declared or verified facts).
pub(crate) fn core(case: &Case, rules: &RuleBook, p: &Params) -> Result<Determination, CaseError> {
    let keys = crate::verify::key_index(case);
    let mut comp = members::compose(case, p)?;
    let mut findings: Vec<Finding> = std::mem::take(&mut comp.findings);
    let standard = monthly_standard(case, p, &mut findings)?;

    // Special hardship is decided per member on the first accounts; members who qualify then
    // leave the dibao unit (TK-8) and the same accounting runs again without them.
    let mut first_findings = Vec::with_capacity(16);
    let first_income = income::account(case, &comp, &keys, p, &mut first_findings)?;
    let registered: Vec<usize> = comp.counted().collect();
    let tk = {
        let ctx = Context {
            case,
            p,
            comp: &comp,
            income: &first_income,
            keys: comp.members.iter().map(|m| m.key).collect(),
            standard,
        };
        special_hardship::decide(&ctx, &registered)?
    };
    findings.extend(tk.accounts_findings.iter().cloned());
    let income = if tk.excluded.is_empty() {
        findings.extend(first_findings);
        first_income
    } else {
        for &i in &tk.excluded {
            comp.exclude(i);
        }
        income::account(case, &comp, &keys, p, &mut findings)?
    };
    let counted: Vec<usize> = comp.counted().collect();
    let ctx = Context {
        case,
        p,
        comp: &comp,
        income: &income,
        keys: comp.members.iter().map(|m| m.key).collect(),
        standard,
    };

    let (dibao, marginal) = if counted.is_empty() && !tk.excluded.is_empty() {
        (
            special_hardship::all_members_covered(Programme::MinimumLiving),
            special_hardship::all_members_covered(Programme::MarginalFamily),
        )
    } else {
        let mut dibao = minimum_living::decide_household(&ctx, &counted)?;
        let marginal = marginal_family::decide(&ctx, dibao.outcome, &counted)?;
        minimum_living::individual_routes(&ctx, &mut dibao, marginal.outcome, &counted)?;
        (dibao, marginal)
    };
    let dibao_any = if dibao.outcome == Outcome::Eligible
        || dibao
            .individual_coverage
            .iter()
            .any(|c| c.outcome == Outcome::Eligible)
    {
        Outcome::Eligible
    } else {
        dibao.outcome
    };
    let rigid = rigid_expenditure::decide(
        &ctx,
        &rigid_expenditure::Others {
            minimum_living: dibao_any,
            marginal: marginal.outcome,
            special_hardship: tk.result.outcome,
        },
        &counted,
    )?;
    let relief = temporary_relief::decide(&ctx, &counted, registered.len())?;

    let mut financial = Decimal::ZERO;
    for f in &case.household.assets.financial {
        if counted
            .iter()
            .any(|&i| ctx.keys.get(i).is_some_and(|k| **k == f.member))
        {
            financial = financial.add(f.amount.value(), "financial assets")?;
        }
    }
    let accounts = Accounts {
        counted_members: counted
            .iter()
            .filter_map(|&i| ctx.keys.get(i).map(|k| (*k).to_owned()))
            .collect(),
        excluded_members: comp
            .members
            .iter()
            .filter(|m| !m.counted)
            .map(|m| m.key.to_owned())
            .collect(),
        reference_period: (income.ref_start, income.ref_end),
        monthly_income: Yuan::new(income.household),
        per_capita_income: income.per_capita.map(Yuan::new),
        standard: Yuan::new(standard),
        financial_assets: Yuan::new(financial),
        findings,
    };
    Ok(Determination {
        evaluation_date: case.evaluation_date,
        jurisdiction: case.jurisdiction.clone(),
        purpose: case.purpose,
        area: case.area,
        programmes: vec![dibao, marginal, tk.result, rigid, relief],
        accounts,
        parameters: Default::default(), // filled once by `verify::run`, after every stage has read its parameters
        audit: Audit {
            crate_version: Cow::Borrowed(env!("CARGO_PKG_VERSION")),
            rule_catalogue_version: Cow::Borrowed(RULE_CATALOGUE_VERSION),
            parameters_digest: rules.digest().to_owned(),
            case_digest: String::new(),
        },
        verification: Default::default(),
        monitoring: Default::default(),
    })
}

/// The monthly dibao standard: urban as published, rural annual ÷ 12 (PAY-4).
fn monthly_standard(
    case: &Case,
    p: &Params,
    findings: &mut Vec<Finding>,
) -> Result<Decimal, CaseError> {
    match case.area {
        Area::Urban => {
            findings.push(Finding::new(RuleId::Pay4, Verdict::NotApplicable));
            p.decimal(ParamId::DibaoStandardUrbanMonth)
        }
        Area::Rural => {
            let annual = p.decimal(ParamId::DibaoStandardRuralYear)?;
            let monthly = annual.div(Decimal::from(12), "rural standard")?;
            findings.push(
                Finding::new(RuleId::Pay4, Verdict::Pass)
                    .yuan("annual", annual)
                    .yuan("monthly", monthly),
            );
            Ok(monthly)
        }
    }
}
