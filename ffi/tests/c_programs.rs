#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! Builds the C examples in `examples/c/` against the static library that cargo has just built
//! for these tests, runs them, and compares their output with the Rust answers byte for byte.
//! When valgrind is on PATH the programs also run under
//! `valgrind --leak-check=full --error-exitcode=1`, error paths included.
//!
//! Skipped, with a note on stderr, when there is no C compiler (`cc`, or `$CC`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// Zhenyuan sets its own urban standard of 700 a month from 2026-01-01 (an example figure).
const ZHENYUAN_700: &str = r#"
[division]
code = "621027"
name = "Zhenyuan (test override)"

[[param]]
name = "dibao_standard_urban_month"
from = "2026-01-01"
value = 700
status = "unconfirmed"
source = "test override"
"#;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The static library cargo built for this test run. Integration tests link the library's
/// rlib, which cargo builds in the same rustc run as the staticlib, into the same `deps`
/// directory as this test binary: so it is always fresh, whatever the profile, target triple or
/// `CARGO_TARGET_DIR`.
fn staticlib() -> PathBuf {
    // Only this directory: the copy one level up can be left over from another build.
    let exe = std::env::current_exe().unwrap();
    let lib = exe.parent().unwrap().join("libjiuzhu.a");
    assert!(
        lib.is_file(),
        "libjiuzhu.a not found next to {}",
        exe.display()
    );
    lib
}

fn compiler() -> Option<String> {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_owned());
    let found = Command::new(&cc)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    found.then_some(cc)
}

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Compiles the three C programs once per test binary; `None` when there is no C compiler.
fn programs() -> Option<&'static Path> {
    static BUILT: OnceLock<Option<PathBuf>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let Some(cc) = compiler() else {
                eprintln!("NOTE: no C compiler (cc or $CC) on PATH: the C ABI tests are skipped");
                return None;
            };
            let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("c-examples");
            std::fs::create_dir_all(&out).unwrap();
            let lib = staticlib();
            for name in ["evaluate", "threads", "error_paths"] {
                let src = repo().join("examples/c").join(format!("{name}.c"));
                let tmp = out.join(format!("{name}.{}", std::process::id()));
                let status = Command::new(&cc)
                    .args(["-std=c11", "-Wall", "-Wextra", "-g", "-O1"])
                    .arg(&src)
                    .arg("-I")
                    .arg(repo().join("ffi/include"))
                    .arg(&lib)
                    .args(["-lpthread", "-lm", "-ldl", "-o"])
                    .arg(&tmp)
                    .status()
                    .unwrap();
                assert!(status.success(), "{cc} failed on {}", src.display());
                // Renamed into place, so that another test run using the same target
                // directory never starts a half-written program.
                std::fs::rename(&tmp, out.join(name)).unwrap();
            }
            Some(out)
        })
        .as_deref()
}

fn households() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("examples/households"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "examples/households/ holds no .json file"
    );
    files
}

fn run(dir: &Path, program: &str, args: &[&Path]) -> Output {
    Command::new(dir.join(program)).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn write_rules(name: &str) -> PathBuf {
    let path =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{}-{name}", std::process::id()));
    std::fs::write(&path, ZHENYUAN_700).unwrap();
    path
}

#[test]
fn c_answers_equal_rust_answers_for_every_sample_household() {
    let Some(dir) = programs() else { return };
    for file in households() {
        let text = std::fs::read_to_string(&file).unwrap();
        let want = jiuzhu_core::evaluate_json(&text);
        let o = run(dir, "evaluate", &[&file]);
        assert_eq!(
            stdout(&o),
            format!("{want}\n"),
            "C and Rust answers differ for {}",
            file.display()
        );
        let ok = want.starts_with(r#"{"ok":"#);
        assert_eq!(o.status.code(), Some(if ok { 0 } else { 3 }));
    }
}

#[test]
fn c_summary_names_outcome_and_amount() {
    let Some(dir) = programs() else { return };
    let o = run(
        dir,
        "evaluate",
        &[&repo().join("examples/households/urban-gap.json")],
    );
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("minimum_living: eligible, monthly amount 1249 yuan"),
        "urban-gap: dibao (623 × 3) − 620 = 1249 a month; the C summary said:\n{err}"
    );
}

#[test]
fn c_summary_prints_the_one_off_amount() {
    let Some(dir) = programs() else { return };
    for (file, want) in [
        (
            "tr-fire.json",
            "temporary_relief: eligible, one-off amount 800 yuan",
        ),
        (
            "tr-above-cap.json",
            "temporary_relief: needs_review, one-off amount 18690 yuan",
        ),
    ] {
        let o = run(
            dir,
            "evaluate",
            &[&repo().join("examples/households").join(file)],
        );
        let err = String::from_utf8(o.stderr).unwrap();
        assert!(
            err.contains(want),
            "{file}: temporary relief pays 800 (light fire) or proposes 18,690 (above the cap); \
             the C summary said:\n{err}"
        );
    }
}

#[test]
fn c_answer_with_a_rules_handle_equals_rust() {
    let Some(dir) = programs() else { return };
    let rules = write_rules("zhenyuan-700-a.toml");
    let book = jiuzhu_core::RuleBook::embedded()
        .overlay_str(ZHENYUAN_700)
        .unwrap();
    for file in households() {
        let text = std::fs::read_to_string(&file).unwrap();
        let want = jiuzhu_core::evaluate_json_with(&text, &book);
        let o = run(dir, "evaluate", &[&file, &rules]);
        assert_eq!(stdout(&o), format!("{want}\n"), "{}", file.display());
    }
    std::fs::remove_file(rules).unwrap();
}

#[test]
fn eight_c_threads_agree_with_one() {
    let Some(dir) = programs() else { return };
    let files = households();
    let args: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let o = run(dir, "threads", &args);
    let out = stdout(&o);
    assert!(o.status.success(), "threads failed:\n{out}");
    assert_eq!(
        out,
        format!(
            "8 threads x 4 rounds x {} case(s): 0 answer(s) differ from the single-threaded ones\n",
            files.len()
        )
    );
}

#[test]
fn c_error_paths_answer_with_errors() {
    let Some(dir) = programs() else { return };
    let o = run(dir, "error_paths", &[]);
    let out = stdout(&o);
    assert!(o.status.success(), "error_paths failed:\n{out}");
    assert!(out.ends_with("0 failure(s)\n"), "{out}");
}

/// Runs a program under valgrind and checks it reports no error and no leak.
fn valgrind(dir: &Path, program: &str, args: &[&Path]) {
    let o = Command::new("valgrind")
        .args([
            "--leak-check=full",
            "--errors-for-leak-kinds=definite,indirect,possible",
            "--error-exitcode=1",
        ])
        .arg(dir.join(program))
        .args(args)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&o.stderr);
    assert!(
        report.contains("ERROR SUMMARY: 0 errors from 0 contexts"),
        "valgrind found errors in {program} {args:?}:\n{report}"
    );
    assert_ne!(
        o.status.code(),
        Some(1),
        "valgrind's error exit status for {program}:\n{report}"
    );
}

#[test]
fn valgrind_finds_no_leak_and_no_error() {
    let Some(dir) = programs() else { return };
    if !have("valgrind") {
        eprintln!("NOTE: valgrind is not on PATH: the valgrind runs are skipped");
        return;
    }
    let sample = repo().join("examples/households/urban-gap.json");
    let rules = write_rules("zhenyuan-700-b.toml");
    let malformed = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("{}-malformed.json", std::process::id()));
    std::fs::write(&malformed, "{\"evaluation_date\": [").unwrap();
    valgrind(dir, "evaluate", &[&sample]);
    valgrind(dir, "evaluate", &[&sample, &rules]);
    valgrind(dir, "evaluate", &[&malformed]); // exits 3: an error answer, freed
    valgrind(dir, "error_paths", &[]);
    std::fs::remove_file(rules).unwrap();
    std::fs::remove_file(malformed).unwrap();
}

#[test]
fn valgrind_finds_no_leak_and_no_error_with_eight_threads() {
    let Some(dir) = programs() else { return };
    if !have("valgrind") {
        eprintln!("NOTE: valgrind is not on PATH: the valgrind runs are skipped");
        return;
    }
    // One household keeps this run to a few seconds.
    valgrind(
        dir,
        "threads",
        &[&repo().join("examples/households/urban-gap.json")],
    );
}
