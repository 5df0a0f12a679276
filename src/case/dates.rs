//! Strict dates in a case: exactly `YYYY-MM-DD`, years 1900–2200, a real calendar day
//! ([`crate::limits::parse_date`]). chrono's own reading accepts `2026-1-1` and `+262142-12-31`.
//!
//! May use: the leaves (`limits`).

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserializer, Serialize, Serializer};

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

/// Writes a date as chrono writes it (`YYYY-MM-DD`), without chrono's formatter for the
/// four-digit years of every case read (the case digest encodes some ten dates per case).
/// Other years (a case built in code) are handed to chrono.
pub(crate) fn write<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    match iso_text(d) {
        Some(text) => match std::str::from_utf8(&text) {
            Ok(t) => s.serialize_str(t),
            Err(_) => d.serialize(s),
        },
        None => d.serialize(s),
    }
}

/// Writes an optional date as [`write`] does.
pub(crate) fn write_opt<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    struct Day<'a>(&'a NaiveDate);
    impl Serialize for Day<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            write(self.0, s)
        }
    }
    match d {
        Some(d) => s.serialize_some(&Day(d)),
        None => s.serialize_none(),
    }
}

/// `YYYY-MM-DD` for years 0–9999 (chrono writes others with a sign).
fn iso_text(d: &NaiveDate) -> Option<[u8; 10]> {
    let year = u32::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
    let digit = |v: u32, place: u32| b'0' + ((v / place) % 10) as u8;
    let (m, day) = (d.month(), d.day());
    Some([
        digit(year, 1000),
        digit(year, 100),
        digit(year, 10),
        digit(year, 1),
        b'-',
        digit(m, 10),
        digit(m, 1),
        b'-',
        digit(day, 10),
        digit(day, 1),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same text as chrono's own serialisation, for every date chrono can hold.
        #[test]
        fn dates_are_written_as_chrono_writes_them(days in -1_000_000i32..4_000_000) {
            let Some(d) = NaiveDate::from_num_days_from_ce_opt(days) else { return Ok(()) };
            #[derive(Serialize)]
            struct Fast(#[serde(serialize_with = "write")] NaiveDate);
            #[derive(Serialize)]
            struct FastOpt(#[serde(serialize_with = "write_opt")] Option<NaiveDate>);
            let chrono = serde_json::to_string(&d).unwrap();
            prop_assert_eq!(serde_json::to_string(&Fast(d)).unwrap(), chrono.clone());
            prop_assert_eq!(serde_json::to_string(&FastOpt(Some(d))).unwrap(), chrono);
            prop_assert_eq!(serde_json::to_string(&FastOpt(None)).unwrap(), "null");
        }
    }
}
