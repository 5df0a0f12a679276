#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! Runs the Python ctypes client in `examples/python/` against the shared library cargo has
//! just built for these tests. Skipped, with a note on stderr, when python3 is not on PATH.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The shared library, built by cargo in the same rustc run as the rlib these tests link, in
/// the same `deps` directory as this test binary.
fn cdylib() -> PathBuf {
    let name = if cfg!(windows) {
        "jiuzhu.dll"
    } else if cfg!(target_os = "macos") {
        "libjiuzhu.dylib"
    } else {
        "libjiuzhu.so"
    };
    // Only this directory: the copy one level up can be left over from another build.
    let exe = std::env::current_exe().unwrap();
    let lib = exe.parent().unwrap().join(name);
    assert!(lib.is_file(), "{name} not found next to {}", exe.display());
    lib
}

fn python() -> Option<&'static str> {
    let ok = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("NOTE: python3 is not on PATH: the Python client tests are skipped");
    }
    ok.then_some("python3")
}

#[test]
fn python_client_self_check_passes() {
    let Some(py) = python() else { return };
    let o = Command::new(py)
        .arg(repo().join("examples/python/test_jiuzhu.py"))
        .env("JIUZHU_LIB", cdylib())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        o.status.success(),
        "examples/python/test_jiuzhu.py failed:\n{err}"
    );
    assert!(err.contains("\nOK"), "{err}");
}

#[test]
fn python_answers_equal_rust_answers_byte_for_byte() {
    let Some(py) = python() else { return };
    for entry in std::fs::read_dir(repo().join("examples/households")).unwrap() {
        let file = entry.unwrap().path();
        if file.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let o = Command::new(py)
            .arg(repo().join("examples/python/jiuzhu.py"))
            .arg(&file)
            .env("JIUZHU_LIB", cdylib())
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(
            String::from_utf8(o.stdout).unwrap(),
            format!("{}\n", jiuzhu_core::evaluate_json(&text)),
            "Python and Rust answers differ for {}",
            file.display()
        );
    }
}
