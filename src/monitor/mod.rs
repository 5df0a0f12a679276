//! Monitoring (动态监测预警): the recommended action against the current enrolment (在保复核,
//! 动态常核), the next review date, and warning signals in four colours.
//!
//! Gansu's colour definitions are not public. The colours, the responsible level and the
//! deadline of each warning rule come from the parameter `warning_table` (the library's
//! proposal, status unconfirmed); a rule left out of the table raises no warning.
//!
//! Reads typed inputs (`Decided`: the programmes' results, the accounts, the verification, the
//! household's work income and the marginal line), never figures read back out of findings. May
//! use the case, findings, rules, accounts, verification and programmes; the actions are in
//! `actions.rs`, the warning rules in `warnings.rs`.

use std::borrow::Cow;

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::accounts::Accounts;
use crate::accounts::members::compose;
use crate::case::{Case, CaseError, IncomeCategory, Purpose};
use crate::explain::{Conditions, Finding, Record, RuleId, Verdict};
use crate::money::{Exact, Yuan};
use crate::programmes::ProgrammeResult;
use crate::rules::ParamId;
use crate::rules::resolve::Params;
use crate::verify::Verification;

mod actions;
mod warnings;

use crate::vocab::{Outcome, Programme};
use actions::{enrol, leave};
use warnings::warnings;

/// A warning colour (预警等级).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
#[non_exhaustive]
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
#[non_exhaustive]
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
#[non_exhaustive]
pub enum Action {
    /// Still eligible at the amount paid now (继续保障).
    #[non_exhaustive]
    Continue {
        /// The programme.
        programme: Programme,
        /// The monthly amount, unchanged.
        amount: Yuan,
    },
    /// Still eligible at another amount (调整).
    #[non_exhaustive]
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
    #[non_exhaustive]
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
    #[non_exhaustive]
    Terminate {
        /// The programme.
        programme: Programme,
        /// The rule that is no longer met.
        rule: RuleId,
    },
    /// Eligible but not enrolled: tell the household and help it apply (漏保、漏养、漏救).
    #[non_exhaustive]
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
///
/// ```
/// use jiuzhu::{Action, Colour, RuleBook, evaluate, parse_case};
/// // a recipient whose wage rose above the standard
/// let text = std::fs::read_to_string("examples/households/recheck-wage-rise.json").unwrap();
/// let det = evaluate(&parse_case(&text)?, &RuleBook::embedded())?;
/// let m = &det.monitoring;
/// match &m.action {
///     Some(Action::GradualExit { programme, amount, months, .. }) => {
///         println!("{}: {amount} a month for {months} more months", programme.as_str())
///     }
///     // `Action` may grow: keep a wildcard arm
///     other => println!("{other:?}"),
/// }
/// assert_eq!(m.action.as_ref().map(Action::kind), Some("gradual_exit"));
/// assert!(m.next_review.is_some());
/// for w in &m.warnings {
///     println!("{} {} → {} within {} days", w.colour.as_str(), w.rule, w.level.as_str(), w.deadline_days);
/// }
/// assert!(m.warnings.iter().any(|w| w.colour == Colour::Orange));
/// # Ok::<(), jiuzhu::CaseError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(description = "The monitoring part of a determination.")]
#[non_exhaustive]
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
    /// The conditions of each programme's household unit, in the same order.
    pub conditions: &'a [Conditions],
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

    /// The conditions of one programme's household unit (none if it was not decided).
    fn conditions(&self, p: Programme) -> Option<&Conditions> {
        self.programmes
            .iter()
            .position(|r| r.programme == p)
            .and_then(|i| self.conditions.get(i))
    }
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
    // who counts before special-hardship members leave the unit (TK-8), recomposed here: the
    // decision recorded these conditions already, so none is recorded again
    let comp = compose(verified, p, &mut Record::new(false))?;
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

/// The recommended action, the next review date and the warnings; `explain` says whether
/// findings are written (the rest is the same either way).
pub(crate) fn assess(
    case: &Case,
    verified: &Case,
    det: &Decided<'_>,
    p: &Params,
    explain: bool,
) -> Result<Monitoring, CaseError> {
    let mut m = Monitoring::default();
    let mut rec = Record::new(explain);
    let date = case.evaluation_date;

    // The action and the next review.
    let mut review_programme = None;
    if case.purpose != Purpose::NewApplication {
        if let Some(en) = &case.enrolment {
            if verified.household.members.is_empty() {
                // Death records removed every member (VER-DEATH; TK-14 for special hardship).
                rec.test(RuleId::MonTerminate, Verdict::Pass, |f| {
                    f.code("programme", en.programme.as_str())
                        .code("failed_rule", RuleId::VerDeath.id())
                });
                m.action = Some(Action::Terminate {
                    programme: en.programme,
                    rule: RuleId::VerDeath,
                });
            } else if let Some(r) = det.programme(en.programme) {
                let current = en.monthly_amount.value();
                if r.reaches(Outcome::Eligible) {
                    let new = r.total_monthly();
                    review_programme = Some(r.programme);
                    if new == current {
                        rec.test(RuleId::MonContinue, Verdict::Pass, |f| {
                            f.code("programme", r.programme.as_str())
                                .yuan("amount", new)
                        });
                        m.action = Some(Action::Continue {
                            programme: r.programme,
                            amount: Yuan::new(new),
                        });
                    } else {
                        let diff = new.sub(current, "difference")?;
                        rec.test(RuleId::MonAdjust, Verdict::Pass, |f| {
                            let f = f
                                .code("programme", r.programme.as_str())
                                .yuan("current_amount", current)
                                .yuan("new_amount", new)
                                .yuan("difference", diff);
                            // a reduction is heard and notified first (S0 Art. 48)
                            if diff < Decimal::ZERO {
                                actions::before_effect(f, date)
                            } else {
                                f
                            }
                        });
                        m.action = Some(Action::Adjust {
                            programme: r.programme,
                            current_amount: Yuan::new(current),
                            new_amount: Yuan::new(new),
                            difference: Yuan::new(diff),
                        });
                    }
                } else if !r.reaches(Outcome::NeedsReview) {
                    m.action = Some(leave(det, r, current, date, p, &mut rec)?);
                    if let Some(Action::GradualExit { exit_end_month, .. }) = &m.action {
                        m.next_review = Some(*exit_end_month);
                    } else if let Some((action, programme)) =
                        enrol(det, p, Some(en.programme), &mut rec)?
                    {
                        m.action = Some(action);
                        review_programme = Some(programme);
                    }
                }
            }
        } else if let Some((action, programme)) = enrol(det, p, None, &mut rec)? {
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
            rec.test(RuleId::MonReview, Verdict::Pass, |f| {
                f.number("months", months)
                    .code("basis", basis)
                    .date("next_review", next)
            });
        }
        m.next_review = next;
    }

    warnings(case, verified, det, p, situation, (&mut m, &mut rec))?;
    m.warnings.sort_by_key(|w| w.colour);
    m.findings = rec.into_findings();
    Ok(m)
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
