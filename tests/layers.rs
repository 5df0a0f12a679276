//! The layers of `src/` point one way. Each top-level module may use only the modules of the
//! layers before its own (and its own); this test reads every source file's `crate::…` paths
//! (outside `#[cfg(test)]` code) and fails on any edge that points up or sideways into a later
//! layer, naming the file and the module it reached for.
//!
//! The order, leaves first, is the one the README's "What is where" gives.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The layers, leaves first; modules of one layer may use each other only if listed in the
/// same inner group order (earlier in the group before later).
const LAYERS: &[&[&str]] = &[
    &["limits", "vocab", "money"],
    &["case"],
    &["explain"],
    &["rules"],
    &["audit"],
    &["accounts"],
    &["verify"],
    &["programmes"],
    &["monitor"],
    &["determination"],
    &["pipeline"],
    &["notice"],
    &["json"],
    &["prelude"],
];

/// The rank of a module: (layer, position inside the layer).
fn rank(module: &str) -> Option<(usize, usize)> {
    LAYERS
        .iter()
        .enumerate()
        .find_map(|(l, group)| group.iter().position(|m| *m == module).map(|i| (l, i)))
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file belongs to (`None` for lib.rs).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    let name = first.trim_end_matches(".rs").to_owned();
    (name != "lib").then_some(name)
}

/// The top-level modules a source text names as `crate::x`, outside its test module.
fn uses(text: &str) -> BTreeSet<String> {
    let code = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => text,
    };
    let mut out = BTreeSet::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(inner) = rest.strip_prefix('{') {
                // `crate::{a::X, b}`: each item's first segment
                let group = inner.split('}').next().unwrap_or("");
                for item in group.split(',') {
                    let name: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        out.insert(name);
                    }
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        }
    }
    out
}

/// The crate root's re-exports, `name → module` (`pub use case::{Case, CaseError}` gives
/// `CaseError → case`), so that `crate::CaseError` counts as a use of `case`.
fn root_names(src: &Path) -> Vec<(String, String)> {
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let mut out = Vec::new();
    for stmt in lib.split(';') {
        let Some(rest) = stmt.trim().strip_prefix("pub use ") else {
            continue;
        };
        let module: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let names = rest
            .rsplit("::")
            .next()
            .unwrap_or("")
            .trim_matches(|c| c == '{' || c == '}');
        for n in names.split(',') {
            let n = n.trim();
            if !n.is_empty() {
                out.push((n.to_owned(), module.clone()));
            }
        }
    }
    out
}

#[test]
fn every_module_is_in_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let unplaced: BTreeSet<String> = all
        .iter()
        .filter_map(|f| module_of(&src, f))
        .filter(|m| rank(m).is_none())
        .collect();
    assert!(unplaced.is_empty(), "modules in no layer: {unplaced:?}");
}

#[test]
fn layers_point_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let roots = root_names(&src);
    assert!(roots.iter().any(|(n, m)| n == "CaseError" && m == "case"));
    let mut wrong = Vec::new();
    for f in &all {
        let Some(module) = module_of(&src, f) else {
            continue;
        };
        let Some(own) = rank(&module) else {
            continue;
        };
        let text = std::fs::read_to_string(f).unwrap();
        for name in uses(&text) {
            // a crate-root re-export counts as a use of the module it comes from
            let used = roots
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(name.clone(), |(_, m)| m.clone());
            let Some(theirs) = rank(&used) else {
                continue;
            };
            if used != module && theirs > own {
                wrong.push(format!(
                    "{} (layer {}) uses {used} (layer {})",
                    f.strip_prefix(&src).unwrap().display(),
                    own.0,
                    theirs.0
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "edges against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_an_edge_against_the_layers() {
    // the reader must find both forms of path, or the test above could pass on nothing
    let found = uses("use crate::pipeline::x;\nuse crate::{json::y, money};\n// crate::monitor\n");
    assert_eq!(
        found,
        ["json", "money", "pipeline"]
            .into_iter()
            .map(String::from)
            .collect()
    );
    assert!(rank("pipeline") > rank("case"));
}

/// The functions of a source text longer than `max` lines: `(name, first line, length)`. A
/// function runs from its `fn` line to the closing brace at the same indentation (the layout
/// `rustfmt` gives).
fn long_functions(text: &str, max: usize) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let is_fn = [
            "fn ",
            "pub fn ",
            "pub(crate) fn ",
            "pub(super) fn ",
            "const fn ",
            "pub const fn ",
        ]
        .iter()
        .any(|p| trimmed.starts_with(p));
        if !is_fn || trimmed.ends_with(';') {
            continue;
        }
        let close = " ".repeat(indent) + "}";
        let Some(len) = lines[i..].iter().position(|l| *l == close) else {
            continue;
        };
        if len + 1 > max {
            let name: String = trimmed
                .split("fn ")
                .nth(1)
                .unwrap_or("")
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push((name, i + 1, len + 1));
        }
    }
    out
}

#[test]
fn no_function_in_src_is_over_150_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut long = Vec::new();
    for f in &all {
        let text = std::fs::read_to_string(f).unwrap();
        for (name, line, len) in long_functions(&text, 150) {
            long.push(format!(
                "{}:{line} {name}: {len} lines",
                f.strip_prefix(&src).unwrap().display()
            ));
        }
    }
    assert!(
        long.is_empty(),
        "functions over 150 lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_length_check_sees_a_long_function() {
    let body = "    let x = 1;\n".repeat(160);
    let text = format!("fn short() {{\n}}\n\npub(crate) fn long() {{\n{body}}}\n");
    assert_eq!(
        long_functions(&text, 150),
        vec![("long".to_owned(), 4, 162)]
    );
}

/// The non-test code of `text` (everything before its first `#[cfg(test)]`): each line with its
/// 1-based number that contains one of `needles` outside a `//` comment.
fn lines_with(text: &str, needles: &[&str]) -> Vec<usize> {
    let code = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => text,
    };
    code.lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.split("//").next().unwrap_or("");
            needles.iter().any(|n| line.contains(n))
        })
        .map(|(i, _)| i + 1)
        .collect()
}

/// `file:line` of each line of non-test code in `src/` that contains one of `needles`, in the
/// files `scanned(module, path within src)` selects.
fn src_lines_with(needles: &[&str], scanned: impl Fn(&str, &Path) -> bool) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut found = Vec::new();
    for f in &all {
        let rel = f.strip_prefix(&src).unwrap();
        let module = module_of(&src, f).unwrap_or_default();
        if !scanned(&module, rel) {
            continue;
        }
        let text = std::fs::read_to_string(f).unwrap();
        for line in lines_with(&text, needles) {
            found.push(format!("{}:{}", rel.display(), line));
        }
    }
    found
}

/// Figures are explanation only: no stage reads a figure back out of a finding to decide
/// something (that is what typed results are for). Only the sentences (`src/explain/`) and the
/// JSON face (`src/json/`) may call `Finding::figure`.
#[test]
fn no_decision_reads_a_figure_back_out_of_a_finding() {
    let readers = src_lines_with(&[".figure("], |module, _| {
        module != "explain" && module != "json"
    });
    assert!(
        readers.is_empty(),
        "figures read back out of findings (pass a typed value instead):\n{}",
        readers.join("\n")
    );
}

/// What a decision stage may not do with a finding: compare its verdict.
const VERDICT_READS: [&str; 2] = [".verdict ==", ".verdict !="];

/// Verdicts are decided on typed conditions: no decision stage (accounts, programmes,
/// monitoring, the orchestrator) compares the verdict of a finding to decide something; it reads
/// the conditions its `Record` kept (`src/explain/record.rs`). Tests may compare.
#[test]
fn no_decision_reads_a_verdict_off_a_finding() {
    let readers = src_lines_with(&VERDICT_READS, |module, rel| {
        ["accounts", "programmes", "monitor", "pipeline"].contains(&module)
            && !rel.ends_with("tests.rs")
    });
    assert!(
        readers.is_empty(),
        "verdicts read off findings (decide on the record's conditions instead):\n{}",
        readers.join("\n")
    );
}

#[test]
fn the_verdict_check_sees_a_decision_read_off_a_finding() {
    // the way the monitor read a recipient's failed rule before the record
    let text = "fn leave() {\n    let first = r.findings.iter().find(|f| f.verdict == Verdict::Fail);\n    // f.verdict != x in a comment is fine\n}\n#[cfg(test)]\nmod tests { fn t() { f.verdict == v; } }\n";
    assert_eq!(lines_with(text, &VERDICT_READS), vec![2]);
}
