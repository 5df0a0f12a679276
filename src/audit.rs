//! The audit digest of a case: SHA-256 over a compact canonical encoding of the case model.
//!
//! The encoding walks the case through serde in model order: every struct field is written as
//! its name then its value, strings and numbers as text (decimals normalised, so `"700.00"` and
//! `"700"` give the same digest) each followed by the byte `0xFF` (which never occurs in UTF-8),
//! options and lists with a marker or a length, enum variants by name. It is several times
//! cheaper than writing JSON and is independent of whitespace and key order in the input.
//! [`case_digest`] is public so an auditor can recompute the stamp of any determination.
//!
//! May use: the case model and the rules layer's hex digest; nothing after it.

use std::fmt::{self, Display, Write as _};

use serde::ser::{self, Serialize};
use sha2::{Digest, Sha256};

use crate::case::Case;

/// SHA-256 of the case's canonical encoding, as 64 lower-case hex digits; the `case_digest` of
/// every determination made for the case.
///
/// ```
/// let a = jiuzhu::parse_case(r#"{"evaluation_date": "2026-11-01", "jurisdiction": "621027",
///   "purpose": "new_application", "area": "urban",
///   "household": {"members": [{"key": "m1", "relation": "applicant", "birth_date": "1960-01-01"}],
///   "incomes": [{"member": "m1", "category": "wage", "amount": "100.00",
///                "from": "2026-01-01", "to": "2026-01-31"}]}}"#).unwrap();
/// let mut b = a.clone();
/// b.household.incomes[0].amount = jiuzhu::Yuan::new(rust_decimal::Decimal::from(100));
/// assert_eq!(jiuzhu::case_digest(&a), jiuzhu::case_digest(&b)); // 100.00 == 100
/// ```
pub fn case_digest(case: &Case) -> String {
    let mut buf = Vec::with_capacity(2048);
    // The encoder cannot fail: every value of the model has an encoding.
    let _ = case.serialize(&mut Enc(&mut buf));
    crate::rules::hex_digest(&Sha256::digest(&buf))
}

const END: u8 = 0xFF;

struct Enc<'a>(&'a mut Vec<u8>);

impl Enc<'_> {
    fn tag(&mut self, t: u8) {
        self.0.push(t);
    }
    fn text(&mut self, s: &str) {
        self.0.extend_from_slice(s.as_bytes());
        self.0.push(END);
    }
    fn display(&mut self, v: &(impl Display + ?Sized)) {
        struct W<'b>(&'b mut Vec<u8>);
        impl fmt::Write for W<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.0.extend_from_slice(s.as_bytes());
                Ok(())
            }
        }
        let _ = write!(W(self.0), "{v}");
        self.0.push(END);
    }
    fn len(&mut self, n: Option<usize>) {
        match n {
            Some(n) => self.0.extend_from_slice(&(n as u64).to_le_bytes()),
            None => self.0.extend_from_slice(&u64::MAX.to_le_bytes()),
        }
    }
}

/// The encoder's error; never produced for the case model.
#[derive(Debug)]
struct EncError;

impl Display for EncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unencodable value")
    }
}

impl std::error::Error for EncError {}

impl ser::Error for EncError {
    fn custom<T: Display>(_: T) -> Self {
        EncError
    }
}

type R = Result<(), EncError>;

impl<'b, 'a> ser::Serializer for &'b mut Enc<'a> {
    type Ok = ();
    type Error = EncError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> R {
        self.tag(if v { b'T' } else { b'F' });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> R {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> R {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> R {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> R {
        self.tag(b'i');
        self.display(&v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> R {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> R {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> R {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> R {
        self.tag(b'i');
        self.display(&v);
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> R {
        Err(EncError)
    }
    fn serialize_f64(self, _: f64) -> R {
        Err(EncError)
    }
    fn serialize_char(self, v: char) -> R {
        self.tag(b's');
        self.display(&v);
        Ok(())
    }
    fn serialize_str(self, v: &str) -> R {
        self.tag(b's');
        self.text(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> R {
        self.tag(b'b');
        self.len(Some(v.len()));
        self.0.extend_from_slice(v);
        Ok(())
    }
    fn serialize_none(self) -> R {
        self.tag(b'N');
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> R {
        self.tag(b'S');
        v.serialize(self)
    }
    fn serialize_unit(self) -> R {
        self.tag(b'U');
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        self.tag(b'v');
        self.text(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> R {
        self.tag(b'v');
        self.text(variant);
        v.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, EncError> {
        self.tag(b'[');
        self.len(len);
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, EncError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Self, EncError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, EncError> {
        self.tag(b'v');
        self.text(variant);
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self, EncError> {
        self.tag(b'{');
        self.len(len);
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, EncError> {
        self.tag(b'{');
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, EncError> {
        self.tag(b'v');
        self.text(variant);
        self.tag(b'{');
        Ok(self)
    }
    fn collect_str<T: ?Sized + Display>(self, v: &T) -> R {
        self.tag(b's');
        self.display(v);
        Ok(())
    }
}

/// Sequences and tuples: elements in order, closed by `]`.
macro_rules! sequence {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for &mut Enc<'_> {
            type Ok = ();
            type Error = EncError;
            fn $method<T: ?Sized + Serialize>(&mut self, v: &T) -> R {
                v.serialize(&mut **self)
            }
            fn end(self) -> R {
                self.tag(b']');
                Ok(())
            }
        }
    )*};
}

sequence!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for &mut Enc<'_> {
    type Ok = ();
    type Error = EncError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, k: &T) -> R {
        k.serialize(&mut **self)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> R {
        v.serialize(&mut **self)
    }
    fn end(self) -> R {
        self.tag(b'}');
        Ok(())
    }
}

/// Structs: each field as its name, then its value, closed by `}`.
macro_rules! structure {
    ($($trait:ident),*) => {$(
        impl ser::$trait for &mut Enc<'_> {
            type Ok = ();
            type Error = EncError;
            fn serialize_field<T: ?Sized + Serialize>(&mut self, name: &'static str, v: &T) -> R {
                self.text(name);
                v.serialize(&mut **self)
            }
            fn end(self) -> R {
                self.tag(b'}');
                Ok(())
            }
        }
    )*};
}

structure!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;

    fn case(json: &str) -> Case {
        crate::parse_case(json).unwrap()
    }

    const BASE: &str = r#"{"evaluation_date": "2026-11-01", "jurisdiction": "621027",
        "purpose": "new_application", "area": "urban",
        "household": {"members": [{"key": "m1", "relation": "applicant", "birth_date": "1960-01-01"}]}}"#;

    #[test]
    fn digest_ignores_layout_and_defaults_but_not_content() {
        let a = case(BASE);
        let spaced = case(&BASE.replace(' ', "  "));
        assert_eq!(case_digest(&a), case_digest(&spaced));
        let explicit_default = case(&BASE.replace(
            r#""birth_date": "1960-01-01"}"#,
            r#""birth_date": "1960-01-01", "serious_illness": false}"#,
        ));
        assert_eq!(case_digest(&a), case_digest(&explicit_default));
        let other = case(&BASE.replace("1960-01-01", "1960-01-02"));
        assert_ne!(case_digest(&a), case_digest(&other));
        let key = case(&BASE.replace("\"m1\"", "\"m2\""));
        assert_ne!(case_digest(&a), case_digest(&key));
        assert_eq!(case_digest(&a).len(), 64);
    }

    #[test]
    fn the_encoding_is_stable() {
        // An auditor recomputes stamps from old determinations: the encoding must not drift.
        let text = include_str!("../examples/households/urban-gap.json");
        assert_eq!(
            case_digest(&case(text)),
            "1fe279cd872fd3992d04d302a0fcd4ae8cf771a3c23ddd0db380075071cf4816"
        );
    }

    #[test]
    fn field_boundaries_cannot_be_shifted() {
        // "m1" + "2" must not collide with "m" + "12": every string ends with 0xFF
        let mut buf1 = Vec::new();
        let mut e = Enc(&mut buf1);
        e.text("m1");
        e.text("2");
        let mut buf2 = Vec::new();
        let mut e = Enc(&mut buf2);
        e.text("m");
        e.text("12");
        assert_ne!(buf1, buf2);
    }
}
