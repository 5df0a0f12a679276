//! The codes verification writes into findings and discrepancies: departments by code (from
//! `Department::ALL`), every evidence item, the detail codes (vehicle, business and disability
//! kinds, locations) and the codes of disability kinds and school levels.
//!
//! The one home of these lists in verification. Each list of variants is kept whole by a test
//! with an exhaustive `match`: a variant added to the case model fails to compile the tests
//! until it is listed here. The lists belong next to their enums in `case::model` (as
//! `VehicleKind::ALL`, `BusinessKind::ALL`, `DisabilityKind::ALL`, and `as_str` for
//! `DisabilityKind` and `SchoolLevel`), as `Department::ALL` already is; they live here until
//! that file is free. May use the case model only.

use crate::case::{Area, BusinessKind, Department, DisabilityKind, SchoolLevel, VehicleKind};

/// Every evidence item code (`EvidenceFact::item`), in the order of the enum.
const ITEMS: [&str; 13] = [
    "vehicle_registered",
    "property",
    "account_balance",
    "contribution_base",
    "wage",
    "pension",
    "business_registration",
    "disability_certificate",
    "death",
    "imprisonment",
    "school_enrolment",
    "self_paid_medical",
    "return_to_poverty_monitoring",
];

/// Every vehicle kind, in the order of the enum.
const VEHICLE_KINDS: [VehicleKind; 6] = [
    VehicleKind::Car,
    VehicleKind::Truck,
    VehicleKind::Motorcycle,
    VehicleKind::Tricycle,
    VehicleKind::FarmMachinery,
    VehicleKind::Other,
];

/// Every business kind, in the order of the enum.
const BUSINESS_KINDS: [BusinessKind; 4] = [
    BusinessKind::SoleTrader,
    BusinessKind::Enterprise,
    BusinessKind::Shareholder,
    BusinessKind::FarmerCooperative,
];

/// Every disability kind, in the order of the enum.
const DISABILITY_KINDS: [DisabilityKind; 7] = [
    DisabilityKind::Visual,
    DisabilityKind::Hearing,
    DisabilityKind::Speech,
    DisabilityKind::Physical,
    DisabilityKind::Intellectual,
    DisabilityKind::Mental,
    DisabilityKind::Multiple,
];

/// Detail codes that name no kind: the locations of a home, and the statuses a record sets.
const OTHER_DETAILS: [&str; 4] = ["urban", "rural", "imprisoned", "deceased"];

/// The department of a parameter code.
pub(crate) fn department(code: &str) -> Option<Department> {
    Department::ALL.into_iter().find(|d| d.as_str() == code)
}

/// The item code as a static string (items are a closed set); `other` for an unknown one.
pub(crate) fn static_item(item: &str) -> &'static str {
    ITEMS.into_iter().find(|i| *i == item).unwrap_or("other")
}

/// Detail codes are static already; this recovers the `'static` lifetime.
pub(crate) fn static_detail(detail: &str) -> Option<&'static str> {
    VEHICLE_KINDS
        .map(VehicleKind::as_str)
        .into_iter()
        .chain(BUSINESS_KINDS.map(BusinessKind::as_str))
        .chain(DISABILITY_KINDS.map(disability_code))
        .chain(OTHER_DETAILS)
        .find(|c| *c == detail)
}

/// `yes` or `no`.
pub(crate) fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// Whether a business is active, as a code.
pub(crate) fn active_code(active: bool) -> &'static str {
    if active { "active" } else { "inactive" }
}

/// The location of a home, as a code.
pub(crate) fn area_code(a: Area) -> &'static str {
    match a {
        Area::Urban => "urban",
        Area::Rural => "rural",
    }
}

/// The code of a disability kind.
pub(crate) const fn disability_code(k: DisabilityKind) -> &'static str {
    match k {
        DisabilityKind::Visual => "visual",
        DisabilityKind::Hearing => "hearing",
        DisabilityKind::Speech => "speech",
        DisabilityKind::Physical => "physical",
        DisabilityKind::Intellectual => "intellectual",
        DisabilityKind::Mental => "mental",
        DisabilityKind::Multiple => "multiple",
    }
}

/// The code of a school level.
pub(crate) const fn level_code(l: SchoolLevel) -> &'static str {
    match l {
        SchoolLevel::Preschool => "preschool",
        SchoolLevel::Primary => "primary",
        SchoolLevel::JuniorSecondary => "junior_secondary",
        SchoolLevel::SeniorSecondary => "senior_secondary",
        SchoolLevel::SecondaryVocational => "secondary_vocational",
        SchoolLevel::HigherVocational => "higher_vocational",
        SchoolLevel::Undergraduate => "undergraduate",
        SchoolLevel::Postgraduate => "postgraduate",
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    use super::*;
    use crate::case::{EvidenceFact, MonitoringStatus};
    use crate::money::Yuan;

    /// Each list holds its enum's variants in order: `position` is an exhaustive match, so a
    /// new variant fails to compile until it is placed, and the test checks the list has it.
    fn holds_all<T: Copy + PartialEq + std::fmt::Debug, const N: usize>(
        list: [T; N],
        position: fn(T) -> usize,
    ) {
        for (i, x) in list.into_iter().enumerate() {
            assert_eq!(position(x), i, "{x:?} out of place");
        }
    }

    #[test]
    fn departments_are_found_by_code() {
        for d in Department::ALL {
            assert_eq!(department(d.as_str()), Some(d));
        }
        assert_eq!(department("nowhere"), None);
    }

    #[test]
    fn kinds_are_all_listed() {
        holds_all(VEHICLE_KINDS, |k| match k {
            VehicleKind::Car => 0,
            VehicleKind::Truck => 1,
            VehicleKind::Motorcycle => 2,
            VehicleKind::Tricycle => 3,
            VehicleKind::FarmMachinery => 4,
            VehicleKind::Other => 5,
        });
        holds_all(BUSINESS_KINDS, |k| match k {
            BusinessKind::SoleTrader => 0,
            BusinessKind::Enterprise => 1,
            BusinessKind::Shareholder => 2,
            BusinessKind::FarmerCooperative => 3,
        });
        holds_all(DISABILITY_KINDS, |k| match k {
            DisabilityKind::Visual => 0,
            DisabilityKind::Hearing => 1,
            DisabilityKind::Speech => 2,
            DisabilityKind::Physical => 3,
            DisabilityKind::Intellectual => 4,
            DisabilityKind::Mental => 5,
            DisabilityKind::Multiple => 6,
        });
        for code in VEHICLE_KINDS
            .map(VehicleKind::as_str)
            .into_iter()
            .chain(BUSINESS_KINDS.map(BusinessKind::as_str))
            .chain(DISABILITY_KINDS.map(disability_code))
            .chain([area_code(Area::Urban), area_code(Area::Rural)])
        {
            assert_eq!(static_detail(code), Some(code));
        }
        assert_eq!(static_detail("nothing"), None);
    }

    #[test]
    fn items_are_all_listed() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let yuan = Yuan::new(Decimal::ONE);
        // One fact of each kind, in the order of the enum.
        let facts = [
            EvidenceFact::VehicleRegistered {
                kind: VehicleKind::Car,
                value: yuan,
            },
            EvidenceFact::Property {
                location: Area::Urban,
                floor_area: Decimal::ONE,
            },
            EvidenceFact::AccountBalance { amount: yuan },
            EvidenceFact::ContributionBase { monthly: yuan },
            EvidenceFact::Wage { monthly: yuan },
            EvidenceFact::Pension { monthly: yuan },
            EvidenceFact::BusinessRegistration {
                kind: BusinessKind::SoleTrader,
                active: true,
            },
            EvidenceFact::DisabilityCertificate {
                kind: DisabilityKind::Visual,
                grade: 1,
            },
            EvidenceFact::Death { date: day },
            EvidenceFact::Imprisonment { since: day },
            EvidenceFact::SchoolEnrolment {
                level: SchoolLevel::Primary,
            },
            EvidenceFact::SelfPaidMedical { amount: yuan },
            EvidenceFact::ReturnToPovertyMonitoring {
                status: MonitoringStatus::MarginalAtRisk,
            },
        ];
        let position = |f: &EvidenceFact| match f {
            EvidenceFact::VehicleRegistered { .. } => 0,
            EvidenceFact::Property { .. } => 1,
            EvidenceFact::AccountBalance { .. } => 2,
            EvidenceFact::ContributionBase { .. } => 3,
            EvidenceFact::Wage { .. } => 4,
            EvidenceFact::Pension { .. } => 5,
            EvidenceFact::BusinessRegistration { .. } => 6,
            EvidenceFact::DisabilityCertificate { .. } => 7,
            EvidenceFact::Death { .. } => 8,
            EvidenceFact::Imprisonment { .. } => 9,
            EvidenceFact::SchoolEnrolment { .. } => 10,
            EvidenceFact::SelfPaidMedical { .. } => 11,
            EvidenceFact::ReturnToPovertyMonitoring { .. } => 12,
        };
        assert_eq!(facts.len(), ITEMS.len());
        for (i, (f, code)) in facts.iter().zip(ITEMS).enumerate() {
            assert_eq!(position(f), i);
            assert_eq!(f.item(), code);
            assert_eq!(static_item(code), code);
        }
        assert_eq!(static_item("unheard_of"), "other");
    }

    #[test]
    fn school_levels_have_their_codes() {
        let all = [
            SchoolLevel::Preschool,
            SchoolLevel::Primary,
            SchoolLevel::JuniorSecondary,
            SchoolLevel::SeniorSecondary,
            SchoolLevel::SecondaryVocational,
            SchoolLevel::HigherVocational,
            SchoolLevel::Undergraduate,
            SchoolLevel::Postgraduate,
        ];
        for l in all {
            let json = serde_json::to_value(l).unwrap();
            assert_eq!(json.as_str(), Some(level_code(l)));
        }
        for k in DISABILITY_KINDS {
            let json = serde_json::to_value(k).unwrap();
            assert_eq!(json.as_str(), Some(disability_code(k)));
        }
    }
}
