//! The figures of one finding.
//!
//! May use: the finding types beside it.

use std::borrow::Cow;
use std::ops::Deref;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use smallvec::SmallVec;

use super::finding::Figure;

/// How many figures a finding holds in place, without a heap allocation of its own: most rules
/// state four figures or fewer (87 % of the findings on a generated caseload).
const IN_PLACE: usize = 4;

/// The figures a rule used, in the order it added them. Reads as a slice of [`Figure`] and
/// writes as a JSON array.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures(SmallVec<[Figure; IN_PLACE]>);

impl Figures {
    /// No figures.
    pub fn new() -> Self {
        Figures(SmallVec::new())
    }

    /// Adds a figure at the end.
    pub fn push(&mut self, figure: Figure) {
        self.0.push(figure);
    }

    /// Adds a figure at `index`, or at the end when `index` is past it.
    pub fn insert(&mut self, index: usize, figure: Figure) {
        let at = index.min(self.0.len());
        self.0.insert(at, figure);
    }
}

impl Deref for Figures {
    type Target = [Figure];
    fn deref(&self) -> &[Figure] {
        &self.0
    }
}

impl<'a> IntoIterator for &'a Figures {
    type Item = &'a Figure;
    type IntoIter = std::slice::Iter<'a, Figure>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl From<Vec<Figure>> for Figures {
    fn from(v: Vec<Figure>) -> Self {
        Figures(SmallVec::from_vec(v))
    }
}

impl FromIterator<Figure> for Figures {
    fn from_iter<I: IntoIterator<Item = Figure>>(iter: I) -> Self {
        Figures(iter.into_iter().collect())
    }
}

impl Serialize for Figures {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter())
    }
}

impl<'de> Deserialize<'de> for Figures {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<Figure>::deserialize(d).map(Figures::from)
    }
}

impl JsonSchema for Figures {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        <Vec<Figure>>::schema_name()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<Figure>>::json_schema(g)
    }
}
