//! How a sentence is written into the answer: rendered once into a reused buffer, then handed to
//! serde_json whole, as an already-quoted string when it needs no escaping (the common case: the
//! sentence tables hold no quote, backslash or control character, and member keys rarely do).
//!
//! May use: the explanation layer (sentences); part of the JSON face.

use std::cell::RefCell;
use std::fmt::Write;

use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use chrono::NaiveDate;

use crate::explain::{LAW_IN_FORCE, RuleId, Sentence};

thread_local! {
    /// The buffer every sentence of this thread is rendered into, kept between answers.
    static SCRATCH: RefCell<String> = RefCell::new(String::with_capacity(1024));
}

/// A sentence serialised as a JSON string.
pub(super) struct SentenceText<'a>(pub(super) Sentence<'a>);

impl Serialize for SentenceText<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut buf) => write(&self.0, &mut buf, s),
            // only if a sentence were written while another one is (it is not)
            Err(_) => write(&self.0, &mut String::new(), s),
        })
    }
}

/// A rule's policy source for an evaluation date (`RuleId::source_on`; the older source when no
/// date is stated) as JSON text, quoted once per process and copied after.
pub(super) struct SourceText(pub(super) RuleId, pub(super) Option<NaiveDate>);

impl Serialize for SourceText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// Every rule's older source, then every rule's source under the law.
        static QUOTED: std::sync::OnceLock<Vec<Box<RawValue>>> = std::sync::OnceLock::new();
        let table = QUOTED.get_or_init(|| {
            let older = RuleId::ALL.iter().map(|r| r.source());
            let law = RuleId::ALL.iter().map(|r| r.source_on(LAW_IN_FORCE));
            older
                .chain(law)
                .filter_map(|t| serde_json::value::to_raw_value(t).ok())
                .collect()
        });
        let under_law = self.1.is_some_and(|d| d >= LAW_IN_FORCE);
        // the catalogue lists the rules in their declared order (tested below)
        let at = (self.0 as usize).saturating_add(if under_law { RuleId::ALL.len() } else { 0 });
        match table.get(at) {
            Some(raw) if table.len() == 2 * RuleId::ALL.len() => raw.serialize(s),
            _ => s.serialize_str(match self.1 {
                Some(date) => self.0.source_on(date),
                None => self.0.source(),
            }),
        }
    }
}

fn write<S: Serializer>(
    sentence: &Sentence<'_>,
    buf: &mut String,
    s: S,
) -> Result<S::Ok, S::Error> {
    buf.clear();
    buf.push('"');
    if write!(buf, "{sentence}").is_err() {
        return Err(serde::ser::Error::custom("a sentence could not be written"));
    }
    buf.push('"');
    let inner = buf.get(1..buf.len().saturating_sub(1)).unwrap_or_default();
    if is_plain(inner) {
        // serde_json checks the quoted text (a fast scan) and writes it as it is
        if let Ok(raw) = serde_json::from_str::<&RawValue>(buf) {
            return raw.serialize(s);
        }
    }
    s.serialize_str(inner)
}

/// Whether the text is its own JSON string body: no quote, backslash or control character.
/// Written as a fold without an early exit so that the compiler vectorises it.
fn is_plain(text: &str) -> bool {
    text.bytes()
        .fold(true, |ok, b| ok & (b >= 0x20) & (b != b'"') & (b != b'\\'))
}

#[cfg(test)]
mod tests {
    use super::is_plain;
    use crate::explain::RuleId;

    #[test]
    fn rules_are_listed_in_their_declared_order() {
        for (i, r) in RuleId::ALL.iter().enumerate() {
            assert_eq!(*r as usize, i);
        }
    }

    #[test]
    fn plain_text_is_told_from_text_that_needs_escaping() {
        assert!(is_plain("月人均收入 700.00 元 < 标准"));
        assert!(!is_plain("member \"a\""));
        assert!(!is_plain("a\\b"));
        assert!(!is_plain("tab\there"));
    }
}
