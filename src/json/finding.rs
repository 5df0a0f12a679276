//! How a finding is written in the answer: its rule, verdict, member, figures and distance, the
//! rule's source (unless the answer names a table of sources), and the two sentences (unless the caller asked for findings without them), written straight into the output as they are rendered.
//! The finding itself (src/explain/finding.rs) knows nothing of this.
//!
//! A finding does not carry the evaluation date, yet its source follows the date (S0 from
//! 2026-07-01, `RuleId::source_on`): the determination being written states the date for the
//! time it is written ([`EvaluationDate::enter`]), and each finding reads it. A finding written
//! on its own, outside any determination, cites the older source (`RuleId::source`).
//!
//! May use: the explanation layer (findings, sentences); part of the JSON face.

use std::cell::Cell;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use super::text::{SentenceText, SourceText};
use crate::explain::{Dec, Figure, Finding, Lang, Sentence};

/// How the findings written now are written: the evaluation date of the determination being
/// written on this thread, if any, and whether their sentences are written.
#[derive(Clone, Copy)]
struct Writing {
    date: Option<NaiveDate>,
    sentences: bool,
    /// Whether each finding writes its rule's source (not when the answer names a table of
    /// sources written once elsewhere, as a batch does).
    sources: bool,
}

thread_local! {
    /// How the findings of the determination being written on this thread are written.
    static WRITING_FOR: Cell<Writing> = const {
        Cell::new(Writing { date: None, sentences: true, sources: true })
    };
}

/// The evaluation date of the determination being written, and whether its findings' sentences
/// are written, for as long as the guard lives (restoring the state before it, so that one
/// determination written inside another is fine).
pub(super) struct EvaluationDate(Writing);

impl EvaluationDate {
    /// States `date` as the date the findings written from now on are cited for, and whether
    /// their sentences are written (`zh`, `en`).
    /// With `sources` false, the findings leave their `source` out: the answer names the
    /// table it is read from.
    pub(super) fn enter(date: NaiveDate, sentences: bool, sources: bool) -> Self {
        let now = Writing {
            date: Some(date),
            sentences,
            sources,
        };
        EvaluationDate(WRITING_FOR.with(|c| c.replace(now)))
    }
}

impl Drop for EvaluationDate {
    fn drop(&mut self) {
        WRITING_FOR.with(|c| c.set(self.0));
    }
}

/// The fields of `FindingRepr`, written by hand so that each sentence is rendered once into a
/// reused buffer and handed to the writer whole (`super::text`).
impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;

        let writing = WRITING_FOR.with(Cell::get);
        let member = self.member.as_deref();
        let fields = 3
            + usize::from(writing.sources)
            + 2 * usize::from(writing.sentences)
            + usize::from(member.is_some())
            + usize::from(self.distance.is_some());
        let mut st = s.serialize_struct("FindingRepr", fields)?;
        st.serialize_field("rule", &self.rule)?;
        st.serialize_field("verdict", &self.verdict)?;
        match member {
            Some(k) => st.serialize_field("member", k)?,
            None => st.skip_field("member")?,
        }
        let figures: &[Figure] = &self.figures;
        st.serialize_field("figures", figures)?;
        match self.distance {
            Some(d) => st.serialize_field("distance", &Dec(d))?,
            None => st.skip_field("distance")?,
        }
        if writing.sources {
            st.serialize_field("source", &SourceText(self.rule, writing.date))?;
        } else {
            st.skip_field("source")?;
        }
        if writing.sentences {
            st.serialize_field("zh", &SentenceText(Sentence(self, Lang::Zh)))?;
            st.serialize_field("en", &SentenceText(Sentence(self, Lang::En)))?;
        } else {
            st.skip_field("zh")?;
            st.skip_field("en")?;
        }
        st.end()
    }
}
