//! Strict dates in a case: exactly `YYYY-MM-DD`, years 1900–2200, a real calendar day
//! ([`crate::limits::parse_date`]). chrono's own reading accepts `2026-1-1` and `+262142-12-31`.
//!
//! May use: the leaves (`limits`).

use std::fmt;

use chrono::NaiveDate;
use serde::Deserializer;

/// The expected form, as errors state it.
pub(crate) const DATE_FORM: &str = "a date written YYYY-MM-DD (years 1900–2200)";

struct Strict;

impl serde::de::Visitor<'_> for Strict {
    type Value = NaiveDate;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(DATE_FORM)
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        crate::limits::parse_date(v)
            .ok_or_else(|| E::custom("not a real date written YYYY-MM-DD (years 1900–2200)"))
    }
}

/// Reads a date strictly.
pub(crate) fn strict<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(Strict)
}

/// Reads an optional date strictly (`null` or absent is `None`).
pub(crate) fn strict_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    struct Opt;
    impl<'de> serde::de::Visitor<'de> for Opt {
        type Value = Option<NaiveDate>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(DATE_FORM)
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            strict(d).map(Some)
        }
    }
    d.deserialize_option(Opt)
}
