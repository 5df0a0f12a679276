//! Member keys: the caller's opaque name for a person, shared rather than copied.
//!
//! May use: nothing of the crate (a leaf of the case layer).

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The caller's opaque key for a member or supporter, e.g. `m1` or `hh42:p3`.
///
/// Keys are never names or ID numbers: validation accepts only 1–64 characters of
/// `A–Z a–z 0–9 . _ : -`. A key is read once from the case and then shared by every finding that
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

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(g)
    }
}
