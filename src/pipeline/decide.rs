//! The decision stage of the pipeline: accounts and programmes for one household as given,
//! returned as typed values. Uses the case, the rules, the accounts and the programmes; never
//! verification, monitoring or the determination.

use rust_decimal::Decimal;

use crate::accounts::Accounts;
use crate::accounts::{income, members};
use crate::case::{Area, Case, CaseError, MemberKey};
use crate::explain::{Conditions, Record, RuleId, Verdict};
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
/// `explain` says whether findings are written; every decision is the same either way.
pub(crate) fn decide(
    case: &Case,
    p: &Params,
    relief: Option<&Params>,
    explain: bool,
) -> Result<Decision, CaseError> {
    let keys = crate::verify::key_index(case);
    let member_keys: Vec<&MemberKey> = case.household.members.iter().map(|m| &m.key).collect();
    // the accounts' conditions (who counts, the standard, income), explained on request
    let mut accounts_record = Record::new(explain);
    let mut comp = members::compose(case, p, &mut accounts_record)?;
    let standard = monthly_standard(case, p, &mut accounts_record)?;

    // Special hardship is decided per member on the first accounts; members who qualify then
    // leave the dibao unit (TK-8) and the same accounting runs again without them.
    let mut first_record = Record::new(explain);
    let first_income = income::account(case, &comp, &keys, p, &mut first_record)?;
    let registered: Vec<usize> = comp.counted().collect();
    let tk = {
        let ctx = Context::new(
            case,
            p,
            &comp,
            &first_income,
            &member_keys,
            standard,
            explain,
        );
        special_hardship::decide(&ctx, &registered)?
    };
    let mut findings = accounts_record.into_findings();
    findings.extend(tk.accounts_findings.iter().cloned());
    let income = if tk.excluded.is_empty() {
        findings.extend(first_record.into_findings());
        first_income
    } else {
        for &i in &tk.excluded {
            comp.exclude(i);
        }
        let mut again = Record::new(explain);
        let income = income::account(case, &comp, &keys, p, &mut again)?;
        findings.extend(again.into_findings());
        income
    };
    let counted: Vec<usize> = comp.counted().collect();
    let ctx = Context::new(case, p, &comp, &income, &member_keys, standard, explain);

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
    let (rigid, rigid_conditions) = rigid_expenditure::decide(
        &ctx,
        &rigid_expenditure::Others {
            minimum_living: dibao_any,
            marginal: marginal.outcome,
            special_hardship: tk.result.outcome,
        },
        &counted,
    )?;
    let (relief, relief_conditions) = match relief {
        None => temporary_relief::decide(&ctx, &counted, registered.len())?,
        Some(rp) => {
            let standard = monthly_standard(case, rp, &mut Record::new(false))?;
            let there = Context::new(case, rp, &comp, &income, &member_keys, standard, explain);
            temporary_relief::decide(&there, &counted, registered.len())?
        }
    };

    let accounts = accounts_summary(case, &ctx, &counted, findings)?;
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
fn monthly_standard(case: &Case, p: &Params, rec: &mut Record<'_>) -> Result<Decimal, CaseError> {
    match case.area {
        Area::Urban => {
            rec.test(RuleId::Pay4, Verdict::NotApplicable, |f| f);
            p.decimal(ParamId::DibaoStandardUrbanMonth)
        }
        Area::Rural => {
            let annual = p.decimal(ParamId::DibaoStandardRuralYear)?;
            let monthly = annual.div(Decimal::from(12), "rural standard")?;
            rec.test(RuleId::Pay4, Verdict::Pass, |f| {
                f.yuan("annual", annual).yuan("monthly", monthly)
            });
            Ok(monthly)
        }
    }
}

/// The accounts as the determination states them: who counts and who does not, the reference
/// period, the household's income and per-head income, the standard and the counted members'
/// financial assets, with the accounts' findings.
fn accounts_summary(
    case: &Case,
    ctx: &Context<'_>,
    counted: &[usize],
    findings: Vec<crate::explain::Finding>,
) -> Result<Accounts, CaseError> {
    let (comp, income, standard) = (ctx.comp, ctx.income, ctx.standard);
    let mut financial = Decimal::ZERO;
    for f in &case.household.assets.financial {
        if counted
            .iter()
            .any(|&i| ctx.keys.get(i).is_some_and(|k| **k == f.member))
        {
            financial = financial.add(f.amount.value(), "financial assets")?;
        }
    }
    Ok(Accounts {
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
    })
}
