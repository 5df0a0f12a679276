//! The `jiuzhu-serve` binary as an operator runs it: a `--rules` directory that does not load
//! stops it before it listens; SIGTERM lets the request in flight finish; the log lines hold
//! method, route, status, duration and size, and no case content.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{read_response, request_bytes, root};

const BIN: &str = env!("CARGO_BIN_EXE_jiuzhu-serve");

#[test]
fn a_rules_directory_that_does_not_load_stops_the_server_before_it_listens() {
    let dir = std::env::temp_dir().join(format!("jiuzhu-serve-bad-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("621027.toml"),
        "[division]\ncode = \"62\"\nname = \"x\"\n",
    )
    .unwrap();
    let out = Command::new(BIN)
        .args(["--addr", "127.0.0.1:0", "--rules"])
        .arg(&dir)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot load the rules"), "{stderr}");
    assert!(stderr.contains("six-digit"), "{stderr}");
    assert!(!stderr.contains("listening"), "{stderr}");

    let out = Command::new(BIN)
        .args(["--rules"])
        .arg(root().join("no-such-dir"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = Command::new(BIN)
        .args(["--addr", "nowhere"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Starts the binary on a free port; returns it, its address and its standard error.
fn start(extra: &[&str]) -> (Child, SocketAddr, BufReader<std::process::ChildStderr>) {
    let mut child = Command::new(BIN)
        .args(["--addr", "127.0.0.1:0"])
        .args(extra)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .parse()
        .unwrap();
    (child, addr, err)
}

#[test]
fn sigterm_lets_the_request_in_flight_finish_and_the_log_holds_no_case_content() {
    let rules = root().join("examples/rules-raise-2026");
    let (mut child, addr, err) = start(&["--rules", rules.to_str().unwrap()]);
    let gap = std::fs::read_to_string(root().join("examples/households/urban-gap.json")).unwrap();
    let book = jiuzhu::RuleBook::embedded().overlay_dir(&rules).unwrap();
    let expected = jiuzhu::evaluate_json_with(&gap, &book);

    // a few requests of every kind, for the log
    for (path, body) in [
        ("/v1/evaluate", gap.as_str()),
        (
            "/v1/evaluate",
            "{\"name\": \"张三\", \"id\": \"110101199001011234\"}",
        ),
        ("/v1/evaluate/batch", gap.replace('\n', " ").as_str()),
    ] {
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(&request_bytes(
            "POST",
            path,
            "application/json",
            body.as_bytes(),
            true,
        ))
        .unwrap();
        read_response(&mut BufReader::new(s)).unwrap();
    }
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(b"GET /v1/params/621027?date=2026-11-01&name=%E5%BC%A0%E4%B8%89 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    assert_eq!(read_response(&mut BufReader::new(s)).unwrap().status, 200);

    // a request in flight: headers and half the body sent, then SIGTERM, then the rest
    let req = request_bytes(
        "POST",
        "/v1/evaluate",
        "application/json",
        gap.as_bytes(),
        false,
    );
    let (first, rest) = req.split_at(req.len() / 2);
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    s.write_all(first).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    std::thread::sleep(Duration::from_millis(300));
    s.write_all(rest).unwrap();
    let r = read_response(&mut BufReader::new(s)).unwrap();
    assert_eq!(r.status, 200);
    assert!(
        r.text() == expected,
        "the request in flight got another answer"
    );

    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let mut log = String::new();
    for l in err.lines() {
        let l = l.unwrap();
        log.push_str(&l);
        log.push('\n');
    }
    assert!(log.contains("stopped"), "{log}");
    let requests: Vec<&str> = log.lines().filter(|l| l.starts_with("ts=")).collect();
    assert_eq!(requests.len(), 5, "{log}");
    for l in &requests {
        let keys: Vec<&str> = l
            .split(' ')
            .map(|kv| kv.split('=').next().unwrap())
            .collect();
        assert_eq!(
            keys,
            ["ts", "method", "route", "status", "duration_ms", "bytes"],
            "{l}"
        );
    }
    assert!(
        log.contains("route=/v1/params/{division} status=200"),
        "{log}"
    );
    assert!(log.contains("route=/v1/evaluate status=422"), "{log}");
    let request_lines = requests.join("\n");
    for secret in [
        "张三",
        "%E5",
        "110101199001011234",
        "1978-04-12",
        "9600",
        "621027",
        "name",
        "m1",
    ] {
        assert!(
            !request_lines.contains(secret),
            "the log holds {secret}: {log}"
        );
    }
    println!("log sample:\n{log}");
}
