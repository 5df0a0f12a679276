//! Support for special hardship persons (特困人员救助供养), TK-1 … TK-15, decided per member.
//!
//! Reads the same accounts as dibao: the member facts of the composition (age, disability,
//! capacity to work) and each member's monthly income from the income account. Members who
//! qualify are returned so that the accounts can take them out of the dibao unit (TK-8).
//!
//! JSON shape: the `special_hardship` programme result lists one `individual_coverage` entry per
//! member tested (route `TK-1`), with that member's outcome, monthly amount (basic living
//! standard + care standard) and findings. Members with capacity to work are not tested; a
//! `TK-2` finding on the programme says so. The programme is `eligible` when any member is.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

use super::{Context, outcome_of, round_payment};
use crate::CaseError;
use crate::accounts::assets::{AssetUnit, test_assets};
use crate::case::{
    Area, IncomeKind, MemberKey, Relation, SchoolLevel, SelfCareAssessment, SupportSetting,
    Supporter, SupporterStatus,
};
use crate::explain::{Finding, RuleId, Verdict};
use crate::money::{Exact, Rounding, Yuan};
use crate::programmes::{IndividualCoverage, ProgrammeResult, ReviewItem};
use crate::rules::resolve::Params;
use crate::rules::{ParamId, ParamValue};
use crate::vocab::{Outcome, Programme};

/// What the special-hardship decision hands on to the rest of the pipeline.
pub(crate) struct SpecialHardship {
    /// The programme result.
    pub result: ProgrammeResult,
    /// Positions of the members who qualify: they leave the dibao unit.
    pub excluded: Vec<usize>,
    /// TK-8 findings for the accounts: who leaves the dibao unit and who stays.
    pub accounts_findings: Vec<Finding>,
}

const ALL_KINDS: [IncomeKind; 11] = [
    IncomeKind::Farming,
    IncomeKind::Livestock,
    IncomeKind::LandSublet,
    IncomeKind::ResidentsBasicPension,
    IncomeKind::PreferentialTreatment,
    IncomeKind::FamilyPlanning,
    IncomeKind::Scholarship,
    IncomeKind::BraveryAward,
    IncomeKind::SocialAssistance,
    IncomeKind::OldAgeAllowance,
    IncomeKind::LocalDisregard,
];

/// A decimal parameter read only if present (marked used when it is).
pub(crate) fn peek_decimal(p: &Params, id: ParamId) -> Option<Decimal> {
    match p.peek(id).map(|v| &v.value) {
        Some(ParamValue::Decimal(d)) => {
            p.mark_used(id);
            Some(*d)
        }
        _ => None,
    }
}

/// Tests every counted member of the household.
pub(crate) fn decide(ctx: &Context<'_>, counted: &[usize]) -> Result<SpecialHardship, CaseError> {
    let p = ctx.p;
    let elderly = p.count(ParamId::ElderlyAge, 150)?;
    let minor_below = p.count(ParamId::MinorNoLabourBelowAge, 150)?;
    let cover_until = p.count(ParamId::TkMinorCoverUntilAge, 150)?;
    let additions = p.list(ParamId::TkNoLabourAdditions)?;
    let enrolled = ctx
        .case
        .enrolment
        .as_ref()
        .is_some_and(|e| e.programme == Programme::SpecialHardship);

    let mut findings = Vec::new();
    let mut entries = Vec::new();
    let mut excluded = Vec::new();
    let mut accounts_findings = Vec::new();

    for &i in counted {
        let Some(facts) = ctx.comp.members.get(i) else {
            continue;
        };
        let m = facts.member;
        let age = facts.age;

        // TK-2: no capacity to work.
        let mut ground = if age >= elderly {
            Some("elderly")
        } else if age < minor_below {
            Some("minor")
        } else if m.disability.is_some_and(|d| d.excludes_work()) {
            Some("disability")
        } else {
            None
        };
        if ground.is_none() {
            for a in additions {
                let met = match a.as_str() {
                    "serious_illness" => m.serious_illness,
                    "severe_disability" => m.disability.is_some_and(|d| d.is_severe()),
                    _ => {
                        return Err(CaseError::BadParameter {
                            param: ParamId::TkNoLabourAdditions.name(),
                            problem: "unknown ground (serious_illness, severe_disability)",
                        });
                    }
                };
                if met {
                    ground = Some(if a == "serious_illness" {
                        "provincial_serious_illness"
                    } else {
                        "provincial_severe_disability"
                    });
                    break;
                }
            }
        }
        let in_school = m.student.is_some_and(|s| {
            matches!(
                s.level,
                SchoolLevel::Primary
                    | SchoolLevel::JuniorSecondary
                    | SchoolLevel::SeniorSecondary
                    | SchoolLevel::SecondaryVocational
            )
        });
        let tk3 = ground.is_none() && (age < cover_until || in_school);
        if ground.is_none() && !tk3 {
            findings.push(
                Finding::new(RuleId::Tk2, Verdict::Fail)
                    .member(facts.key)
                    .number("age", age)
                    .number("elderly_age", elderly)
                    .number("minor_below_age", minor_below),
            );
            if enrolled {
                findings.push(leaving(ctx, facts.key, "capacity_to_work")?);
            }
            continue;
        }

        // about twenty findings per member tested
        let mut f = Vec::with_capacity(24);
        match ground {
            Some(g) => f.push(
                Finding::new(RuleId::Tk2, Verdict::Pass)
                    .member(facts.key)
                    .code("ground", g)
                    .number("age", age),
            ),
            None => f.push(
                Finding::new(RuleId::Tk2, Verdict::NotApplicable)
                    .member(facts.key)
                    .code("reason", "see_tk3")
                    .number("age", age),
            ),
        }

        // TK-3: minors to 18, then while in school if already covered.
        if tk3 {
            let (verdict, reason) = if age < cover_until {
                (Verdict::Pass, "minor_under_cover_age")
            } else if enrolled {
                (Verdict::Pass, "continuing_in_school")
            } else {
                (Verdict::Fail, "not_covered_before_cover_age")
            };
            f.push(
                Finding::new(RuleId::Tk3, verdict)
                    .member(facts.key)
                    .number("age", age)
                    .number("cover_until_age", cover_until)
                    .code("reason", reason),
            );
        }

        // TK-6: the orphan allowance chosen instead.
        if age < cover_until {
            let chosen = m.orphan_allowance_chosen;
            f.push(
                Finding::new(
                    RuleId::Tk6,
                    if chosen { Verdict::Fail } else { Verdict::Pass },
                )
                .member(facts.key)
                .number("age", age),
            );
        }

        // TK-7: urban or rural rate.
        let (rate, rate_ground) = if m.relocated_to_town {
            (Area::Urban, "relocated_to_town")
        } else if m.contracted_land {
            (Area::Rural, "contracted_land")
        } else {
            (ctx.case.area, "scheme_of_household")
        };
        let (std_month, std_param) = standard_of(p, rate)?;
        f.push(
            Finding::new(RuleId::Tk7, Verdict::Pass)
                .member(facts.key)
                .code("rate", area_code(rate))
                .code("household_scheme", area_code(ctx.case.area))
                .code("ground", rate_ground),
        );

        // TK-4: own countable income (INC-5) below the dibao standard; assets by AST rules.
        let income = ctx.income.members.get(i).copied().unwrap_or_default();
        let dibao_countable = income.countable()?;
        let tk_list = p.list(ParamId::TkDisregardedIncomeKinds)?;
        let mut disregarded = Decimal::ZERO;
        for (k, kind) in ALL_KINDS.iter().enumerate() {
            if tk_list.iter().any(|x| x == kind.as_str())
                && let Some(v) = income.kinds.get(k)
            {
                disregarded = disregarded.add(*v, "special-hardship income")?;
            }
        }
        let own = dibao_countable
            .sub(disregarded, "special-hardship income")?
            .max(Decimal::ZERO);
        let below = own < std_month;
        f.push(
            Finding::new(
                RuleId::Tk4,
                if below { Verdict::Pass } else { Verdict::Fail },
            )
            .member(facts.key)
            .yuan("own_income", own)
            .yuan("dibao_countable", dibao_countable)
            .yuan("disregarded_inc5", disregarded)
            .yuan("standard", std_month)
            .distance((std_month - own).abs()),
        );
        let unit_members = [i];
        let unit = AssetUnit {
            members: &unit_members,
            keys: &ctx.keys,
            standard: std_month,
            limit: ParamId::FinAssetLimitMonthsTk,
        };
        let first_asset = f.len();
        test_assets(ctx.case, &unit, p, &mut f)?;
        for af in f.iter_mut().skip(first_asset) {
            if af.member.is_none() {
                af.member = Some(facts.key.clone());
            }
        }

        // TK-5: every supporter, listed or in the household, must be unable to fulfil the duty.
        let mut supporters = Vec::new();
        for (j, other) in ctx.comp.members.iter().enumerate() {
            if j != i && owes_support(m.relation, other.member.relation, other.age) {
                supporters.extend(SupporterFacts::member(ctx, j)?);
            }
        }
        for (k, s) in ctx.case.household.supporters.iter().enumerate() {
            supporters.push(SupporterFacts::listed(ctx, s, k));
        }
        if supporters.is_empty() {
            f.push(
                Finding::new(RuleId::Tk5, Verdict::Pass)
                    .member(facts.key)
                    .code("ground", "no_supporter"),
            );
        }
        for s in &supporters {
            f.push(supporter(ctx, s, std_month)?.member(facts.key));
        }

        // TK-1: the three conditions together.
        let (mut outcome, _) = outcome_of(&f);
        f.push(
            Finding::new(
                RuleId::Tk1,
                match outcome {
                    Outcome::Eligible => Verdict::Pass,
                    Outcome::NotEligible => Verdict::Fail,
                    Outcome::NeedsReview => Verdict::Unknown,
                },
            )
            .member(facts.key),
        );

        let mut amount = None;
        if outcome == Outcome::Eligible {
            let basic = basic_standard(ctx, rate, std_month, std_param, facts.key, &mut f)?;
            let tier = self_care_tier(m.self_care.as_ref(), facts.key, &mut f);
            let care = match tier {
                Some(t) => care_standard(ctx, t, facts.key, &mut f)?,
                None => None,
            };
            let setting = m.support_setting.unwrap_or(SupportSetting::Home);
            let mut sf = Finding::new(RuleId::Tk12, Verdict::Pass)
                .member(facts.key)
                .code("setting", setting.as_str());
            if tier == Some("full_loss") && setting == SupportSetting::Home {
                sf = sf.code("note", "institutional_priority");
            }
            f.push(sf);
            match care {
                Some(care) => {
                    let exact = basic.add(care, "special-hardship amount")?;
                    let rounding = ctx.rounding()?;
                    amount = Some(round_payment(exact, rounding, &mut f)?);
                    let start = first_of_next_month(ctx.case.evaluation_date);
                    let mut sf = Finding::new(RuleId::Tk13, Verdict::Pass).member(facts.key);
                    if let Some(d) = start {
                        sf = sf.date("support_from", d);
                    }
                    f.push(sf);
                    let months = p.count(ParamId::TkReviewMonths, 120)?;
                    let mut rf = Finding::new(RuleId::Tk15, Verdict::Pass)
                        .member(facts.key)
                        .number("review_months", months);
                    if let Some(d) = ctx
                        .case
                        .evaluation_date
                        .checked_add_months(Months::new(months))
                    {
                        rf = rf.date("review_due", d);
                    }
                    f.push(rf);
                    excluded.push(i);
                }
                None => {
                    outcome = Outcome::NeedsReview;
                    f.push(Finding::new(RuleId::Tk13, Verdict::NotApplicable).member(facts.key));
                    f.push(Finding::new(RuleId::Tk15, Verdict::NotApplicable).member(facts.key));
                }
            }
        } else {
            f.push(Finding::new(RuleId::Tk13, Verdict::NotApplicable).member(facts.key));
            f.push(Finding::new(RuleId::Tk15, Verdict::NotApplicable).member(facts.key));
        }
        if enrolled {
            if outcome == Outcome::Eligible {
                f.push(
                    Finding::new(RuleId::Tk14, Verdict::Pass)
                        .member(facts.key)
                        .code("reason", "support_continues"),
                );
            } else if outcome == Outcome::NotEligible {
                f.push(leaving(ctx, facts.key, "conditions_no_longer_met")?);
            }
        }

        accounts_findings.push(
            Finding::new(
                RuleId::Tk8,
                if excluded.last() == Some(&i) {
                    Verdict::Fail
                } else {
                    Verdict::Pass
                },
            )
            .member(facts.key),
        );
        entries.push(IndividualCoverage {
            member: facts.key.to_owned(),
            route: RuleId::Tk1,
            outcome,
            class: None,
            monthly_amount: amount.map(Yuan::new),
            findings: f,
        });
    }

    if entries.is_empty() {
        findings.push(
            Finding::new(RuleId::Tk1, Verdict::Fail).code("reason", "no_member_without_capacity"),
        );
    }
    let outcome = if entries.iter().any(|e| e.outcome == Outcome::Eligible) {
        Outcome::Eligible
    } else if entries.iter().any(|e| e.outcome == Outcome::NeedsReview) {
        Outcome::NeedsReview
    } else {
        Outcome::NotEligible
    };
    let review: Vec<ReviewItem> = if outcome == Outcome::NeedsReview {
        entries
            .iter()
            .filter(|e| e.outcome == Outcome::NeedsReview)
            .flat_map(|e| e.findings.iter())
            .filter(|x| x.verdict == Verdict::Unknown)
            .map(|x| ReviewItem {
                rule: x.rule,
                member: x.member.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let valid_until = if outcome == Outcome::Eligible {
        let months = p.count(ParamId::TkReviewMonths, 120)?;
        ctx.case
            .evaluation_date
            .checked_add_months(Months::new(months))
    } else {
        None
    };
    Ok(SpecialHardship {
        result: ProgrammeResult {
            programme: Programme::SpecialHardship,
            outcome,
            class: None,
            monthly_amount: None,
            review,
            individual_coverage: entries,
            findings,
            one_off_amount: None,
            valid_until,
            review_reason: None,
        },
        excluded,
        accounts_findings,
    })
}

/// The result of dibao or marginal status when every counted member is a special-hardship
/// person: nobody is left in the unit (TK-8).
pub(crate) fn all_members_covered(programme: Programme) -> ProgrammeResult {
    ProgrammeResult {
        programme,
        outcome: Outcome::NotEligible,
        class: None,
        monthly_amount: None,
        review: Vec::new(),
        individual_coverage: Vec::new(),
        findings: vec![
            Finding::new(RuleId::Tk8, Verdict::Fail).code("reason", "all_members_special_hardship"),
        ],
        one_off_amount: None,
        valid_until: None,
        review_reason: None,
    }
}

fn area_code(a: Area) -> &'static str {
    match a {
        Area::Urban => "urban",
        Area::Rural => "rural",
    }
}

/// The monthly dibao standard of a rate, and the parameter it comes from.
fn standard_of(p: &Params, rate: Area) -> Result<(Decimal, ParamId), CaseError> {
    match rate {
        Area::Urban => Ok((
            p.decimal(ParamId::DibaoStandardUrbanMonth)?,
            ParamId::DibaoStandardUrbanMonth,
        )),
        Area::Rural => Ok((
            p.decimal(ParamId::DibaoStandardRuralYear)?
                .div(Decimal::from(12), "rural standard")?,
            ParamId::DibaoStandardRuralYear,
        )),
    }
}

/// TK-14: support ends from the next month; the member is tested for dibao and temporary
/// relief on the same accounts.
fn leaving(ctx: &Context<'_>, key: &MemberKey, reason: &'static str) -> Result<Finding, CaseError> {
    let mut f = Finding::new(RuleId::Tk14, Verdict::Fail)
        .member(key)
        .code("reason", reason)
        .code("next", "minimum_living_and_temporary_relief_tested");
    if let Some(d) = first_of_next_month(ctx.case.evaluation_date) {
        f = f.date("ends_from", d);
    }
    Ok(f)
}

fn first_of_next_month(d: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?.checked_add_months(Months::new(1))
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
        let monthly = ctx
            .income
            .members
            .get(j)
            .map(|x| x.countable())
            .transpose()?
            .unwrap_or_default();
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

/// TK-5 for one supporter: `pass` when the supporter cannot fulfil the duty.
fn supporter(
    ctx: &Context<'_>,
    s: &SupporterFacts,
    std_month: Decimal,
) -> Result<Finding, CaseError> {
    let p = ctx.p;
    let age = s.age;
    let dibao_age = p.count(ParamId::TkObligorDibaoAge, 150)?;
    let elderly_age = p.count(ParamId::TkObligorElderlyAge, 150)?;
    let base = Finding::new(RuleId::Tk5, Verdict::Fail)
        .number(s.label, Decimal::from(s.index as u64))
        .code("relation", s.relation)
        .number("age", age);

    if s.special_hardship {
        return Ok(with(base, Verdict::Pass, "special_hardship_recipient"));
    }
    if s.dibao && age >= dibao_age {
        return Ok(with(base, Verdict::Pass, "dibao_recipient_aged").number("age_from", dibao_age));
    }

    // The low-income property rule: the marginal-family limit for one person.
    let months = p.decimal_in(ParamId::FinAssetLimitMonthsEdge, Decimal::from(1000))?;
    let asset_limit = months.mul(std_month, "supporter asset limit")?;
    let assets_ok = s.financial_assets.map(|a| a <= asset_limit);
    let line = peek_decimal(p, ParamId::DisposableIncomePerCapitaYear);
    let income_ok = match (s.annual_income, line) {
        (Some(inc), Some(l)) => Some(inc < l),
        _ => None,
    };
    let mut f = base.yuan("asset_limit", asset_limit);
    if let Some(a) = s.financial_assets {
        f = f.yuan("financial_assets", a);
    }
    if let Some(inc) = s.annual_income {
        f = f.yuan("annual_income", inc);
    }
    if let Some(l) = line {
        f = f.yuan("income_line_year", l);
    }

    let mut unknown = None;
    let mut tried: Vec<(&'static str, Option<bool>)> = Vec::new();
    if s.restricted {
        tried.push(("no_capacity_missing_or_imprisoned", assets_ok));
    }
    if age >= elderly_age {
        tried.push(("aged_low_income", both(income_ok, assets_ok)));
    }
    if s.disability.is_some_and(|d| d.qualifies_individual_route()) {
        tried.push(("severe_disability_low_income", both(income_ok, assets_ok)));
    }
    for (ground, ok) in tried {
        match ok {
            Some(true) if ground == "aged_low_income" => {
                return Ok(with(f, Verdict::Pass, ground).number("age_from", elderly_age));
            }
            Some(true) => return Ok(with(f, Verdict::Pass, ground)),
            None => unknown = unknown.or(Some(ground)),
            Some(false) => {}
        }
    }
    Ok(match unknown {
        Some(g) => with(f, Verdict::Unknown, g),
        None => with(f, Verdict::Fail, "capable"),
    })
}

fn with(f: Finding, v: Verdict, ground: &'static str) -> Finding {
    let mut f = f.code("ground", ground);
    f.verdict = v;
    f
}

fn both(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

/// TK-9: the basic living standard per month, from the multiplier or a pinned figure.
fn basic_standard(
    ctx: &Context<'_>,
    rate: Area,
    std_month: Decimal,
    std_param: ParamId,
    key: &MemberKey,
    f: &mut Vec<Finding>,
) -> Result<Decimal, CaseError> {
    let p = ctx.p;
    let multiplier = p.decimal_in(ParamId::TkBasicLivingMultiplier, Decimal::from(10))?;
    let computed = Rounding::HALF_UP_YUAN
        .apply(std_month.mul(multiplier, "basic living standard")?)
        .ok_or(CaseError::Overflow {
            what: "basic living standard",
        })?;
    let pinned_param = match rate {
        Area::Urban => ParamId::TkBasicStandardUrbanYear,
        Area::Rural => ParamId::TkBasicStandardRuralYear,
    };
    let std_from = p.peek(std_param).map(|v| v.from);
    let pinned = p
        .peek(pinned_param)
        .filter(|v| std_from.is_some_and(|s| v.from >= s));
    let twelve = Decimal::from(12);
    let base = Finding::new(RuleId::Tk9, Verdict::Pass)
        .member(key)
        .code("rate", area_code(rate))
        .yuan("standard", std_month)
        .ratio("multiplier", multiplier)
        .yuan("computed_month", computed);
    let (annual, monthly, finding) = match pinned.map(|v| &v.value) {
        Some(ParamValue::Decimal(d)) => {
            p.mark_used(pinned_param);
            let monthly = d.div(twelve, "basic living standard")?;
            (*d, monthly, base.code("method", "published_figure"))
        }
        _ => (
            computed.mul(twelve, "basic living standard")?,
            computed,
            base.code("method", "multiplier_rounded_half_up"),
        ),
    };
    f.push(finding.yuan("annual", annual).yuan("monthly", monthly));
    Ok(monthly)
}

/// TK-10: the self-care tier from the six-item assessment.
fn self_care_tier(
    a: Option<&SelfCareAssessment>,
    key: &MemberKey,
    f: &mut Vec<Finding>,
) -> Option<&'static str> {
    let Some(a) = a else {
        f.push(
            Finding::new(RuleId::Tk10, Verdict::Unknown)
                .member(key)
                .code("reason", "no_assessment"),
        );
        return None;
    };
    let n = a.unable.len();
    let tier = match n {
        0 => "full_self_care",
        1..=3 => "partial_loss",
        _ => "full_loss",
    };
    f.push(
        Finding::new(RuleId::Tk10, Verdict::Pass)
            .member(key)
            .number("items_unable", Decimal::from(n as u64))
            .code("tier", tier),
    );
    Some(tier)
}

/// TK-11: the monthly care standard of a tier; `None` (and an unknown finding) when the
/// jurisdiction sets none.
fn care_standard(
    ctx: &Context<'_>,
    tier: &'static str,
    key: &MemberKey,
    f: &mut Vec<Finding>,
) -> Result<Option<Decimal>, CaseError> {
    let p = ctx.p;
    let (fixed, share) = match tier {
        "full_self_care" => (ParamId::TkCareSelfMonth, ParamId::TkCareShareSelf),
        "partial_loss" => (ParamId::TkCarePartialMonth, ParamId::TkCareSharePartial),
        _ => (ParamId::TkCareFullMonth, ParamId::TkCareShareFull),
    };
    let method = match p.peek(ParamId::TkCareMethod).map(|v| &v.value) {
        Some(ParamValue::Text(t)) => {
            p.mark_used(ParamId::TkCareMethod);
            Some(t.as_ref())
        }
        _ => None,
    };
    let base = Finding::new(RuleId::Tk11, Verdict::Pass)
        .member(key)
        .code("tier", tier);
    let unknown = |f: &mut Vec<Finding>| {
        let mut x = base.clone().code("reason", "no_care_standard");
        x.verdict = Verdict::Unknown;
        f.push(x);
        Ok(None)
    };
    match method {
        Some("fixed_amounts") => match peek_decimal(p, fixed) {
            Some(m) => {
                f.push(
                    base.code("method", "fixed_amounts")
                        .yuan("monthly", m)
                        .yuan("annual", m.mul(Decimal::from(12), "care standard")?),
                );
                Ok(Some(m))
            }
            None => unknown(f),
        },
        Some("min_wage_share") => match peek_decimal(p, share) {
            Some(s) => {
                let wage = p.decimal(ParamId::MinWageMonth)?;
                let m = Rounding::HALF_UP_YUAN
                    .apply(wage.mul(s, "care standard")?)
                    .ok_or(CaseError::Overflow {
                        what: "care standard",
                    })?;
                f.push(
                    base.code("method", "min_wage_share")
                        .yuan("min_wage", wage)
                        .ratio("share", s)
                        .yuan("monthly", m)
                        .yuan("annual", m.mul(Decimal::from(12), "care standard")?),
                );
                Ok(Some(m))
            }
            None => unknown(f),
        },
        Some(_) => Err(CaseError::BadParameter {
            param: ParamId::TkCareMethod.name(),
            problem: "must be fixed_amounts or min_wage_share",
        }),
        None => unknown(f),
    }
}
