//! Resolution: the value of each parameter in force for one division on one date, walking the
//! chain county → city → province → national, and a record of which ones the rules used.
//!
//! A resolution is built once per (division, date) and kept by the rule book (see
//! [`RuleBook::resolved`]), so a batch of households evaluated on the same date shares one; each
//! determination then holds the shared table and a bit set of the parameters its rules read.
//!
//! May use: the book, registry and parameter uses beside it, and the case (`CaseError`).

use std::any::Any;
use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::sync::{Arc, OnceLock};

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::book::{NATIONAL, ParamStatus, ParamValue, RuleBook};
use super::registry::ParamId;
use super::uses::{ParamUse, ParamWarning};
use crate::case::CaseError;

/// Every parameter in force for one division on one date, with its provenance and warnings.
#[derive(Debug)]
pub(crate) struct Resolved {
    code: String,
    date: NaiveDate,
    /// By `ParamId::index`.
    slots: Vec<Slot>,
}

/// What an outer layer keeps with a shared parameter entry (see [`ParamUses::with_memos`]).
pub(crate) type Memo = Box<dyn Any + Send + Sync>;

/// One parameter of a resolution, and the forms of it made once and shared.
#[derive(Debug)]
struct Slot {
    /// The value in force with its provenance; `None` when no division sets one.
    entry: Option<ParamUse>,
    /// The value as a count, when it is a whole number that fits.
    whole: Option<u32>,
    /// The value as [`Params::decimal`] returns it: a decimal that is not negative.
    quantity: Option<Decimal>,
    /// The bits a read sets in the used-set: the parameter's own, and its guidance figure's
    /// when the value is below it (S0 Art. 19).
    marks: u128,
    /// A form of the entry that an outer layer makes once and keeps with the resolution (the
    /// JSON face keeps the entry's text here). This layer never reads it and knows nothing of it.
    memo: OnceLock<Memo>,
    /// The value as a rule reads it, e.g. a parsed table (see [`Params::parsed`]).
    parsed: OnceLock<Box<dyn Any + Send + Sync>>,
}

impl Resolved {
    /// Walks the inheritance chain of `code` for every parameter.
    pub(crate) fn build(book: &RuleBook, code: &str, date: NaiveDate) -> Result<Self, CaseError> {
        // Only a division the book declares is evaluated: a mistyped code is refused rather
        // than silently taking the figures of the divisions above it.
        if code == NATIONAL || book.division(code).is_none() {
            return Err(CaseError::UnknownJurisdiction {
                code: code.to_owned(),
            });
        }
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
        let stale_before = date.checked_sub_months(Months::new(12));
        let mut slots: Vec<Slot> = ParamId::ALL
            .iter()
            .map(|&id| {
                let entry = chain.iter().find_map(|d| {
                    let v = d
                        .params
                        .get(id.index())
                        .and_then(|h| h.iter().rev().find(|v| v.from <= date))?;
                    let unconfirmed = v.status == ParamStatus::Unconfirmed;
                    let stale = id.is_standard() && stale_before.is_some_and(|s| v.from < s);
                    let warnings: &'static [ParamWarning] = match (unconfirmed, stale) {
                        (false, false) => &[],
                        (true, false) => &[ParamWarning::Unconfirmed],
                        (false, true) => &[ParamWarning::Stale],
                        (true, true) => &[ParamWarning::Unconfirmed, ParamWarning::Stale],
                    };
                    Some(ParamUse {
                        name: id.name().into(),
                        value: v.value.clone(),
                        unit: id.unit().into(),
                        from: v.from,
                        division: Arc::clone(&d.code),
                        status: v.status,
                        source: Arc::clone(&v.source),
                        warnings: Cow::Borrowed(warnings),
                    })
                });
                let whole = match entry.as_ref().map(|u| &u.value) {
                    Some(ParamValue::Decimal(d)) if d.fract().is_zero() => d.to_u32(),
                    _ => None,
                };
                let quantity = match entry.as_ref().map(|u| &u.value) {
                    Some(ParamValue::Decimal(d)) if *d >= Decimal::ZERO => Some(*d),
                    _ => None,
                };
                Slot {
                    entry,
                    whole,
                    quantity,
                    marks: 1u128 << id.index(),
                    memo: OnceLock::new(),
                    parsed: OnceLock::new(),
                }
            })
            .collect();
        law_warnings(&mut slots, date);
        guidance_marks(&mut slots);
        Ok(Resolved {
            code: code.to_owned(),
            date,
            slots,
        })
    }

    /// Whether this resolution answers for `code` on `date`.
    pub(crate) fn is_for(&self, code: &str, date: NaiveDate) -> bool {
        self.date == date && self.code == code
    }

    /// Whether two resolutions answer for the same division and date.
    pub(crate) fn same_key(&self, other: &Resolved) -> bool {
        other.is_for(&self.code, self.date)
    }
}

/// Standards and the guidance figure each is held against (S0 Art. 19).
const GUIDANCE: [(ParamId, ParamId); 2] = [
    (
        ParamId::DibaoStandardUrbanMonth,
        ParamId::DibaoStandardUrbanMonthGuidance,
    ),
    (
        ParamId::DibaoStandardRuralYear,
        ParamId::DibaoStandardRuralYearGuidance,
    ),
];

/// A standard below its guidance figure lists the guidance beside it (S0 Art. 19): reading the
/// standard marks both used.
fn guidance_marks(slots: &mut [Slot]) {
    for (standard, guidance) in GUIDANCE {
        if let Some(s) = slots.get_mut(standard.index())
            && s.entry
                .as_ref()
                .is_some_and(|u| u.warnings.contains(&ParamWarning::BelowGuidance))
        {
            s.marks |= 1u128 << guidance.index();
        }
    }
}

/// Parameters whose level the law names, with the lowest level allowed to set them: 0 national,
/// 1 province, 2 prefecture-level city (S0 Art. 21: the marginal multiplier by the province;
/// Art. 22: the rigid-expenditure share by the city or higher).
const LEGAL_LEVEL: [(ParamId, u8); 2] = [
    (ParamId::EdgeIncomeMultiplier, 1),
    (ParamId::RigExpenseShareThreshold, 2),
];

/// The level of a division code: 0 national, 1 province (`xx0000`), 2 city (`xxxx00`),
/// 3 county.
fn level(code: &str) -> u8 {
    if code == NATIONAL {
        0
    } else if code.ends_with("0000") {
        1
    } else if code.ends_with("00") {
        2
    } else {
        3
    }
}

/// Adds the warnings the law calls for: a standard below the province's guidance figure for
/// the same date (S0 Art. 19), and from 2026-07-01 a parameter set below the level the law
/// names (S0 Arts. 21, 22).
fn law_warnings(slots: &mut [Slot], date: NaiveDate) {
    let value = |slots: &[Slot], id: ParamId| match slots
        .get(id.index())
        .and_then(|s| s.entry.as_ref())
        .map(|u| &u.value)
    {
        Some(ParamValue::Decimal(d)) => Some(*d),
        _ => None,
    };
    let add = |slots: &mut [Slot], id: ParamId, w: ParamWarning| {
        if let Some(u) = slots.get_mut(id.index()).and_then(|s| s.entry.as_mut())
            && !u.warnings.contains(&w)
        {
            u.warnings.to_mut().push(w);
        }
    };
    for (standard, guidance) in GUIDANCE {
        if let (Some(v), Some(g)) = (value(slots, standard), value(slots, guidance))
            && v < g
        {
            add(slots, standard, ParamWarning::BelowGuidance);
        }
    }
    if date < crate::explain::LAW_IN_FORCE {
        return;
    }
    for (id, lowest) in LEGAL_LEVEL {
        let below = slots
            .get(id.index())
            .and_then(|s| s.entry.as_ref())
            .is_some_and(|u| level(&u.division) > lowest);
        if below {
            add(slots, id, ParamWarning::BelowLegalLevel);
        }
    }
}

/// The parameters in force for one evaluation, and which of them the rules read.
pub(crate) struct Params {
    resolved: Arc<Resolved>,
    used: Cell<u128>,
}

impl Params {
    /// The parameters for `code` on `date`, from the book's store of resolutions.
    pub(crate) fn resolve(book: &RuleBook, code: &str, date: NaiveDate) -> Result<Self, CaseError> {
        Ok(Params {
            resolved: book.resolved(code, date)?,
            used: Cell::new(0),
        })
    }

    fn get(&self, id: ParamId) -> Result<&ParamUse, CaseError> {
        self.read(id).map(|(_, v)| v)
    }

    /// The slot of a parameter in force and its value, marked used (see [`Slot::marks`]).
    fn read(&self, id: ParamId) -> Result<(&Slot, &ParamUse), CaseError> {
        match self.slot(id).and_then(|s| Some((s, s.entry.as_ref()?))) {
            Some((s, v)) => {
                self.used.set(self.used.get() | s.marks);
                Ok((s, v))
            }
            None => Err(CaseError::MissingParameter {
                param: id.name(),
                jurisdiction: self.resolved.code.clone(),
                date: self.resolved.date,
            }),
        }
    }

    fn slot(&self, id: ParamId) -> Option<&Slot> {
        self.resolved.slots.get(id.index())
    }

    /// The value in force, if any, without marking it used.
    pub(crate) fn peek(&self, id: ParamId) -> Option<&ParamUse> {
        self.slot(id).and_then(|s| s.entry.as_ref())
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
        let (slot, v) = self.read(id)?;
        match (slot.quantity, &v.value) {
            (Some(d), _) => Ok(d),
            (None, ParamValue::Decimal(_)) => Err(Self::bad(id, "must not be negative")),
            (None, _) => Err(Self::bad(id, "not a decimal")),
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
        let d = self.decimal(id)?;
        match self.slot(id).and_then(|s| s.whole) {
            Some(n) if n <= max => Ok(n),
            Some(_) => Err(Self::bad(id, "out of range")),
            None if d > Decimal::from(max) || d.fract().is_zero() => {
                Err(Self::bad(id, "out of range"))
            }
            None => Err(Self::bad(id, "must be a whole number")),
        }
    }

    /// A parameter in the form a rule reads it (a table parsed from a list, say), made by
    /// `parse` once per resolution and shared by every evaluation after. A value that `parse`
    /// refuses is refused again each time, with the same error.
    pub(crate) fn parsed<T: Any + Send + Sync>(
        &self,
        id: ParamId,
        parse: impl FnOnce(&ParamValue) -> Result<T, CaseError>,
    ) -> Result<&T, CaseError> {
        let value = &self.get(id)?.value;
        let slot = &self
            .slot(id)
            .ok_or_else(|| Self::bad(id, "not in the registry"))?
            .parsed;
        if slot.get().is_none() {
            let made: Box<dyn Any + Send + Sync> = Box::new(parse(value)?);
            // Another thread may have filled it meanwhile, from the same value.
            let _ = slot.set(made);
        }
        slot.get()
            .and_then(|b| b.downcast_ref::<T>())
            .ok_or_else(|| Self::bad(id, "read in two different forms"))
    }

    /// A flag parameter.
    pub(crate) fn flag(&self, id: ParamId) -> Result<bool, CaseError> {
        match &self.get(id)?.value {
            ParamValue::Bool(b) => Ok(*b),
            _ => Err(Self::bad(id, "not a flag")),
        }
    }

    /// A list parameter.
    pub(crate) fn list(&self, id: ParamId) -> Result<&[String], CaseError> {
        match &self.get(id)?.value {
            ParamValue::List(l) => Ok(l),
            _ => Err(Self::bad(id, "not a list")),
        }
    }

    /// A code parameter.
    pub(crate) fn text(&self, id: ParamId) -> Result<&str, CaseError> {
        match &self.get(id)?.value {
            ParamValue::Text(t) => Ok(t),
            _ => Err(Self::bad(id, "not a code")),
        }
    }

    /// Every parameter the rules read, with provenance and warnings.
    pub(crate) fn uses(&self) -> ParamUses {
        ParamUses(Uses::Shared {
            resolved: Arc::clone(&self.resolved),
            used: self.used.get(),
        })
    }
}

/// The parameters a determination's rules read, in registry order, each with its value, date,
/// division, source, status and warnings.
///
/// Iterate it like a list; it writes as a JSON array of [`ParamUse`]. The entries are shared with
/// every other determination made for the same division and date, so holding them costs one
/// reference count, not a copy.
///
/// ```
/// # let case = jiuzhu::parse_case(r#"{"evaluation_date": "2026-11-01", "jurisdiction": "621027",
/// #   "purpose": "new_application", "area": "urban",
/// #   "household": {"members": [{"key": "m1", "relation": "applicant", "birth_date": "1950-05-01"}]}}"#).unwrap();
/// let det = jiuzhu::evaluate(&case, &jiuzhu::RuleBook::embedded()).unwrap();
/// let standard = det.parameters.iter().find(|p| p.name == "dibao_standard_urban_month").unwrap();
/// assert_eq!(&*standard.division, "620000"); // Zhenyuan inherits Gansu's figure
/// ```
#[derive(Clone)]
pub struct ParamUses(Uses);

#[derive(Clone)]
enum Uses {
    Shared { resolved: Arc<Resolved>, used: u128 },
    Owned(Vec<ParamUse>),
}

impl ParamUses {
    /// The parameters, in registry order.
    pub fn iter(&self) -> ParamUsesIter<'_> {
        ParamUsesIter(match &self.0 {
            Uses::Shared { resolved, used } => IterInner::Shared {
                slots: &resolved.slots,
                used: *used,
            },
            Uses::Owned(v) => IterInner::Owned(v.iter()),
        })
    }

    /// Each parameter with its memo slot, when it is shared with other determinations (an outer
    /// layer fills the slot once and reuses it after); `None` for a table read back.
    pub(crate) fn with_memos(&self) -> impl Iterator<Item = (&ParamUse, Option<&OnceLock<Memo>>)> {
        let mut all = self.iter();
        std::iter::from_fn(move || all.next_with_slot())
    }

    /// Every parameter of a resolution, whether or not a rule read it.
    pub(crate) fn all_of(resolved: Arc<Resolved>) -> Self {
        ParamUses(Uses::Shared {
            resolved,
            used: u128::MAX,
        })
    }

    /// How many parameters were read.
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Whether no parameter was read.
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

/// An iterator over [`ParamUses`].
pub struct ParamUsesIter<'a>(IterInner<'a>);

enum IterInner<'a> {
    Shared {
        slots: &'a [Slot],
        /// The bits of the parameters read and not yet visited.
        used: u128,
    },
    Owned(std::slice::Iter<'a, ParamUse>),
}

impl<'a> ParamUsesIter<'a> {
    /// The next parameter, with its memo slot when the table is shared.
    fn next_with_slot(&mut self) -> Option<(&'a ParamUse, Option<&'a OnceLock<Memo>>)> {
        match &mut self.0 {
            // straight from one parameter read to the next, skipping the unread ones by their bits
            IterInner::Shared { slots, used } => loop {
                if *used == 0 {
                    return None;
                }
                let i = used.trailing_zeros() as usize;
                *used &= used.wrapping_sub(1);
                // bits past the table (`all_of`) end the walk
                let s = slots.get(i)?;
                if let Some(u) = s.entry.as_ref() {
                    return Some((u, Some(&s.memo)));
                }
            },
            IterInner::Owned(it) => it.next().map(|u| (u, None)),
        }
    }
}

impl<'a> Iterator for ParamUsesIter<'a> {
    type Item = &'a ParamUse;

    fn next(&mut self) -> Option<&'a ParamUse> {
        self.next_with_slot().map(|(u, _)| u)
    }
}

impl Default for ParamUses {
    fn default() -> Self {
        ParamUses(Uses::Owned(Vec::new()))
    }
}

impl From<Vec<ParamUse>> for ParamUses {
    fn from(v: Vec<ParamUse>) -> Self {
        ParamUses(Uses::Owned(v))
    }
}

impl<'a> IntoIterator for &'a ParamUses {
    type Item = &'a ParamUse;
    type IntoIter = ParamUsesIter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for ParamUses {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for ParamUses {}

impl fmt::Debug for ParamUses {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for ParamUses {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for ParamUses {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<ParamUse>::deserialize(d).map(ParamUses::from)
    }
}

impl JsonSchema for ParamUses {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        <Vec<ParamUse>>::schema_name()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<ParamUse>>::json_schema(g)
    }
}

#[cfg(test)]
mod tests {
    use super::super::book::RESOLVED_KEPT_FOR_TESTS;
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn standard(p: &Params) -> Decimal {
        p.decimal(ParamId::DibaoStandardUrbanMonth).unwrap()
    }

    #[test]
    fn one_resolution_is_shared_per_division_and_date() {
        let book = RuleBook::embedded();
        let a = book.resolved("621027", date(2026, 11, 1)).unwrap();
        let b = book.resolved("621027", date(2026, 11, 1)).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        let other_day = book.resolved("621027", date(2026, 11, 2)).unwrap();
        assert!(!Arc::ptr_eq(&a, &other_day));
        let other_place = book.resolved("620100", date(2026, 11, 1)).unwrap();
        assert!(!Arc::ptr_eq(&a, &other_place));
        assert!(matches!(
            book.resolved("990000", date(2026, 11, 1)),
            Err(CaseError::UnknownJurisdiction { .. })
        ));
    }

    #[test]
    fn threads_asking_at_once_share_one_resolution() {
        let book = RuleBook::embedded();
        let start = std::sync::Barrier::new(8);
        let got: Vec<Arc<Resolved>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|_| {
                    s.spawn(|| {
                        start.wait();
                        book.resolved("621027", date(2026, 11, 1)).unwrap()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(got.iter().all(|r| Arc::ptr_eq(r, &got[0])));
        assert_eq!(book.resolved_count(), 1);
    }

    #[test]
    fn an_overlay_is_seen_after_earlier_resolutions() {
        let day = date(2026, 11, 1);
        let book = RuleBook::embedded();
        let before = standard(&Params::resolve(&book, "621027", day).unwrap());
        let raised = book
            .overlay_str(
                r#"
                [division]
                code = "621027"
                name = "Zhenyuan"
                [[param]]
                name = "dibao_standard_urban_month"
                from = "2026-07-01"
                value = 900
                status = "published"
                source = "test"
                "#,
            )
            .unwrap();
        let after = standard(&Params::resolve(&raised, "621027", day).unwrap());
        assert_ne!(before, after);
        assert_eq!(after, Decimal::from(900));
    }

    #[test]
    fn the_store_is_bounded() {
        let book = RuleBook::embedded();
        for d in 0..(RESOLVED_KEPT_FOR_TESTS as u64 * 3) {
            let day = date(2026, 1, 1) + chrono::Days::new(d);
            book.resolved("621027", day).unwrap();
        }
        assert!(book.resolved_count() <= RESOLVED_KEPT_FOR_TESTS);
    }

    #[test]
    fn uses_list_only_what_the_rules_read() {
        let book = RuleBook::embedded();
        let p = Params::resolve(&book, "621027", date(2026, 11, 1)).unwrap();
        assert!(p.uses().is_empty());
        standard(&p);
        let uses = p.uses();
        let names: Vec<&str> = uses.iter().map(|u| &*u.name).collect();
        assert_eq!(names, ["dibao_standard_urban_month"]);
        let json = serde_json::to_string(&uses).unwrap();
        let back: ParamUses = serde_json::from_str(&json).unwrap();
        assert_eq!(back, uses);
    }
}
