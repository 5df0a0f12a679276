//! Parameter bounds: for every parameter of the registry, the values a parameter document may
//! give it, declared once, as one exhaustive `match` (a parameter added to the registry does not
//! compile until it has a bound here). A document is checked against them when it is loaded, so
//! a value outside its bound is refused before any case is decided with it.
//!
//! May use: the registry and the values of the book beside it, and the leaves (`limits`).

use rust_decimal::Decimal;

use super::book::ParamValue;
use super::registry::ParamId;
use crate::limits::{MAX_PARAM_CODE_BYTES, MAX_PARAM_LIST, MAX_PARAM_MONTHS, MAX_PARAM_YUAN};

/// The values a parameter may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bound {
    /// An amount in yuan above zero, at most [`MAX_PARAM_YUAN`] (standards, rates).
    Positive,
    /// An amount in yuan from zero, at most [`MAX_PARAM_YUAN`] (0 may mean "none").
    Amount,
    /// A share in 0–1.
    Share,
    /// A decimal in `lo..=hi` (multipliers, months of a standard, areas).
    Range(u32, u32),
    /// A whole number in `lo..=hi` (months, ages, years, counts).
    Whole(u32, u32),
    /// A payment rounding unit: one of [`ROUNDING_UNITS`].
    RoundingUnit,
    /// One of the given codes.
    OneOf(&'static [&'static str]),
    /// `true` or `false`.
    Flag,
    /// A list of at most [`MAX_PARAM_LIST`] codes, each 1–[`MAX_PARAM_CODE_BYTES`] bytes of
    /// `A–Z a–z 0–9 _ - : .`.
    Codes,
}

/// The rounding units a document may set, in yuan.
pub(crate) const ROUNDING_UNITS: &[&str] = &["0.01", "0.1", "1", "10"];

/// Months of anything: 1 to ten years.
const MONTHS: Bound = Bound::Whole(1, MAX_PARAM_MONTHS);
/// Months that may be none.
const MONTHS_OR_NONE: Bound = Bound::Whole(0, MAX_PARAM_MONTHS);
/// An age in years.
const AGE: Bound = Bound::Whole(0, 120);
/// A financial asset limit in months of the standard (up to 100 years).
const ASSET_MONTHS: Bound = Bound::Range(0, 1200);

/// The bound of one parameter.
pub(crate) const fn bound(id: ParamId) -> Bound {
    use Bound::*;
    use ParamId as P;
    match id {
        P::DibaoStandardUrbanMonth
        | P::DibaoStandardRuralYear
        | P::RuralClass2Amount
        | P::RuralClass3Amount
        | P::RuralClass4Amount
        | P::MinWageMonth
        | P::DisposableIncomePerCapitaYear
        | P::TkBasicStandardUrbanYear
        | P::TkBasicStandardRuralYear
        | P::DibaoStandardUrbanMonthGuidance
        | P::DibaoStandardRuralYearGuidance => Positive,
        P::SoleTraderCapitalMax
        | P::LargePurchaseThreshold
        | P::MinBenefitPerHousehold
        | P::TkCareSelfMonth
        | P::TkCarePartialMonth
        | P::TkCareFullMonth
        | P::TrEmergencyLightCap
        | P::TrFastReliefCap => Amount,
        P::RuralClass2Share
        | P::RuralClass3IncomeShareMax
        | P::JobCostShareOfWage
        | P::ImputedIncomeShareOfMinWage
        | P::WarningNearThresholdShare
        | P::TkCareShareSelf
        | P::TkCareSharePartial
        | P::TkCareShareFull => Share,
        P::EdgeIncomeMultiplier | P::TkBasicLivingMultiplier => Range(1, 10),
        P::RigExpenseShareThreshold => Range(0, 10),
        P::TrCapMonthsOrdinary => Range(0, MAX_PARAM_MONTHS),
        P::FinAssetLimitMonthsDibao | P::FinAssetLimitMonthsEdge | P::FinAssetLimitMonthsTk => {
            ASSET_MONTHS
        }
        P::HousingMaxAreaPerPerson => Range(0, 10_000),
        P::IncomeReferenceMonths
        | P::ReviewMonthsStable
        | P::ReviewMonthsUnstable
        | P::ReviewMonthsSpecialHardship
        | P::TkReviewMonths
        | P::RigLookbackMonths
        | P::RigValidityMaxMonths
        | P::TrMaxMonths => MONTHS,
        P::GradualExitMaxMonths | P::LargePurchaseLookbackMonths => MONTHS_OR_NONE,
        P::ElderlyAge
        | P::MinorNoLabourBelowAge
        | P::TkMinorCoverUntilAge
        | P::TkObligorDibaoAge
        | P::TkObligorElderlyAge
        | P::DibaoAddonElderlyAge => AGE,
        P::TrFastReliefDays => Whole(1, 366),
        P::ClergySeparationYears => Whole(0, 100),
        P::HousingMaxUrbanHomes => Whole(0, 100),
        P::RoundingUnit | P::DibaoAddonRoundingUnit => RoundingUnit,
        P::DibaoAddonCombination => OneOf(&["highest", "sum"]),
        P::TkBasicRounding => OneOf(&["monthly", "annual"]),
        P::RoundingMode => OneOf(&["half_up", "ceiling", "floor", "none"]),
        P::TkCareMethod => OneOf(&["fixed_amounts", "min_wage_share"]),
        P::DeductIllnessDisabilityCosts
        | P::HousingExemptRuralSelfBuilt
        | P::SingleCoverRequiresEdge
        | P::EvidenceRequiredWithoutData
        | P::RigInForce => Flag,
        P::RuralClass1Criteria
        | P::RuralClass2Criteria
        | P::DisregardedIncomeKinds
        | P::HouseholdExclusions
        | P::ProvincialExclusions
        | P::VehicleExemptKinds
        | P::BusinessDisqualifyingKinds
        | P::AuthoritativeDepartments
        | P::RequiredEvidenceNewApplication
        | P::RequiredEvidenceRecheck
        | P::RequiredEvidenceDynamicCheck
        | P::WarningRedProgrammes
        | P::EnrolProgrammes
        | P::WarningTable
        | P::WarningOrangeProgrammes
        | P::TkNoLabourAdditions
        | P::TkDisregardedIncomeKinds
        | P::DibaoAddonTable
        | P::TrPaidFirstDocuments => Codes,
    }
}

impl Bound {
    /// What the bound allows, for an error message.
    pub(crate) fn describe(self) -> String {
        match self {
            Bound::Positive => format!("an amount above 0 and at most {MAX_PARAM_YUAN}"),
            Bound::Amount => format!("an amount from 0 to {MAX_PARAM_YUAN}"),
            Bound::Share => "a share from 0 to 1".to_owned(),
            Bound::Range(lo, hi) => format!("a number from {lo} to {hi}"),
            Bound::Whole(lo, hi) => format!("a whole number from {lo} to {hi}"),
            Bound::RoundingUnit => format!("one of {}", ROUNDING_UNITS.join(", ")),
            Bound::OneOf(codes) => format!("one of {}", codes.join(", ")),
            Bound::Flag => "true or false".to_owned(),
            Bound::Codes => format!(
                "a list of at most {MAX_PARAM_LIST} codes of 1–{MAX_PARAM_CODE_BYTES} characters A–Z a–z 0–9 _ - : ."
            ),
        }
    }

    /// Whether `value` lies within the bound.
    pub(crate) fn allows(self, value: &ParamValue) -> bool {
        match (self, value) {
            (Bound::Flag, ParamValue::Bool(_)) => true,
            (Bound::OneOf(codes), ParamValue::Text(t)) => codes.contains(&&**t),
            (Bound::Codes, ParamValue::List(l)) => {
                l.len() <= MAX_PARAM_LIST && l.iter().all(|c| code_ok(c))
            }
            (Bound::RoundingUnit, ParamValue::Decimal(d)) => ROUNDING_UNITS
                .iter()
                .any(|u| u.parse::<Decimal>().is_ok_and(|u| u == *d)),
            (b, ParamValue::Decimal(d)) => decimal_ok(b, *d),
            _ => false,
        }
    }
}

fn decimal_ok(b: Bound, d: Decimal) -> bool {
    let yuan = Decimal::from(MAX_PARAM_YUAN);
    match b {
        Bound::Positive => d > Decimal::ZERO && d <= yuan,
        Bound::Amount => d >= Decimal::ZERO && d <= yuan,
        Bound::Share => d >= Decimal::ZERO && d <= Decimal::ONE,
        Bound::Range(lo, hi) => d >= Decimal::from(lo) && d <= Decimal::from(hi),
        Bound::Whole(lo, hi) => {
            d.fract().is_zero() && d >= Decimal::from(lo) && d <= Decimal::from(hi)
        }
        _ => false,
    }
}

fn code_ok(c: &str) -> bool {
    (1..=MAX_PARAM_CODE_BYTES).contains(&c.len())
        && c.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b':' | b'.'))
}

/// Checks one value against its parameter's bound; the error says what is allowed.
pub(crate) fn check(id: ParamId, value: &ParamValue) -> Result<(), String> {
    let b = bound(id);
    if b.allows(value) {
        Ok(())
    } else {
        Err(format!("value out of bounds: must be {}", b.describe()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bound_describes_itself() {
        for &id in ParamId::ALL {
            assert!(!bound(id).describe().is_empty(), "{}", id.name());
        }
    }

    #[test]
    fn rounding_units_come_from_the_set() {
        let ok = |s: &str| Bound::RoundingUnit.allows(&ParamValue::Decimal(s.parse().unwrap()));
        assert!(ok("1") && ok("0.01") && ok("1.00"));
        assert!(!ok("79228162514264337593543950335") && !ok("0") && !ok("3"));
    }
}
