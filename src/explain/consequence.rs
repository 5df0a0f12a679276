//! Which failing rules are consequences of others rather than reasons of their own.
//!
//! A report that counts why households were refused counts primary reasons only: HH-7 ("no
//! partial coverage") fails for every household that fails the dibao tests, and the individual
//! routes (HH-5, HH-6) fail whenever the household does not qualify as a whole, so counting them
//! would put a consequence at the top of every denial table. The declaration lives here, once,
//! beside the catalogue, so that every report reads the same list.
//!
//! May use: the catalogue.

use super::catalogue::RuleId;

impl RuleId {
    /// The rules this one's failure follows from, when it is a consequence rather than a reason:
    /// `None` for a primary rule; `Some(&[])` for a rule that only ever fails because the
    /// household failed another test (HH-5, HH-6, HH-7); otherwise the rules whose failure makes
    /// this one's failure a consequence (RIG-3 when RIG-2 counted no expenditure; TK-1 when one
    /// of its conditions, TK-2 to TK-5, failed).
    pub const fn follows_from(self) -> Option<&'static [RuleId]> {
        match self {
            RuleId::Hh5 | RuleId::Hh6 | RuleId::Hh7 => Some(&[]),
            RuleId::Rig3 => Some(&[RuleId::Rig2]),
            RuleId::Tk1 => Some(&[RuleId::Tk2, RuleId::Tk3, RuleId::Tk4, RuleId::Tk5]),
            _ => None,
        }
    }

    /// Whether this rule's failure is a consequence, given every rule that failed alongside it
    /// in the same programme result.
    ///
    /// ```
    /// use jiuzhu::RuleId;
    /// assert!(RuleId::Hh7.is_consequence(&[RuleId::Db1, RuleId::Hh7]));
    /// assert!(!RuleId::Db1.is_consequence(&[RuleId::Db1, RuleId::Hh7]));
    /// assert!(RuleId::Rig3.is_consequence(&[RuleId::Rig2, RuleId::Rig3]));
    /// assert!(!RuleId::Rig3.is_consequence(&[RuleId::Rig3]));
    /// ```
    pub fn is_consequence(self, failed: &[RuleId]) -> bool {
        match self.follows_from() {
            None => false,
            Some([]) => true,
            Some(causes) => causes.iter().any(|c| failed.contains(c)),
        }
    }
}
