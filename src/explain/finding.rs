//! Findings: one rule applied to one household or member, with the figures it compared.
//!
//! May use: the case (member keys) and the catalogue beside it; knows nothing of JSON (its wire form is in `src/json/finding.rs`).

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize, Serializer};

use super::catalogue::RuleId;
use super::figures::Figures;
use super::text;
use crate::case::MemberKey;

/// What a rule concluded.
///
/// For eligibility tests `pass` means the condition for assistance holds. For accounting rules
/// (who counts, what income counts) `pass` means the item is taken as stated and `fail` that the
/// rule excluded or reduced it; `rules-spec/rules/` states the meaning for each rule.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// The rule's condition holds.
    Pass,
    /// The rule's condition does not hold.
    Fail,
    /// The rule does not apply to this case.
    NotApplicable,
    /// The case lacks what the rule needs; a person must review it.
    Unknown,
}

impl Verdict {
    /// `Pass` when the rule's condition holds, `Fail` otherwise.
    ///
    /// ```
    /// use jiuzhu::Verdict;
    /// assert_eq!(Verdict::pass_if(450 < 700), Verdict::Pass);
    /// assert_eq!(Verdict::pass_if(false), Verdict::Fail);
    /// ```
    pub const fn pass_if(holds: bool) -> Verdict {
        if holds { Verdict::Pass } else { Verdict::Fail }
    }

    /// `Fail` when `breached` (the case meets what the rule excludes), `Pass` otherwise.
    ///
    /// ```
    /// use jiuzhu::Verdict;
    /// assert_eq!(Verdict::fail_if(true), Verdict::Fail);
    /// ```
    pub const fn fail_if(breached: bool) -> Verdict {
        Verdict::pass_if(!breached)
    }
}

/// A figure a rule used: a name and a typed value.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
pub struct Figure {
    /// What the figure is, e.g. `per_capita_income`.
    pub name: Cow<'static, str>,
    /// Its value, tagged by kind: `{"name": "standard", "yuan": "700"}`.
    #[serde(flatten)]
    pub value: FigureValue,
}

/// Written by hand rather than derived with `flatten`: the same JSON, without serde's buffering.
impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;

        // A struct rather than a map: the same JSON, with keys the writer knows to be plain.
        let mut m = s.serialize_struct("Figure", 2)?;
        m.serialize_field("name", &self.name)?;
        match &self.value {
            FigureValue::Yuan(d) => m.serialize_field("yuan", &Dec(*d))?,
            FigureValue::Number(d) => m.serialize_field("number", &Dec(*d))?,
            FigureValue::Ratio(d) => m.serialize_field("ratio", &Dec(*d))?,
            FigureValue::Area(d) => m.serialize_field("area", &Dec(*d))?,
            FigureValue::Date(d) => m.serialize_field("date", d)?,
            FigureValue::Code(c) => m.serialize_field("code", c)?,
        }
        m.end()
    }
}

/// A decimal serialised as its normalised text (`"700"`, `"0.95"`).
pub(crate) struct Dec(pub(crate) Decimal);

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use std::fmt::Write;
        // Formatted once on the stack and handed over whole: `collect_str` would take every
        // piece of the formatting through the serialiser's escaping, one call each.
        let mut t = ShortText::new();
        match write!(t, "{}", self.0.normalize()).ok().and(t.as_str()) {
            Some(text) => s.serialize_str(text),
            None => s.collect_str(&self.0.normalize()),
        }
    }
}

/// Up to 64 bytes of text written on the stack (a decimal's digits), with no heap allocation.
pub(crate) struct ShortText {
    buf: [u8; 64],
    len: usize,
}

impl ShortText {
    /// Empty.
    pub(crate) const fn new() -> Self {
        ShortText {
            buf: [0; 64],
            len: 0,
        }
    }

    /// The text written so far.
    pub(crate) fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(self.buf.get(..self.len)?).ok()
    }
}

impl std::fmt::Write for ShortText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(std::fmt::Error)?;
        let dst = self.buf.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The value of a [`Figure`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FigureValue {
    /// Yuan (per month unless the name says otherwise).
    Yuan(
        #[serde(with = "crate::money::decimal_str")]
        #[schemars(with = "String")]
        Decimal,
    ),
    /// A count or plain number (persons, months, homes, years).
    Number(
        #[serde(with = "crate::money::decimal_str")]
        #[schemars(with = "String")]
        Decimal,
    ),
    /// A share (0.95 = 95 %).
    Ratio(
        #[serde(with = "crate::money::decimal_str")]
        #[schemars(with = "String")]
        Decimal,
    ),
    /// Square metres.
    Area(
        #[serde(with = "crate::money::decimal_str")]
        #[schemars(with = "String")]
        Decimal,
    ),
    /// A date.
    Date(NaiveDate),
    /// A code from the case model or the parameters (e.g. `imprisoned`, `class_2`).
    Code(Cow<'static, str>),
}

/// One rule applied: its ID, verdict, the member it concerns, the figures compared and, where a
/// threshold decided, the distance to the other side.
///
/// The Chinese and English sentences are written from these facts when the finding is
/// serialised or when [`Finding::text_zh`] / [`Finding::text_en`] is called, so evaluation
/// itself does no text formatting.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Finding {
    /// The rule applied.
    pub rule: RuleId,
    /// What it concluded.
    pub verdict: Verdict,
    /// The member concerned, by the caller's opaque key; `None` for the whole household.
    pub member: Option<MemberKey>,
    /// The figures the rule used.
    pub figures: Figures,
    /// Where a threshold decided: how far the figure is from the threshold, in the figure's unit.
    pub distance: Option<Decimal>,
}

/// The figure methods of [`Finding`] and of a finding being written in place ([`Draft`]): one
/// home for how each kind of figure is made, over each type's own `push` and `set_distance`.
macro_rules! figure_methods {
    ($vis:vis) => {
        /// Adds a yuan figure.
        $vis fn yuan(self, name: &'static str, v: Decimal) -> Self {
            self.push(name, FigureValue::Yuan(v))
        }

        /// Adds a count or plain number.
        $vis fn number(self, name: &'static str, v: impl Into<Decimal>) -> Self {
            self.push(name, FigureValue::Number(v.into()))
        }

        /// Adds a share.
        $vis fn ratio(self, name: &'static str, v: Decimal) -> Self {
            self.push(name, FigureValue::Ratio(v))
        }

        /// Adds an area in square metres.
        $vis fn area(self, name: &'static str, v: Decimal) -> Self {
            self.push(name, FigureValue::Area(v))
        }

        /// Adds a date.
        $vis fn date(self, name: &'static str, v: NaiveDate) -> Self {
            self.push(name, FigureValue::Date(v))
        }

        /// Adds a code.
        $vis fn code(self, name: &'static str, v: &'static str) -> Self {
            self.push(name, FigureValue::Code(Cow::Borrowed(v)))
        }

        /// Sets the distance to the threshold.
        $vis fn distance(self, d: Decimal) -> Self {
            self.set_distance(d)
        }

        /// Sets the distance to the threshold as how far `figure` lies from `threshold`, either
        /// side (saturating at the largest decimal rather than overflowing).
        ///
        /// ```
        /// use jiuzhu::{Finding, RuleId, Verdict};
        /// use rust_decimal::Decimal;
        /// let f = Finding::new(RuleId::Db1, Verdict::Pass)
        ///     .distance_between(Decimal::from(450), Decimal::from(700));
        /// assert_eq!(f.distance, Some(Decimal::from(250)));
        /// ```
        $vis fn distance_between(self, figure: Decimal, threshold: Decimal) -> Self {
            self.distance(figure.saturating_sub(threshold).abs())
        }
    };
}

impl Finding {
    /// A household-level finding with no figures yet.
    pub fn new(rule: RuleId, verdict: Verdict) -> Self {
        Finding {
            rule,
            verdict,
            member: None,
            figures: Figures::new(),
            distance: None,
        }
    }

    /// Names the member the finding concerns.
    pub fn member(mut self, key: &MemberKey) -> Self {
        self.member = Some(key.clone());
        self
    }

    fn push(mut self, name: &'static str, value: FigureValue) -> Self {
        Draft::new(&mut self).push(name, value);
        self
    }

    fn set_distance(mut self, d: Decimal) -> Self {
        Draft::new(&mut self).set_distance(d);
        self
    }

    figure_methods!(pub);

    /// The figure of that name, if present.
    ///
    /// ```
    /// use jiuzhu::{FigureValue, Programme, RuleBook, RuleId, evaluate, parse_case};
    /// use rust_decimal::{Decimal, dec};
    /// let case = parse_case(r#"{"evaluation_date": "2026-11-01", "jurisdiction": "621027",
    ///   "purpose": "new_application", "area": "urban", "household": {"members": [
    ///   {"key": "m1", "relation": "applicant", "birth_date": "1980-01-01"}]}}"#).unwrap();
    /// let det = evaluate(&case, &RuleBook::embedded()).unwrap();
    /// let dibao = det.programme(Programme::MinimumLiving).unwrap();
    /// // DB-1 compares the income per person with the standard, and states both
    /// let db1 = dibao.findings.iter().find(|f| f.rule == RuleId::Db1).unwrap();
    /// assert_eq!(db1.figure("standard"), Some(&FigureValue::Yuan(dec!(623))));
    /// for f in &db1.figures {
    ///     println!("{} = {:?}", f.name, f.value);
    /// }
    /// assert!(db1.text_en().contains("623"));
    /// ```
    pub fn figure(&self, name: &str) -> Option<&FigureValue> {
        self.figures
            .iter()
            .find(|f| f.name == name)
            .map(|f| &f.value)
    }

    /// The explanation in Chinese.
    pub fn text_zh(&self) -> String {
        text::Sentence(self, text::Lang::Zh).to_string()
    }

    /// The explanation in English.
    pub fn text_en(&self) -> String {
        text::Sentence(self, text::Lang::En).to_string()
    }
}

/// A finding being written in place, where its record keeps it: the same figure methods as
/// [`Finding`], chained by value, without moving the finding itself at each step.
pub(crate) struct Draft<'f>(&'f mut Finding);

impl<'f> Draft<'f> {
    /// Writes into `finding`.
    pub(crate) fn new(finding: &'f mut Finding) -> Self {
        Draft(finding)
    }

    fn push(self, name: &'static str, value: FigureValue) -> Self {
        self.0.figures.push(Figure {
            name: Cow::Borrowed(name),
            value,
        });
        self
    }

    fn set_distance(self, d: Decimal) -> Self {
        self.0.distance = Some(d);
        self
    }

    figure_methods!(pub(crate));

    /// Adds a code whose value is not a fixed word (a local category).
    pub(crate) fn owned_code(self, name: &'static str, v: &str) -> Self {
        self.push(name, FigureValue::Code(Cow::Owned(v.to_owned())))
    }
}

// Read by `Deserialize` and described by the schema (so its doc comment is the schema's
// description). The JSON face's `Serialize` for `Finding` (src/json/finding.rs) writes the same
// fields, in the same order and with the same omissions, with the sentences written straight into
// the output.
/// The serialised shape of a [`Finding`], with its source and sentences.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(
    dead_code,
    reason = "source, zh and en are accepted on input but written from the rule"
)]
#[schemars(title = "Finding")]
struct FindingRepr<'a> {
    rule: RuleId,
    verdict: Verdict,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    member: Option<Cow<'a, str>>,
    #[serde(default)]
    figures: Cow<'a, [Figure]>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_decimal::deserialize"
    )]
    #[schemars(with = "Option<String>")]
    distance: Option<Decimal>,
    /// The policy source of the rule (as in force on the evaluation date).
    source: Cow<'a, str>,
    /// The explanation in Chinese (absent when the caller asked for findings without
    /// sentences).
    #[serde(default)]
    zh: Cow<'a, str>,
    /// The explanation in English (absent as `zh`).
    #[serde(default)]
    en: Cow<'a, str>,
}

mod opt_decimal {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        #[derive(Deserialize)]
        struct W(#[serde(deserialize_with = "crate::money::strict_decimal")] Decimal);
        Ok(Option::<W>::deserialize(d)?.map(|w| w.0))
    }
}

impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = FindingRepr::deserialize(d)?;
        Ok(Finding {
            rule: r.rule,
            verdict: r.verdict,
            member: r.member.map(|k| MemberKey::from(&*k)),
            figures: r.figures.into_owned().into(),
            distance: r.distance,
        })
    }
}

impl JsonSchema for Finding {
    fn schema_name() -> Cow<'static, str> {
        "Finding".into()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        FindingRepr::json_schema(g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_serialise_flat_and_read_back() {
        let f = Finding::new(RuleId::Db1, Verdict::Pass)
            .yuan("standard", Decimal::new(70000, 2))
            .code("class", "class_2");
        let json = serde_json::to_string(&f.figures).unwrap();
        assert_eq!(
            json,
            r#"[{"name":"standard","yuan":"700"},{"name":"class","code":"class_2"}]"#
        );
        let back: Vec<Figure> = serde_json::from_str(&json).unwrap();
        assert_eq!(back[..], f.figures[..]);
    }
}
