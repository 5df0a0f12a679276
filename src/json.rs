//! The JSON face: a case as JSON in, `{"ok": determination}` or `{"error": …}` out, never a
//! panic. Serves the C ABI, the examples and other languages alike.
//!
//! Layer 12, the last. May use: everything before it (the notices of `src/notice.rs` included);
//! nothing uses it but the crate root and callers.

use std::sync::OnceLock;

use serde::Serialize;

use crate::case::{Case, CaseError};
use crate::determination::Determination;
use crate::limits::{MAX_DEPTH, MAX_INPUT_BYTES};
use crate::pipeline::Options;
use crate::rules::RuleBook;

mod finding;
mod text;

/// The error part of a JSON answer.
#[derive(Debug, Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    message: String,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum Answer<'a> {
    Ok(DeterminationView<'a>),
    Error(ErrorBody<'a>),
}

/// A determination as the answer writes it: the same fields, in the same order and form, as
/// its own `Serialize` (below), except that parameter entries shared with other determinations
/// are written once per division and date and then copied (`tests/answer.rs` holds the two
/// equal).
struct DeterminationView<'a> {
    fields: DeterminationFields<'a>,
    /// Whether the findings' sentences are written.
    sentences: bool,
}

/// The fields of a determination, in order; the parameters through [`ParametersView`].
#[derive(Serialize)]
struct DeterminationFields<'a> {
    evaluation_date: &'a chrono::NaiveDate,
    jurisdiction: &'a str,
    purpose: &'a crate::case::Purpose,
    area: &'a crate::case::Area,
    programmes: &'a [crate::determination::ProgrammeResult],
    accounts: &'a crate::determination::Accounts,
    parameters: ParametersView<'a>,
    #[serde(skip_serializing_if = "ParametersView::is_empty")]
    emergency_parameters: ParametersView<'a>,
    /// The table of rule sources the findings cite, when written once elsewhere (a batch's
    /// `source_set` line); the findings then leave out their `source`.
    #[serde(skip_serializing_if = "Option::is_none")]
    sources: Option<&'a serde_json::value::RawValue>,
    audit: &'a crate::determination::Audit,
    verification: &'a crate::verify::Verification,
    monitoring: &'a crate::monitor::Monitoring,
}

impl Serialize for DeterminationView<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // the findings cite the sources in force on the evaluation date (S0 from 2026-07-01)
        let _date = finding::EvaluationDate::enter(
            *self.fields.evaluation_date,
            self.sentences,
            self.fields.sources.is_none(),
        );
        self.fields.serialize(s)
    }
}

/// A determination written by serde: the same JSON as the answer's (the findings' sources
/// follow its evaluation date; the parameter entries are written, not copied).
impl Serialize for Determination {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        DeterminationView::new(self, false, true).serialize(s)
    }
}

impl<'a> DeterminationView<'a> {
    /// The view of `d`; `memo`: whether the parameter entries are copied from their memo (the
    /// answer) or written; `sentences`: whether the findings' sentences are written.
    fn new(d: &'a Determination, memo: bool, sentences: bool) -> Self {
        // Every field named: a field added to `Determination` fails to compile here until the
        // view writes it too.
        let Determination {
            evaluation_date,
            jurisdiction,
            purpose,
            area,
            programmes,
            accounts,
            parameters,
            emergency_parameters,
            audit,
            verification,
            monitoring,
        } = d;
        DeterminationView {
            fields: DeterminationFields {
                evaluation_date,
                jurisdiction,
                purpose,
                area,
                programmes,
                accounts,
                parameters: ParametersView(parameters, memo, None),
                emergency_parameters: ParametersView(emergency_parameters, memo, None),
                sources: None,
                audit,
                verification,
                monitoring,
            },
            sentences,
        }
    }
}

/// The parameter entries, copied from their memo when the flag says so, or, when a reference is
/// given, that JSON text written in their place.
struct ParametersView<'a>(
    &'a crate::rules::ParamUses,
    bool,
    Option<&'a serde_json::value::RawValue>,
);

impl ParametersView<'_> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for ParametersView<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if let Some(reference) = self.2 {
            return reference.serialize(s);
        }
        use serde_json::value::RawValue;
        enum Entry<'a> {
            Written(&'a RawValue),
            Plain(&'a crate::rules::ParamUse),
        }
        impl Serialize for Entry<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    Entry::Written(text) => text.serialize(s),
                    Entry::Plain(u) => u.serialize(s),
                }
            }
        }
        // The entry's text is kept in the resolution's memo slot, written by serde_json for the
        // first answer that needs it and copied as it is (a `RawValue`) by every answer after.
        if !self.1 {
            return s.collect_seq(self.0.iter());
        }
        s.collect_seq(self.0.with_memos().map(|(u, slot)| {
            let Some(slot) = slot else {
                return Entry::Plain(u);
            };
            if slot.get().is_none()
                && let Ok(text) = serde_json::value::to_raw_value(u)
            {
                // Another thread may have filled it meanwhile: the same text either way.
                let _ = slot.set(Box::new(text));
            }
            match slot.get().and_then(|m| m.downcast_ref::<Box<RawValue>>()) {
                Some(text) => Entry::Written(text),
                None => Entry::Plain(u),
            }
        }))
    }
}

static EMBEDDED: OnceLock<RuleBook> = OnceLock::new();

/// The embedded rule book, built once per process.
///
/// ```
/// let book: &'static jiuzhu::RuleBook = jiuzhu::embedded_rules();
/// assert!(std::ptr::eq(book, jiuzhu::embedded_rules()));
/// assert_eq!(book.digest(), jiuzhu::RuleBook::embedded().digest());
/// ```
pub fn embedded_rules() -> &'static RuleBook {
    EMBEDDED.get_or_init(RuleBook::embedded)
}

/// Evaluates a case given as JSON under the embedded rules.
///
/// Always answers with JSON: `{"ok": <determination>}` or
/// `{"error": {"code": …, "path": …, "message": …}}`.
///
/// ```
/// let answer = jiuzhu::evaluate_json(r#"{
///   "evaluation_date": "2026-11-01", "jurisdiction": "621027",
///   "purpose": "new_application", "area": "urban",
///   "household": { "members": [
///     { "key": "m1", "relation": "applicant", "birth_date": "2030-01-01" } ] }
/// }"#);
/// assert!(answer.contains(r#""path":"household.members[0].birth_date""#));
/// assert!(answer.contains("after the evaluation date"));
/// ```
pub fn evaluate_json(input: &str) -> String {
    evaluate_json_with(input, embedded_rules())
}

/// Evaluates a case given as JSON under the given rules; answers as [`evaluate_json`].
///
/// ```
/// let rules = jiuzhu::RuleBook::embedded().overlay_dir("examples/rules-inferred").unwrap();
/// let answer = jiuzhu::evaluate_json_with(r#"{
///   "evaluation_date": "2023-06-01", "jurisdiction": "621027",
///   "purpose": "new_application", "area": "rural",
///   "household": { "members": [
///     { "key": "m1", "relation": "applicant", "birth_date": "1950-05-01" } ] }
/// }"#, &rules);
/// let v: serde_json::Value = serde_json::from_str(&answer).unwrap();
/// assert_eq!(v["ok"]["audit"]["parameters_digest"], rules.digest());
/// ```
pub fn evaluate_json_with(input: &str, rules: &RuleBook) -> String {
    evaluate_json_with_options(input, rules, &Options::default())
}

/// Evaluates a case given as JSON under the given rules, with options; answers as
/// [`evaluate_json`], with as much explanation as `options.explain` asks for: with
/// [`Explain::Findings`](crate::Explain::Findings) the findings have no `zh` and `en`, with
/// [`Explain::None`](crate::Explain::None) every `findings` list is empty. The default options
/// give [`evaluate_json_with`]'s answer, byte for byte.
///
/// ```
/// use jiuzhu::{Explain, Options};
/// let case = r#"{
///   "evaluation_date": "2026-11-01", "jurisdiction": "621027",
///   "purpose": "new_application", "area": "urban",
///   "household": { "members": [
///     { "key": "m1", "relation": "applicant", "birth_date": "1950-05-01" } ] }
/// }"#;
/// let rules = jiuzhu::embedded_rules();
/// let full = jiuzhu::evaluate_json_with(case, rules);
/// let findings = jiuzhu::evaluate_json_with_options(
///     case, rules, &Options::default().with_explain(Explain::Findings));
/// let none = jiuzhu::evaluate_json_with_options(
///     case, rules, &Options::default().with_explain(Explain::None));
/// assert!(full.contains(r#""zh":"#) && !findings.contains(r#""zh":"#));
/// assert!(findings.contains(r#""rule":"DB-1""#) && !none.contains(r#""rule":"DB-1""#));
/// assert!(none.len() < findings.len() && findings.len() < full.len());
/// ```
pub fn evaluate_json_with_options(input: &str, rules: &RuleBook, options: &Options) -> String {
    let result = parse_case(input).and_then(|case| crate::evaluate_with(&case, rules, options));
    answer_with(result.as_ref(), options)
}

/// Evaluates a case given as JSON under the embedded rules and answers with the decisions in
/// writing it calls for (S0 Arts. 45, 48; see [`crate::notices`]): `{"ok": [<notice>, …]}` or
/// the same error answer as [`evaluate_json`].
///
/// ```
/// let answer = jiuzhu::evaluate_notices_json(r#"{
///   "evaluation_date": "2026-11-01", "jurisdiction": "621027",
///   "purpose": "new_application", "area": "urban",
///   "household": { "members": [
///     { "key": "m1", "relation": "applicant", "birth_date": "1980-01-01" } ],
///     "incomes": [ { "member": "m1", "category": "wage", "amount": "24000",
///                    "from": "2025-11-01", "to": "2026-10-31" } ] }
/// }"#);
/// assert!(answer.starts_with(r#"{"ok":[{"kind":"refusal""#));
/// ```
pub fn evaluate_notices_json(input: &str) -> String {
    evaluate_notices_json_with(input, embedded_rules())
}

/// Evaluates a case given as JSON under the given rules and answers with its notices, as
/// [`evaluate_notices_json`].
///
/// ```
/// let answer = jiuzhu::evaluate_notices_json_with("{", jiuzhu::embedded_rules());
/// assert!(answer.starts_with(r#"{"error":{"code":"malformed""#));
/// ```
pub fn evaluate_notices_json_with(input: &str, rules: &RuleBook) -> String {
    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum NoticeAnswer<'a> {
        Ok(Vec<crate::notice::Notice>),
        Error(ErrorBody<'a>),
    }
    let result = parse_case(input).and_then(|case| crate::evaluate(&case, rules));
    let a = match &result {
        Ok(d) => NoticeAnswer::Ok(crate::notice::notices(d)),
        Err(e) => NoticeAnswer::Error(error_body(e)),
    };
    serde_json::to_string(&a).unwrap_or_else(|_| {
        r#"{"error":{"code":"internal","message":"the answer could not be written"}}"#.to_owned()
    })
}

/// Writes the JSON answer for a result, with serde_json: the same `{"ok": …}` or
/// `{"error": …}` as [`evaluate_json`], for a case evaluated in Rust.
///
/// ```
/// use jiuzhu::{answer, evaluate, parse_case, RuleBook};
/// let case = parse_case(r#"{"evaluation_date": "2026-11-01", "jurisdiction": "621027",
///   "purpose": "new_application", "area": "urban", "household": {"members": [
///   {"key": "m1", "relation": "applicant", "birth_date": "1950-05-01"}]}}"#).unwrap();
/// let result = evaluate(&case, &RuleBook::embedded());
/// let json = answer(result.as_ref());
/// assert!(json.starts_with(r#"{"ok":{"evaluation_date":"2026-11-01""#));
///
/// let err = parse_case("[]").unwrap_err();
/// assert!(answer(Err(&err)).starts_with(r#"{"error":{"code":"malformed""#));
/// ```
pub fn answer(result: Result<&Determination, &CaseError>) -> String {
    answer_with(result, &Options::default())
}

/// Writes the JSON answer for a result as [`answer`], with the findings' sentences only when
/// `options.explain` asks for them ([`Explain::Sentences`](crate::Explain::Sentences), the
/// default). The findings written are those the determination holds.
pub fn answer_with(result: Result<&Determination, &CaseError>, options: &Options) -> String {
    let sentences = options.explain.sentences();
    let a = match result {
        Ok(d) => Answer::Ok(DeterminationView::new(d, true, sentences)),
        Err(e) => Answer::Error(error_body(e)),
    };
    // `to_string` hands over serde_json's own text with no second UTF-8 check of the whole
    // answer (which `String::from_utf8` over a buffer of our own would make).
    serde_json::to_string(&a).unwrap_or_else(|_| {
        r#"{"error":{"code":"internal","message":"the answer could not be written"}}"#.to_owned()
    })
}

/// Writes the JSON answer for a determination as [`answer_with`] does, except that its list of
/// parameters used is written as the JSON text `parameters` and, when the determination has
/// one, the emergency division's list as the JSON text `emergency_parameters`: references to
/// lists written once elsewhere. The batch tool writes the parameters in force for each
/// division and date once and refers to them from every answer
/// (`{"set": "sha256:…", "used": [0, 3, …]}`). With `sources`, the JSON text of a reference to
/// a table of rule sources written once elsewhere (the batch's `{"set": "sha256:…"}` of a
/// `source_set` line), the answer writes it as `sources` and its findings leave out their
/// `source` (such an answer is read back with the sources put in again: a finding's `source` is
/// required). Text that is not JSON gives an `internal` error answer.
///
/// ```
/// use jiuzhu::{evaluate, parse_case, Options};
/// let case = parse_case(r#"{
///   "evaluation_date": "2026-11-01", "jurisdiction": "621027",
///   "purpose": "new_application", "area": "urban",
///   "household": { "members": [
///     { "key": "m1", "relation": "applicant", "birth_date": "1950-05-01" } ] }
/// }"#).unwrap();
/// let det = evaluate(&case, jiuzhu::embedded_rules()).unwrap();
/// let a = jiuzhu::answer_with_parameter_refs(&det, &Options::default(), r#"{"set":"s1"}"#, "null", None);
/// assert!(a.contains(r#""parameters":{"set":"s1"}"#));
/// assert!(!a.contains("emergency_parameters"));
/// assert!(a.contains(r#""source":"S0 Art. 18; S7 item 2""#));
///
/// // the findings' sources from a table written once
/// let b = jiuzhu::answer_with_parameter_refs(&det, &Options::default(), r#"{"set":"s1"}"#, "null",
///     Some(r#"{"set":"t1"}"#));
/// assert!(b.contains(r#""sources":{"set":"t1"}"#));
/// assert!(!b.contains(r#""source":"#));
/// ```
pub fn answer_with_parameter_refs(
    det: &Determination,
    options: &Options,
    parameters: &str,
    emergency_parameters: &str,
    sources: Option<&str>,
) -> String {
    const INTERNAL: &str =
        r#"{"error":{"code":"internal","message":"the answer could not be written"}}"#;
    use serde_json::value::RawValue;
    let (Ok(main), Ok(emergency), Ok(sources)) = (
        serde_json::from_str::<&RawValue>(parameters),
        serde_json::from_str::<&RawValue>(emergency_parameters),
        sources.map(serde_json::from_str::<&RawValue>).transpose(),
    ) else {
        return INTERNAL.to_owned();
    };
    let mut view = DeterminationView::new(det, false, options.explain.sentences());
    view.fields.parameters.2 = Some(main);
    view.fields.emergency_parameters.2 = Some(emergency);
    view.fields.sources = sources;
    serde_json::to_string(&Answer::Ok(view)).unwrap_or_else(|_| INTERNAL.to_owned())
}

fn error_body(e: &CaseError) -> ErrorBody<'_> {
    ErrorBody {
        code: e.code(),
        path: e.path(),
        message: e.to_string(),
    }
}

/// Reads a case from JSON, with the input limits of [`crate::limits`] and errors that name the
/// field path without echoing input text.
///
/// ```
/// let case = jiuzhu::parse_case(r#"{"evaluation_date": "2026-11-01", "jurisdiction": "621027",
///   "purpose": "recheck", "area": "rural", "household": {"members": [
///   {"key": "m1", "relation": "applicant", "birth_date": "1950-05-01"}]}}"#).unwrap();
/// assert_eq!(case.household.members[0].key, "m1");
///
/// // errors name the field and never echo the input
/// let err = jiuzhu::parse_case(r#"{"evaluation_date": "2026-11-1"}"#).unwrap_err();
/// assert_eq!((err.code(), err.path()), ("malformed", Some("evaluation_date")));
/// // an unknown field is shown by position only: its name may be a person's name
/// let err = jiuzhu::parse_case(r#"{"evaluation_date": "2026-11-01", "zhangsan": "x"}"#).unwrap_err();
/// assert_eq!(err.path(), Some("<field>"));
/// ```
pub fn parse_case(input: &str) -> Result<Case, CaseError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(CaseError::TooLarge {
            what: "case document bytes",
            limit: MAX_INPUT_BYTES,
        });
    }
    // The common case first: a well-formed document parses without path tracking, which costs
    // about twice as much; only a failure is parsed again to name the field path. A document
    // that parses is no deeper than the case model (every object refuses unknown fields), and
    // serde_json bounds its own recursion, so the depth is measured only when parsing fails.
    if let Ok(case) = serde_json::from_str::<Case>(input) {
        return Ok(case);
    }
    if nesting_depth(input.as_bytes()) > MAX_DEPTH {
        return Err(CaseError::TooLarge {
            what: "nesting depth",
            limit: MAX_DEPTH,
        });
    }
    let mut de = serde_json::Deserializer::from_str(input);
    let case: Case = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = clean_path(&path_text(e.path()));
        CaseError::Malformed {
            path,
            reason: sanitize(e.inner()),
        }
    })?;
    de.end().map_err(|e| CaseError::Malformed {
        path: "$".to_owned(),
        reason: sanitize(&e),
    })?;
    Ok(case)
}

/// The deepest nesting of arrays and objects, outside strings.
fn nesting_depth(bytes: &[u8]) -> usize {
    let (mut depth, mut max, mut in_str, mut escaped) = (0usize, 0usize, false, false);
    for &b in bytes {
        if in_str {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// The parser's path as text (as its `Display` writes it), with any key that holds a path
/// separator (`.`, `[`, `]`) hidden whole, so that no part of it is taken for a field name.
fn path_text(p: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    use std::fmt::Write;
    let mut out = String::new();
    for (i, seg) in p.iter().enumerate() {
        if let Segment::Seq { index } = seg {
            let _ = write!(out, "[{index}]");
            continue;
        }
        if i > 0 {
            out.push('.');
        }
        match seg {
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if key.contains(['.', '[', ']']) {
                    out.push_str("<field>");
                } else {
                    out.push_str(key);
                }
            }
            _ => out.push('?'),
        }
    }
    out
}

/// A path from the parser, with any segment that is not a plain identifier or index hidden
/// (a path segment can be an unknown key taken from the input).
fn clean_path(raw: &str) -> String {
    if raw == "." || raw.is_empty() {
        return "$".to_owned();
    }
    // Only the case schema's own words (field names, codes) are shown: an unknown field name
    // from the input (a name in pinyin, an ID number) is hidden.
    let plain = |s: &str| known_words().contains(s);
    raw.split('.')
        .map(|seg| {
            let name = seg.split('[').next().unwrap_or("");
            let rest = seg.get(name.len()..).unwrap_or("");
            let idx_ok = rest
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'[' || b == b']');
            if (plain(name) || name.is_empty()) && idx_ok {
                seg.to_owned()
            } else {
                "<field>".to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// The words of the case schema: every field name and every code it lists. These, and only
/// these, may appear in an error path.
fn known_words() -> &'static std::collections::BTreeSet<String> {
    static WORDS: OnceLock<std::collections::BTreeSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        fn walk(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
            match v {
                serde_json::Value::Object(m) => {
                    for (k, v) in m {
                        if k == "properties"
                            && let serde_json::Value::Object(props) = v
                        {
                            out.extend(props.keys().cloned());
                        }
                        if k == "enum" || k == "const" {
                            collect_strings(v, out);
                        }
                        walk(v, out);
                    }
                }
                serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
                _ => {}
            }
        }
        fn collect_strings(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
            match v {
                serde_json::Value::String(s) => {
                    out.insert(s.clone());
                }
                serde_json::Value::Array(a) => a.iter().for_each(|v| collect_strings(v, out)),
                _ => {}
            }
        }
        let mut out = std::collections::BTreeSet::new();
        if let Ok(schema) = serde_json::to_value(schemars::schema_for!(Case)) {
            walk(&schema, &mut out);
        }
        out
    })
}

/// The parser's message, reduced to what it says about the schema: any quoted input text is
/// dropped.
fn sanitize(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let msg = match full.rfind(" at line ") {
        Some(i) => full.get(..i).unwrap_or(&full),
        None => &full,
    };
    let expected = |m: &str| {
        m.find("expected ")
            .and_then(|i| m.get(i..))
            .map(str::to_owned)
            .unwrap_or_default()
    };
    let position = format!(" (line {}, column {})", e.line(), e.column());
    let what = if msg.starts_with("unknown field") {
        format!("unknown field; {}", expected(msg))
    } else if msg.starts_with("unknown variant") {
        format!("unknown value; {}", expected(msg))
    } else if let Some(rest) = msg.strip_prefix("duplicate field `") {
        // The name is one of the model's own fields (serde names only those), checked again.
        match rest
            .split('`')
            .next()
            .filter(|n| known_words().contains(*n))
        {
            Some(name) => format!("duplicate field {name}: a field may be given once"),
            None => "duplicate field: a field may be given once".to_owned(),
        }
    } else if msg.starts_with("missing field") {
        msg.to_owned()
    } else if msg.starts_with("invalid type") {
        format!("wrong type; {}", expected(msg))
    } else if msg.starts_with("invalid value") || msg.starts_with("invalid length") {
        format!("invalid value; {}", expected(msg))
    } else if msg.contains('`') || msg.contains('"') {
        match e.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                "malformed JSON".to_owned()
            }
            _ => "invalid value".to_owned(),
        }
    } else {
        msg.to_owned()
    };
    format!("{what}{position}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_ignores_brackets_in_strings() {
        assert_eq!(nesting_depth(br#"{"a": "[[[[", "b": [1, {"c": 2}]}"#), 3);
    }

    #[test]
    fn paths_hide_input_keys() {
        assert_eq!(
            clean_path("household.members[2].birth_date"),
            "household.members[2].birth_date"
        );
        assert_eq!(clean_path("household.张三"), "household.<field>");
        assert_eq!(clean_path("110101199001011234"), "<field>");
        assert_eq!(
            clean_path("household.id_11010119900101123x"),
            "household.<field>"
        );
        assert_eq!(clean_path("."), "$");
        assert_eq!(clean_path("household.zhangsan"), "household.<field>");
    }
}
