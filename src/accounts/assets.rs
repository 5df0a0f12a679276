//! Asset tests (AST-4 … AST-8) for a unit of members: the whole household, or one member on
//! the individual route. Each test is its own rule, its own function and its own finding.
//!
//! May use the case model, the parameters, exact money arithmetic and the decision record; nothing of
//! the programmes or the answer.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::members::{dec, months_back};
use crate::CaseError;
use crate::case::{Area, BusinessKind, Case, MemberKey};
use crate::explain::{Record, RuleId, Verdict};
use crate::money::Exact;
use crate::rules::ParamId;
use crate::rules::resolve::Params;

/// Which members' assets are tested, and against what.
pub(crate) struct AssetUnit<'u> {
    /// Member positions in the unit.
    pub members: &'u [usize],
    /// Member keys by position (for findings).
    pub keys: &'u [&'u MemberKey],
    /// Monthly standard per person.
    pub standard: Decimal,
    /// The financial-asset limit parameter to apply.
    pub limit: ParamId,
}

/// The parameters of AST-5 … AST-8, the same for every unit and every programme: read once
/// and shared by the units tested (the programmes keep them on their context).
pub(crate) struct HoldingLimits<'p> {
    /// AST-5: vehicle kinds that are exempt.
    vehicle_exempt: &'p [String],
    /// AST-6: at most this many homes in town.
    max_homes: Decimal,
    /// AST-6: at most this floor area per person.
    max_area: Decimal,
    /// AST-6: a household's one self-built rural home is left out of the floor area.
    exempt_self_built: bool,
    /// AST-7: business kinds that disqualify.
    disqualifying: &'p [String],
    /// AST-7: the largest registered capital of a sole trader.
    capital_max: Decimal,
    /// AST-8: purchases made from this date are looked at.
    since: NaiveDate,
    /// AST-8: purchases from this amount are looked at.
    threshold: Decimal,
}

impl<'p> HoldingLimits<'p> {
    /// Reads the parameters in the order the tests read them (AST-5, 6, 7, 8).
    pub(crate) fn read(case: &Case, p: &'p Params) -> Result<Self, CaseError> {
        let vehicle_exempt = p.list(ParamId::VehicleExemptKinds)?;
        let max_homes = p.decimal(ParamId::HousingMaxUrbanHomes)?;
        let max_area = p.decimal(ParamId::HousingMaxAreaPerPerson)?;
        let exempt_self_built = p.flag(ParamId::HousingExemptRuralSelfBuilt)?;
        let disqualifying = p.list(ParamId::BusinessDisqualifyingKinds)?;
        let capital_max = p.decimal(ParamId::SoleTraderCapitalMax)?;
        let lookback = p.count(ParamId::LargePurchaseLookbackMonths, 120)?;
        let threshold = p.decimal(ParamId::LargePurchaseThreshold)?;
        let date = case.evaluation_date;
        Ok(HoldingLimits {
            vehicle_exempt,
            max_homes,
            max_area,
            exempt_self_built,
            disqualifying,
            capital_max,
            since: months_back(date, lookback).unwrap_or(date),
            threshold,
        })
    }
}

impl AssetUnit<'_> {
    fn holds(&self, key: &MemberKey) -> bool {
        self.members
            .iter()
            .any(|&i| self.keys.get(i).is_some_and(|k| *k == key))
    }
}

/// AST-5 … AST-8 for the unit, under `limits`: the tests that are the same whatever the
/// programme, so that programmes testing the same unit can share them.
pub(crate) fn holdings<'a>(
    case: &'a Case,
    unit: &AssetUnit<'_>,
    limits: &HoldingLimits<'_>,
    rec: &mut Record<'a>,
) -> Result<(), CaseError> {
    vehicles(case, unit, limits, rec);
    housing(case, unit, limits, rec)?;
    businesses(case, unit, limits, rec);
    large_purchases(case, unit, limits, rec);
    Ok(())
}

/// AST-4: financial assets within months × standard × persons (the one asset test whose limit
/// depends on the programme).
pub(crate) fn financial<'a>(
    case: &'a Case,
    unit: &AssetUnit<'_>,
    p: &Params,
    rec: &mut Record<'a>,
) -> Result<(), CaseError> {
    let a = &case.household.assets;
    let n = dec(unit.members.len());
    const W: &str = "financial assets";
    let months = p.decimal_in(unit.limit, Decimal::from(1000))?;
    let limit = months.mul(unit.standard, W)?.mul(n, W)?;
    let mut total = Decimal::ZERO;
    for f in a.financial.iter().filter(|f| unit.holds(&f.member)) {
        total = total.add(f.amount.value(), W)?;
    }
    let ok = total <= limit;
    let verdict = Verdict::pass_if(ok);
    rec.test(RuleId::Ast4, verdict, |f| {
        f.yuan("financial_assets", total)
            .yuan("limit", limit)
            .number("limit_months", months)
            .number("persons", n)
            .distance_between(total, limit)
    });
    Ok(())
}

/// AST-5: vehicles, except disability mobility vehicles and exempt kinds.
fn vehicles<'a>(
    case: &'a Case,
    unit: &AssetUnit<'_>,
    limits: &HoldingLimits<'_>,
    rec: &mut Record<'a>,
) {
    let a = &case.household.assets;
    let exempt = limits.vehicle_exempt;
    let mut any_vehicle = false;
    for v in a.vehicles.iter().filter(|v| unit.holds(&v.member)) {
        any_vehicle = true;
        let (verdict, reason) = if v.disability_mobility {
            (Verdict::Pass, "disability_mobility_exempt")
        } else if exempt.iter().any(|k| k == v.kind.as_str()) {
            (Verdict::Pass, "exempt_kind")
        } else {
            (Verdict::Fail, "vehicle_owned")
        };
        rec.test_member(&v.member, RuleId::Ast5, verdict, |f| {
            f.code("vehicle_kind", v.kind.as_str())
                .yuan("value", v.value.value())
                .code("reason", reason)
        });
    }
    if !any_vehicle {
        rec.test(RuleId::Ast5, Verdict::Pass, |f| {
            f.code("reason", "no_vehicle")
        });
    }
}

/// AST-6: homes in town and floor area per head.
fn housing<'a>(
    case: &'a Case,
    unit: &AssetUnit<'_>,
    limits: &HoldingLimits<'_>,
    rec: &mut Record<'a>,
) -> Result<(), CaseError> {
    let a = &case.household.assets;
    let n = dec(unit.members.len());
    const H: &str = "housing";
    let HoldingLimits {
        max_homes,
        max_area,
        exempt_self_built,
        ..
    } = *limits;
    let homes = || a.homes.iter().filter(|h| unit.holds(&h.member));
    let urban_homes = homes().filter(|h| h.location == Area::Urban).count();
    let rural_self_built = homes()
        .filter(|h| h.location == Area::Rural && h.self_built)
        .count();
    let mut area = Decimal::ZERO;
    for h in homes() {
        let exempt =
            exempt_self_built && h.location == Area::Rural && h.self_built && rural_self_built == 1;
        if !exempt {
            area = area.add(h.floor_area, H)?;
        }
    }
    let per_head = area.div(n.max(Decimal::ONE), H)?;
    let homes_ok = dec(urban_homes) <= max_homes;
    let area_ok = per_head <= max_area;
    let verdict = Verdict::pass_if(homes_ok && area_ok);
    rec.test(RuleId::Ast6, verdict, |f| {
        f.number("urban_homes", dec(urban_homes))
            .number("max_urban_homes", max_homes)
            .area("area_per_person", per_head)
            .area("max_area_per_person", max_area)
            .distance_between(per_head, max_area)
    });
    Ok(())
}

/// AST-7: business registrations.
fn businesses<'a>(
    case: &'a Case,
    unit: &AssetUnit<'_>,
    limits: &HoldingLimits<'_>,
    rec: &mut Record<'a>,
) {
    let a = &case.household.assets;
    let HoldingLimits {
        disqualifying,
        capital_max,
        ..
    } = *limits;
    let mut any_business = false;
    for b in a.businesses.iter().filter(|b| unit.holds(&b.member)) {
        any_business = true;
        let capital = b.registered_capital.map(|c| c.value()).unwrap_or_default();
        let (verdict, reason) = if !b.active {
            (Verdict::Pass, "inactive")
        } else if disqualifying.iter().any(|k| k == b.kind.as_str()) {
            (Verdict::Fail, "disqualifying_kind")
        } else if b.kind == BusinessKind::SoleTrader && capital > capital_max {
            (Verdict::Fail, "capital_above_limit")
        } else {
            (Verdict::Pass, "permitted")
        };
        rec.test_member(&b.member, RuleId::Ast7, verdict, |f| {
            f.code("business_kind", b.kind.as_str())
                .yuan("registered_capital", capital)
                .yuan("capital_limit", capital_max)
                .code("reason", reason)
        });
    }
    if !any_business {
        rec.test(RuleId::Ast7, Verdict::Pass, |f| {
            f.code("reason", "no_business")
        });
    }
}

/// AST-8: recent large purchases call for a field check, not an automatic refusal.
fn large_purchases<'a>(
    case: &'a Case,
    unit: &AssetUnit<'_>,
    limits: &HoldingLimits<'_>,
    rec: &mut Record<'a>,
) {
    let a = &case.household.assets;
    let HoldingLimits {
        since, threshold, ..
    } = *limits;
    let mut any_large = false;
    for lp in a
        .large_purchases
        .iter()
        .filter(|lp| unit.holds(&lp.member) && lp.date >= since && lp.amount.value() >= threshold)
    {
        any_large = true;
        rec.test_member(&lp.member, RuleId::Ast8, Verdict::Unknown, |f| {
            f.yuan("amount", lp.amount.value())
                .yuan("threshold", threshold)
                .date("date", lp.date)
                .date("since", since)
        });
    }
    if !any_large {
        rec.test(RuleId::Ast8, Verdict::Pass, |f| {
            f.yuan("threshold", threshold).date("since", since)
        });
    }
}
