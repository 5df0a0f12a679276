//! A compact JSON writer for the answer: the same bytes as `serde_json::to_string`, written into
//! one `String` with a string escaper that skips eight plain bytes at a time.
//!
//! The answer is mostly text (sentences, sources, names), and serde_json's escaper looks at every
//! byte on its own; that scan was the largest single cost of writing an answer. Escapes are those
//! of serde_json: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other control characters as `\u00xx`
//! (lower-case hex), everything else as it is. Money, shares and counts are decimals written as
//! text; a binary floating-point number has no place in an answer and is refused.

use std::fmt::{self, Display, Write as _};

use serde::ser::{self, Serialize};

/// The writer: a `serde::Serializer` into a `String`.
pub(crate) struct Out {
    text: String,
    /// Set while a [`Raw`] fragment is written: its text goes out as it is.
    raw: bool,
}

/// The newtype name that marks a [`Raw`] fragment to this writer.
const RAW: &str = "$jiuzhu::json::raw";

/// JSON text already written by this writer, put into the output as it is (used for the
/// parameter entries, which are the same for every answer made for one division and date).
/// Only this writer knows the mark; the type is private to the answer path and never meets
/// another serializer.
pub(crate) struct Raw<'a>(pub(crate) &'a str);

impl Serialize for Raw<'_> {
    fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(RAW, self.0)
    }
}

/// Why the answer could not be written (a map key that is not a string, or a failing
/// `Display`).
#[derive(Debug)]
pub(crate) struct OutError(String);

impl Display for OutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OutError {}

impl ser::Error for OutError {
    fn custom<T: Display>(msg: T) -> Self {
        OutError(msg.to_string())
    }
}

type R = Result<(), OutError>;

/// Writes `value` as compact JSON.
pub(crate) fn to_string<T: Serialize + ?Sized>(
    value: &T,
    capacity: usize,
) -> Result<String, OutError> {
    let mut out = Out {
        text: String::with_capacity(capacity),
        raw: false,
    };
    value.serialize(&mut out)?;
    Ok(out.text)
}

/// Non-zero when any of the eight bytes of `v` must be escaped: a control character, `"` or
/// `\`. (Each test is exact as to whether some byte matches, though not as to which.)
fn escape_mask(v: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x;
    let below_space = v.wrapping_sub(ONES * 0x20) & !v;
    (below_space
        | zero_byte(v ^ (ONES * u64::from(b'"')))
        | zero_byte(v ^ (ONES * u64::from(b'\\'))))
        & HIGH
}

/// Appends the JSON escape of one byte that needs one.
fn escape_byte(out: &mut String, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match b {
        b'"' => "\\\"",
        b'\\' => "\\\\",
        0x08 => "\\b",
        0x0c => "\\f",
        b'\n' => "\\n",
        b'\r' => "\\r",
        b'\t' => "\\t",
        0..=0x1f => {
            out.push_str("\\u00");
            for nibble in [b >> 4, b & 0xf] {
                out.push(char::from(
                    HEX.get(usize::from(nibble)).copied().unwrap_or(b'0'),
                ));
            }
            return;
        }
        _ => return,
    };
    out.push_str(short);
}

/// Whether any byte of `bytes` needs an escape, looked at eight bytes at a time (the last
/// word overlapping the one before); a string shorter than a word byte by byte.
fn needs_any_escape(bytes: &[u8]) -> bool {
    // a word that cannot be read counts as needing escapes (all zero bytes), so the careful
    // path runs; it never happens, since every read is within `bytes`
    let word = |w: &[u8]| <[u8; 8]>::try_from(w).map_or(0, u64::from_le_bytes);
    let half = |h: &[u8]| <[u8; 4]>::try_from(h).map_or(0, |h| u64::from(u32::from_le_bytes(h)));
    let n = bytes.len();
    if n < 8 {
        if n < 4 {
            return bytes.iter().any(|&b| b == b'"' || b == b'\\' || b < 0x20);
        }
        // two halves, overlapping when shorter than eight bytes
        let first = half(bytes.get(..4).unwrap_or_default());
        let last = half(bytes.get(n - 4..).unwrap_or_default());
        return escape_mask(first | last << 32) != 0;
    }
    let mut words = bytes.chunks_exact(8);
    let mut mask = 0;
    for w in &mut words {
        mask |= escape_mask(word(w));
    }
    if !words.remainder().is_empty() {
        mask |= escape_mask(word(bytes.get(n - 8..).unwrap_or_default()));
    }
    mask != 0
}

/// Appends the contents of a JSON string for `s` (without the quotes).
#[inline]
fn escape_into(out: &mut String, s: &str) {
    if needs_any_escape(s.as_bytes()) {
        escape_slowly(out, s);
    } else {
        out.push_str(s);
    }
}

/// Appends the contents of a JSON string for `s`, which has bytes to escape.
#[cold]
#[inline(never)]
fn escape_slowly(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b == b'"' || b == b'\\' || b < 0x20 {
            // an ASCII byte, so `start..i` ends on a character boundary
            out.push_str(s.get(start..i).unwrap_or_default());
            escape_byte(out, b);
            start = i + 1;
        }
    }
    out.push_str(s.get(start..).unwrap_or_default());
}

impl Out {
    fn string(&mut self, s: &str) {
        self.text.push('"');
        escape_into(&mut self.text, s);
        self.text.push('"');
    }

    /// A string known to need no escaping, between quotes.
    #[inline(always)]
    fn plain_string(&mut self, s: &str) {
        debug_assert!(!needs_any_escape(s.as_bytes()), "plain text {s:?}");
        self.text.push('"');
        self.text.push_str(s);
        self.text.push('"');
    }

    fn integer(&mut self, v: impl Display) -> R {
        write!(self.text, "{v}").map_err(|_| OutError("integer".to_owned()))
    }

    fn open(&mut self, bracket: char, len: Option<usize>) -> Compound<'_> {
        self.text.push(bracket);
        Compound {
            out: self,
            first: true,
            close: if bracket == '[' { "]" } else { "}" },
            _len: len,
        }
    }

    /// `{"variant":` before the contents of a variant with data.
    fn variant_key(&mut self, variant: &str) {
        self.text.push('{');
        self.string(variant);
        self.text.push(':');
    }

    /// A variant with several fields: its key, then the contents, closed by `]}` or `}}`.
    fn open_variant(&mut self, variant: &str, bracket: char, len: usize) -> Compound<'_> {
        self.variant_key(variant);
        let mut c = self.open(bracket, Some(len));
        c.close = if bracket == '[' { "]}" } else { "}}" };
        c
    }
}

/// An array or object being written; closes with `]`/`}` (and `}` for a variant's wrapper).
pub(crate) struct Compound<'a> {
    out: &'a mut Out,
    first: bool,
    close: &'static str,
    _len: Option<usize>,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.out.text.push(',');
        }
        self.first = false;
    }

    /// A struct field. Its name is a `&'static str` from the program (a Rust field name or a
    /// serde rename in this crate, all plain ASCII identifiers), never from data, so it is
    /// written without the escape scan; debug builds check that once more.
    #[inline(always)]
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> R {
        debug_assert!(!needs_any_escape(key.as_bytes()), "field name {key:?}");
        self.comma();
        let text = &mut self.out.text;
        text.push('"');
        text.push_str(key);
        text.push_str("\":");
        value.serialize(&mut *self.out)
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
        self.comma();
        value.serialize(&mut *self.out)
    }

    fn close(self) -> R {
        self.out.text.push_str(self.close);
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Out {
    type Ok = ();
    type Error = OutError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> R {
        self.text.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> R {
        self.integer(v)
    }
    fn serialize_i16(self, v: i16) -> R {
        self.integer(v)
    }
    fn serialize_i32(self, v: i32) -> R {
        self.integer(v)
    }
    fn serialize_i64(self, v: i64) -> R {
        self.integer(v)
    }
    fn serialize_i128(self, v: i128) -> R {
        self.integer(v)
    }
    fn serialize_u8(self, v: u8) -> R {
        self.integer(v)
    }
    fn serialize_u16(self, v: u16) -> R {
        self.integer(v)
    }
    fn serialize_u32(self, v: u32) -> R {
        self.integer(v)
    }
    fn serialize_u64(self, v: u64) -> R {
        self.integer(v)
    }
    fn serialize_u128(self, v: u128) -> R {
        self.integer(v)
    }
    // serde requires these two; an answer holds decimals only, so a float is an error.
    fn serialize_f32(self, _: f32) -> R {
        Err(no_float())
    }
    fn serialize_f64(self, _: f64) -> R {
        Err(no_float())
    }
    fn serialize_char(self, v: char) -> R {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> R {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> R {
        let mut seq = self.open('[', Some(v.len()));
        for b in v {
            seq.element(b)?;
        }
        seq.close()
    }
    fn serialize_none(self) -> R {
        self.text.push_str("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        self.serialize_none()
    }
    #[inline(always)]
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        // A variant name is a `&'static str` from the program (a Rust variant name or a serde
        // rename in this crate, plain ASCII identifiers), as a struct field name is: written
        // without the scan, checked once more in debug builds.
        self.plain_string(variant);
        Ok(())
    }
    // inlined, so that the name is a constant where it is compared
    #[inline(always)]
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, v: &T) -> R {
        if name == RAW {
            self.raw = true;
            let written = v.serialize(MapKey(&mut *self));
            self.raw = false;
            written
        } else {
            v.serialize(self)
        }
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> R {
        self.variant_key(variant);
        v.serialize(&mut *self)?;
        self.text.push('}');
        Ok(())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a>, OutError> {
        Ok(self.open('[', len))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, OutError> {
        Ok(self.open('[', Some(len)))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, OutError> {
        Ok(self.open('[', Some(len)))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, OutError> {
        Ok(self.open_variant(variant, '[', len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a>, OutError> {
        Ok(self.open('{', len))
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, OutError> {
        Ok(self.open('{', Some(len)))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, OutError> {
        Ok(self.open_variant(variant, '{', len))
    }
    fn collect_str<T: Display + ?Sized>(self, v: &T) -> R {
        // The text is written as it is and then looked at once as a whole: a sentence comes in
        // many small pieces, and escaping each on its own cost more than the writing. Text
        // needing escapes (rare) is taken back out and written again, escaped.
        self.text.push('"');
        let start = self.text.len();
        write!(self.text, "{v}").map_err(|_| OutError("display".to_owned()))?;
        let written = self.text.as_bytes().get(start..).unwrap_or_default();
        if needs_any_escape(written) {
            let raw = self.text.split_off(start);
            escape_slowly(&mut self.text, &raw);
        }
        self.text.push('"');
        Ok(())
    }
}

macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = OutError;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
                self.element(v)
            }
            fn end(self) -> R {
                self.close()
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = OutError;
            #[inline(always)]
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> R {
                self.field(key, v)
            }
            fn end(self) -> R {
                self.close()
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = OutError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> R {
        self.comma();
        key.serialize(MapKey(&mut *self.out))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        self.out.text.push(':');
        v.serialize(&mut *self.out)
    }
    fn end(self) -> R {
        self.close()
    }
}

/// A map key: a string, or a number or `bool` written as a string, as serde_json allows.
struct MapKey<'a>(&'a mut Out);

impl MapKey<'_> {
    fn quoted(self, v: impl Display) -> R {
        self.0.text.push('"');
        self.0.integer(v)?;
        self.0.text.push('"');
        Ok(())
    }
}

fn no_float() -> OutError {
    OutError("binary floating point is not written: amounts are decimals".to_owned())
}

fn not_a_key() -> OutError {
    OutError("key must be a string".to_owned())
}

impl ser::Serializer for MapKey<'_> {
    type Ok = ();
    type Error = OutError;
    type SerializeSeq = ser::Impossible<(), OutError>;
    type SerializeTuple = ser::Impossible<(), OutError>;
    type SerializeTupleStruct = ser::Impossible<(), OutError>;
    type SerializeTupleVariant = ser::Impossible<(), OutError>;
    type SerializeMap = ser::Impossible<(), OutError>;
    type SerializeStruct = ser::Impossible<(), OutError>;
    type SerializeStructVariant = ser::Impossible<(), OutError>;

    fn serialize_str(self, v: &str) -> R {
        if self.0.raw {
            self.0.text.push_str(v);
        } else {
            self.0.string(v);
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> R {
        self.0.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        self.0.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn collect_str<T: Display + ?Sized>(self, v: &T) -> R {
        self.0.collect_str(v)
    }
    fn serialize_bool(self, v: bool) -> R {
        self.quoted(v)
    }
    fn serialize_i8(self, v: i8) -> R {
        self.quoted(v)
    }
    fn serialize_i16(self, v: i16) -> R {
        self.quoted(v)
    }
    fn serialize_i32(self, v: i32) -> R {
        self.quoted(v)
    }
    fn serialize_i64(self, v: i64) -> R {
        self.quoted(v)
    }
    fn serialize_i128(self, v: i128) -> R {
        self.quoted(v)
    }
    fn serialize_u8(self, v: u8) -> R {
        self.quoted(v)
    }
    fn serialize_u16(self, v: u16) -> R {
        self.quoted(v)
    }
    fn serialize_u32(self, v: u32) -> R {
        self.quoted(v)
    }
    fn serialize_u64(self, v: u64) -> R {
        self.quoted(v)
    }
    fn serialize_u128(self, v: u128) -> R {
        self.quoted(v)
    }
    // required by serde; no key is a float
    fn serialize_f32(self, _: f32) -> R {
        Err(not_a_key())
    }
    fn serialize_f64(self, _: f64) -> R {
        Err(not_a_key())
    }
    fn serialize_bytes(self, _: &[u8]) -> R {
        Err(not_a_key())
    }
    fn serialize_none(self) -> R {
        Err(not_a_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> R {
        Err(not_a_key())
    }
    fn serialize_unit(self) -> R {
        Err(not_a_key())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Err(not_a_key())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> R {
        Err(not_a_key())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, OutError> {
        Err(not_a_key())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, OutError> {
        Err(not_a_key())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, OutError> {
        Err(not_a_key())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, OutError> {
        Err(not_a_key())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, OutError> {
        Err(not_a_key())
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, OutError> {
        Err(not_a_key())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, OutError> {
        Err(not_a_key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    fn same<T: Serialize + ?Sized>(v: &T) {
        assert_eq!(to_string(v, 0).unwrap(), serde_json::to_string(v).unwrap());
    }

    #[test]
    fn binary_floating_point_is_refused() {
        assert!(to_string(&serde_json::json!({ "amount": 0.5 }), 0).is_err());
    }

    #[test]
    fn shapes_match_serde_json() {
        #[derive(Serialize)]
        enum E {
            Unit,
            New(u8),
            Tuple(i32, bool),
            Struct { a: Option<u8>, b: () },
        }
        #[derive(Serialize)]
        #[serde(tag = "kind")]
        enum Tagged {
            A { x: i64 },
        }
        same(&(
            E::Unit,
            E::New(3),
            E::Tuple(-4, true),
            E::Struct { a: None, b: () },
        ));
        same(&Tagged::A { x: -15 });
        same(&vec![Vec::<u8>::new(), vec![1, 2]]);
        same(&BTreeMap::from([(1u32, "a"), (2, "b")]));
        same(&BTreeMap::from([(true, 'x')]));
        same(&(u128::MAX, i128::MIN));
        same(serde_bytes_like(&[0, 255]));
    }

    fn serde_bytes_like(b: &[u8]) -> &[u8] {
        b
    }

    /// Text shown in pieces, serialised through `collect_str`.
    struct Pieces<'a>(&'a [&'a str]);

    impl Display for Pieces<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.iter().try_for_each(|p| f.write_str(p))
        }
    }

    impl Serialize for Pieces<'_> {
        fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(self)
        }
    }

    proptest! {
        #[test]
        fn strings_escape_as_serde_json(s in any::<String>(), t in "[\"\\\\\u{0}-\u{1f}a-z中]{0,40}") {
            same(&s);
            same(&t);
            same(&Pieces(&[&s, &t, "plain"]));
            same(&Pieces(&["plain", &t]));
            same(&BTreeMap::from([(s.clone(), t.clone())]));
        }
    }
}
