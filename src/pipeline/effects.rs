//! VER-EFFECT: how much each discrepancy matters, found by deciding the household with and
//! without it. The only part of verification that needs the programmes, so it belongs to the
//! orchestrator: it calls the decision stage again on the declared household and on copies with
//! some changes applied, and compares the programmes' outcomes and amounts.
//!
//! May use: the decision stage beside it, verification (the changes, `with_changes`), the programmes' results and the vocabulary.

use smallvec::SmallVec;

use super::decide::decide;
use crate::case::{Case, CaseError};
use crate::programmes::ProgrammeResult;
use crate::rules::resolve::Params;
use crate::verify::{Change, Effect, MAX_EFFECT_EVALUATIONS, with_changes};
use crate::vocab::{Outcome, Programme};

/// What a discrepancy is compared on: the outcome of each programme and of each individual
/// unit. A unit present on one side only (a member removed by a death record, or newly assessed)
/// is a change only if it is eligible there.
fn outcome_changed(a: &[ProgrammeResult], b: &[ProgrammeResult]) -> bool {
    let (ua, ub) = (outcomes(a), outcomes(b));
    let find = |list: &Outcomes<'_>, unit: &Unit<'_>| {
        list.iter().find(|(u, _)| u == unit).map(|&(_, o)| o)
    };
    let changed_from_a = ua.iter().any(|(unit, x)| match find(&ub, unit) {
        Some(y) => *x != y,
        None => *x == Outcome::Eligible,
    });
    changed_from_a
        || ub
            .iter()
            .any(|(unit, y)| *y == Outcome::Eligible && find(&ua, unit).is_none())
}

/// A unit decided: the programme, and the member for an individual unit.
type Unit<'a> = (Programme, Option<&'a str>);

/// Each unit decided once, with its outcome (a handful: held in place).
type Outcomes<'a> = SmallVec<[(Unit<'a>, Outcome); 16]>;

/// Every unit of `d` with its outcome: each programme's household, then its individual units;
/// where a unit is listed twice, the last listing counts.
fn outcomes(d: &[ProgrammeResult]) -> Outcomes<'_> {
    let mut list = Outcomes::new();
    for r in d {
        let members = r
            .individual_coverage
            .iter()
            .map(|c| ((r.programme, Some(c.member.as_str())), c.outcome));
        for (unit, outcome) in std::iter::once(((r.programme, None), r.outcome)).chain(members) {
            match list.iter_mut().find(|(u, _)| *u == unit) {
                Some(listed) => listed.1 = outcome,
                None => list.push((unit, outcome)),
            }
        }
    }
    list
}

/// Whether the programmes, their total monthly amounts or their classes differ.
fn amounts_differ(a: &[ProgrammeResult], b: &[ProgrammeResult]) -> bool {
    let amount = |r: &ProgrammeResult| (r.programme, r.total_monthly(), r.class);
    a.len() != b.len() || a.iter().zip(b).any(|(x, y)| amount(x) != amount(y))
}

/// How much a discrepancy matters between the programmes decided with (`b`) and without it
/// (`a`): decisive when an outcome changes, material when only amounts or classes do. Compares
/// in place, without building maps or names (it runs for every household with a discrepancy).
pub(super) fn compare(a: &[ProgrammeResult], b: &[ProgrammeResult]) -> Effect {
    if outcome_changed(a, b) {
        Effect::Decisive
    } else if amounts_differ(a, b) {
        Effect::Material
    } else {
        Effect::Minor
    }
}

/// The effect of each discrepancy, in discrepancy order, given the change each applies (`all`)
/// and the programmes decided on the verified household. Each applied change is weighed alone
/// on the declaration and the verified household is decided without it; the larger effect
/// counts. One change, or more than [`MAX_EFFECT_EVALUATIONS`], takes the joint effect.
pub(crate) fn effects(
    case: &Case,
    p: &Params,
    relief: Option<&Params>,
    all: &[Option<&Change>],
    verified: &[ProgrammeResult],
) -> Result<Vec<Effect>, CaseError> {
    let mut effects = vec![Effect::Minor; all.len()];
    let applied = all.iter().filter(|c| c.is_some()).count();
    if applied == 0 {
        return Ok(effects);
    }
    // Only outcomes and amounts are compared: these decisions write no findings.
    let declared = decide(case, p, relief, false)?.programmes;
    if applied == 1 || applied > MAX_EFFECT_EVALUATIONS {
        // One change: "alone" is the verified household and "without" the declared one, so the
        // joint comparison is the whole answer. Too many: each takes the joint effect.
        let joint = compare(&declared, verified);
        for (e, c) in effects.iter_mut().zip(all) {
            if c.is_some() {
                *e = joint;
            }
        }
        return Ok(effects);
    }
    for (k, ch) in all.iter().enumerate() {
        let Some(ch) = ch else {
            continue;
        };
        let alone = decide(&with_changes(case, std::iter::once(*ch)), p, relief, false)?.programmes;
        let others = all
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .filter_map(|(_, c)| *c);
        let without = decide(&with_changes(case, others), p, relief, false)?.programmes;
        if let Some(e) = effects.get_mut(k) {
            *e = compare(&declared, &alone).max(compare(verified, &without));
        }
    }
    Ok(effects)
}
