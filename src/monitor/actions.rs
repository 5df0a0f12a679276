//! The recommended action for a current recipient (MON-ENROL, MON-EXIT, MON-TERMINATE): enrol
//! in what the household now qualifies for, gradual exit after income from work, or termination
//! with the rule no longer met. Uses the monitoring inputs, the record and parameters.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Action, Decided, month_after};
use crate::case::CaseError;
use crate::explain::{Conditions, Draft, LAW_IN_FORCE, Record, RuleId, Verdict};
use crate::money::{Exact, Yuan};
use crate::programmes::ProgrammeResult;
use crate::rules::ParamId;
use crate::rules::resolve::Params;
use crate::vocab::{Outcome, Programme};

/// The steps before a reduction, gradual exit or termination takes effect (S0 Art. 48): from
/// 2026-07-01 the finding says that the recipient is to be heard and notified in writing with
/// the reasons (`before_effect` = `hear_recipient_written_notice`; the notice text itself is
/// `jiuzhu::notice`).
pub(super) fn before_effect(f: Draft<'_>, date: NaiveDate) -> Draft<'_> {
    if date >= LAW_IN_FORCE {
        f.code("before_effect", "hear_recipient_written_notice")
    } else {
        f
    }
}

/// MON-ENROL: the first programme of `enrol_programmes` the household qualifies for, other
/// than the one it leaves.
pub(super) fn enrol(
    det: &Decided<'_>,
    p: &Params,
    leaving: Option<Programme>,
    rec: &mut Record<'_>,
) -> Result<Option<(Action, Programme)>, CaseError> {
    for code in p.list(ParamId::EnrolProgrammes)? {
        let Some(r) = det.programmes.iter().find(|r| {
            r.programme.as_str() == code
                && Some(r.programme) != leaving
                && r.reaches(Outcome::Eligible)
        }) else {
            continue;
        };
        let amount = r.total_monthly();
        rec.test(RuleId::MonEnrol, Verdict::Pass, |f| {
            let mut f = f.code("programme", r.programme.as_str());
            if amount > Decimal::ZERO {
                f = f.yuan("amount", amount);
            }
            if let Some(from) = leaving {
                f = f.code("from_programme", from.as_str());
            }
            f
        });
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
pub(super) fn leave(
    det: &Decided<'_>,
    r: &ProgrammeResult,
    current: Decimal,
    date: NaiveDate,
    p: &Params,
    rec: &mut Record<'_>,
) -> Result<Action, CaseError> {
    let conditions = det.conditions(r.programme);
    let failed = |rule: RuleId| conditions.is_some_and(|c| c.failed(rule));
    let assets_fail = [
        RuleId::Ast4,
        RuleId::Ast5,
        RuleId::Ast6,
        RuleId::Ast7,
        RuleId::Ast8,
    ]
    .into_iter()
    .any(failed);
    let first_fail = conditions
        .and_then(Conditions::first_failed)
        .unwrap_or(RuleId::MonTerminate);
    if r.programme == Programme::MinimumLiving && failed(RuleId::Db1) && !assets_fail {
        let work = det.work_income;
        let countable = det.accounts.monthly_income.value();
        let persons = Decimal::from(det.accounts.counted_members.len() as u64);
        let standard = det.accounts.standard.value();
        let without_work = countable
            .sub(work, "income without work")?
            .max(Decimal::ZERO);
        let per_head = if persons > Decimal::ZERO {
            Some(without_work.div(persons, "income without work")?)
        } else {
            None
        };
        let months = p.count(ParamId::GradualExitMaxMonths, 120)?;
        if let Some(per_head) = per_head.filter(|h| work > Decimal::ZERO && *h < standard)
            && months > 0
        {
            let end = month_after(date, months).ok_or(CaseError::Overflow {
                what: "gradual exit",
            })?;
            rec.test(RuleId::MonExit, Verdict::Pass, |f| {
                before_effect(
                    f.yuan("work_income", work)
                        .yuan("income_without_work_per_head", per_head)
                        .yuan("standard", standard)
                        .number("months", months)
                        .date("exit_end_month", end)
                        .yuan("amount", current),
                    date,
                )
            });
            return Ok(Action::GradualExit {
                programme: r.programme,
                amount: Yuan::new(current),
                months,
                exit_end_month: end,
                rule: RuleId::Db1,
            });
        }
        rec.test(RuleId::MonExit, Verdict::Fail, |f| {
            f.yuan("work_income", work).yuan("standard", standard)
        });
    }
    rec.test(RuleId::MonTerminate, Verdict::Pass, |f| {
        before_effect(
            f.code("programme", r.programme.as_str())
                .code("failed_rule", first_fail.id()),
            date,
        )
    });
    Ok(Action::Terminate {
        programme: r.programme,
        rule: first_fail,
    })
}
