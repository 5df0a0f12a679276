//! The income reference period (INC-8): the months before the evaluation date whose income
//! counts, and the proration of a dated income record into it.
//!
//! The one home of the period: income accounting (`accounts::income`) and the reconciliation of
//! wage and pension records (`verify::reconcile`) both take it from here. May use the case
//! model, the parameters and exact money arithmetic; nothing of the programmes or the answer.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::members::months_back;
use crate::CaseError;
use crate::case::{Case, IncomeCategory, IncomeRecord, MemberKey};
use crate::money::{Exact, Yuan};
use crate::rules::ParamId;
use crate::rules::resolve::Params;

/// The longest reference period a parameter may set, in months.
const MAX_MONTHS: u32 = 120;

/// The income reference period: `months` months ending the day before the evaluation date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ReferencePeriod {
    /// The first day.
    pub start: NaiveDate,
    /// The last day, the day before the evaluation date.
    pub end: NaiveDate,
    /// The length in months, at least one.
    pub months: u32,
}

/// The part of a dated record that falls in the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Share {
    /// The whole record lies in the period: its whole amount.
    Inside(Decimal),
    /// The record overlaps the period: its amount prorated by day.
    Prorated(Decimal),
    /// The record lies outside the period.
    Outside,
}

impl ReferencePeriod {
    /// The period of `months` months (one at least) before `evaluation_date`.
    pub fn new(evaluation_date: NaiveDate, months: u32) -> Self {
        let months = months.max(1);
        let end = evaluation_date.pred_opt().unwrap_or(evaluation_date);
        let start = months_back(evaluation_date, months).unwrap_or(end);
        ReferencePeriod { start, end, months }
    }

    /// The case's period as the parameters set it; a length of zero is a bad parameter.
    pub fn of(case: &Case, p: &Params) -> Result<Self, CaseError> {
        let months = Self::months_param(p)?;
        if months == 0 {
            return Err(CaseError::BadParameter {
                param: ParamId::IncomeReferenceMonths.name(),
                problem: "must be at least 1",
            });
        }
        Ok(Self::new(case.evaluation_date, months))
    }

    /// The length the parameters set, unchecked for zero.
    pub fn months_param(p: &Params) -> Result<u32, CaseError> {
        p.count(ParamId::IncomeReferenceMonths, MAX_MONTHS)
    }

    /// The length in months, as a decimal divisor.
    pub fn months_dec(&self) -> Decimal {
        Decimal::from(self.months)
    }

    /// Whether a day falls in the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// The part of `amount`, earned evenly from `from` to `to`, that falls in the period.
    pub fn share(
        &self,
        amount: Decimal,
        (from, to): (NaiveDate, NaiveDate),
        what: &'static str,
    ) -> Result<Share, CaseError> {
        let lo = from.max(self.start);
        let hi = to.min(self.end);
        if hi < lo {
            return Ok(Share::Outside);
        }
        let overlap = (hi - lo).num_days() + 1;
        let length = (to - from).num_days() + 1;
        if overlap == length {
            return Ok(Share::Inside(amount));
        }
        Ok(Share::Prorated(
            amount
                .mul(Decimal::from(overlap), what)?
                .div(Decimal::from(length), what)?,
        ))
    }

    /// The part of an income record that falls in the period.
    pub fn share_of(&self, r: &IncomeRecord, what: &'static str) -> Result<Share, CaseError> {
        self.share(r.amount.value(), (r.from, r.to), what)
    }

    /// The monthly figure of the records: their parts in the period, summed, over its months.
    pub fn monthly<'r>(
        &self,
        records: impl Iterator<Item = &'r IncomeRecord>,
        what: &'static str,
    ) -> Result<Decimal, CaseError> {
        let mut total = Decimal::ZERO;
        for r in records {
            if let Share::Inside(part) | Share::Prorated(part) = self.share_of(r, what)? {
                total = total.add(part, what)?;
            }
        }
        Ok(total.div(self.months_dec(), what)?)
    }

    /// A record of a monthly amount over the whole period.
    pub fn record(
        &self,
        member: &MemberKey,
        category: IncomeCategory,
        monthly: Decimal,
        what: &'static str,
    ) -> Result<IncomeRecord, CaseError> {
        Ok(IncomeRecord {
            member: member.clone(),
            category,
            kind: None,
            amount: Yuan::new(monthly.mul(self.months_dec(), what)?),
            from: self.start,
            to: self.end,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_period_ends_the_day_before_the_evaluation_date() {
        let p = ReferencePeriod::new(day(2026, 11, 1), 12);
        assert_eq!(p.start, day(2025, 11, 1));
        assert_eq!(p.end, day(2026, 10, 31));
        assert!(p.contains(day(2025, 11, 1)) && p.contains(day(2026, 10, 31)));
        assert!(!p.contains(day(2026, 11, 1)) && !p.contains(day(2025, 10, 31)));
        assert_eq!(ReferencePeriod::new(day(2026, 11, 1), 0).months, 1);
    }

    #[test]
    fn a_record_is_inside_prorated_or_outside() {
        let p = ReferencePeriod::new(day(2026, 11, 1), 12);
        let d = Decimal::from(3650);
        assert_eq!(
            p.share(d, (day(2025, 11, 1), day(2026, 10, 31)), "t")
                .unwrap(),
            Share::Inside(d)
        );
        // ten days, half of them in the period
        assert_eq!(
            p.share(
                Decimal::from(10),
                (day(2026, 10, 27), day(2026, 11, 5)),
                "t"
            )
            .unwrap(),
            Share::Prorated(Decimal::from(5))
        );
        assert_eq!(
            p.share(d, (day(2026, 11, 1), day(2026, 11, 30)), "t")
                .unwrap(),
            Share::Outside
        );
    }
}
