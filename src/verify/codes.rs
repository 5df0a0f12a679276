//! The codes verification writes into findings and discrepancies: every evidence item and the
//! detail codes (vehicle, business and disability kinds from their `ALL` lists in the case
//! model, locations, statuses). The kinds' lists and spellings have one home, beside their
//! enums in `case::model`, checked whole by `tests/vocabulary.rs`; the item list here is kept
//! whole by a test with an exhaustive `match`. May use the case model only.

use crate::case::{Area, BusinessKind, DisabilityKind, VehicleKind};

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

/// Detail codes that name no kind: the locations of a home, and the statuses a record sets.
const OTHER_DETAILS: [&str; 4] = ["urban", "rural", "imprisoned", "deceased"];

/// The item code as a static string (items are a closed set); `other` for an unknown one.
pub(crate) fn static_item(item: &str) -> &'static str {
    ITEMS.into_iter().find(|i| *i == item).unwrap_or("other")
}

/// Detail codes are static already; this recovers the `'static` lifetime.
pub(crate) fn static_detail(detail: &str) -> Option<&'static str> {
    VehicleKind::ALL
        .map(VehicleKind::as_str)
        .into_iter()
        .chain(BusinessKind::ALL.map(BusinessKind::as_str))
        .chain(DisabilityKind::ALL.map(DisabilityKind::as_str))
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    use super::*;
    use crate::case::{EvidenceFact, MonitoringStatus, SchoolLevel};
    use crate::money::Yuan;

    #[test]
    fn every_detail_code_is_recovered() {
        for code in VehicleKind::ALL
            .map(VehicleKind::as_str)
            .into_iter()
            .chain(BusinessKind::ALL.map(BusinessKind::as_str))
            .chain(DisabilityKind::ALL.map(DisabilityKind::as_str))
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
}
