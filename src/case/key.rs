//! Member keys: the caller's opaque name for a person, shared rather than copied.
//!
//! May use: nothing of the crate (a leaf of the case layer).

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The caller's opaque key for a member or supporter, e.g. `m1` or `p3-b`.
///
/// Keys are never names, ID numbers or phone numbers: validation accepts only keys of the one
/// pattern [`MemberKey::PATTERN`] — a lower-case letter, then at most 15 lower-case letters,
/// digits, `_` or `-`, with never more than 3 digits in a row — so that an 18-digit ID number,
/// an 11-digit phone number or a capitalised name cannot be a key (see [`MemberKey::is_valid`]). A key is read once from the case and then shared by every finding that
/// names the member, so cloning one costs a reference count, not a copy. It reads and writes as
/// a plain JSON string and compares equal to the `&str` it holds.
///
/// ```
/// use jiuzhu::MemberKey;
/// let k = MemberKey::from("m1");
/// assert_eq!(k, "m1");
/// assert_eq!(k.as_str(), "m1");
/// assert_eq!(format!("member {k}"), "member m1");
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MemberKey(Arc<str>);

impl MemberKey {
    /// The pattern every member and supporter key must match (the schemas state it together
    /// with the digit rule as [`MemberKey::SCHEMA_PATTERN`]), with
    /// the further rule that no more than [`MemberKey::MAX_DIGIT_RUN`] digits stand in a row.
    pub const PATTERN: &'static str = "^[a-z][a-z0-9_-]{0,15}$";

    /// [`MemberKey::PATTERN`] and the digit-run rule in one regular expression without
    /// look-ahead, as the JSON Schemas state it (with `maxLength` 16): a lower-case letter, then
    /// runs of at most 3 digits each followed by a letter, `_` or `-`, then at most 3 digits.
    pub const SCHEMA_PATTERN: &'static str = "^[a-z]([0-9]{0,3}[a-z_-])*[0-9]{0,3}$";

    /// The most digits a key may hold in a row.
    pub const MAX_DIGIT_RUN: usize = 3;

    /// Whether `key` is a valid key: [`MemberKey::PATTERN`] with at most
    /// [`MemberKey::MAX_DIGIT_RUN`] digits in a row.
    ///
    /// ```
    /// use jiuzhu::MemberKey;
    /// assert!(MemberKey::is_valid("m1") && MemberKey::is_valid("hh42-p3"));
    /// assert!(!MemberKey::is_valid("110101199001011234"));
    /// assert!(!MemberKey::is_valid("ZhangSan-13800138000"));
    /// assert!(!MemberKey::is_valid("m1234"));
    /// ```
    pub fn is_valid(key: &str) -> bool {
        let b = key.as_bytes();
        let mut run = 0usize;
        (1..=16).contains(&b.len())
            && b.first().is_some_and(u8::is_ascii_lowercase)
            && b.iter().all(|&c| {
                run = if c.is_ascii_digit() {
                    run.saturating_add(1)
                } else {
                    0
                };
                run <= Self::MAX_DIGIT_RUN
                    && (c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_' || c == b'-')
            })
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for MemberKey {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for MemberKey {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for MemberKey {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for MemberKey {
    fn from(s: &str) -> Self {
        MemberKey(Arc::from(s))
    }
}

impl From<String> for MemberKey {
    fn from(s: String) -> Self {
        MemberKey(Arc::from(s))
    }
}

impl PartialEq<&MemberKey> for MemberKey {
    fn eq(&self, other: &&MemberKey) -> bool {
        self.0 == other.0
    }
}

impl PartialEq<str> for MemberKey {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for MemberKey {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for MemberKey {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<MemberKey> for str {
    fn eq(&self, other: &MemberKey) -> bool {
        *self == *other.0
    }
}

impl PartialEq<MemberKey> for &str {
    fn eq(&self, other: &MemberKey) -> bool {
        **self == *other.0
    }
}

impl PartialEq<MemberKey> for String {
    fn eq(&self, other: &MemberKey) -> bool {
        **self == *other.0
    }
}

impl fmt::Display for MemberKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Shown as written: a key is opaque by contract, so `Debug` output holds no personal data.
impl fmt::Debug for MemberKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for MemberKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for MemberKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = MemberKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<MemberKey, E> {
                Ok(MemberKey::from(v))
            }
        }
        d.deserialize_str(V)
    }
}

impl JsonSchema for MemberKey {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "String".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "minLength": 1,
            "maxLength": 16,
            "pattern": MemberKey::SCHEMA_PATTERN
        })
    }
}
