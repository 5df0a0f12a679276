//! Resolution: the value of each parameter in force for one division on one date, walking the
//! chain county → city → province → national, and a record of which ones the rules used.

use std::borrow::Cow;
use std::cell::Cell;
use std::sync::Arc;

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::book::{DatedValue, NATIONAL, ParamStatus, ParamValue, RuleBook};
use super::registry::{PARAM_COUNT, ParamId};
use crate::case::CaseError;
use crate::determination::{ParamUse, ParamWarning};

/// The parameters in force for one evaluation.
pub(crate) struct Params<'a> {
    code: &'a str,
    date: NaiveDate,
    /// For each parameter: the value in force and the division that set it.
    values: [Option<(&'a DatedValue, &'a Arc<str>)>; PARAM_COUNT],
    used: Cell<u128>,
}

impl<'a> Params<'a> {
    /// Resolves every parameter for `code` on `date`.
    pub(crate) fn resolve(
        book: &'a RuleBook,
        code: &'a str,
        date: NaiveDate,
    ) -> Result<Self, CaseError> {
        let mut chain = Vec::with_capacity(4);
        let mut next = Some(code.to_owned());
        while let Some(c) = next {
            if chain.len() >= 8 {
                break;
            }
            if let Some(d) = book.division(&c) {
                chain.push(d);
            }
            next = book.parent_of(&c);
        }
        if !chain.iter().any(|d| &*d.code != NATIONAL) {
            return Err(CaseError::UnknownJurisdiction {
                code: code.to_owned(),
            });
        }
        let mut values = [None; PARAM_COUNT];
        for (slot, id) in values.iter_mut().zip(ParamId::ALL) {
            *slot = chain.iter().find_map(|d| {
                d.params
                    .get(id.index())
                    .and_then(|h| h.iter().rev().find(|v| v.from <= date))
                    .map(|v| (v, &d.code))
            });
        }
        Ok(Params {
            code,
            date,
            values,
            used: Cell::new(0),
        })
    }

    fn get(&self, id: ParamId) -> Result<&'a DatedValue, CaseError> {
        match self.values.get(id.index()).copied().flatten() {
            Some((v, _)) => {
                self.used.set(self.used.get() | (1u128 << id.index()));
                Ok(v)
            }
            None => Err(CaseError::MissingParameter {
                param: id.name(),
                jurisdiction: self.code.to_owned(),
                date: self.date,
            }),
        }
    }

    /// The value in force, if any, without marking it used.
    pub(crate) fn peek(&self, id: ParamId) -> Option<&'a DatedValue> {
        self.values
            .get(id.index())
            .copied()
            .flatten()
            .map(|(v, _)| v)
    }

    /// Marks a parameter used (for values read through [`Params::peek`]).
    pub(crate) fn mark_used(&self, id: ParamId) {
        if self.peek(id).is_some() {
            self.used.set(self.used.get() | (1u128 << id.index()));
        }
    }

    fn bad(id: ParamId, problem: &'static str) -> CaseError {
        CaseError::BadParameter {
            param: id.name(),
            problem,
        }
    }

    /// A decimal parameter. Every decimal parameter is a quantity (an amount, a share, a count,
    /// an area), so a negative value is refused; differences of two of them or of one and a
    /// case figure then always fit.
    pub(crate) fn decimal(&self, id: ParamId) -> Result<Decimal, CaseError> {
        match &self.get(id)?.value {
            ParamValue::Decimal(d) if *d < Decimal::ZERO => {
                Err(Self::bad(id, "must not be negative"))
            }
            ParamValue::Decimal(d) => Ok(*d),
            _ => Err(Self::bad(id, "not a decimal")),
        }
    }

    /// A decimal parameter that must lie in `0..=max`.
    pub(crate) fn decimal_in(&self, id: ParamId, max: Decimal) -> Result<Decimal, CaseError> {
        let d = self.decimal(id)?;
        if d.is_sign_negative() || d > max {
            Err(Self::bad(id, "out of range"))
        } else {
            Ok(d)
        }
    }

    /// A whole-number parameter in `0..=max`.
    pub(crate) fn count(&self, id: ParamId, max: u32) -> Result<u32, CaseError> {
        let d = self.decimal_in(id, Decimal::from(max))?;
        if d.fract().is_zero() {
            d.to_u32().ok_or_else(|| Self::bad(id, "out of range"))
        } else {
            Err(Self::bad(id, "must be a whole number"))
        }
    }

    /// A flag parameter.
    pub(crate) fn flag(&self, id: ParamId) -> Result<bool, CaseError> {
        match &self.get(id)?.value {
            ParamValue::Bool(b) => Ok(*b),
            _ => Err(Self::bad(id, "not a flag")),
        }
    }

    /// A list parameter.
    pub(crate) fn list(&self, id: ParamId) -> Result<&'a [String], CaseError> {
        match &self.get(id)?.value {
            ParamValue::List(l) => Ok(l),
            _ => Err(Self::bad(id, "not a list")),
        }
    }

    /// A code parameter.
    pub(crate) fn text(&self, id: ParamId) -> Result<&'a str, CaseError> {
        match &self.get(id)?.value {
            ParamValue::Text(t) => Ok(t),
            _ => Err(Self::bad(id, "not a code")),
        }
    }

    /// Every parameter the rules read, with provenance and warnings.
    pub(crate) fn uses(&self) -> Vec<ParamUse> {
        let used = self.used.get();
        let stale_before = self.date.checked_sub_months(Months::new(12));
        let mut uses = Vec::with_capacity(used.count_ones() as usize);
        uses.extend(
            ParamId::ALL
                .iter()
                .zip(self.values.iter())
                .filter(|(id, _)| used & (1u128 << id.index()) != 0)
                .filter_map(|(id, v)| v.map(|(v, division)| (id, v, division)))
                .map(|(id, v, division)| {
                    let unconfirmed = v.status == ParamStatus::Unconfirmed;
                    let stale = id.is_standard() && stale_before.is_some_and(|s| v.from < s);
                    let warnings: &'static [ParamWarning] = match (unconfirmed, stale) {
                        (false, false) => &[],
                        (true, false) => &[ParamWarning::Unconfirmed],
                        (false, true) => &[ParamWarning::Stale],
                        (true, true) => &[ParamWarning::Unconfirmed, ParamWarning::Stale],
                    };
                    ParamUse {
                        name: id.name().into(),
                        value: v.value.clone(),
                        unit: id.unit().into(),
                        from: v.from,
                        division: Arc::clone(division),
                        status: v.status,
                        source: Arc::clone(&v.source),
                        warnings: Cow::Borrowed(warnings),
                    }
                }),
        );
        uses
    }
}
