//! Dates as the case documents write them, `YYYY-MM-DD`, read without chrono's general-purpose
//! parser and written by [`DateText`] (a household carries a dozen dates or more, and both the
//! parser and the case digest read every one).
//!
//! Only the plain ten-character form of years 0–9999 takes the quick path; anything else goes
//! to chrono, so what is accepted, the value read, the text written and the error given are
//! exactly chrono's.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserializer, Serializer, de};

/// Reads `YYYY-MM-DD` made of ASCII digits; `None` for any other text or an impossible date.
pub(crate) fn parse_plain(s: &str) -> Option<NaiveDate> {
    let b: &[u8; 10] = s.as_bytes().try_into().ok()?;
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *b else {
        return None;
    };
    let n = |ds: &[u8]| -> Option<u32> {
        ds.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(n(&[y1, y2, y3, y4])?).ok()?;
    NaiveDate::from_ymd_opt(year, n(&[m1, m2])?, n(&[d1, d2])?)
}

struct Visitor;

impl de::Visitor<'_> for Visitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // chrono's wording, so that error messages stay as they were
        f.write_str("a formatted date string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        match parse_plain(v) {
            Some(d) => Ok(d),
            None => v.parse::<NaiveDate>().map_err(E::custom),
        }
    }
}

/// `#[serde(with = "crate::dates::iso")]` for a `NaiveDate` field.
pub(crate) mod iso {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&DateText(*d), s)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(Visitor)
    }
}

/// `#[serde(with = "crate::dates::iso_opt")]` for an `Option<NaiveDate>` field.
pub(crate) mod iso_opt {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        struct Some_<'a>(&'a NaiveDate);
        impl serde::Serialize for Some_<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                super::iso::serialize(self.0, s)
            }
        }
        match d {
            Some(d) => s.serialize_some(&Some_(d)),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        struct Opt;
        impl<'de> de::Visitor<'de> for Opt {
            type Value = Option<NaiveDate>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("option")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_str(Visitor).map(Some)
            }
        }
        d.deserialize_option(Opt)
    }
}

/// A date as text, `2024-03-01`, the same as chrono's `Display` writes it: written directly for
/// years 0 to 9999 (chrono writes those as four digits with no sign), and by chrono otherwise.
pub(crate) struct DateText(pub(crate) NaiveDate);

impl DateText {
    /// The ten bytes of `YYYY-MM-DD`, for a year from 0 to 9999.
    fn digits(&self) -> Option<[u8; 10]> {
        let d = self.0;
        let year = u32::try_from(d.year()).ok().filter(|&y| y <= 9999)?;
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let (m, day) = (d.month(), d.day());
        Some([
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(day / 10),
            digit(day),
        ])
    }
}

impl DateText {
    /// Writes the date, as its `Display` does.
    pub(crate) fn put(&self, w: &mut dyn fmt::Write) -> fmt::Result {
        match self.digits() {
            Some(b) => w.write_str(std::str::from_utf8(&b).map_err(|_| fmt::Error)?),
            None => write!(w, "{}", self.0),
        }
    }
}

impl fmt::Display for DateText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.put(f)
    }
}

impl serde::Serialize for DateText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.digits() {
            Some(b) => s.serialize_str(std::str::from_utf8(&b).map_err(serde::ser::Error::custom)?),
            None => self.0.serialize(s),
        }
    }
}

/// A date serialised as chrono writes it (`"2024-03-01"`), without chrono's formatter; for
/// `#[serde(serialize_with = "crate::dates::date_str")]`.
pub(crate) fn date_str<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&DateText(*d), s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn plain_dates_read_and_write_as_chrono_does() {
        for s in [
            "2026-11-01",
            "0001-01-01",
            "9999-12-31",
            "2024-02-29",
            "1880-01-01",
        ] {
            let d = parse_plain(s).unwrap();
            assert_eq!(d, s.parse::<NaiveDate>().unwrap());
            assert_eq!(
                serde_json::to_string(&W { d }).unwrap(),
                format!(r#"{{"d":"{s}"}}"#)
            );
        }
        for s in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "2026/11/01",
            "+2026-11-01",
            "２０２６-11-01",
            "2026-11-0a",
            "",
        ] {
            assert_eq!(parse_plain(s), None, "{s}");
        }
    }

    #[test]
    fn edge_years_read_as_chrono_reads_them() {
        for s in [
            "0000-01-01",
            "0000-02-29",
            "0001-02-29",
            "1900-02-29",
            "2000-02-29",
            "9999-12-31",
        ] {
            let json = format!(r#"{{"d":"{s}"}}"#);
            let ours = serde_json::from_str::<W>(&json)
                .map(|w| w.d)
                .map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<C>(&json)
                .map(|c| c.d)
                .map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{s}");
        }
    }

    #[test]
    fn other_forms_fall_back_to_chrono_with_its_errors() {
        let ours = serde_json::from_str::<W>(r#"{"d":"2026-02-30"}"#).unwrap_err();
        let theirs = serde_json::from_str::<C>(r#"{"d":"2026-02-30"}"#).unwrap_err();
        assert_eq!(ours.to_string(), theirs.to_string());
        let ours = serde_json::from_str::<W>(r#"{"d":5}"#).unwrap_err();
        let theirs = serde_json::from_str::<C>(r#"{"d":5}"#).unwrap_err();
        assert_eq!(ours.to_string(), theirs.to_string());
        let far = NaiveDate::from_ymd_opt(12345, 1, 1).unwrap();
        assert_eq!(
            serde_json::to_string(&W { d: far }).unwrap(),
            serde_json::to_string(&C { d: far }).unwrap()
        );
    }

    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct W {
        #[serde(with = "iso")]
        d: NaiveDate,
    }

    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct C {
        d: NaiveDate,
    }

    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct WO {
        #[serde(default, with = "iso_opt", skip_serializing_if = "Option::is_none")]
        d: Option<NaiveDate>,
    }

    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct CO {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        d: Option<NaiveDate>,
    }

    proptest! {
        #[test]
        fn any_date_round_trips_like_chrono(days in -800_000i64..4_000_000) {
            let d = NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Duration::days(days);
            let ours = serde_json::to_string(&W { d }).unwrap();
            prop_assert_eq!(&ours, &serde_json::to_string(&C { d }).unwrap());
            prop_assert_eq!(serde_json::from_str::<W>(&ours).unwrap().d, d);
            let text = format!("{d:?}");
            if text.len() == 10 {
                prop_assert_eq!(parse_plain(&text), Some(d));
            }
        }

        #[test]
        fn any_text_reads_like_chrono(s in "[0-9+-]{0,12}") {
            let json = serde_json::to_string(&s).unwrap();
            let ours = serde_json::from_str::<W>(&format!(r#"{{"d":{json}}}"#)).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<C>(&format!(r#"{{"d":{json}}}"#)).map_err(|e| e.to_string());
            prop_assert_eq!(ours.map(|w| w.d), theirs.map(|c| c.d));
        }

        #[test]
        fn optional_dates_read_and_write_like_chrono(days in proptest::option::of(0i64..3_000_000)) {
            let d = days.map(|n| NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Duration::days(n));
            let ours = serde_json::to_string(&WO { d }).unwrap();
            prop_assert_eq!(&ours, &serde_json::to_string(&CO { d }).unwrap());
            prop_assert_eq!(serde_json::from_str::<WO>(&ours).unwrap(), WO { d });
            prop_assert_eq!(serde_json::from_str::<WO>(r#"{"d":null}"#).unwrap(), WO { d: None });
        }
    }

    #[test]
    fn dates_as_chrono_writes_them() {
        for ymd in [
            (2024, 3, 1),
            (0, 1, 1),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 30),
            (187, 10, 9),
        ] {
            let d = NaiveDate::from_ymd_opt(ymd.0, ymd.1, ymd.2).unwrap();
            assert_eq!(DateText(d).to_string(), d.to_string());
            assert_eq!(
                serde_json::to_string(&DateText(d)).unwrap(),
                serde_json::to_string(&d).unwrap()
            );
        }
        for d in [NaiveDate::MIN, NaiveDate::MAX] {
            assert_eq!(DateText(d).to_string(), d.to_string());
        }
    }

    proptest::proptest! {
        #[test]
        fn dates_match_chrono(days in -1_000_000i32..4_000_000) {
            let d = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
            prop_assert_eq!(DateText(d).to_string(), d.to_string());
        }

    }
}
