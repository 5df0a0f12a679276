//! Dates as the case documents write them, `YYYY-MM-DD`: read and written by chrono (the quick
//! hand-written reader and writer were returned to the library, since they gained at most 1.19×
//! on the whole `evaluate_json` path; see the README's speed section). The serde helpers here
//! keep the field attributes of the model in one place. A leaf: uses nothing of the crate.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserializer, Serializer, de};

struct Visitor;

impl de::Visitor<'_> for Visitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // chrono's wording, so that error messages stay as they were
        f.write_str("a formatted date string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        v.parse::<NaiveDate>().map_err(E::custom)
    }
}

/// `#[serde(with = "crate::dates::iso")]` for a `NaiveDate` field.
pub(crate) mod iso {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(d, s)
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

/// A date serialised as chrono writes it (`"2024-03-01"`); for
/// `#[serde(serialize_with = "crate::dates::date_str")]`.
pub(crate) fn date_str<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(d, s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
}
