//! Keeps `rules-spec/` in step with the code: the JSON Schemas, the rule texts, the parameter
//! entries and the shipped parameter files.
//!
//! Regenerate the schemas after a change to the case or determination model with
//! `UPDATE_SCHEMAS=1 cargo test --test spec`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use jiuzhu::rules::{DatedValue, ParamValue};
use jiuzhu::{ParamId, ParamStatus, RuleBook, RuleId};
use rust_decimal::Decimal;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Files in a directory with the given extension, sorted by name.
fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(ext))
        .collect();
    out.sort();
    out
}

// ---------------------------------------------------------------------------------------------
// JSON Schemas
// ---------------------------------------------------------------------------------------------

/// Compares a generated schema with the committed file, or writes it when `UPDATE_SCHEMAS=1`.
/// Returns a problem description when they differ.
fn check_schema(file: &str, schema: &schemars::Schema) -> Option<String> {
    let text = serde_json::to_string_pretty(schema).unwrap() + "\n";
    let path = root().join("rules-spec/schema").join(file);
    if std::env::var("UPDATE_SCHEMAS").is_ok_and(|v| v == "1") {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, &text).unwrap();
        return None;
    }
    match fs::read_to_string(&path) {
        Ok(committed) if committed == text => None,
        Ok(_) => Some(format!(
            "rules-spec/schema/{file} differs from the schema generated from the code"
        )),
        Err(e) => Some(format!("rules-spec/schema/{file} cannot be read: {e}")),
    }
}

/// The answer envelope as every face writes it: the determination, or an error with its code.
/// (The library writes it by hand-free serde in `src/json.rs`; this mirror exists for the schema.)
#[derive(schemars::JsonSchema)]
#[schemars(
    title = "Answer",
    description = "What evaluate_json, the C ABI, the batch lines and the service answer: exactly one of `ok` (the determination) or `error`."
)]
#[allow(dead_code, clippy::large_enum_variant)]
#[serde(untagged)]
enum Answer {
    /// The case was evaluated.
    Ok {
        /// The determination.
        ok: jiuzhu::Determination,
    },
    /// The case could not be evaluated.
    Error {
        /// Why.
        error: ErrorBody,
    },
}

/// An error answer's body.
#[derive(schemars::JsonSchema)]
#[allow(dead_code)]
#[serde(deny_unknown_fields)]
struct ErrorBody {
    /// The error code (see the README's error-code table).
    code: jiuzhu::ErrorCode,
    /// The field path the error concerns, e.g. `household.members[2].birth_date`, when it
    /// concerns one. Member keys are named by position, never by value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    /// What is wrong, in English, without echoing input text.
    message: String,
}

#[test]
fn committed_schemas_match_the_model() {
    let problems: Vec<String> = [
        check_schema("case.schema.json", &schemars::schema_for!(jiuzhu::Case)),
        check_schema(
            "determination.schema.json",
            &schemars::schema_for!(jiuzhu::Determination),
        ),
        check_schema("answer.schema.json", &schemars::schema_for!(Answer)),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert!(
        problems.is_empty(),
        "{}\nregenerate with: UPDATE_SCHEMAS=1 cargo test --test spec",
        problems.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Rule texts
// ---------------------------------------------------------------------------------------------

/// One `## <ID> — <zh> / <en>` section of a rule file.
#[derive(Debug)]
struct Section {
    file: String,
    id: String,
    title_zh: String,
    title_en: String,
    body: String,
}

/// Whether a string looks like a rule ID: upper-case prefix, a hyphen, then upper-case letters,
/// digits and hyphens (`DB-1`, `DB-5-RATE`, `TK-NO-LABOUR`).
fn is_rule_id(s: &str) -> bool {
    let Some((prefix, rest)) = s.split_once('-') else {
        return false;
    };
    !prefix.is_empty()
        && prefix.bytes().all(|b| b.is_ascii_uppercase())
        && !rest.is_empty()
        && !rest.ends_with('-')
        && rest
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

/// Parses a level-2 heading of the form `## <ID> — <zh> / <en>`: `None` for a heading that does
/// not start with a rule ID, `Err` for one that does but is not in that form (a hyphen or en dash
/// instead of the em dash, or a missing ` / `).
fn parse_rule_heading(line: &str) -> Option<Result<(String, String, String), String>> {
    let rest = line.strip_prefix("## ")?;
    let first = rest.split_whitespace().next()?;
    if !is_rule_id(first) {
        return None;
    }
    let form =
        format!("heading of {first} must read `## {first} — <Chinese title> / <English title>`");
    let Some((id, titles)) = rest.split_once(" — ") else {
        return Some(Err(form));
    };
    if id.trim() != first {
        return Some(Err(form));
    }
    Some(match titles.split_once(" / ") {
        Some((zh, en)) if !zh.trim().is_empty() && !en.trim().is_empty() => {
            Ok((first.to_owned(), zh.trim().to_owned(), en.trim().to_owned()))
        }
        _ => Err(form),
    })
}

/// The lines of a Markdown text, each with whether it lies inside a fenced code block (where a
/// `#` starts a comment, not a heading).
fn markdown_lines(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut fenced = false;
    text.lines().map(move |line| {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            (line, true)
        } else {
            (line, fenced)
        }
    })
}

/// Every rule section in `rules-spec/rules/*.md`, with any malformed headings.
fn rule_sections() -> (Vec<Section>, Vec<String>) {
    let mut sections = Vec::new();
    let mut problems = Vec::new();
    for path in files_with_ext(&root().join("rules-spec/rules"), "md") {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = fs::read_to_string(&path).unwrap();
        let mut current: Option<Section> = None;
        for (line, fenced) in markdown_lines(&text) {
            if fenced {
                if let Some(s) = current.as_mut() {
                    s.body.push_str(line);
                    s.body.push('\n');
                }
                continue;
            }
            // Any level-1 or level-2 heading ends the section before it.
            if (line.starts_with("## ") || line.starts_with("# "))
                && let Some(s) = current.take()
            {
                sections.push(s);
            }
            match parse_rule_heading(line) {
                Some(Ok((id, zh, en))) => {
                    current = Some(Section {
                        file: file.clone(),
                        id,
                        title_zh: zh,
                        title_en: en,
                        body: String::new(),
                    });
                }
                Some(Err(p)) => problems.push(format!("{file}: {p}")),
                None => {
                    if let Some(s) = current.as_mut() {
                        s.body.push_str(line);
                        s.body.push('\n');
                    }
                }
            }
        }
        if let Some(s) = current.take() {
            sections.push(s);
        }
    }
    (sections, problems)
}

#[test]
fn every_rule_in_the_catalogue_has_a_spec_section_and_no_other() {
    let (sections, problems) = rule_sections();
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    let mut duplicates = Vec::new();
    for s in &sections {
        if let Some(first) = seen.insert(&s.id, &s.file) {
            duplicates.push(format!("{} (in {} and {})", s.id, first, s.file));
        }
    }
    let in_code: BTreeSet<&str> = RuleId::ALL.iter().map(|r| r.id()).collect();
    let in_spec: BTreeSet<&str> = seen.keys().copied().collect();
    let missing: Vec<&str> = in_code.difference(&in_spec).copied().collect();
    let unknown: Vec<&str> = in_spec.difference(&in_code).copied().collect();
    assert!(
        duplicates.is_empty() && missing.is_empty() && unknown.is_empty(),
        "rule catalogue (src/explain/catalogue.rs) and rules-spec/rules/*.md disagree\n\
         in RuleId::ALL but not in the spec: {missing:?}\n\
         in the spec but not in RuleId::ALL: {unknown:?}\n\
         in the spec more than once: {duplicates:?}"
    );
}

#[test]
fn spec_headings_carry_the_catalogue_titles() {
    let (sections, _) = rule_sections();
    let mut wrong = Vec::new();
    for s in &sections {
        let Some(rule) = RuleId::from_id(&s.id) else {
            continue; // reported by the catalogue test
        };
        if s.title_zh != rule.title_zh() || s.title_en != rule.title_en() {
            wrong.push(format!(
                "{}: {}: spec says `{} / {}`, catalogue says `{} / {}`",
                s.file,
                s.id,
                s.title_zh,
                s.title_en,
                rule.title_zh(),
                rule.title_en()
            ));
        }
    }
    assert!(wrong.is_empty(), "titles differ:\n{}", wrong.join("\n"));
}

#[test]
fn spec_sections_state_source_and_verdicts() {
    let (sections, _) = rule_sections();
    let mut wrong = Vec::new();
    for s in &sections {
        let has_han = s
            .body
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let source_line = s
            .body
            .lines()
            .find(|l| l.trim_start_matches(['-', '*', ' ']).starts_with("Source:"));
        if !has_han {
            wrong.push(format!("{}: {} has no text in Chinese", s.file, s.id));
        }
        match source_line {
            None => wrong.push(format!("{}: {} has no `Source:` line", s.file, s.id)),
            Some(line) => {
                if let Some(rule) = RuleId::from_id(&s.id)
                    && !line.contains(rule.source())
                {
                    wrong.push(format!(
                        "{}: {}: the `Source:` line must quote the catalogue source `{}`",
                        s.file,
                        s.id,
                        rule.source()
                    ));
                }
            }
        }
        if !s.body.contains("Pass / fail:") {
            wrong.push(format!("{}: {} has no `Pass / fail:` line", s.file, s.id));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every `.rs` file under a directory.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().and_then(|e| e.to_str()) == Some("rs") {
            out.push(p);
        }
    }
}

/// Whether `text` contains `needle` not followed by an identifier character (so that
/// `RuleId::Db5` does not match `RuleId::Db5Rate`).
fn contains_path(text: &str, needle: &str) -> bool {
    text.match_indices(needle).any(|(i, _)| {
        !text
            .get(i + needle.len()..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[test]
fn every_rule_is_applied_somewhere_in_the_code() {
    let src = root().join("src");
    let catalogue = src.join("explain/catalogue.rs");
    let text_rs = src.join("explain/text.rs");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let sources: Vec<String> = files
        .iter()
        .filter(|p| **p != catalogue && **p != text_rs)
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    let unapplied: Vec<String> = RuleId::ALL
        .iter()
        .filter(|r| {
            let needle = format!("RuleId::{r:?}");
            !sources.iter().any(|s| contains_path(s, &needle))
        })
        .map(|r| format!("{} (RuleId::{r:?})", r.id()))
        .collect();
    assert!(
        unapplied.is_empty(),
        "rules in the catalogue that no code in src/ applies (outside catalogue.rs and text.rs): \
         {unapplied:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

/// The entries of `parameters.md` (headed ``### `name` ``), with their bodies.
fn parameter_entries() -> BTreeMap<String, String> {
    let path = root().join("rules-spec/rules/parameters.md");
    let text = fs::read_to_string(&path).unwrap();
    let mut entries = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    for (line, fenced) in markdown_lines(&text) {
        if !fenced && line.starts_with('#') {
            if let Some((name, body)) = current.take() {
                entries.insert(name, body);
            }
            // An entry heading is exactly ``### `name` ``; other headings end the entry.
            if let Some(name) = line
                .trim_end()
                .strip_prefix("### `")
                .and_then(|r| r.strip_suffix('`'))
                .filter(|n| !n.contains('`'))
                .map(str::to_owned)
            {
                current = Some((name, String::new()));
            }
        } else if let Some((_, body)) = current.as_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    if let Some((name, body)) = current {
        entries.insert(name, body);
    }
    entries
}

/// `(file, parameter name, status)` of every `[[param]]` in `rules-spec/params/*.toml`.
fn shipped_params() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for path in files_with_ext(&root().join("rules-spec/params"), "toml") {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let doc: toml::Table = toml::from_str(&fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let params = doc.get("param").and_then(|p| p.as_array());
        for p in params.into_iter().flatten() {
            let get = |k: &str| {
                p.get(k)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_owned()
            };
            out.push((file.clone(), get("name"), get("status")));
        }
    }
    out
}

#[test]
fn every_parameter_has_an_entry_in_parameters_md() {
    let entries = parameter_entries();
    let missing: Vec<&str> = ParamId::ALL
        .iter()
        .map(|p| p.name())
        .filter(|n| !entries.contains_key(*n))
        .collect();
    let unknown: Vec<&String> = entries
        .keys()
        .filter(|n| ParamId::from_name(n).is_none())
        .collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "ParamId::ALL (src/rules/registry.rs) and rules-spec/rules/parameters.md disagree\n\
         parameters without an entry: {missing:?}\n\
         entries for parameters the registry does not know: {unknown:?}"
    );
}

#[test]
fn parameter_entries_state_unit_readers_and_justification() {
    let entries = parameter_entries();
    let unconfirmed: BTreeSet<String> = shipped_params()
        .into_iter()
        .filter(|(_, _, status)| status == "unconfirmed")
        .map(|(_, name, _)| name)
        .collect();
    let mut wrong = Vec::new();
    for p in ParamId::ALL {
        let Some(body) = entries.get(p.name()) else {
            continue; // reported by the entry test
        };
        if !body.contains(&format!("Unit: {}", p.unit())) {
            wrong.push(format!(
                "{}: entry must state `Unit: {}` (src/rules/registry.rs)",
                p.name(),
                p.unit()
            ));
        }
        match body.lines().find(|l| l.contains("Read by:")) {
            None => wrong.push(format!("{}: entry has no `Read by:` line", p.name())),
            Some(line) => {
                for word in line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
                    if is_rule_id(word) && RuleId::from_id(word).is_none() {
                        wrong.push(format!(
                            "{}: `Read by:` names unknown rule {word}",
                            p.name()
                        ));
                    }
                }
            }
        }
        if unconfirmed.contains(p.name()) && !body.contains("Why this value") {
            wrong.push(format!(
                "{}: a shipped value is `unconfirmed`, so the entry must say `Why this value`",
                p.name()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn shipped_parameter_files_name_only_known_parameters() {
    let unknown: Vec<String> = shipped_params()
        .into_iter()
        .filter(|(_, name, _)| ParamId::from_name(name).is_none())
        .map(|(file, name, _)| format!("{file}: {name}"))
        .collect();
    assert!(
        unknown.is_empty(),
        "parameter names in rules-spec/params/*.toml that ParamId does not know: {unknown:?}"
    );
}

#[test]
fn parameter_directory_loads_and_equals_the_embedded_book() {
    let dir = root().join("rules-spec/params");
    let from_dir =
        RuleBook::from_dir(&dir).unwrap_or_else(|e| panic!("rules-spec/params does not load: {e}"));
    let embedded = RuleBook::embedded();
    let dir_divisions: Vec<&str> = from_dir.divisions().collect();
    let embedded_divisions: Vec<&str> = embedded.divisions().collect();
    assert_eq!(
        dir_divisions, embedded_divisions,
        "the embedded book (src/rules/book.rs EMBEDDED) must hold every file of rules-spec/params"
    );
    assert_eq!(
        from_dir.digest(),
        embedded.digest(),
        "RuleBook::embedded() differs from rules-spec/params: an embedded file failed to load \
         (embedded() skips broken files) or a file is missing from EMBEDDED"
    );
}

/// `(from, value)` pairs of a parameter's history, dates written `YYYY-MM-DD`.
type History = Vec<(String, Decimal)>;

/// A division's own history of a decimal parameter.
fn decimal_history(book: &RuleBook, division: &str, p: ParamId) -> History {
    book.history(division, p)
        .iter()
        .map(|DatedValue { from, value, .. }| match value {
            ParamValue::Decimal(d) => (from.to_string(), *d),
            other => panic!("{} in {division} is not a decimal: {other:?}", p.name()),
        })
        .collect()
}

fn dated(pairs: &[(&str, i64)]) -> History {
    pairs
        .iter()
        .map(|(d, v)| ((*d).to_owned(), Decimal::from(*v)))
        .collect()
}

#[test]
fn embedded_gansu_figures_equal_the_published_notices() {
    let book = RuleBook::embedded();
    let gansu = "620000";
    let cases: [(ParamId, History, &str); 5] = [
        (
            ParamId::DibaoStandardUrbanMonth,
            dated(&[
                ("2019-01-01", 524),
                ("2020-01-01", 577),
                ("2021-01-01", 623),
            ]),
            "gansu.md: urban standard 524 / 577 / 623 yuan per person per month (2019–2021)",
        ),
        (
            ParamId::DibaoStandardRuralYear,
            dated(&[
                ("2019-01-01", 4020),
                ("2020-01-01", 4428),
                ("2021-01-01", 4788),
            ]),
            "gansu.md: rural standard 4,020 / 4,428 / 4,788 yuan per person per year (2019–2021)",
        ),
        (
            ParamId::RuralClass2Amount,
            dated(&[
                ("2019-01-01", 318),
                ("2020-01-01", 350),
                ("2021-01-01", 378),
            ]),
            "gansu.md: rural class 2 318 / 350 / 378 yuan per person per month (2019–2021)",
        ),
        (
            ParamId::RuralClass3Amount,
            dated(&[("2020-01-01", 84)]),
            "gansu.md: rural class 3 84 yuan per person per month (from 2020)",
        ),
        (
            ParamId::RuralClass4Amount,
            dated(&[("2020-01-01", 58)]),
            "gansu.md: rural class 4 58 yuan per person per month (from 2020)",
        ),
    ];
    for (param, expected, figure) in cases {
        assert_eq!(
            decimal_history(&book, gansu, param),
            expected,
            "{} for Gansu 620000 must equal {figure}",
            param.name()
        );
        for v in book.history(gansu, param) {
            assert_eq!(
                v.status,
                ParamStatus::Published,
                "{} from {} is a published Gansu figure ({figure})",
                param.name(),
                v.from
            );
        }
    }
    // Class 1 is the full rural standard: 4,020 / 4,428 / 4,788 ÷ 12 = 335 / 369 / 399.
    let monthly: Vec<Decimal> = decimal_history(&book, gansu, ParamId::DibaoStandardRuralYear)
        .into_iter()
        .map(|(_, y)| y / Decimal::from(12))
        .collect();
    assert_eq!(
        monthly,
        [335, 369, 399].map(Decimal::from),
        "gansu.md: rural class 1 335 / 369 / 399 yuan per person per month"
    );
    // Class 2 share: 95 % of class 1.
    assert_eq!(
        decimal_history(&book, gansu, ParamId::RuralClass2Share),
        vec![("2019-01-01".to_owned(), Decimal::new(95, 2))],
        "gansu.md: class 2 is 95 % of class 1"
    );
}

// ---------------------------------------------------------------------------------------------
// The checks themselves
// ---------------------------------------------------------------------------------------------

#[test]
fn heading_parser_accepts_any_prefix_and_refuses_other_headings() {
    assert_eq!(
        parse_rule_heading("## TK-2 — 无劳动能力 / No capacity to work"),
        Some(Ok((
            "TK-2".into(),
            "无劳动能力".into(),
            "No capacity to work".into()
        )))
    );
    assert_eq!(
        parse_rule_heading("## DB-5-RATE — 分类施保补助水平 / Rural class rate per person"),
        Some(Ok((
            "DB-5-RATE".into(),
            "分类施保补助水平".into(),
            "Rural class rate per person".into()
        )))
    );
    assert!(matches!(
        parse_rule_heading("## RIG-1 — 刚性支出困难家庭"),
        Some(Err(_))
    ));
    assert!(matches!(
        parse_rule_heading("## TR-1 - 临时救助 / Temporary relief"),
        Some(Err(_))
    ));
    assert_eq!(parse_rule_heading("## Inheritance — how it works"), None);
    assert_eq!(parse_rule_heading("## How parameters work"), None);
    assert_eq!(parse_rule_heading("### DB-1 — a / b"), None);
    let fenced: Vec<bool> = markdown_lines("a\n```toml\n# x\n```\n# b")
        .map(|(_, f)| f)
        .collect();
    assert_eq!(fenced, [false, true, true, true, false]);
    assert!(contains_path("RuleId::Db5,", "RuleId::Db5"));
    assert!(!contains_path("RuleId::Db5Rate", "RuleId::Db5"));
}

// ---------------------------------------------------------------------------------------------
// Error codes: the enum, the README's table and the answer schema say the same
// ---------------------------------------------------------------------------------------------

#[test]
fn readme_lists_every_error_code_with_its_meaning() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme
        .split("## Error codes")
        .nth(1)
        .expect("README has an Error codes section");
    let rows: Vec<(String, String, String)> = section
        .lines()
        .skip_while(|l| !l.starts_with("| `"))
        .take_while(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            (
                cells[0].trim_matches('`').to_owned(),
                cells[1].to_owned(),
                cells[2].to_owned(),
            )
        })
        .collect();
    let expected: Vec<(String, String, String)> = jiuzhu::ErrorCode::ALL
        .iter()
        .map(|c| {
            (
                c.as_str().to_owned(),
                c.meaning_zh().to_owned(),
                c.meaning_en().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        rows, expected,
        "README's error-code table differs from ErrorCode"
    );
}

#[test]
fn error_answers_match_the_answer_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(root().join("rules-spec/schema/answer.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let bad_inputs = [
        "{",
        "[]",
        r#"{"evaluation_date": "2026-11-01"}"#,
        r#"{"evaluation_date": "2026-11-01", "jurisdiction": "999999", "purpose": "new_application",
            "area": "urban", "household": {"members": [{"key": "m1", "relation": "applicant",
            "birth_date": "1950-05-01"}]}}"#,
        r#"{"evaluation_date": "2026-11-01", "jurisdiction": "621027", "purpose": "new_application",
            "area": "urban", "household": {"members": [{"key": "m1", "relation": "applicant",
            "birth_date": "2030-05-01"}]}}"#,
    ];
    let mut codes = BTreeSet::new();
    for input in bad_inputs {
        let answer: serde_json::Value =
            serde_json::from_str(&jiuzhu::evaluate_json(input)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&answer)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{input}: {errors:?}");
        let code = answer["error"]["code"].as_str().unwrap().to_owned();
        assert!(jiuzhu::ErrorCode::from_code(&code).is_some(), "{code}");
        codes.insert(code);
    }
    assert!(codes.len() >= 3, "{codes:?}");
    let sample = fs::read_to_string(root().join("examples/households/urban-gap.json")).unwrap();
    let ok: serde_json::Value = serde_json::from_str(&jiuzhu::evaluate_json(&sample)).unwrap();
    assert!(ok.get("ok").is_some());
    assert!(validator.is_valid(&ok));
}
