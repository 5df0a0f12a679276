//! The JSON answer is the determination's own serialisation: the answer (serde_json, with each
//! parameter entry written once per division and date and then copied as a `RawValue`) gives
//! the same bytes as plain `serde_json::to_string` over `{"ok": determination}`, with no cache,
//! first time and every time after.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jiuzhu::{Determination, RuleBook};
use jiuzhu_tools::generate;
use serde::Serialize;

#[derive(Serialize)]
struct Ok<'a> {
    ok: &'a Determination,
}

fn plain(d: &Determination) -> String {
    serde_json::to_string(&Ok { ok: d }).unwrap()
}

fn cases() -> Vec<jiuzhu::Case> {
    let mut texts: Vec<String> = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/households"
    ))
    .unwrap()
    .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
    .collect();
    let (caseload, _) = generate::caseload_string(300, 11, false);
    texts.extend(caseload.lines().map(str::to_owned));
    texts
        .iter()
        .map(|t| jiuzhu::parse_case(t).unwrap())
        .collect()
}

#[test]
fn the_answer_is_the_determination_as_serde_json_writes_it() {
    let rules = RuleBook::embedded();
    let cases = cases();
    assert!(cases.len() > 300);
    for round in 0..2 {
        for (i, case) in cases.iter().enumerate() {
            let d = jiuzhu::evaluate(case, &rules).unwrap();
            assert_eq!(jiuzhu::answer(Ok(&d)), plain(&d), "case {i}, round {round}");
        }
    }
}

#[test]
fn a_determination_read_back_answers_the_same() {
    let rules = RuleBook::embedded();
    for case in cases().iter().take(40) {
        let d = jiuzhu::evaluate(case, &rules).unwrap();
        let back: Determination =
            serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back, d);
        assert_eq!(jiuzhu::answer(Ok(&back)), jiuzhu::answer(Ok(&d)));
    }
}

#[test]
fn answers_from_many_threads_agree() {
    let rules = RuleBook::embedded();
    let cases = cases();
    let expected: Vec<String> = cases
        .iter()
        .map(|c| plain(&jiuzhu::evaluate(c, &rules).unwrap()))
        .collect();
    let fresh = RuleBook::embedded();
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for (c, want) in cases.iter().zip(&expected) {
                    let d = jiuzhu::evaluate(c, &fresh).unwrap();
                    assert_eq!(&jiuzhu::answer(Ok(&d)), want);
                }
            });
        }
    });
}

/// Appends text that needs escaping to every figure name, code and member key in `v`.
fn oddify(v: &mut serde_json::Value, hits: &mut usize) {
    const ODD: &str = "\"\n\\\u{1}中";
    match v {
        serde_json::Value::Object(m) => {
            if let Some(serde_json::Value::Array(figures)) = m.get_mut("figures") {
                for f in figures {
                    for key in ["name", "code"] {
                        if let Some(serde_json::Value::String(s)) = f.get_mut(key) {
                            s.push_str(ODD);
                            *hits += 1;
                        }
                    }
                }
            }
            if let Some(serde_json::Value::String(s)) = m.get_mut("member") {
                s.push_str(ODD);
                *hits += 1;
            }
            m.values_mut().for_each(|x| oddify(x, hits));
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(|x| oddify(x, hits)),
        _ => {}
    }
}

#[test]
fn a_determination_read_back_with_odd_text_answers_as_serde_json() {
    let rules = RuleBook::embedded();
    let mut hits = 0;
    for case in cases().iter().take(40) {
        let d = jiuzhu::evaluate(case, &rules).unwrap();
        let mut v = serde_json::to_value(&d).unwrap();
        oddify(&mut v, &mut hits);
        let back: Determination = serde_json::from_value(v).unwrap();
        let answer = jiuzhu::answer(Ok(&back));
        assert_eq!(answer, plain(&back));
        let _: serde_json::Value = serde_json::from_str(&answer).unwrap();
    }
    assert!(hits > 100, "{hits}");
}
