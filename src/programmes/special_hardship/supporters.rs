//! TK-5: a member qualifies only when every person owing statutory support (法定义务人) cannot
//! fulfil the duty — supporters listed in the case and household members who owe support.
//!
//! May use: the programme context (case, parameters, composition, income account), the case
//! model and the record; [`peek_decimal`](super::peek_decimal) of the parent module.

use std::cell::OnceCell;

use rust_decimal::Decimal;

use super::super::Context;
use super::peek_decimal;
use crate::CaseError;
use crate::case::{MemberKey, Relation, Supporter, SupporterStatus};
use crate::explain::{Draft, Record, RuleId, Verdict};
use crate::money::{Exact, Yuan};
use crate::rules::ParamId;
use crate::rules::resolve::Params;

/// TK-5's parameters, each read the first time a supporter is judged on it (so that it is
/// marked used only then) and kept for the other supporters and members.
#[derive(Default)]
pub(super) struct ObligorParams {
    /// The ages from which a supporter on dibao, and one with low means, cannot support.
    ages: OnceCell<(u32, u32)>,
    /// The asset limit in months of the standard, and last year's disposable income per head
    /// when it is set.
    means: OnceCell<(Decimal, Option<Decimal>)>,
}

impl ObligorParams {
    /// `tk_obligor_dibao_age` and `tk_obligor_elderly_age`.
    fn ages(&self, p: &Params) -> Result<(u32, u32), CaseError> {
        if let Some(&ages) = self.ages.get() {
            return Ok(ages);
        }
        let dibao_age = p.count(ParamId::TkObligorDibaoAge, 150)?;
        let elderly_age = p.count(ParamId::TkObligorElderlyAge, 150)?;
        Ok(*self.ages.get_or_init(|| (dibao_age, elderly_age)))
    }

    /// `fin_asset_limit_months_edge` and `disposable_income_per_capita_year`.
    fn means(&self, p: &Params) -> Result<(Decimal, Option<Decimal>), CaseError> {
        if let Some(&means) = self.means.get() {
            return Ok(means);
        }
        let months = p.decimal_in(ParamId::FinAssetLimitMonthsEdge, Decimal::from(1000))?;
        let line = peek_decimal(p, ParamId::DisposableIncomePerCapitaYear);
        Ok(*self.means.get_or_init(|| (months, line)))
    }
}

/// TK-5: one condition per supporter, listed or in the household, or one `pass` when there is
/// none.
pub(super) fn no_capable_supporter<'a>(
    ctx: &Context<'_>,
    obligors: &ObligorParams,
    i: usize,
    relation: Relation,
    key: &'a MemberKey,
    std_month: Decimal,
    rec: &mut Record<'a>,
) -> Result<(), CaseError> {
    let mut any = false;
    for s in supporters_of(ctx, i, relation) {
        let s = s?;
        any = true;
        let j = supporter(ctx.p, obligors, &s, std_month)?;
        rec.test_member(key, RuleId::Tk5, j.verdict, |f| j.figures(f, &s));
    }
    if !any {
        rec.test_member(key, RuleId::Tk5, Verdict::Pass, |f| {
            f.code("ground", "no_supporter")
        });
    }
    Ok(())
}

/// TK-5: the household members who owe support to member `i` (with relation `relation`), then
/// the supporters listed in the case, one by one.
fn supporters_of<'c>(
    ctx: &'c Context<'_>,
    i: usize,
    relation: Relation,
) -> impl Iterator<Item = Result<SupporterFacts, CaseError>> + 'c {
    let household = ctx
        .comp
        .members
        .iter()
        .enumerate()
        .filter(move |&(j, other)| {
            j != i && owes_support(relation, other.member.relation, other.age)
        })
        .filter_map(|(j, _)| SupporterFacts::member(ctx, j).transpose());
    let listed = ctx.case.household.supporters.iter().enumerate();
    let listed = listed.map(|(k, s)| Ok(SupporterFacts::listed(ctx, s, k)));
    household.chain(listed)
}

/// What TK-5 needs to know about a supporter, listed or living in the household.
struct SupporterFacts {
    /// `supporter` (index in `household.supporters`) or `household_member` (index in
    /// `household.members`).
    label: &'static str,
    index: usize,
    relation: &'static str,
    age: u32,
    special_hardship: bool,
    dibao: bool,
    restricted: bool,
    disability: Option<crate::case::Disability>,
    annual_income: Option<Decimal>,
    financial_assets: Option<Decimal>,
}

impl SupporterFacts {
    fn listed(ctx: &Context<'_>, s: &Supporter, index: usize) -> Self {
        let has = |st: SupporterStatus| s.statuses.contains(&st);
        SupporterFacts {
            label: "supporter",
            index,
            relation: s.relation.as_str(),
            age: ctx
                .case
                .evaluation_date
                .years_since(s.birth_date)
                .unwrap_or(0),
            special_hardship: has(SupporterStatus::SpecialHardshipRecipient),
            dibao: has(SupporterStatus::DibaoRecipient),
            restricted: has(SupporterStatus::NoCivilCapacity)
                || has(SupporterStatus::DeclaredMissing)
                || has(SupporterStatus::Imprisoned),
            disability: s.disability,
            annual_income: s.annual_income.map(Yuan::value),
            financial_assets: s.financial_assets.map(Yuan::value),
        }
    }

    fn member(ctx: &Context<'_>, j: usize) -> Result<Option<Self>, CaseError> {
        let Some(facts) = ctx.comp.members.get(j) else {
            return Ok(None);
        };
        let m = facts.member;
        let monthly = ctx.income.countable_of(j);
        let mut assets = Decimal::ZERO;
        for fa in ctx
            .case
            .household
            .assets
            .financial
            .iter()
            .filter(|fa| fa.member == facts.key)
        {
            assets = assets.add(fa.amount.value(), "supporter assets")?;
        }
        Ok(Some(SupporterFacts {
            label: "household_member",
            index: j,
            relation: m.relation.as_str(),
            age: facts.age,
            special_hardship: false,
            dibao: false,
            restricted: m.statuses.iter().any(|s| {
                matches!(
                    s.kind,
                    crate::case::StatusKind::Imprisoned | crate::case::StatusKind::DeclaredMissing
                )
            }),
            disability: m.disability,
            annual_income: Some(monthly.mul(Decimal::from(12), "supporter income")?),
            financial_assets: Some(assets),
        }))
    }
}

/// Whether a household member with relation `other` (to the applicant) owes statutory support
/// to a member with relation `candidate`: parents to children, spouses to each other, adult
/// children to parents, and (read broadly, as the household does not record who is whose
/// parent) the applicant's adult children to grandchildren and the applicant to siblings and
/// grandparents.
fn owes_support(candidate: Relation, other: Relation, other_age: u32) -> bool {
    use Relation as R;
    let adult = other_age >= 18;
    match candidate {
        R::Child => matches!(other, R::Applicant | R::Spouse),
        R::Grandchild => matches!(other, R::Applicant | R::Spouse) || (other == R::Child && adult),
        R::Applicant => other == R::Spouse || (other == R::Child && adult),
        R::Spouse => other == R::Applicant || (other == R::Child && adult),
        R::Parent | R::Grandparent | R::Sibling => other == R::Applicant && adult,
        R::OtherRelative | R::NonRelative => false,
    }
}

/// TK-5 for one supporter: the verdict (`pass` when the supporter cannot fulfil the duty), the
/// ground, and what the finding states.
struct Judgement {
    verdict: Verdict,
    ground: &'static str,
    /// The age from which the ground holds, when it is an age.
    age_from: Option<u32>,
    /// The means compared, when they were.
    means: Option<LowMeans>,
}

impl Judgement {
    fn new(verdict: Verdict, ground: &'static str) -> Self {
        Judgement {
            verdict,
            ground,
            age_from: None,
            means: None,
        }
    }

    /// The figures of the supporter's finding.
    fn figures<'f>(&self, f: Draft<'f>, s: &SupporterFacts) -> Draft<'f> {
        let f = f
            .number(s.label, Decimal::from(s.index as u64))
            .code("relation", s.relation)
            .number("age", s.age);
        let f = match &self.means {
            Some(means) => means.figures(f, s),
            None => f,
        };
        let f = f.code("ground", self.ground);
        match self.age_from {
            Some(a) => f.number("age_from", a),
            None => f,
        }
    }
}

/// TK-5 for one supporter: `pass` when the supporter cannot fulfil the duty.
fn supporter(
    p: &Params,
    obligors: &ObligorParams,
    s: &SupporterFacts,
    std_month: Decimal,
) -> Result<Judgement, CaseError> {
    let (dibao_age, elderly_age) = obligors.ages(p)?;

    if s.special_hardship {
        return Ok(Judgement::new(Verdict::Pass, "special_hardship_recipient"));
    }
    if s.dibao && s.age >= dibao_age {
        return Ok(Judgement {
            age_from: Some(dibao_age),
            ..Judgement::new(Verdict::Pass, "dibao_recipient_aged")
        });
    }
    let means = LowMeans::of(obligors.means(p)?, s, std_month)?;
    let (verdict, ground, age_from) = unable_ground(s, &means, elderly_age);
    Ok(Judgement {
        verdict,
        ground,
        age_from,
        means: Some(means),
    })
}

/// TK-5: the low-income property rule for a supporter — financial assets within the
/// marginal-family limit for one person, annual income below last year's disposable income.
/// `None` where a figure is missing.
struct LowMeans {
    asset_limit: Decimal,
    assets_ok: Option<bool>,
    line: Option<Decimal>,
    income_ok: Option<bool>,
}

impl LowMeans {
    /// The rule for supporter `s`, with the asset limit in `months` of the standard and the
    /// income `line` (see [`ObligorParams::means`]).
    fn of(
        (months, line): (Decimal, Option<Decimal>),
        s: &SupporterFacts,
        std_month: Decimal,
    ) -> Result<Self, CaseError> {
        let asset_limit = months.mul(std_month, "supporter asset limit")?;
        Ok(LowMeans {
            asset_limit,
            assets_ok: s.financial_assets.map(|a| a <= asset_limit),
            line,
            income_ok: match (s.annual_income, line) {
                (Some(inc), Some(l)) => Some(inc < l),
                _ => None,
            },
        })
    }

    /// The figures compared, added to the supporter's finding.
    fn figures<'f>(&self, base: Draft<'f>, s: &SupporterFacts) -> Draft<'f> {
        let mut f = base.yuan("asset_limit", self.asset_limit);
        if let Some(a) = s.financial_assets {
            f = f.yuan("financial_assets", a);
        }
        if let Some(inc) = s.annual_income {
            f = f.yuan("annual_income", inc);
        }
        if let Some(l) = self.line {
            f = f.yuan("income_line_year", l);
        }
        f
    }
}

/// TK-5: the grounds on which a supporter with low means cannot fulfil the duty, tried in
/// order (restricted capacity, aged, severely disabled); the first met passes, a missing figure
/// leaves it unknown, otherwise the supporter is capable. Returns the verdict, the ground and,
/// for the aged, the age from which it holds.
fn unable_ground(
    s: &SupporterFacts,
    means: &LowMeans,
    elderly_age: u32,
) -> (Verdict, &'static str, Option<u32>) {
    let mut unknown = None;
    let low_means = both(means.income_ok, means.assets_ok);
    // each ground: whether it applies to the supporter, its name, whether the means are low
    let grounds = [
        (
            s.restricted,
            "no_capacity_missing_or_imprisoned",
            means.assets_ok,
        ),
        (s.age >= elderly_age, "aged_low_income", low_means),
        (
            s.disability.is_some_and(|d| d.qualifies_individual_route()),
            "severe_disability_low_income",
            low_means,
        ),
    ];
    for (_, ground, ok) in grounds.into_iter().filter(|&(applies, _, _)| applies) {
        match ok {
            Some(true) if ground == "aged_low_income" => {
                return (Verdict::Pass, ground, Some(elderly_age));
            }
            Some(true) => return (Verdict::Pass, ground, None),
            None => unknown = unknown.or(Some(ground)),
            Some(false) => {}
        }
    }
    match unknown {
        Some(g) => (Verdict::Unknown, g, None),
        None => (Verdict::Fail, "capable", None),
    }
}

fn both(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}
