//! The codes verification writes into findings and discrepancies. The spellings themselves have
//! one home each, beside their enums in `case::model` (`EvidenceFact::item`, the kinds' `as_str`,
//! checked by `tests/vocabulary.rs`); here are only the few codes that name no enum (yes/no,
//! active/inactive, urban/rural). May use the case model only.

use std::borrow::Cow;

#[cfg(test)]
use crate::case::VehicleKind;

/// A code held as `Cow<'static, str>` in a [`Discrepancy`](super::Discrepancy), back as the
/// `&'static str` a finding's code figure takes. Reconciliation only ever makes borrowed codes
/// (items from `EvidenceFact::item`, details from the kinds' `as_str`); a code read back from
/// JSON is owned and gives `None`.
#[allow(clippy::ptr_arg, reason = "whether the Cow borrows is the point")]
pub(crate) fn static_code(code: &Cow<'static, str>) -> Option<&'static str> {
    match code {
        Cow::Borrowed(s) => Some(s),
        Cow::Owned(_) => None,
    }
}

/// `yes` or `no`.
pub(crate) fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// Whether a business is active, as a code.
pub(crate) fn active_code(active: bool) -> &'static str {
    if active { "active" } else { "inactive" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrowed_codes_come_back_static_and_owned_ones_do_not() {
        let kind = Cow::Borrowed(VehicleKind::Car.as_str());
        assert_eq!(static_code(&kind), Some("car"));
        assert_eq!(static_code(&Cow::Owned("car".to_owned())), None);
    }
}
