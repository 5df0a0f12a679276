//! Urban-rural minimum living allowance (城乡最低生活保障): DB-1 eligibility, the urban gap amount
//! (DB-3), rural classes (DB-5), the minimum payment (DB-6), and the individual routes for
//! members of households that do not qualify as a whole (HH-5, HH-6, DB-15).
//!
//! One function per rule: `decide_unit` (DB-1, assets, then the amount: `urban_gap` DB-3 /
//! DB-15, `rural_class` DB-5, `class_rate`, `minimum_payment` DB-6) serves the household and
//! each individual route (`route_of`: HH-6, HH-5); `add_ons` adds the members' add-ons (DB-16,
//! S0 Art. 20) to a unit's amount. May use: the programme context (case,
//! parameters, composition, income account) and the asset tests of the accounts; no other
//! programme.

use rust_decimal::Decimal;

use super::{Context, decided, round_payment};
use crate::CaseError;
use crate::accounts::assets::AssetUnit;
use crate::accounts::income::MemberIncome;
use crate::accounts::members::{MemberFacts, dec};
use crate::case::Area;
use crate::explain::{Conditions, Record, RuleId, Verdict};
use crate::money::{Exact, Rounding, Yuan};
use crate::programmes::{AddOn, IndividualCoverage, ProgrammeResult, ReviewItem};
use crate::rules::ParamId;
use crate::vocab::{DibaoClass, Outcome, Programme};

/// A unit's result: the household or one member.
struct UnitResult<'a> {
    outcome: Outcome,
    class: Option<DibaoClass>,
    amount: Option<Decimal>,
    review: Vec<ReviewItem>,
    /// The conditions tested, and their findings when explaining.
    record: Record<'a>,
    /// DB-16: add-ons of the unit's members, included in `amount`.
    add_ons: Vec<AddOn>,
}

/// Decides dibao for the household (the counted members as one unit): the result and the
/// household unit's conditions.
pub(crate) fn decide_household(
    ctx: &Context<'_>,
    counted: &[usize],
) -> Result<(ProgrammeResult, Conditions), CaseError> {
    let unit = match ctx.income.per_capita {
        Some(_) => decide_unit(ctx, counted, ctx.income.household, false)?,
        None => UnitResult {
            outcome: Outcome::NeedsReview,
            class: None,
            amount: None,
            review: vec![ReviewItem {
                rule: RuleId::Inc9,
                member: None,
            }],
            record: ctx.record(),
            add_ons: Vec::new(),
        },
    };
    let conditions = unit.record.conditions();
    let result = ProgrammeResult {
        programme: Programme::MinimumLiving,
        outcome: unit.outcome,
        class: unit.class,
        monthly_amount: unit.amount.map(Yuan::new),
        review: unit.review,
        individual_coverage: Vec::new(),
        findings: unit.record.into_findings(),
        one_off_amount: None,
        valid_until: None,
        review_reason: None,
        add_ons: unit.add_ons,
        without_verification: false,
    };
    Ok((result, conditions))
}

/// The individual routes (HH-5, HH-6) for a household that does not qualify as a whole, and
/// the no-partial-coverage rule (HH-7) stated either way, added to the household's
/// `conditions`.
pub(crate) fn individual_routes<'a>(
    ctx: &Context<'a>,
    result: &mut ProgrammeResult,
    conditions: &mut Conditions,
    marginal: Outcome,
    counted: &[usize],
) -> Result<(), CaseError> {
    let mut rec = ctx.record();
    if result.outcome == Outcome::Eligible {
        rec.test(RuleId::Hh7, Verdict::Pass, |f| {
            f.number("members_covered", dec(counted.len()))
        });
        conditions.extend_from(&rec);
        result.findings.extend(rec.into_findings());
        return Ok(());
    }
    if result.outcome != Outcome::NotEligible {
        return Ok(());
    }
    rec.test(RuleId::Hh7, Verdict::Fail, |f| {
        f.number("members_covered", 0u64)
            .code("reason", "household_not_eligible_individual_routes_only")
    });
    let requires_edge = ctx.p.flag(ParamId::SingleCoverRequiresEdge)?;
    for &i in counted {
        let (Some(facts), Some(income)) = (ctx.comp.members.get(i), ctx.income.members.get(i))
        else {
            continue;
        };
        let Some(route) = route_of(facts, income, marginal, requires_edge, &mut rec) else {
            continue;
        };
        let own = ctx.income.countable_of(i);
        let unit = decide_unit(ctx, std::slice::from_ref(&i), own, true)?;
        result.individual_coverage.push(IndividualCoverage {
            member: facts.key.to_owned(),
            route,
            outcome: unit.outcome,
            class: unit.class,
            monthly_amount: unit.amount.map(Yuan::new),
            findings: unit.record.into_findings(),
        });
        result.add_ons.extend(unit.add_ons);
    }
    conditions.extend_from(&rec);
    result.findings.extend(rec.into_findings());
    Ok(())
}

/// HH-6, then HH-5: the individual route a member of a household that does not qualify may
/// take, with its finding; `None` when neither applies (or HH-5 requires a marginal household
/// and this one is not).
fn route_of<'a>(
    facts: &MemberFacts<'a>,
    income: &MemberIncome,
    marginal: Outcome,
    requires_edge: bool,
    rec: &mut Record<'a>,
) -> Option<RuleId> {
    let m = facts.member;
    let severe = m.disability.is_some_and(|d| d.is_severe());
    // HH-6: an adult with a severe disability and no work income.
    if facts.age >= 18 && severe && !income.has_work_income() {
        rec.test_member(facts.key, RuleId::Hh6, Verdict::Pass, |f| {
            f.number("age", facts.age)
        });
        return Some(RuleId::Hh6);
    }
    // HH-5: a member with a qualifying disability or a serious illness, in a marginal household
    // where the jurisdiction requires one.
    let route_hh5 =
        m.disability.is_some_and(|d| d.qualifies_individual_route()) || m.serious_illness;
    if !route_hh5 {
        return None;
    }
    let edge_ok = marginal == Outcome::Eligible || !requires_edge;
    let verdict = Verdict::pass_if(edge_ok);
    rec.test_member(facts.key, RuleId::Hh5, verdict, |f| {
        f.code(
            "household_marginal",
            if marginal == Outcome::Eligible {
                "yes"
            } else {
                "no"
            },
        )
        .code(
            "ground",
            if m.serious_illness {
                "serious_illness"
            } else {
                "severe_disability"
            },
        )
    });
    edge_ok.then_some(RuleId::Hh5)
}

/// DB-1, the asset tests and the amount for one unit.
fn decide_unit<'a>(
    ctx: &Context<'a>,
    members: &[usize],
    income: Decimal,
    individual: bool,
) -> Result<UnitResult<'a>, CaseError> {
    const W: &str = "dibao amount";
    let mut rec = ctx.record();
    let n = dec(members.len());
    let pci = income.div(n.max(Decimal::ONE), W)?;

    // DB-1: income per head strictly below the standard.
    let below = pci < ctx.standard;
    // an individual unit names its member
    let member = if individual {
        members.first().and_then(|&i| ctx.keys.get(i)).copied()
    } else {
        None
    };
    let verdict = Verdict::pass_if(below);
    rec.push(RuleId::Db1, verdict, member, |f| {
        f.yuan("per_capita_income", pci)
            .yuan("standard", ctx.standard)
            .distance_between(pci, ctx.standard)
    });
    if individual {
        let unit = AssetUnit {
            members,
            keys: ctx.keys,
            standard: ctx.standard,
            limit: ParamId::FinAssetLimitMonthsDibao,
        };
        ctx.test_assets(&unit, &mut rec)?;
    } else {
        ctx.household_assets(members, ParamId::FinAssetLimitMonthsDibao, &mut rec)?;
    }
    let (outcome, review) = decided(&rec);
    if outcome != Outcome::Eligible {
        return Ok(UnitResult {
            outcome,
            class: None,
            amount: None,
            review,
            record: rec,
            add_ons: Vec::new(),
        });
    }

    let rounding = ctx.rounding()?;
    let (class, exact) = match ctx.case.area {
        Area::Urban => (None, urban_gap(ctx, n, income, individual, &mut rec)?),
        Area::Rural => {
            let class = rural_class(ctx, members, pci, &mut rec)?;
            let rate = class_rate(ctx, class, &mut rec)?;
            (Some(class), rate.mul(n, W)?)
        }
    };
    let rounded = round_payment(exact, rounding, &mut rec)?;
    let mut amount = minimum_payment(ctx, rounded, &mut rec)?;
    // DB-16: monthly amount = gap (or class amount) + the members' add-ons.
    let add_ons = add_ons(ctx, members, &mut rec)?;
    for a in &add_ons {
        amount = amount.add(a.amount.value(), W)?;
    }
    Ok(UnitResult {
        outcome,
        class,
        amount: Some(amount),
        review,
        record: rec,
        add_ons,
    })
}

/// DB-3 (household) or DB-15 (individual unit), urban: standard × persons − income.
fn urban_gap(
    ctx: &Context<'_>,
    n: Decimal,
    income: Decimal,
    individual: bool,
    rec: &mut Record<'_>,
) -> Result<Decimal, CaseError> {
    const W: &str = "dibao amount";
    let total = ctx.standard.mul(n, W)?;
    let gap = total.sub(income, W)?;
    let rule = if individual {
        RuleId::Db15
    } else {
        RuleId::Db3
    };
    rec.test(rule, Verdict::Pass, |f| {
        f.yuan("standard", ctx.standard)
            .number("persons", n)
            .yuan("household_income", income)
            .yuan("gap", gap)
    });
    Ok(gap)
}

/// DB-6: a minimum payment floor, if the jurisdiction sets one.
fn minimum_payment(
    ctx: &Context<'_>,
    amount: Decimal,
    rec: &mut Record<'_>,
) -> Result<Decimal, CaseError> {
    let floor = ctx.p.decimal(ParamId::MinBenefitPerHousehold)?;
    if floor <= Decimal::ZERO {
        rec.test(RuleId::Db6, Verdict::NotApplicable, |f| {
            f.yuan("minimum", floor)
        });
        return Ok(amount);
    }
    let raised = amount < floor;
    let verdict = Verdict::fail_if(raised);
    rec.test(RuleId::Db6, verdict, |f| {
        f.yuan("amount", amount).yuan("minimum", floor)
    });
    Ok(amount.max(floor))
}

/// DB-5: the rural class from the configured criteria, tried in order; class 4 is the rest.
fn rural_class(
    ctx: &Context<'_>,
    members: &[usize],
    pci: Decimal,
    rec: &mut Record<'_>,
) -> Result<DibaoClass, CaseError> {
    for (class, param) in [
        (DibaoClass::Class1, ParamId::RuralClass1Criteria),
        (DibaoClass::Class2, ParamId::RuralClass2Criteria),
    ] {
        let criteria = ctx.p.list(param)?;
        let mut met = None;
        for c in criteria {
            if criterion(ctx, members, c, param)? {
                met = Some(c);
                break;
            }
        }
        let verdict = Verdict::pass_if(met.is_some());
        rec.test(RuleId::Db5, verdict, |f| {
            let f = f.code("class", class.as_str());
            match met.and_then(|c| criterion_code(c)) {
                Some(c) => f.code("criterion", c),
                None => f,
            }
        });
        if met.is_some() {
            return Ok(class);
        }
    }
    let share = ctx
        .p
        .decimal_in(ParamId::RuralClass3IncomeShareMax, Decimal::ONE)?;
    let line = ctx.standard.mul(share, "class 3 line")?;
    let class3 = pci < line;
    let verdict = Verdict::pass_if(class3);
    rec.test(RuleId::Db5, verdict, |f| {
        f.code("class", DibaoClass::Class3.as_str())
            .yuan("per_capita_income", pci)
            .yuan("line", line)
            .ratio("share", share)
            .distance_between(pci, line)
    });
    if class3 {
        return Ok(DibaoClass::Class3);
    }
    rec.test(RuleId::Db5, Verdict::Pass, |f| {
        f.code("class", DibaoClass::Class4.as_str())
    });
    Ok(DibaoClass::Class4)
}

const CRITERIA: &[&str] = &[
    "no_member_able_to_work",
    "member_severe_disability",
    "member_serious_illness",
    "member_elderly",
    "single_elderly",
];

fn criterion_code(name: &str) -> Option<&'static str> {
    CRITERIA.iter().copied().find(|c| *c == name)
}

/// One class criterion, by its parameter name.
fn criterion(
    ctx: &Context<'_>,
    members: &[usize],
    name: &str,
    param: ParamId,
) -> Result<bool, CaseError> {
    let facts = || members.iter().filter_map(|&i| ctx.comp.members.get(i));
    let elderly = ctx.p.count(ParamId::ElderlyAge, 150)?;
    Ok(match name {
        "no_member_able_to_work" => facts().all(|m| !m.able_to_work),
        "member_severe_disability" => facts().any(|m| {
            m.member
                .disability
                .is_some_and(|d| d.qualifies_individual_route())
        }),
        "member_serious_illness" => facts().any(|m| m.member.serious_illness),
        "member_elderly" => facts().any(|m| m.age >= elderly),
        "single_elderly" => members.len() == 1 && facts().all(|m| m.age >= elderly),
        _ => {
            return Err(CaseError::BadParameter {
                param: param.name(),
                problem: "unknown class criterion",
            });
        }
    })
}

/// How a class rate was found (DB-5-RATE), with the figures its finding states.
#[derive(Clone, Copy)]
enum RateBasis {
    /// Class 1: the full standard.
    FullStandard,
    /// Class 2: the published figure for the standard in force.
    Published { computed: Decimal, share: Decimal },
    /// Class 2: the standard × the share, rounded half up to the yuan.
    Share { share: Decimal },
    /// Classes 3 and 4: a fixed amount.
    Fixed,
}

/// DB-5-RATE: the rate per person for a class.
fn class_rate(
    ctx: &Context<'_>,
    class: DibaoClass,
    rec: &mut Record<'_>,
) -> Result<Decimal, CaseError> {
    let (rate, basis) = match class {
        DibaoClass::Class1 => (ctx.standard, RateBasis::FullStandard),
        DibaoClass::Class2 => {
            let share = ctx.p.decimal_in(ParamId::RuralClass2Share, Decimal::ONE)?;
            let computed = Rounding::HALF_UP_YUAN
                .apply(ctx.standard.mul(share, "class 2 rate")?)
                .ok_or(CaseError::Overflow {
                    what: "class 2 rate",
                })?;
            // A published figure is used only if it belongs to the standard in force.
            let standard_from = ctx.p.peek(ParamId::DibaoStandardRuralYear).map(|v| v.from);
            let pinned = ctx
                .p
                .peek(ParamId::RuralClass2Amount)
                .filter(|v| standard_from.is_some_and(|s| v.from >= s));
            match pinned.map(|v| &v.value) {
                Some(crate::rules::ParamValue::Decimal(d)) if *d < Decimal::ZERO => {
                    return Err(CaseError::BadParameter {
                        param: ParamId::RuralClass2Amount.name(),
                        problem: "must not be negative",
                    });
                }
                Some(crate::rules::ParamValue::Decimal(d)) => {
                    ctx.p.mark_used(ParamId::RuralClass2Amount);
                    (*d, RateBasis::Published { computed, share })
                }
                _ => (computed, RateBasis::Share { share }),
            }
        }
        DibaoClass::Class3 => (ctx.p.decimal(ParamId::RuralClass3Amount)?, RateBasis::Fixed),
        DibaoClass::Class4 => (ctx.p.decimal(ParamId::RuralClass4Amount)?, RateBasis::Fixed),
    };
    rec.test(RuleId::Db5Rate, Verdict::Pass, |f| {
        let f = f.code("class", class.as_str());
        let f = match basis {
            RateBasis::FullStandard => f.code("method", "full_standard"),
            RateBasis::Published { computed, share } => f
                .code("method", "published_figure")
                .yuan("computed", computed)
                .ratio("share", share),
            RateBasis::Share { share } => f
                .code("method", "share_rounded_half_up")
                .yuan("class_1", ctx.standard)
                .ratio("share", share),
            RateBasis::Fixed => f.code("method", "fixed_amount"),
        };
        f.yuan("rate", rate)
    });
    Ok(rate)
}

/// Age under which a member is a minor for the add-ons (DB-16): 18, the Civil Code's age of
/// majority (民法典 Art. 17), not a local figure.
const MINOR_BELOW_AGE: u32 = 18;

/// How one add-on entry is computed (DB-16).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AddonMethod {
    /// A share of the monthly standard, rounded to the add-on step.
    Share,
    /// A fixed amount a month.
    Fixed,
}

/// One entry of `dibao_addon_table`: `category:share:VALUE` or `category:fixed:VALUE`.
#[derive(Clone, Debug)]
struct AddonEntry {
    category: String,
    method: AddonMethod,
    value: Decimal,
}

/// Reads `dibao_addon_table` into entries (once per resolution).
fn parse_addon_table(v: &crate::rules::ParamValue) -> Result<Vec<AddonEntry>, CaseError> {
    let bad = |problem| CaseError::BadParameter {
        param: ParamId::DibaoAddonTable.name(),
        problem,
    };
    let crate::rules::ParamValue::List(items) = v else {
        return Err(bad("not a list"));
    };
    items
        .iter()
        .map(|item| {
            let mut parts = item.split(':');
            let (Some(category), Some(method), Some(value), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return Err(bad(
                    "entries must be category:share:VALUE or category:fixed:VALUE",
                ));
            };
            if category.is_empty()
                || !category
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                return Err(bad("a category must be a code of a-z 0-9 _"));
            }
            let method = match method {
                "share" => AddonMethod::Share,
                "fixed" => AddonMethod::Fixed,
                _ => return Err(bad("the method must be share or fixed")),
            };
            let value: Decimal = value
                .parse()
                .map_err(|_| bad("the value must be a decimal"))?;
            let max = match method {
                AddonMethod::Share => Decimal::from(10),
                AddonMethod::Fixed => Decimal::from(1_000_000),
            };
            if value.is_sign_negative() || value > max {
                return Err(bad("the value is out of range"));
            }
            Ok(AddonEntry {
                category: category.to_owned(),
                method,
                value,
            })
        })
        .collect()
}

/// The add-on settings in force, read only when the table has an entry.
struct AddonSettings<'a> {
    table: &'a [AddonEntry],
    sum: bool,
    step: Decimal,
    elderly_age: Option<u32>,
}

impl<'a> AddonSettings<'a> {
    /// `None` when no add-on is published (no table, or an empty one): nothing is read or said.
    fn read(ctx: &Context<'a>) -> Result<Option<Self>, CaseError> {
        let p = ctx.p;
        match p.peek(ParamId::DibaoAddonTable).map(|u| &u.value) {
            Some(crate::rules::ParamValue::List(l)) if !l.is_empty() => {}
            _ => return Ok(None),
        }
        let table = p
            .parsed(ParamId::DibaoAddonTable, parse_addon_table)?
            .as_slice();
        let sum = match p.text(ParamId::DibaoAddonCombination)? {
            "highest" => false,
            "sum" => true,
            _ => {
                return Err(CaseError::BadParameter {
                    param: ParamId::DibaoAddonCombination.name(),
                    problem: "must be highest or sum",
                });
            }
        };
        let step = p.decimal(ParamId::DibaoAddonRoundingUnit)?;
        if step <= Decimal::ZERO {
            return Err(CaseError::BadParameter {
                param: ParamId::DibaoAddonRoundingUnit.name(),
                problem: "must be positive",
            });
        }
        let elderly_age = if table.iter().any(|e| e.category == "elderly") {
            Some(p.count(ParamId::DibaoAddonElderlyAge, 150)?)
        } else {
            None
        };
        Ok(Some(AddonSettings {
            table,
            sum,
            step,
            elderly_age,
        }))
    }

    /// Whether a member fits a category of the table.
    fn fits(&self, facts: &MemberFacts<'_>, category: &str) -> bool {
        let m = facts.member;
        match category {
            "elderly" => self.elderly_age.is_some_and(|a| facts.age >= a),
            "minor" => facts.age < MINOR_BELOW_AGE,
            "serious_illness" => m.serious_illness,
            "disability_grade_1" => m.disability.is_some_and(|d| d.grade == 1),
            "disability_grade_2" => m.disability.is_some_and(|d| d.grade == 2),
            "disability_grade_3" => m.disability.is_some_and(|d| d.grade == 3),
            "disability_grade_4" => m.disability.is_some_and(|d| d.grade == 4),
            local => m.local_categories.iter().any(|c| c.as_str() == local),
        }
    }
}

/// DB-16: the add-ons of the members of one unit (S0 Art. 20), each a finding naming the member
/// and its figures; returns the add-ons, whose amounts the unit's monthly amount includes.
fn add_ons<'a>(
    ctx: &Context<'a>,
    members: &[usize],
    rec: &mut Record<'a>,
) -> Result<Vec<AddOn>, CaseError> {
    let Some(s) = AddonSettings::read(ctx)? else {
        return Ok(Vec::new());
    };
    let combination = if s.sum { "sum" } else { "highest" };
    let step = Rounding {
        unit: s.step,
        mode: crate::money::RoundingMode::HalfUp,
    };
    let mut out = Vec::new();
    for &i in members {
        let Some(facts) = ctx.comp.members.get(i) else {
            continue;
        };
        let mut categories = Vec::new();
        let mut total = Decimal::ZERO;
        for e in s.table.iter().filter(|e| s.fits(facts, &e.category)) {
            let amount = match e.method {
                AddonMethod::Share => {
                    let exact = ctx.standard.mul(e.value, "dibao add-on")?;
                    step.apply(exact).ok_or(CaseError::Overflow {
                        what: "dibao add-on",
                    })?
                }
                AddonMethod::Fixed => e.value,
            };
            rec.test_member(facts.key, RuleId::Db16, Verdict::Pass, |f| {
                let f = f.owned_code("category", &e.category);
                let f = match e.method {
                    AddonMethod::Share => f
                        .code("method", "share")
                        .yuan("standard", ctx.standard)
                        .ratio("share", e.value)
                        .yuan("step", s.step),
                    AddonMethod::Fixed => f.code("method", "fixed"),
                };
                f.yuan("amount", amount)
            });
            categories.push(e.category.clone());
            total = if s.sum {
                total.add(amount, "dibao add-on")?
            } else {
                total.max(amount)
            };
        }
        if categories.is_empty() {
            continue;
        }
        let count = dec(categories.len());
        rec.test_member(facts.key, RuleId::Db16, Verdict::Pass, |f| {
            f.code("combination", combination)
                .number("categories", count)
                .yuan("add_on", total)
        });
        out.push(AddOn {
            member: facts.key.to_owned(),
            categories,
            combination: combination.to_owned(),
            amount: Yuan::new(total),
        });
    }
    if out.is_empty() {
        rec.test(RuleId::Db16, Verdict::NotApplicable, |f| {
            f.code("reason", "no_member_in_a_category")
        });
    }
    Ok(out)
}
