//! The decision stage of the pipeline: accounts and programmes for one household as given,
//! returned as typed values. Uses the case, the rules, the accounts and the programmes; never
//! verification, monitoring or the determination.

use rust_decimal::Decimal;

use crate::accounts::Accounts;
use crate::accounts::{income, members};
use crate::case::{Area, Case, CaseError};
use crate::explain::{Conditions, Finding, RuleId, Verdict};
use crate::money::{Exact, Yuan};
use crate::programmes::ProgrammeResult;
use crate::programmes::{
    Context, marginal_family, minimum_living, rigid_expenditure, special_hardship, temporary_relief,
};
use crate::rules::ParamId;
use crate::rules::resolve::Params;
use crate::vocab::{Outcome, Programme};

/// What the accounts and programmes decided for one household as given (declared or verified
/// facts): typed values, complete, built once.
pub(crate) struct Decision {
    /// Every programme's result, in the determination's order.
    pub programmes: Vec<ProgrammeResult>,
    /// The conditions of each programme's household unit, in the same order.
    pub conditions: Vec<Conditions>,
    /// The accounts the programmes used.
    pub accounts: Accounts,
    /// Monthly wage and business income of the counted members (INC-2).
    pub work_income: Decimal,
    /// The marginal-family income line, when EDGE-1 compared against it.
    pub marginal_line: Option<Decimal>,
}

/// Accounts and programmes for one household as given (declared or verified facts). `relief`
/// holds the parameters of the division where the emergency happened, when the case names one
/// (TR-12, S0 Art. 37): temporary relief is decided under them, on the same accounts.
pub(crate) fn decide(
    case: &Case,
    p: &Params,
    relief: Option<&Params>,
) -> Result<Decision, CaseError> {
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
            explain: true,
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
        explain: true,
    };

    let mut marginal_line = None;
    let ((dibao, dibao_conditions), (marginal, marginal_conditions)) = if counted.is_empty()
        && !tk.excluded.is_empty()
    {
        let covered = |programme| special_hardship::all_members_covered(&ctx, programme);
        (
            covered(Programme::MinimumLiving),
            covered(Programme::MarginalFamily),
        )
    } else {
        let (mut dibao, mut dibao_conditions) = minimum_living::decide_household(&ctx, &counted)?;
        let (marginal, marginal_conditions, line) =
            marginal_family::decide(&ctx, dibao.outcome, &counted)?;
        marginal_line = line;
        minimum_living::individual_routes(
            &ctx,
            &mut dibao,
            &mut dibao_conditions,
            marginal.outcome,
            &counted,
        )?;
        ((dibao, dibao_conditions), (marginal, marginal_conditions))
    };
    let dibao_any = if dibao.reaches(Outcome::Eligible) {
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
    let relief = match relief {
        None => temporary_relief::decide(&ctx, &counted, registered.len())?,
        Some(rp) => {
            let there = Context {
                case,
                p: rp,
                comp: &comp,
                income: &income,
                keys: comp.members.iter().map(|m| m.key).collect(),
                standard: monthly_standard(case, rp, &mut Vec::new())?,
                explain: true,
            };
            temporary_relief::decide(&there, &counted, registered.len())?
        }
    };

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
    let rigid_conditions = conditions_of_findings(&rigid);
    let relief_conditions = conditions_of_findings(&relief);
    Ok(Decision {
        conditions: vec![
            dibao_conditions,
            marginal_conditions,
            tk.conditions,
            rigid_conditions,
            relief_conditions,
        ],
        programmes: vec![dibao, marginal, tk.result, rigid, relief],
        accounts,
        work_income: income.work_income(),
        marginal_line,
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

/// TRANSITIONAL: the conditions of a programme not yet deciding on a record, read from its
/// findings (removed when every programme records its conditions).
fn conditions_of_findings(r: &ProgrammeResult) -> Conditions {
    Conditions::from_findings(&r.findings)
}
