//! The `jiuzhu` binary as a clerk runs it: help, exit codes, every subcommand, the progress bar
//! only when asked for or on a terminal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn jiuzhu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jiuzhu"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jiuzhu-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn help_is_in_chinese_and_english_and_states_the_exit_codes() {
    let o = jiuzhu(&["--help"]);
    assert!(o.status.success());
    let out = text(&o.stdout);
    for want in [
        "评估一户家庭",
        "Evaluate one household",
        "退出码 Exit codes",
        "batch",
        "report",
        "params",
        "schema",
        "diff",
    ] {
        assert!(out.contains(want), "--help lacks {want}:\n{out}");
    }
    let o = jiuzhu(&["batch", "--help"]);
    assert!(text(&o.stdout).contains("--compare-rules"));
    assert_eq!(jiuzhu(&["no-such-command"]).status.code(), Some(2));
}

#[test]
fn evaluate_prints_the_verdict_and_the_json_answer() {
    let o = jiuzhu(&["evaluate", "examples/households/urban-gap.json"]);
    assert_eq!(o.status.code(), Some(0));
    let out = text(&o.stdout);
    assert!(out.contains("最低生活保障（低保） Minimum living allowance (dibao) — 符合 eligible"));
    assert!(out.contains("1249 元/月"), "623 × 3 − 620 = 1,249:\n{out}");
    let o = jiuzhu(&["evaluate", "--json", "examples/households/tr-fire.json"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).contains(r#""one_off_amount":"800""#));
}

#[test]
fn an_answer_that_is_an_error_exits_1_and_a_missing_file_2() {
    let bad = tmp("bad.json");
    std::fs::write(&bad, r#"{"evaluation_date": "2026-02-30"}"#).unwrap();
    let o = jiuzhu(&["evaluate", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let o = jiuzhu(&["evaluate", "--json", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).starts_with(r#"{"error":"#));
    let o = jiuzhu(&["evaluate", "no/such/file.json"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn generate_batch_and_report_work_together() {
    let h = tmp("h.jsonl");
    let o = jiuzhu(&["generate", "300", "--seed", "7"]);
    assert!(o.status.success());
    assert_eq!(o.stdout, jiuzhu(&["generate", "300", "--seed", "7"]).stdout);
    std::fs::write(&h, &o.stdout).unwrap();
    let (out, summary) = (tmp("o.jsonl"), tmp("r.md"));
    let o = jiuzhu(&[
        "batch",
        h.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--summary",
        summary.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let md = std::fs::read_to_string(&summary).unwrap();
    for want in [
        "核对户数和人数",
        "临时救助 Temporary relief",
        "![各项目结果 Outcomes by programme](r.svg)",
    ] {
        assert!(md.contains(want), "the report lacks {want}");
    }
    assert!(tmp("r.svg").exists() && tmp("r.csv").exists());
    let o = jiuzhu(&["report", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let report = text(&o.stdout);
    assert!(report.contains("| o.jsonl | 300 | 0 |"), "{report}");
    assert!(report.contains("| 合计 Households checked | 300 |"));

    // the same run written as gzip (by the name) and read back by the report
    let gz = tmp("o.jsonl.gz");
    let o = jiuzhu(&["batch", h.to_str().unwrap(), "--out", gz.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let zipped = std::fs::read(&gz).unwrap();
    assert_eq!(&zipped[..2], &[0x1f, 0x8b], "gzip");
    assert!(zipped.len() * 4 < std::fs::metadata(&out).unwrap().len() as usize);
    let o = jiuzhu(&["report", gz.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let from_gz = text(&o.stdout);
    assert!(from_gz.contains("| o.jsonl.gz | 300 | 0 |"), "{from_gz}");
    // every line but the one naming the file and the wall time
    let same = |r: &str| -> Vec<String> {
        r.replace("| o.jsonl.gz |", "| o.jsonl |")
            .lines()
            .filter(|l| !l.contains("Wall time"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(same(&from_gz), same(&report), "the same report");
}

#[test]
fn a_batch_with_an_error_line_exits_1() {
    let h = tmp("errors.jsonl");
    let o = jiuzhu(&["generate", "1000", "--seed", "3", "--errors"]);
    std::fs::write(&h, &o.stdout).unwrap();
    let out = tmp("errors-out.jsonl");
    let o = jiuzhu(&[
        "batch",
        h.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--compact",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let lines = std::fs::read_to_string(&out).unwrap();
    assert_eq!(lines.lines().count(), 1000, "every line is answered");
    assert_eq!(lines.matches(r#""error""#).count(), 1);
}

#[test]
fn the_progress_bar_is_drawn_only_on_a_terminal_or_when_forced() {
    let h = tmp("p.jsonl");
    std::fs::write(&h, jiuzhu(&["generate", "50", "--seed", "1"]).stdout).unwrap();
    let out = tmp("p-out.jsonl");
    let run = |mode: &str| {
        let o = jiuzhu(&[
            "batch",
            h.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--compact",
            "--progress",
            mode,
        ]);
        assert!(o.status.success());
        text(&o.stderr)
    };
    // the test's stderr is a pipe, not a terminal: auto draws nothing
    for mode in ["auto", "never"] {
        let err = run(mode);
        assert!(
            !err.contains('\r'),
            "{mode}: no bar off a terminal: {err:?}"
        );
    }
    let err = run("always");
    assert!(
        err.contains('\r') && err.contains("/s") && err.contains("ETA"),
        "{err:?}"
    );
}

#[test]
fn params_lists_each_value_with_its_division_and_status() {
    let o = jiuzhu(&["params", "621027", "--date", "2026-11-01"]);
    assert_eq!(o.status.code(), Some(0));
    let out = text(&o.stdout);
    let line = out
        .lines()
        .find(|l| l.starts_with("dibao_standard_urban_month"))
        .unwrap();
    assert!(
        line.contains("623") && line.contains("620000") && line.contains("published"),
        "{line}"
    );
    assert_eq!(jiuzhu(&["params", "999999"]).status.code(), Some(1));
}

#[test]
fn schema_prints_the_three_schemas() {
    for kind in ["case", "determination", "answer"] {
        let o = jiuzhu(&["schema", kind]);
        assert!(o.status.success());
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(v.get("$schema").is_some(), "{kind}");
    }
    let o = jiuzhu(&["schema", "answer"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["$defs"]["Determination"].is_object());
    assert_eq!(v["oneOf"].as_array().map(Vec::len), Some(2));
}

#[test]
fn diff_shows_what_an_overlay_changes() {
    let o = jiuzhu(&[
        "diff",
        "examples/households/urban-gap.json",
        "--rules",
        "examples/rules-raise-2026",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("≠ 最低生活保障"), "{out}");
    assert!(out.contains("Parameters the overlay changes"), "{out}");
}

#[test]
fn check_runs_the_case_files() {
    let o = jiuzhu(&["check", "examples/cases"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
}

#[test]
fn evaluate_notice_prints_the_decision_in_writing() {
    let o = jiuzhu(&[
        "evaluate",
        "--notice",
        "examples/households/urban-car-asset-failure.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.starts_with("社会救助决定告知书（不予批准）"), "{out}");
    assert!(out.contains("[AST-5]") && out.contains("Notice of a social assistance decision"));
    let o = jiuzhu(&["evaluate", "--notice", "examples/households/urban-gap.json"]);
    assert!(text(&o.stdout).contains("No decision in writing is called for"));
    let o = jiuzhu(&[
        "evaluate",
        "--notice",
        "--json",
        "examples/households/urban-car-asset-failure.json",
    ]);
    assert!(text(&o.stdout).starts_with(r#"{"ok":[{"kind":"refusal""#));
}

#[test]
fn a_reader_that_goes_away_ends_the_output_quietly() {
    use std::io::Read;
    for args in [
        &["generate", "100000", "--seed", "1"][..],
        &["evaluate", "examples/households/urban-gap.json"][..],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_jiuzhu"))
            .args(args)
            .current_dir(root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // the pipe's reading end is dropped here: the next write fails with EPIPE
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o.stderr));
        assert!(!text(&o.stderr).contains("panicked"), "{args:?}");
    }
}

#[test]
fn serve_answers_until_stopped_and_refuses_rules_that_do_not_load() {
    use std::io::{Read, Write};
    use std::net::{TcpListener, TcpStream};
    let bad = tmp("bad-rules");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(bad.join("x.toml"), "not = [a parameter file").unwrap();
    let o = jiuzhu(&[
        "serve",
        "--addr",
        "127.0.0.1:0",
        "--rules",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("cannot load the rules"));

    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_jiuzhu"))
        .args(["serve", "--addr", &addr, "--quiet"])
        .current_dir(root())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut answer = String::new();
    for _ in 0..100 {
        if let Ok(mut s) = TcpStream::connect(&addr) {
            s.write_all(b"GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .unwrap();
            s.read_to_string(&mut answer).unwrap();
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    child.kill().unwrap();
    let _ = child.wait();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}
