//! Issue 14 (hardening), the `jiuzhu` binary's side: a batch killed midway leaves nothing that
//! looks complete, batch memory stays bounded by bytes in flight with large answers at eight
//! threads, `--rules DIR` reads regular files only within the size limit and names a bad
//! parameter, and every error answer gives a non-zero exit status.
//!
//! Held elsewhere, not repeated: `evaluate` and `evaluate --json` exit 1 on an error answer
//! (`cli/tests/cli.rs`, `an_answer_that_is_an_error_exits_1_and_a_missing_file_2`), a batch
//! with an error line exits 1 (`cli/tests/cli.rs`, `a_batch_with_an_error_line_exits_1`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

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

/// A fresh directory of the test's own.
fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "jiuzhu-cli-hardening-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Issue item 5 and "Must show": a batch killed with SIGKILL midway leaves no file at the final
/// `--out` and `--summary` paths, only the temporary file, named as partial; a report left
/// there by an earlier run is gone rather than looking current.
#[test]
fn a_batch_killed_midway_leaves_nothing_that_looks_complete() {
    let d = dir("kill");
    let input = d.join("h.jsonl");
    let o = jiuzhu(&["generate", "5000", "--seed", "11"]);
    assert!(o.status.success());
    std::fs::write(&input, &o.stdout).unwrap();
    let (out, summary) = (d.join("o.jsonl"), d.join("r.md"));
    // results of an earlier run at the same paths
    for p in [&out, &summary, &d.join("r.svg"), &d.join("r.csv")] {
        std::fs::write(p, "an earlier run\n").unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_jiuzhu"))
        .args([
            "batch",
            s(&input),
            "--out",
            s(&out),
            "--summary",
            s(&summary),
            "--threads",
            "1",
            "--progress",
            "never",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let partial = |d: &Path| {
        std::fs::read_dir(d)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .find(|n| n.starts_with(".o.jsonl.partial-"))
    };
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the batch ended ({status}) before it could be killed: give it more lines");
        }
        // started writing: its temporary file is there (or, were it to write in place, the
        // earlier output has been replaced)
        let replaced = std::fs::read(&out).map_or(true, |b| b != b"an earlier run\n");
        if partial(&d).is_some() || replaced {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no temporary file appeared"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    // let it write for a while, then kill it (SIGKILL on Unix: no handler runs)
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        child.try_wait().unwrap().is_none(),
        "still running when killed"
    );
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success());

    for p in [&out, &summary, &d.join("r.svg"), &d.join("r.csv")] {
        assert!(
            !p.exists(),
            "{} exists after the kill: a reader could take it for a finished result",
            p.display()
        );
    }
    let mut names: Vec<String> = std::fs::read_dir(&d)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let left = partial(&d).expect("the temporary file is left, named as partial");
    assert!(
        left.ends_with(&format!(".partial-{}", child.id())),
        "named by the process: {left}"
    );
    assert_eq!(
        names,
        vec![left, "h.jsonl".to_owned()],
        "nothing else is left"
    );
    let _ = std::fs::remove_dir_all(&d);
}

/// A household that gives a large valid answer (about 4 MB): 64 members, each tested as a
/// single-person unit, and 2,000 vehicles, each weighed by the asset rules.
fn large_case() -> String {
    let members: Vec<serde_json::Value> = (0..64)
        .map(|i| {
            serde_json::json!({ "key": format!("m{i}"),
                "relation": if i == 0 { "applicant" } else { "sibling" },
                "birth_date": "1980-01-01",
                "disability": { "kind": "physical", "grade": 1 } })
        })
        .collect();
    let vehicles: Vec<serde_json::Value> = (0..2000)
        .map(|i| serde_json::json!({ "member": format!("m{}", i % 64), "kind": "car", "value": "1" }))
        .collect();
    serde_json::json!({
        "evaluation_date": "2026-11-01", "jurisdiction": "621027",
        "purpose": "new_application", "area": "rural",
        "household": { "members": members, "assets": { "vehicles": vehicles } }
    })
    .to_string()
}

/// The peak resident memory of a finished child, in KiB, from `/usr/bin/time -v` if present.
fn max_rss_kib(stderr: &str) -> Option<u64> {
    stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok())
}

/// Issue item 6 and "Deliver": batch memory is bounded by bytes in flight, not lines. 64 lines
/// whose answers are about 4 MB each (some 280 MB of output, all of it in flight at once if
/// memory grew with lines per chunk) at eight threads stay under 256 MiB peak resident memory.
/// Linux only (the peak comes from `/usr/bin/time -v`, or else `VmHWM` in `/proc`).
#[test]
fn batch_memory_stays_bounded_with_large_answers_at_eight_threads() {
    if !cfg!(target_os = "linux") {
        println!("skipped: the peak resident memory is read the Linux way");
        return;
    }
    const LINES: usize = 64;
    const LIMIT_KIB: u64 = 256 * 1024;
    let d = dir("memory");
    let input = d.join("large.jsonl");
    let line = large_case();
    let mut all = String::with_capacity((line.len() + 1) * LINES);
    for _ in 0..LINES {
        all.push_str(&line);
        all.push('\n');
    }
    std::fs::write(&input, all).unwrap();
    let out = d.join("o.jsonl");
    let args = [
        "batch",
        s(&input),
        "--out",
        s(&out),
        "--threads",
        "8",
        "--progress",
        "never",
        // the largest answers: sentences and the parameter list in every line
        "--sentences",
        "--inline-parameters",
    ];
    let time = Path::new("/usr/bin/time");
    let started = Instant::now();
    let (status, peak_kib, how) = if time.exists() {
        let o = Command::new(time)
            .arg("-v")
            .arg(env!("CARGO_BIN_EXE_jiuzhu"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .output()
            .unwrap();
        let err = text(&o.stderr);
        let peak = max_rss_kib(&err).unwrap_or_else(|| panic!("no peak in {err}"));
        (o.status, peak, "/usr/bin/time -v")
    } else {
        // VmHWM is the peak so far; read it until the child ends
        let mut child = Command::new(env!("CARGO_BIN_EXE_jiuzhu"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let status_file = format!("/proc/{}/status", child.id());
        let mut peak = 0u64;
        let status = loop {
            if let Ok(st) = std::fs::read_to_string(&status_file)
                && let Some(v) = st
                    .lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                peak = peak.max(v);
            }
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        (status, peak, "VmHWM of /proc/PID/status")
    };
    println!(
        "batch of {LINES} lines of {} bytes, 8 threads: peak {} MiB ({how}), {:.1} s",
        line.len(),
        peak_kib / 1024,
        started.elapsed().as_secs_f64()
    );
    assert!(status.success(), "{status}");
    // every answer was written, and they were large
    let answered = std::fs::read_to_string(&out).unwrap();
    assert_eq!(answered.lines().count(), LINES);
    assert!(peak_kib > 0, "a peak was measured");
    assert!(
        peak_kib < LIMIT_KIB,
        "peak {} MiB at 8 threads, over 256 MiB",
        peak_kib / 1024
    );
    let _ = std::fs::remove_dir_all(&d);
}

/// Issue items 1 and 10 through the binary: an overlay directory with a value out of bounds is
/// refused whole, exit status 1, the error naming the file, the parameter, its date and the
/// bound; every command that reads `--rules` refuses it the same way.
#[test]
fn rules_out_of_bounds_are_refused_naming_file_parameter_date_and_reason() {
    let d = dir("bounds");
    let file = d.join("621027-bad.toml");
    std::fs::write(
        &file,
        "[division]\ncode = \"621027\"\nname = \"x\"\n\n[[param]]\nname = \"min_benefit_per_household\"\n\
         from = \"2026-05-01\"\nvalue = \"79228162514264337593543950335\"\nstatus = \"published\"\nsource = \"x\"\n",
    )
    .unwrap();
    let case = "examples/households/urban-gap.json";
    for args in [
        vec!["evaluate", case, "--rules", s(&d)],
        vec!["evaluate", "--json", case, "--rules", s(&d)],
        vec!["params", "621027", "--rules", s(&d)],
        vec!["diff", case, "--rules", s(&d)],
    ] {
        let o = jiuzhu(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = text(&o.stderr);
        assert!(
            err.contains(&format!(
                "{}: param[0] (min_benefit_per_household, from 2026-05-01): value out of bounds: must be an amount from 0 to 10000000",
                file.display()
            )),
            "{args:?}: {err}"
        );
        assert!(
            o.stdout.is_empty(),
            "nothing is answered under a refused document"
        );
    }
    let _ = std::fs::remove_dir_all(&d);
}

/// Issue item 13: `--rules DIR` reads regular files only, each up to
/// `jiuzhu::limits::MAX_RULES_BYTES`: a `.toml` symbolic link to `/dev/zero`, a FIFO and a file
/// one byte over the limit are each refused promptly (exit 1) instead of reading until memory
/// runs out or blocking forever.
#[cfg(unix)]
#[test]
fn rules_dir_reads_regular_files_only_within_the_size_limit() {
    let run_briefly = |d: &Path| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_jiuzhu"))
            .args(["params", "621027", "--date", "2026-11-01", "--rules", s(d)])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > Duration::from_secs(20) {
                child.kill().unwrap();
                let _ = child.wait();
                panic!("--rules {} did not return within 20 s", d.display());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        child.wait_with_output().unwrap()
    };

    let zero = dir("zero");
    std::os::unix::fs::symlink("/dev/zero", zero.join("a.toml")).unwrap();
    let o = run_briefly(&zero);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("not a regular file"),
        "{}",
        text(&o.stderr)
    );

    let fifo = dir("fifo");
    let made = Command::new("mkfifo")
        .arg(fifo.join("a.toml"))
        .status()
        .is_ok_and(|s| s.success());
    if made {
        let o = run_briefly(&fifo);
        assert_eq!(o.status.code(), Some(1));
        assert!(
            text(&o.stderr).contains("not a regular file"),
            "{}",
            text(&o.stderr)
        );
    } else {
        println!("skipped the FIFO: mkfifo is not available");
    }

    let big = dir("big");
    let f = std::fs::File::create(big.join("a.toml")).unwrap();
    f.set_len(jiuzhu::limits::MAX_RULES_BYTES + 1).unwrap();
    let o = run_briefly(&big);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains(&format!(
            "larger than {} bytes",
            jiuzhu::limits::MAX_RULES_BYTES
        )),
        "{}",
        text(&o.stderr)
    );
    for d in [zero, fifo, big] {
        let _ = std::fs::remove_dir_all(d);
    }
}

/// Issue item 8 and "Exit status non-zero whenever an answer is an error": an unknown
/// jurisdiction (621099, a mistyped Zhenyuan) is an error answer for `evaluate` (verdict,
/// `--json`, `--notice`, `--notice --json`), `params` and `diff`, each exiting 1; the same case
/// at a declared county exits 0.
#[test]
fn every_error_answer_exits_non_zero() {
    let d = dir("exit");
    let good = std::fs::read_to_string(root().join("examples/households/urban-gap.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    v["jurisdiction"] = serde_json::json!("621099");
    let bad = d.join("unknown.json");
    std::fs::write(&bad, v.to_string()).unwrap();
    for args in [
        vec!["evaluate", s(&bad)],
        vec!["evaluate", "--json", s(&bad)],
        vec!["evaluate", "--notice", s(&bad)],
        vec!["evaluate", "--notice", "--json", s(&bad)],
        vec!["diff", s(&bad), "--rules", "examples/rules-raise-2026"],
    ] {
        let o = jiuzhu(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", text(&o.stderr));
    }
    let o = jiuzhu(&["evaluate", "--json", s(&bad)]);
    let answer: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(answer["error"]["code"], "unknown_jurisdiction");
    let o = jiuzhu(&["params", "621099", "--date", "2026-11-01"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("division 621099 is not declared"));
    // a declared county with no values of its own (Chengguan, Lanzhou) is answered
    v["jurisdiction"] = serde_json::json!("620102");
    std::fs::write(&bad, v.to_string()).unwrap();
    assert_eq!(
        jiuzhu(&["evaluate", "--json", s(&bad)]).status.code(),
        Some(0)
    );
    let _ = std::fs::remove_dir_all(&d);
}
