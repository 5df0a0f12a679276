//! The record a decision keeps: each condition tested, typed (rule, verdict, member), and —
//! only when the caller asked for explanation — the finding written from the same values.
//!
//! A decision reads its outcome and review items from the typed conditions
//! ([`Record::outcome`]); findings are never read back to decide. With explanation off a
//! record holds no findings at all, and the closures that add their figures never run.
//!
//! May use: the case (member keys), findings and the vocabulary.

use smallvec::SmallVec;

use super::catalogue::RuleId;
use super::finding::{Draft, Finding, Verdict};
use crate::case::MemberKey;
use crate::vocab::Outcome;

/// One condition tested: the typed result a decision combines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tested<'a> {
    /// The rule applied.
    pub rule: RuleId,
    /// What it concluded.
    pub verdict: Verdict,
    /// The member concerned, `None` for the whole unit.
    pub member: Option<&'a MemberKey>,
}

/// Something a person must look at: the rule that could not decide and the member, if one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Unknown<'a> {
    /// The rule.
    pub rule: RuleId,
    /// The member concerned.
    pub member: Option<&'a MemberKey>,
}

/// The conditions of one programme's household unit, in the order tested, without members or
/// figures: what the stages after a programme read of its decision (monitoring names the first
/// failed rule when a recipient leaves), never the findings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Conditions(SmallVec<[(RuleId, Verdict); 24]>);

impl Conditions {
    /// Whether a condition of `rule` failed.
    pub fn failed(&self, rule: RuleId) -> bool {
        self.0.iter().any(|&(r, v)| r == rule && v == Verdict::Fail)
    }

    /// The first rule that failed, if any.
    pub fn first_failed(&self) -> Option<RuleId> {
        self.0
            .iter()
            .find(|&&(_, v)| v == Verdict::Fail)
            .map(|&(r, _)| r)
    }

    /// The conditions the verdicts of `findings` state (tests compare a programme's typed
    /// conditions with its findings).
    #[cfg(test)]
    pub fn from_findings(findings: &[Finding]) -> Self {
        Conditions(findings.iter().map(|f| (f.rule, f.verdict)).collect())
    }

    /// Adds the conditions `rec` recorded, in order.
    pub fn extend_from(&mut self, rec: &Record<'_>) {
        self.0
            .extend(rec.tested.iter().map(|t| (t.rule, t.verdict)));
    }
}

/// The conditions one unit was tested on, in the order applied, and their findings when
/// explanation is on.
#[derive(Clone, Debug, Default)]
pub(crate) struct Record<'a> {
    /// Held inline up to the usual unit's size: a record allocates only past it.
    tested: SmallVec<[Tested<'a>; 16]>,
    findings: Vec<Finding>,
    explain: bool,
}

impl<'a> Record<'a> {
    /// An empty record; `explain` says whether findings are written.
    pub fn new(explain: bool) -> Self {
        Record {
            tested: SmallVec::new(),
            findings: Vec::new(),
            explain,
        }
    }

    /// An empty record that explains as `self` does.
    pub fn sibling(&self) -> Self {
        Record::new(self.explain)
    }

    /// Records a condition of the whole unit. `figures` adds the finding's figures; it runs
    /// only when explanation is on.
    pub fn test(
        &mut self,
        rule: RuleId,
        verdict: Verdict,
        figures: impl FnOnce(Draft<'_>) -> Draft<'_>,
    ) {
        self.push(rule, verdict, None, figures);
    }

    /// Records a condition of one member, as [`Record::test`].
    pub fn test_member(
        &mut self,
        member: &'a MemberKey,
        rule: RuleId,
        verdict: Verdict,
        figures: impl FnOnce(Draft<'_>) -> Draft<'_>,
    ) {
        self.push(rule, verdict, Some(member), figures);
    }

    /// Records a condition of the member `member` if given, else of the whole unit.
    pub fn push(
        &mut self,
        rule: RuleId,
        verdict: Verdict,
        member: Option<&'a MemberKey>,
        figures: impl FnOnce(Draft<'_>) -> Draft<'_>,
    ) {
        self.tested.push(Tested {
            rule,
            verdict,
            member,
        });
        if self.explain
            && let Some(f) = self.open(rule, verdict, member)
        {
            figures(Draft::new(f));
        }
    }

    /// Opens the finding of a condition where it stays: a finding holds its first figures in
    /// place and is large to move, so its figures are written into it there. A function of its
    /// own, not one copy for every kind of `figures` closure.
    fn open(
        &mut self,
        rule: RuleId,
        verdict: Verdict,
        member: Option<&MemberKey>,
    ) -> Option<&mut Finding> {
        if self.findings.capacity() == 0 {
            // one allocation for the usual unit, not a series of regrowths
            self.findings.reserve(16);
        }
        let mut f = Finding::new(rule, verdict);
        f.member = member.cloned();
        self.findings.push(f);
        self.findings.last_mut()
    }

    /// Whether any condition of `rule` passed.
    pub fn passed(&self, rule: RuleId) -> bool {
        self.tested
            .iter()
            .any(|t| t.rule == rule && t.verdict == Verdict::Pass)
    }

    /// The outcome the conditions give: any failure → not eligible; otherwise any unknown →
    /// needs review; otherwise eligible.
    pub fn outcome(&self) -> Outcome {
        if self.tested.iter().any(|t| t.verdict == Verdict::Fail) {
            Outcome::NotEligible
        } else if self.tested.iter().any(|t| t.verdict == Verdict::Unknown) {
            Outcome::NeedsReview
        } else {
            Outcome::Eligible
        }
    }

    /// The conditions that could not decide, in order (what a person must review).
    pub fn unknowns(&self) -> impl Iterator<Item = Unknown<'a>> + '_ {
        self.tested
            .iter()
            .filter(|t| t.verdict == Verdict::Unknown)
            .map(|t| Unknown {
                rule: t.rule,
                member: t.member,
            })
    }

    /// Adds a finding-only change to each finding written so far from position `from` (of
    /// [`Record::len`]), when explanation is on.
    pub fn amend_from(&mut self, from: usize, mut change: impl FnMut(&mut Finding)) {
        if let Some(fs) = self.findings.get_mut(from..) {
            fs.iter_mut().for_each(&mut change);
        }
    }

    /// How many conditions are recorded.
    pub fn len(&self) -> usize {
        self.tested.len()
    }

    /// Appends everything `other` recorded.
    pub fn append(&mut self, mut other: Record<'a>) {
        self.tested.append(&mut other.tested);
        self.findings.append(&mut other.findings);
    }

    /// Appends a copy of everything `other` recorded (conditions shared by several units).
    pub fn append_copy(&mut self, other: &Record<'a>) {
        self.tested.extend_from_slice(&other.tested);
        self.findings.extend_from_slice(&other.findings);
    }

    /// The conditions recorded, without members.
    pub fn conditions(&self) -> Conditions {
        let mut c = Conditions::default();
        c.extend_from(self);
        c
    }

    /// The findings written (empty when explanation is off).
    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }

    /// Puts on `member` each condition recorded from position `from` (of [`Record::len`]) on
    /// that names no member, and its finding: for a one-member unit tested by a routine that
    /// records for the whole unit (special hardship's own assets, TK-4).
    pub fn assign_member_from(&mut self, from: usize, member: &'a MemberKey) {
        if let Some(ts) = self.tested.get_mut(from..) {
            ts.iter_mut()
                .filter(|t| t.member.is_none())
                .for_each(|t| t.member = Some(member));
        }
        self.amend_from(from, |f| {
            if f.member.is_none() {
                f.member = Some(member.clone());
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_comes_from_the_conditions_whether_or_not_findings_are_written() {
        let key = MemberKey::from("m1");
        for explain in [false, true] {
            let mut r = Record::new(explain);
            r.test(RuleId::Db1, Verdict::Pass, |f| f.number("persons", 1u64));
            r.test_member(&key, RuleId::Ast8, Verdict::Unknown, |f| f);
            assert_eq!(r.outcome(), Outcome::NeedsReview);
            let u: Vec<_> = r.unknowns().collect();
            assert_eq!(u.len(), 1);
            assert_eq!(u[0].rule, RuleId::Ast8);
            assert_eq!(u[0].member, Some(&key));
            r.test(RuleId::Ast4, Verdict::Fail, |f| f);
            assert_eq!(r.outcome(), Outcome::NotEligible);
            let c = r.conditions();
            assert!(c.failed(RuleId::Ast4) && !c.failed(RuleId::Db1));
            assert_eq!(c.first_failed(), Some(RuleId::Ast4));
            let findings = r.into_findings();
            assert_eq!(findings.len(), if explain { 3 } else { 0 });
        }
    }

    #[test]
    fn figures_are_built_only_when_explaining() {
        let mut calls = 0;
        let mut quiet = Record::new(false);
        quiet.test(RuleId::Db1, Verdict::Pass, |f| {
            calls += 1;
            f
        });
        assert_eq!(calls, 0);
        let mut loud = Record::new(true);
        loud.test(RuleId::Db1, Verdict::Pass, |f| {
            calls += 1;
            f.number("persons", 2u64)
        });
        assert_eq!(calls, 1);
        let f = loud.into_findings();
        assert_eq!(f[0].verdict, Verdict::Pass);
        assert_eq!(f[0].figures.len(), 1);
    }
}
