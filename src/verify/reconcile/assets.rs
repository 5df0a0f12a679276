//! Registered assets against declared ones: vehicles (VER-VEHICLE), real estate
//! (VER-PROPERTY) and business registrations (VER-BUSINESS). Each record is matched to a
//! declared item of the same member and kind, each declared item to one record at most.
//!
//! May use the case model and the reconciliation helpers of the parent module only.

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::{Check, Item, Records, VerdictIf, claim, item, record_finding};
use crate::case::{
    Area, BusinessKind, BusinessRegistration, EvidenceFact, EvidenceRecord, Home, Vehicle,
    VehicleKind,
};
use crate::explain::{FigureValue, Finding, RuleId};
use crate::money::Yuan;
use crate::verify::change::Change;
use crate::verify::codes::{active_code, yes_no};

/// VER-VEHICLE: a registered vehicle and the declared one it matched, if any.
pub(super) struct VehicleCheck<'c> {
    record: &'c EvidenceRecord,
    kind: VehicleKind,
    verified: Yuan,
    /// The matched declared vehicle: its position and value.
    declared: Option<(usize, Yuan)>,
}

/// VER-VEHICLE: each registered vehicle matched to a declared one of the member and kind.
pub(super) fn vehicles<'c>(rs: &Records<'c>) -> Vec<VehicleCheck<'c>> {
    let declared = &rs.household.assets.vehicles;
    let mut matched = vec![false; declared.len()];
    let mut out = Vec::new();
    for r in &rs.used {
        let EvidenceFact::VehicleRegistered { kind, value } = &r.fact else {
            continue;
        };
        let slot = claim(declared, &mut matched, |v| {
            v.member == r.member && v.kind == *kind
        });
        out.push(VehicleCheck {
            record: r,
            kind: *kind,
            verified: *value,
            declared: slot.map(|(i, v)| (i, v.value)),
        });
    }
    out
}

impl Check for VehicleCheck<'_> {
    fn finding(&self) -> Finding {
        let f = record_finding(RuleId::VerVehicle, self.record)
            .code("vehicle_kind", self.kind.as_str())
            .yuan("verified_value", self.verified.value());
        match self.declared {
            Some((_, v)) => f
                .yuan("declared_value", v.value())
                .code("declared", "yes")
                .verdict_if(v == self.verified),
            None => f.code("declared", "no").verdict_if(false),
        }
    }

    fn into_item(self) -> Option<Item> {
        let change = match self.declared {
            Some((_, v)) if v == self.verified => return None,
            Some((i, _)) => Change::VehicleValue(i, self.verified),
            None => Change::AddVehicle(Vehicle {
                member: self.record.member.clone(),
                kind: self.kind,
                value: self.verified,
                disability_mobility: false,
            }),
        };
        let figures = (
            self.declared.map(|(_, v)| FigureValue::Yuan(v.value())),
            FigureValue::Yuan(self.verified.value()),
        );
        let detail = Some(self.kind.as_str());
        Some(item(
            self.record,
            RuleId::VerVehicle,
            figures,
            detail,
            change,
        ))
    }
}

/// VER-PROPERTY: a registered home and the declared one it matched, if any.
pub(super) struct HomeCheck<'c> {
    record: &'c EvidenceRecord,
    location: Area,
    /// The registered floor area.
    verified: Decimal,
    /// The matched declared home: its position and floor area.
    declared: Option<(usize, Decimal)>,
}

/// VER-PROPERTY: each registered home matched to a declared one of the member and location,
/// an equal floor area first.
pub(super) fn homes<'c>(rs: &Records<'c>) -> Vec<HomeCheck<'c>> {
    let declared = &rs.household.assets.homes;
    let mut matched = vec![false; declared.len()];
    let mut out = Vec::new();
    for r in &rs.used {
        let EvidenceFact::Property {
            location,
            floor_area,
        } = &r.fact
        else {
            continue;
        };
        let here = |x: &Home| x.member == r.member && x.location == *location;
        let slot = claim(declared, &mut matched, |x| {
            here(x) && x.floor_area == *floor_area
        })
        .or_else(|| claim(declared, &mut matched, here));
        out.push(HomeCheck {
            record: r,
            location: *location,
            verified: *floor_area,
            declared: slot.map(|(i, x)| (i, x.floor_area)),
        });
    }
    out
}

impl Check for HomeCheck<'_> {
    fn finding(&self) -> Finding {
        let f = record_finding(RuleId::VerProperty, self.record)
            .code("location", self.location.as_str())
            .area("verified_area", self.verified);
        match self.declared {
            Some((_, a)) => f
                .area("declared_area", a)
                .code("declared", "yes")
                .verdict_if(a == self.verified),
            None => f.code("declared", "no").verdict_if(false),
        }
    }

    fn into_item(self) -> Option<Item> {
        let change = match self.declared {
            Some((_, a)) if a == self.verified => return None,
            Some((i, _)) => Change::HomeArea(i, self.verified),
            None => Change::AddHome(Home {
                member: self.record.member.clone(),
                location: self.location,
                floor_area: self.verified,
                self_built: false,
            }),
        };
        let figures = (
            self.declared.map(|(_, a)| FigureValue::Area(a)),
            FigureValue::Area(self.verified),
        );
        let detail = Some(self.location.as_str());
        Some(item(
            self.record,
            RuleId::VerProperty,
            figures,
            detail,
            change,
        ))
    }
}

/// VER-BUSINESS: a business registration and the declared one it matched, if any.
pub(super) struct BusinessCheck<'c> {
    record: &'c EvidenceRecord,
    kind: BusinessKind,
    /// Whether the registry has the business active.
    verified: bool,
    /// The matched declared business: its position and whether it was declared active.
    declared: Option<(usize, bool)>,
}

/// VER-BUSINESS: each registration matched to a declared one of the member and kind.
pub(super) fn businesses<'c>(rs: &Records<'c>) -> Vec<BusinessCheck<'c>> {
    let declared = &rs.household.assets.businesses;
    let mut matched = vec![false; declared.len()];
    let mut out = Vec::new();
    for r in &rs.used {
        let EvidenceFact::BusinessRegistration { kind, active } = &r.fact else {
            continue;
        };
        let slot = claim(declared, &mut matched, |b| {
            b.member == r.member && b.kind == *kind
        });
        out.push(BusinessCheck {
            record: r,
            kind: *kind,
            verified: *active,
            declared: slot.map(|(i, b)| (i, b.active)),
        });
    }
    out
}

impl Check for BusinessCheck<'_> {
    fn finding(&self) -> Finding {
        let f = record_finding(RuleId::VerBusiness, self.record)
            .code("business_kind", self.kind.as_str())
            .code("verified_active", yes_no(self.verified));
        match self.declared {
            Some((_, a)) => f
                .code("declared_active", yes_no(a))
                .verdict_if(a == self.verified),
            // An inactive registration nobody declared agrees with the declaration.
            None => f.code("declared_active", "none").verdict_if(!self.verified),
        }
    }

    fn into_item(self) -> Option<Item> {
        let change = match self.declared {
            Some((_, a)) if a == self.verified => return None,
            Some((i, _)) => Change::BusinessActive(i, self.verified),
            None if !self.verified => return None,
            None => Change::AddBusiness(BusinessRegistration {
                member: self.record.member.clone(),
                kind: self.kind,
                active: self.verified,
                registered_capital: None,
            }),
        };
        let code = |a: bool| FigureValue::Code(Cow::Borrowed(active_code(a)));
        let figures = (self.declared.map(|(_, a)| code(a)), code(self.verified));
        let detail = Some(self.kind.as_str());
        Some(item(
            self.record,
            RuleId::VerBusiness,
            figures,
            detail,
            change,
        ))
    }
}
