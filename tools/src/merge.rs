//! Folding two tallies of the same kind into one: counts add up, maps merge key by key.
//!
//! The batch run's workers each keep a [`crate::batch::Summary`] of the lines they answered, and
//! the run folds them into one at the end ([`crate::batch::Summary::merge`]), so that the thread
//! writing the output does no per-line bookkeeping. Everything merged here is a count or a sum of
//! non-negative amounts, which do not depend on the order they were added in.

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

use rust_decimal::Decimal;

/// A tally that another of its kind can be added into.
pub(crate) trait Merge {
    /// Adds `other` into `self`.
    fn merge_in(&mut self, other: Self);
}

impl Merge for u64 {
    fn merge_in(&mut self, other: u64) {
        *self = self.saturating_add(other);
    }
}

/// Amounts saturate, as when they are added one by one (all are non-negative, so the order of
/// additions cannot change a saturated total).
impl Merge for Decimal {
    fn merge_in(&mut self, other: Decimal) {
        *self = self.saturating_add(other);
    }
}

impl<const N: usize> Merge for [u64; N] {
    fn merge_in(&mut self, other: [u64; N]) {
        for (a, b) in self.iter_mut().zip(other) {
            a.merge_in(b);
        }
    }
}

impl Merge for (u64, u64) {
    fn merge_in(&mut self, other: (u64, u64)) {
        self.0.merge_in(other.0);
        self.1.merge_in(other.1);
    }
}

impl<K: Ord, V: Merge> Merge for BTreeMap<K, V> {
    fn merge_in(&mut self, other: Self) {
        use std::collections::btree_map::Entry;
        for (k, v) in other {
            match self.entry(k) {
                Entry::Occupied(mut mine) => mine.get_mut().merge_in(v),
                Entry::Vacant(slot) => {
                    slot.insert(v);
                }
            }
        }
    }
}

impl<K: Eq + Hash, V: Merge> Merge for HashMap<K, V> {
    fn merge_in(&mut self, other: Self) {
        use std::collections::hash_map::Entry;
        for (k, v) in other {
            match self.entry(k) {
                Entry::Occupied(mut mine) => mine.get_mut().merge_in(v),
                Entry::Vacant(slot) => {
                    slot.insert(v);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_merge_key_by_key_and_amounts_saturate() {
        let mut a: BTreeMap<&str, [u64; 2]> = BTreeMap::from([("x", [1, 2])]);
        a.merge_in(BTreeMap::from([("x", [10, 20]), ("y", [3, 4])]));
        assert_eq!(a, BTreeMap::from([("x", [11, 22]), ("y", [3, 4])]));

        let mut h: HashMap<&str, u64> = HashMap::from([("r", u64::MAX)]);
        h.merge_in(HashMap::from([("r", 1), ("s", 2)]));
        assert_eq!(h, HashMap::from([("r", u64::MAX), ("s", 2)]));

        let mut d = Decimal::MAX;
        d.merge_in(Decimal::ONE);
        assert_eq!(d, Decimal::MAX);
        let mut t = (1, 2);
        t.merge_in((3, 4));
        assert_eq!(t, (4, 6));
    }
}
