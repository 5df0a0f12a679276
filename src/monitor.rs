//! Monitoring (动态监测预警): the recommended action against the current enrolment (在保复核,
//! 动态常核), the next review date, and warning signals in four colours.
//!
//! Gansu's colour definitions are not public. The colours, the responsible level and the
//! deadline of each warning rule come from the parameter `warning_table` (the library's
//! proposal, status unconfirmed); a rule left out of the table raises no warning.

use std::borrow::Cow;

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::accounts::Accounts;
use crate::accounts::members::compose;
use crate::case::{
    Case, CaseError, EventKind, EvidenceFact, IncomeCategory, MonitoringStatus, Purpose,
};
use crate::explain::{Finding, RuleId, Verdict};
use crate::money::{Exact, Yuan};
use crate::programmes::ProgrammeResult;
use crate::rules::resolve::Params;
use crate::rules::{ParamId, ParamValue};
use crate::verify::Effect;
use crate::verify::Verification;
use crate::vocab::{Outcome, Programme};

/// A warning colour (预警等级).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Colour {
    /// 红色: act first.
    Red,
    /// 橙色.
    Orange,
    /// 黄色.
    Yellow,
    /// 蓝色: least urgent.
    Blue,
}

impl Colour {
    /// The JSON and parameter spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Colour::Red => "red",
            Colour::Orange => "orange",
            Colour::Yellow => "yellow",
            Colour::Blue => "blue",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [Colour::Red, Colour::Orange, Colour::Yellow, Colour::Blue]
            .into_iter()
            .find(|c| c.as_str() == s)
    }
}

/// The level of government responsible for acting on a warning.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Village or community committee (村/社区).
    Village,
    /// Township or street office (乡镇/街道).
    Township,
    /// County civil affairs (县级民政部门).
    County,
}

impl Level {
    /// The JSON and parameter spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Village => "village",
            Level::Township => "township",
            Level::County => "county",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [Level::Village, Level::Township, Level::County]
            .into_iter()
            .find(|c| c.as_str() == s)
    }
}

/// One warning signal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Warning {
    /// Its colour.
    pub colour: Colour,
    /// The rule that raised it.
    pub rule: RuleId,
    /// Who must act.
    pub level: Level,
    /// Within how many days.
    pub deadline_days: u32,
    /// Why, as a code (e.g. `eligible_not_enrolled`).
    pub reason: Cow<'static, str>,
    /// The programme concerned, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<Programme>,
}

/// The recommended action (处理建议).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Action {
    /// Still eligible at the amount paid now (继续保障).
    Continue {
        /// The programme.
        programme: Programme,
        /// The monthly amount, unchanged.
        amount: Yuan,
    },
    /// Still eligible at another amount (调整).
    Adjust {
        /// The programme.
        programme: Programme,
        /// The amount paid now.
        current_amount: Yuan,
        /// The new monthly amount.
        new_amount: Yuan,
        /// New minus current (negative when the amount falls).
        difference: Yuan,
    },
    /// Income rose above the line through work: payment continues for a gradual exit period
    /// (渐退期, INC-10), then ends.
    GradualExit {
        /// The programme.
        programme: Programme,
        /// The monthly amount during the exit period (the amount paid now).
        amount: Yuan,
        /// Months of the exit period.
        months: u32,
        /// The last month paid (its first day).
        exit_end_month: NaiveDate,
        /// The rule that is no longer met.
        rule: RuleId,
    },
    /// No longer eligible (停保).
    Terminate {
        /// The programme.
        programme: Programme,
        /// The rule that is no longer met.
        rule: RuleId,
    },
    /// Eligible but not enrolled: tell the household and help it apply (漏保、漏养、漏救).
    Enrol {
        /// The programme.
        programme: Programme,
        /// The monthly amount the household would receive, for a cash programme.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        amount: Option<Yuan>,
        /// The programme the household leaves, when it moves from one to another (TK-14: those
        /// leaving are moved into a programme they qualify for).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from_programme: Option<Programme>,
    },
}

impl Action {
    /// The action's name as the JSON `kind` writes it: `continue`, `adjust`, `gradual_exit`,
    /// `terminate` or `enrol`.
    pub const fn kind(&self) -> &'static str {
        match self {
            Action::Continue { .. } => "continue",
            Action::Adjust { .. } => "adjust",
            Action::GradualExit { .. } => "gradual_exit",
            Action::Terminate { .. } => "terminate",
            Action::Enrol { .. } => "enrol",
        }
    }
}

/// The monitoring part of a determination.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Monitoring {
    /// Warning signals, most urgent first.
    #[serde(default)]
    pub warnings: Vec<Warning>,
    /// The recommended action; `None` for a new application, for a household that neither
    /// receives nor qualifies, and while the enrolled programme needs review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// The next review date (DB-8, TK-15), when the household stays or becomes enrolled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_review: Option<NaiveDate>,
    /// The monitoring findings.
    #[serde(default)]
    pub findings: Vec<Finding>,
}

/// What monitoring reads of the decisions before it, as typed values: the programmes' results,
/// the accounts, the verification, and the two figures its rules compare against (the
/// household's monthly work income, INC-2, and the marginal income line, EDGE-1).
pub(crate) struct Decided<'a> {
    /// Every programme's result, in the determination's order.
    pub programmes: &'a [ProgrammeResult],
    /// The accounts the programmes used.
    pub accounts: &'a Accounts,
    /// The reconciliation of department evidence.
    pub verification: &'a Verification,
    /// Monthly wage and business income of the counted members (INC-2).
    pub work_income: Decimal,
    /// The marginal-family income line, when EDGE-1 compared against it.
    pub marginal_line: Option<Decimal>,
}

impl Decided<'_> {
    /// The result for one programme.
    fn programme(&self, p: Programme) -> Option<&ProgrammeResult> {
        self.programmes.iter().find(|r| r.programme == p)
    }
}

fn eligible(r: &ProgrammeResult) -> bool {
    r.outcome == Outcome::Eligible
        || r.individual_coverage
            .iter()
            .any(|c| c.outcome == Outcome::Eligible)
}

fn needs_review(r: &ProgrammeResult) -> bool {
    r.outcome == Outcome::NeedsReview
        || r.individual_coverage
            .iter()
            .any(|c| c.outcome == Outcome::NeedsReview)
}

/// The first day of the month `months` after the evaluation month.
fn month_after(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.with_day(1)?.checked_add_months(Months::new(months))
}

/// Review interval by the household's situation (DB-8, TK-15).
fn review_months(
    verified: &Case,
    det: &Decided<'_>,
    programme: Programme,
    p: &Params,
) -> Result<(u32, &'static str), CaseError> {
    if programme.as_str() == "special_hardship" {
        return Ok((
            p.count(ParamId::ReviewMonthsSpecialHardship, 120)?,
            "special_hardship",
        ));
    }
    let comp = compose(verified, p)?;
    let earning = comp.members.iter().any(|m| {
        m.counted
            && m.able_to_work
            && verified.household.incomes.iter().any(|r| {
                r.member == m.key
                    && matches!(r.category, IncomeCategory::Wage | IncomeCategory::Business)
                    && r.amount.value() > Decimal::ZERO
                    && r.to >= det.accounts.reference_period.0
            })
    });
    Ok(if earning {
        (p.count(ParamId::ReviewMonthsUnstable, 120)?, "unstable")
    } else {
        (p.count(ParamId::ReviewMonthsStable, 120)?, "stable")
    })
}

/// The recommended action, the next review date and the warnings.
pub(crate) fn assess(
    case: &Case,
    verified: &Case,
    det: &Decided<'_>,
    p: &Params,
) -> Result<Monitoring, CaseError> {
    let mut m = Monitoring::default();
    let date = case.evaluation_date;

    // The action and the next review.
    let mut review_programme = None;
    if case.purpose != Purpose::NewApplication {
        if let Some(en) = &case.enrolment {
            if verified.household.members.is_empty() {
                // Death records removed every member (VER-DEATH; TK-14 for special hardship).
                m.findings.push(
                    Finding::new(RuleId::MonTerminate, Verdict::Pass)
                        .code("programme", en.programme.as_str())
                        .code("failed_rule", RuleId::VerDeath.id()),
                );
                m.action = Some(Action::Terminate {
                    programme: en.programme,
                    rule: RuleId::VerDeath,
                });
            } else if let Some(r) = det.programme(en.programme) {
                let current = en.monthly_amount.value();
                if eligible(r) {
                    let new = r.total_monthly();
                    review_programme = Some(r.programme);
                    if new == current {
                        m.findings.push(
                            Finding::new(RuleId::MonContinue, Verdict::Pass)
                                .code("programme", r.programme.as_str())
                                .yuan("amount", new),
                        );
                        m.action = Some(Action::Continue {
                            programme: r.programme,
                            amount: Yuan::new(new),
                        });
                    } else {
                        let diff = new.sub(current, "difference")?;
                        m.findings.push(
                            Finding::new(RuleId::MonAdjust, Verdict::Pass)
                                .code("programme", r.programme.as_str())
                                .yuan("current_amount", current)
                                .yuan("new_amount", new)
                                .yuan("difference", diff),
                        );
                        m.action = Some(Action::Adjust {
                            programme: r.programme,
                            current_amount: Yuan::new(current),
                            new_amount: Yuan::new(new),
                            difference: Yuan::new(diff),
                        });
                    }
                } else if !needs_review(r) {
                    m.action = Some(leave(det, r, current, date, p, &mut m.findings)?);
                    if let Some(Action::GradualExit { exit_end_month, .. }) = &m.action {
                        m.next_review = Some(*exit_end_month);
                    } else if let Some((action, programme)) =
                        enrol(det, p, Some(en.programme), &mut m.findings)?
                    {
                        m.action = Some(action);
                        review_programme = Some(programme);
                    }
                }
            }
        } else if let Some((action, programme)) = enrol(det, p, None, &mut m.findings)? {
            m.action = Some(action);
            review_programme = Some(programme);
        }
    }
    let mut situation = None;
    if let Some(programme) = review_programme {
        let (months, basis) = review_months(verified, det, programme, p)?;
        situation = Some((months, basis));
        let next = date.checked_add_months(Months::new(months));
        if let Some(next) = next {
            m.findings.push(
                Finding::new(RuleId::MonReview, Verdict::Pass)
                    .number("months", months)
                    .code("basis", basis)
                    .date("next_review", next),
            );
        }
        m.next_review = next;
    }

    warnings(case, verified, det, p, situation, &mut m)?;
    m.warnings.sort_by_key(|w| w.colour);
    Ok(m)
}

/// MON-ENROL: the first programme of `enrol_programmes` the household qualifies for, other
/// than the one it leaves.
fn enrol(
    det: &Decided<'_>,
    p: &Params,
    leaving: Option<Programme>,
    findings: &mut Vec<Finding>,
) -> Result<Option<(Action, Programme)>, CaseError> {
    for code in p.list(ParamId::EnrolProgrammes)? {
        let Some(r) = det
            .programmes
            .iter()
            .find(|r| r.programme.as_str() == code && Some(r.programme) != leaving && eligible(r))
        else {
            continue;
        };
        let amount = r.total_monthly();
        let mut f =
            Finding::new(RuleId::MonEnrol, Verdict::Pass).code("programme", r.programme.as_str());
        if amount > Decimal::ZERO {
            f = f.yuan("amount", amount);
        }
        if let Some(from) = leaving {
            f = f.code("from_programme", from.as_str());
        }
        findings.push(f);
        return Ok(Some((
            Action::Enrol {
                programme: r.programme,
                amount: (amount > Decimal::ZERO).then_some(Yuan::new(amount)),
                from_programme: leaving,
            },
            r.programme,
        )));
    }
    Ok(None)
}

/// A recipient who no longer qualifies: gradual exit when income rose above the line through
/// work (INC-10), otherwise termination with the rule no longer met.
fn leave(
    det: &Decided<'_>,
    r: &ProgrammeResult,
    current: Decimal,
    date: NaiveDate,
    p: &Params,
    findings: &mut Vec<Finding>,
) -> Result<Action, CaseError> {
    let failed = |rule: RuleId| {
        r.findings
            .iter()
            .any(|f| f.rule == rule && f.verdict == Verdict::Fail)
    };
    let assets_fail = [
        RuleId::Ast4,
        RuleId::Ast5,
        RuleId::Ast6,
        RuleId::Ast7,
        RuleId::Ast8,
    ]
    .into_iter()
    .any(failed);
    let first_fail = r
        .findings
        .iter()
        .find(|f| f.verdict == Verdict::Fail)
        .map(|f| f.rule)
        .unwrap_or(RuleId::MonTerminate);
    if r.programme == Programme::MinimumLiving && failed(RuleId::Db1) && !assets_fail {
        let work = det.work_income;
        let countable = det.accounts.monthly_income.value();
        let persons = Decimal::from(det.accounts.counted_members.len() as u64);
        let standard = det.accounts.standard.value();
        let without_work = countable
            .sub(work, "income without work")?
            .max(Decimal::ZERO);
        let below_without_work =
            persons > Decimal::ZERO && without_work.div(persons, "income without work")? < standard;
        let months = p.count(ParamId::GradualExitMaxMonths, 120)?;
        if work > Decimal::ZERO && below_without_work && months > 0 {
            let end = month_after(date, months).ok_or(CaseError::Overflow {
                what: "gradual exit",
            })?;
            findings.push(
                Finding::new(RuleId::MonExit, Verdict::Pass)
                    .yuan("work_income", work)
                    .yuan(
                        "income_without_work_per_head",
                        without_work.div(persons, "per head")?,
                    )
                    .yuan("standard", standard)
                    .number("months", months)
                    .date("exit_end_month", end)
                    .yuan("amount", current),
            );
            return Ok(Action::GradualExit {
                programme: r.programme,
                amount: Yuan::new(current),
                months,
                exit_end_month: end,
                rule: RuleId::Db1,
            });
        }
        findings.push(
            Finding::new(RuleId::MonExit, Verdict::Fail)
                .yuan("work_income", work)
                .yuan("standard", standard),
        );
    }
    findings.push(
        Finding::new(RuleId::MonTerminate, Verdict::Pass)
            .code("programme", r.programme.as_str())
            .code("failed_rule", first_fail.id()),
    );
    Ok(Action::Terminate {
        programme: r.programme,
        rule: first_fail,
    })
}

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

fn warnings(
    case: &Case,
    verified: &Case,
    det: &Decided<'_>,
    p: &Params,
    situation: Option<(u32, &'static str)>,
    m: &mut Monitoring,
) -> Result<(), CaseError> {
    let w = Warnings {
        routes: table(p)?,
        enrolled: case.enrolment.as_ref().map(|e| e.programme),
    };
    w.missed(case, det, p, m)?;
    w.sudden(case, det, m);
    w.discrepancies(case, det, m);
    w.near(det, p, m)?;
    w.overdue(case, verified, det, p, situation, m)
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
                    && eligible(r)
                    && self.enrolled != Some(r.programme)
            });
            match missed {
                Some(r) => {
                    m.findings.push(
                        Finding::new(rule, Verdict::Fail).code("programme", r.programme.as_str()),
                    );
                    self.raise(m, rule, reason, Some(r.programme));
                }
                None => m.findings.push(Finding::new(rule, Verdict::Pass)),
            }
        }
        Ok(())
    }

    /// MON-RED-SUDDEN: a member in sudden severe difficulty (return-to-poverty monitoring) or a
    /// sudden event reported for the household (fire, accident, sudden illness, disaster…), and
    /// the household neither receives nor qualifies for anything.
    fn sudden(&self, case: &Case, det: &Decided<'_>, m: &mut Monitoring) {
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
        let assisted = self.enrolled.is_some() || det.programmes.iter().any(eligible);
        let mut f = Finding::new(
            RuleId::MonRedSudden,
            if assisted {
                Verdict::Pass
            } else {
                Verdict::Fail
            },
        )
        .code("assisted", if assisted { "yes" } else { "no" });
        match (record, event) {
            (Some(r), _) => {
                f = f
                    .member(&r.member)
                    .code("trigger", "monitoring_record")
                    .date("record_date", r.date);
            }
            (None, Some(e)) => {
                f = f
                    .code("trigger", e.kind.as_str())
                    .date("record_date", e.date);
            }
            (None, None) => {}
        }
        m.findings.push(f);
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
    fn discrepancies(&self, case: &Case, det: &Decided<'_>, m: &mut Monitoring) {
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
            m.findings.push(
                Finding::new(
                    rule,
                    if colour_ok {
                        Verdict::Fail
                    } else {
                        Verdict::Pass
                    },
                )
                .number("discrepancies", n),
            );
            if colour_ok {
                self.raise(m, rule, reason, None);
            }
        }
    }

    /// MON-YELLOW-NEAR: income per head within a share of the dibao standard or the marginal
    /// line.
    fn near(&self, det: &Decided<'_>, p: &Params, m: &mut Monitoring) -> Result<(), CaseError> {
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
            let distance = (pci - t).abs();
            if distance <= band && near.is_none() {
                near = Some((name, t, distance));
            }
        }
        match near {
            Some((name, t, distance)) => {
                m.findings.push(
                    Finding::new(RuleId::MonYellowNear, Verdict::Fail)
                        .code("threshold_name", name)
                        .yuan("threshold", t)
                        .yuan("per_capita_income", pci)
                        .ratio("share", share)
                        .distance(distance),
                );
                self.raise(m, RuleId::MonYellowNear, "income_near_threshold", None);
            }
            None => m.findings.push(
                Finding::new(RuleId::MonYellowNear, Verdict::Pass)
                    .yuan("per_capita_income", pci)
                    .ratio("share", share),
            ),
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
        m: &mut Monitoring,
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
            m.findings.push(
                Finding::new(
                    RuleId::MonYellowOverdue,
                    if overdue {
                        Verdict::Fail
                    } else {
                        Verdict::Pass
                    },
                )
                .date("last_review", last)
                .number("months", months)
                .date("due", due),
            );
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

#[cfg(test)]
mod action_kind_tests {
    use super::*;

    #[test]
    fn kind_is_the_json_tag() {
        let p = Programme::MinimumLiving;
        let y = Yuan::ZERO;
        let date = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        for a in [
            Action::Continue {
                programme: p,
                amount: y,
            },
            Action::Adjust {
                programme: p,
                current_amount: y,
                new_amount: y,
                difference: y,
            },
            Action::GradualExit {
                programme: p,
                amount: y,
                months: 3,
                exit_end_month: date,
                rule: RuleId::Db1,
            },
            Action::Terminate {
                programme: p,
                rule: RuleId::Db1,
            },
            Action::Enrol {
                programme: p,
                amount: None,
                from_programme: None,
            },
        ] {
            let json = serde_json::to_value(&a).unwrap();
            assert_eq!(json["kind"], a.kind());
        }
    }
}
