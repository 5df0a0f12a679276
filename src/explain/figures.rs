//! The figures of one finding.
//!
//! May use: the finding types beside it.

use std::borrow::Cow;
use std::ops::Deref;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::finding::Figure;

/// How many figures a finding holds without a heap allocation; a finding with more (rare)
/// moves them to the heap.
const INLINE: usize = 8;

/// The figures a rule used, in the order it added them. Reads as a slice of [`Figure`] and
/// writes as a JSON array.
///
/// Up to eight figures are held inline, in the finding itself, so that building a finding
/// costs no heap allocation in the common case (and one that nobody keeps costs none at all).
#[derive(Clone, Debug)]
pub struct Figures(Store);

// The inline variant is large on purpose: it is what saves the allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
enum Store {
    /// The first `len` slots are figures; the rest are unused placeholders.
    Inline {
        len: u8,
        slots: [Figure; INLINE],
    },
    Heap(Vec<Figure>),
}

/// An unused inline slot: borrowed text and a zero, no allocation.
const PLACEHOLDER: Figure = Figure {
    name: Cow::Borrowed(""),
    value: super::finding::FigureValue::Number(rust_decimal::Decimal::ZERO),
};

impl Default for Figures {
    fn default() -> Self {
        Figures::new()
    }
}

impl PartialEq for Figures {
    fn eq(&self, other: &Self) -> bool {
        self[..] == other[..]
    }
}

impl Eq for Figures {}

impl Figures {
    /// No figures.
    pub const fn new() -> Self {
        Figures(Store::Inline {
            len: 0,
            slots: [PLACEHOLDER; INLINE],
        })
    }

    /// Takes the figures out as a vector (the rare path: more than fit inline).
    fn take_vec(&mut self) -> Vec<Figure> {
        match std::mem::replace(&mut self.0, Store::Heap(Vec::new())) {
            Store::Inline { len, slots } => slots.into_iter().take(usize::from(len)).collect(),
            Store::Heap(v) => v,
        }
    }

    /// Adds a figure at the end.
    pub fn push(&mut self, figure: Figure) {
        if let Store::Inline { len, slots } = &mut self.0
            && let Some(slot) = slots.get_mut(usize::from(*len))
        {
            *slot = figure;
            *len += 1;
            return;
        }
        let mut v = self.take_vec();
        v.push(figure);
        self.0 = Store::Heap(v);
    }

    /// Adds a figure at `index`, or at the end when `index` is past it.
    pub fn insert(&mut self, index: usize, figure: Figure) {
        let at = index.min(self.len());
        if let Store::Inline { len, slots } = &mut self.0
            && usize::from(*len) < INLINE
            && let Some(tail) = slots.get_mut(at..=usize::from(*len))
        {
            tail.rotate_right(1);
            if let Some(first) = tail.first_mut() {
                *first = figure;
            }
            *len += 1;
            return;
        }
        let mut v = self.take_vec();
        v.insert(at.min(v.len()), figure);
        self.0 = Store::Heap(v);
    }
}

impl Deref for Figures {
    type Target = [Figure];
    fn deref(&self) -> &[Figure] {
        match &self.0 {
            Store::Inline { len, slots } => slots.get(..usize::from(*len)).unwrap_or_default(),
            Store::Heap(v) => v,
        }
    }
}

impl<'a> IntoIterator for &'a Figures {
    type Item = &'a Figure;
    type IntoIter = std::slice::Iter<'a, Figure>;
    fn into_iter(self) -> Self::IntoIter {
        self[..].iter()
    }
}

impl From<Vec<Figure>> for Figures {
    fn from(v: Vec<Figure>) -> Self {
        v.into_iter().collect()
    }
}

impl FromIterator<Figure> for Figures {
    fn from_iter<I: IntoIterator<Item = Figure>>(iter: I) -> Self {
        let mut f = Figures::new();
        for figure in iter {
            f.push(figure);
        }
        f
    }
}

impl Serialize for Figures {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::FigureValue;

    fn fig(i: u32) -> Figure {
        Figure {
            name: Cow::Borrowed("n"),
            value: FigureValue::Number(i.into()),
        }
    }

    #[test]
    fn figures_keep_their_order_inline_and_past_the_inline_room() {
        let mut f = Figures::new();
        for i in 0..12 {
            f.push(fig(i));
        }
        f.insert(0, fig(100));
        f.insert(99, fig(101));
        let got: Vec<_> = f.iter().map(|x| x.value.clone()).collect();
        let mut want: Vec<_> = (0..12).map(|i| FigureValue::Number(i.into())).collect();
        want.insert(0, FigureValue::Number(100.into()));
        want.push(FigureValue::Number(101.into()));
        assert_eq!(got, want);

        let mut g = Figures::new();
        g.push(fig(1));
        g.push(fig(3));
        g.insert(1, fig(2));
        assert_eq!(g.len(), 3);
        assert_eq!(g[1].value, FigureValue::Number(2.into()));
        assert_eq!(g, [fig(1), fig(2), fig(3)].into_iter().collect::<Figures>());
    }
}
