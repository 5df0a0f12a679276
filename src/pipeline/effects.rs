//! VER-EFFECT: how much each discrepancy matters, found by deciding the household with and
//! without it. The only part of verification that needs the programmes, so it belongs to the
//! orchestrator: it calls the decision stage again on the declared household and on copies with
//! some changes applied, and compares the programmes' outcomes and amounts.
//!
//! May use: the decision stage beside it, verification (the changes, `with_changes`), the programmes' results and the vocabulary.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

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
    fn units(d: &[ProgrammeResult]) -> BTreeMap<(Programme, Option<&str>), Outcome> {
        let mut m: BTreeMap<(Programme, Option<&str>), Outcome> = BTreeMap::new();
        for r in d {
            m.insert((r.programme, None), r.outcome);
            for c in &r.individual_coverage {
                m.insert((r.programme, Some(c.member.as_str())), c.outcome);
            }
        }
        m
    }
    let (ua, ub) = (units(a), units(b));
    ua.keys()
        .chain(ub.keys())
        .any(|k| match (ua.get(k), ub.get(k)) {
            (Some(x), Some(y)) => x != y,
            (Some(x), None) | (None, Some(x)) => *x == Outcome::Eligible,
            (None, None) => false,
        })
}

fn amounts(d: &[ProgrammeResult]) -> Vec<(String, Decimal, Option<&'static str>)> {
    d.iter()
        .map(|r| {
            (
                r.programme.as_str().to_owned(),
                r.total_monthly(),
                r.class.map(|c| c.as_str()),
            )
        })
        .collect()
}

fn compare(a: &[ProgrammeResult], b: &[ProgrammeResult]) -> Effect {
    if outcome_changed(a, b) {
        Effect::Decisive
    } else if amounts(a) != amounts(b) {
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
