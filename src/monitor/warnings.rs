//! The warning signals (MON-RED-…, MON-ORANGE-…, MON-YELLOW-…, MON-BLUE-…): each rule raises
//! its colour, level and deadline through the parameter `warning_table`. Uses the monitoring
//! inputs, the case, the record and parameters.

use std::borrow::Cow;

use chrono::Months;
use rust_decimal::Decimal;

use super::{Colour, Decided, Level, Monitoring, Warning, review_months};
use crate::case::{Case, CaseError, EventKind, EvidenceFact, MonitoringStatus, Purpose};
use crate::explain::{Record, RuleId, Verdict};
use crate::money::{Exact, Yuan};
use crate::rules::resolve::Params;
use crate::rules::{ParamId, ParamValue};
use crate::verify::Effect;
use crate::vocab::{Outcome, Programme};

/// One row of the warning table.
#[derive(Clone, Copy)]
struct Route {
    colour: Colour,
    level: Level,
    days: u32,
}

/// The warning table, read once per resolution of the parameters.
fn table(p: &Params) -> Result<&[(RuleId, Route)], CaseError> {
    p.parsed(ParamId::WarningTable, parse_table)
        .map(Vec::as_slice)
}

fn parse_table(value: &ParamValue) -> Result<Vec<(RuleId, Route)>, CaseError> {
    let bad = |problem| CaseError::BadParameter {
        param: ParamId::WarningTable.name(),
        problem,
    };
    let ParamValue::List(list) = value else {
        return Err(bad("not a list"));
    };
    let mut out = Vec::with_capacity(list.len());
    for e in list.iter() {
        let mut parts = e.split(':');
        let (Some(rule), Some(colour), Some(level), Some(days), None) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return Err(bad("entries must read RULE:colour:level:days"));
        };
        let rule = RuleId::from_id(rule)
            .filter(|r| r.id().starts_with("MON-"))
            .ok_or(bad("unknown warning rule"))?;
        let colour =
            Colour::parse(colour).ok_or(bad("colour must be red, orange, yellow or blue"))?;
        let level = Level::parse(level).ok_or(bad("level must be village, township or county"))?;
        let days = days
            .parse::<u32>()
            .map_err(|_| bad("deadline must be a whole number of days"))?;
        out.push((
            rule,
            Route {
                colour,
                level,
                days,
            },
        ));
    }
    Ok(out)
}

/// Raises the warnings on `m`, recording each rule's condition on `rec`.
pub(super) fn warnings<'a>(
    case: &'a Case,
    verified: &Case,
    det: &Decided<'_>,
    p: &Params,
    situation: Option<(u32, &'static str)>,
    (m, rec): (&mut Monitoring, &mut Record<'a>),
) -> Result<(), CaseError> {
    let w = Warnings {
        routes: table(p)?,
        enrolled: case.enrolment.as_ref().map(|e| e.programme),
    };
    w.missed(case, det, p, m, rec)?;
    w.sudden(case, det, m, rec);
    w.discrepancies(case, det, m, rec);
    w.near(det, p, m, rec)?;
    w.overdue(case, verified, det, p, situation, (m, rec))
}

/// The warning rules, each raising its colour through the warning table.
struct Warnings<'t> {
    routes: &'t [(RuleId, Route)],
    enrolled: Option<Programme>,
}

impl Warnings<'_> {
    fn route(&self, rule: RuleId) -> Option<Route> {
        self.routes
            .iter()
            .find(|(r, _)| *r == rule)
            .map(|(_, x)| *x)
    }

    /// Whether the table routes the rule at all (a rule left out raises nothing).
    fn on(&self, rule: RuleId) -> bool {
        self.route(rule).is_some()
    }

    fn raise(
        &self,
        m: &mut Monitoring,
        rule: RuleId,
        reason: &'static str,
        programme: Option<Programme>,
    ) {
        if let Some(x) = self.route(rule) {
            m.warnings.push(Warning {
                colour: x.colour,
                rule,
                level: x.level,
                deadline_days: x.days,
                reason: Cow::Borrowed(reason),
                programme,
            });
        }
    }

    /// MON-RED-MISSED (any listed programme) and MON-ORANGE-RELIEF (a listed relief programme):
    /// eligible but not enrolled in it.
    fn missed(
        &self,
        case: &Case,
        det: &Decided<'_>,
        p: &Params,
        m: &mut Monitoring,
        rec: &mut Record<'_>,
    ) -> Result<(), CaseError> {
        for (rule, listed, reason) in [
            (
                RuleId::MonRedMissed,
                ParamId::WarningRedProgrammes,
                "eligible_not_enrolled",
            ),
            (
                RuleId::MonOrangeRelief,
                ParamId::WarningOrangeProgrammes,
                "eligible_for_relief_not_receiving",
            ),
        ] {
            if !self.on(rule) || case.purpose == Purpose::NewApplication {
                continue;
            }
            let listed = p.list(listed)?;
            let missed = det.programmes.iter().find(|r| {
                listed.iter().any(|c| c == r.programme.as_str())
                    && r.reaches(Outcome::Eligible)
                    && self.enrolled != Some(r.programme)
            });
            match missed {
                Some(r) => {
                    rec.test(rule, Verdict::Fail, |f| {
                        f.code("programme", r.programme.as_str())
                    });
                    self.raise(m, rule, reason, Some(r.programme));
                }
                None => rec.test(rule, Verdict::Pass, |f| f),
            }
        }
        Ok(())
    }

    /// MON-RED-SUDDEN: a member in sudden severe difficulty (return-to-poverty monitoring) or a
    /// sudden event reported for the household (fire, accident, sudden illness, disaster…), and
    /// the household neither receives nor qualifies for anything.
    fn sudden<'a>(
        &self,
        case: &'a Case,
        det: &Decided<'_>,
        m: &mut Monitoring,
        rec: &mut Record<'a>,
    ) {
        let record = case.evidence.iter().find(|r| {
            matches!(
                r.fact,
                EvidenceFact::ReturnToPovertyMonitoring {
                    status: MonitoringStatus::SuddenSevereDifficulty
                }
            )
        });
        let event = case
            .household
            .events
            .iter()
            .find(|e| e.kind != EventKind::EssentialExpenditure);
        if !self.on(RuleId::MonRedSudden) || (record.is_none() && event.is_none()) {
            return;
        }
        let assisted =
            self.enrolled.is_some() || det.programmes.iter().any(|r| r.reaches(Outcome::Eligible));
        let verdict = Verdict::pass_if(assisted);
        rec.push(
            RuleId::MonRedSudden,
            verdict,
            record.map(|r| &r.member),
            |f| {
                let f = f.code("assisted", if assisted { "yes" } else { "no" });
                match (record, event) {
                    (Some(r), _) => f
                        .code("trigger", "monitoring_record")
                        .date("record_date", r.date),
                    (None, Some(e)) => f
                        .code("trigger", e.kind.as_str())
                        .date("record_date", e.date),
                    (None, None) => f,
                }
            },
        );
        if !assisted {
            self.raise(
                m,
                RuleId::MonRedSudden,
                "sudden_difficulty_no_assistance",
                None,
            );
        }
    }

    /// MON-ORANGE-DECISIVE, MON-YELLOW-MATERIAL, MON-BLUE-MINOR: discrepancies by effect.
    fn discrepancies(
        &self,
        case: &Case,
        det: &Decided<'_>,
        m: &mut Monitoring,
        rec: &mut Record<'_>,
    ) {
        if case.evidence.is_empty() {
            return;
        }
        let discrepancies = &det.verification.discrepancies;
        let count = |e: Effect| discrepancies.iter().filter(|d| d.effect == e).count() as u64;
        let (decisive, material, minor) = (
            count(Effect::Decisive),
            count(Effect::Material),
            count(Effect::Minor),
        );
        for (rule, n, reason, colour_ok) in [
            (
                RuleId::MonOrangeDecisive,
                decisive,
                "decisive_discrepancy",
                decisive > 0,
            ),
            (
                RuleId::MonYellowMaterial,
                material,
                "material_discrepancy",
                material > 0,
            ),
            (
                RuleId::MonBlueMinor,
                minor,
                "minor_discrepancies_only",
                minor > 0 && decisive == 0 && material == 0,
            ),
        ] {
            if !self.on(rule) {
                continue;
            }
            let verdict = Verdict::fail_if(colour_ok);
            rec.test(rule, verdict, |f| f.number("discrepancies", n));
            if colour_ok {
                self.raise(m, rule, reason, None);
            }
        }
    }

    /// MON-YELLOW-NEAR: income per head within a share of the dibao standard or the marginal
    /// line.
    fn near(
        &self,
        det: &Decided<'_>,
        p: &Params,
        m: &mut Monitoring,
        rec: &mut Record<'_>,
    ) -> Result<(), CaseError> {
        if !self.on(RuleId::MonYellowNear) {
            return Ok(());
        }
        let Some(pci) = det.accounts.per_capita_income.map(Yuan::value) else {
            return Ok(());
        };
        let share = p.decimal_in(ParamId::WarningNearThresholdShare, Decimal::ONE)?;
        let mut thresholds = vec![("dibao_standard", det.accounts.standard.value())];
        if let Some(line) = det.marginal_line {
            thresholds.push(("marginal_line", line));
        }
        let mut near = None;
        for (name, t) in thresholds {
            let band = t.mul(share, "warning band")?;
            let distance = pci.saturating_sub(t).abs();
            if distance <= band && near.is_none() {
                near = Some((name, t, distance));
            }
        }
        match near {
            Some((name, t, distance)) => {
                rec.test(RuleId::MonYellowNear, Verdict::Fail, |f| {
                    f.code("threshold_name", name)
                        .yuan("threshold", t)
                        .yuan("per_capita_income", pci)
                        .ratio("share", share)
                        .distance(distance)
                });
                self.raise(m, RuleId::MonYellowNear, "income_near_threshold", None);
            }
            None => rec.test(RuleId::MonYellowNear, Verdict::Pass, |f| {
                f.yuan("per_capita_income", pci).ratio("share", share)
            }),
        }
        Ok(())
    }

    /// MON-YELLOW-OVERDUE: the last review (or the start) plus the review interval lies before
    /// the evaluation date.
    fn overdue(
        &self,
        case: &Case,
        verified: &Case,
        det: &Decided<'_>,
        p: &Params,
        situation: Option<(u32, &'static str)>,
        (m, rec): (&mut Monitoring, &mut Record<'_>),
    ) -> Result<(), CaseError> {
        if !self.on(RuleId::MonYellowOverdue) {
            return Ok(());
        }
        let Some(en) = &case.enrolment else {
            return Ok(());
        };
        let (months, _) = match situation {
            Some(s) => s,
            None => review_months(verified, det, en.programme, p)?,
        };
        let last = en.last_review.unwrap_or(en.since);
        if let Some(due) = last.checked_add_months(Months::new(months)) {
            let overdue = due < case.evaluation_date;
            let verdict = Verdict::fail_if(overdue);
            rec.test(RuleId::MonYellowOverdue, verdict, |f| {
                f.date("last_review", last)
                    .number("months", months)
                    .date("due", due)
            });
            if overdue {
                self.raise(
                    m,
                    RuleId::MonYellowOverdue,
                    "review_overdue",
                    Some(en.programme),
                );
            }
        }
        Ok(())
    }
}
