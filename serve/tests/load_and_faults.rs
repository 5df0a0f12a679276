//! Load and faults on loopback, bounded in count and time: 2,000 requests over 64 keep-alive
//! connections, each answer byte-identical to the library's; malformed, oversized, slow and
//! abruptly closed requests get their error or are dropped while other clients are served;
//! the process's memory stays bounded. (The figures for the README come from
//! `cargo run --release -p jiuzhu-serve --example load`, not from this test.)
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::io::{BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{Server, households, post, read_response, request_bytes, rss_kib};
use jiuzhu_serve::ServeOptions;

const CONNECTIONS: usize = 64;
const REQUESTS: usize = 2_000;

fn load(server: &Server, cases: &Arc<Vec<(String, String)>>) {
    let addr = server.addr;
    let threads: Vec<_> = (0..CONNECTIONS)
        .map(|c| {
            let cases = cases.clone();
            std::thread::spawn(move || {
                let stream = TcpStream::connect(addr).unwrap();
                stream
                    .set_read_timeout(Some(Duration::from_secs(60)))
                    .unwrap();
                let mut writer = stream.try_clone().unwrap();
                let mut reader = BufReader::new(stream);
                let mut done = 0;
                for i in (c..REQUESTS).step_by(CONNECTIONS) {
                    let (body, expected) = &cases[i % cases.len()];
                    writer
                        .write_all(&request_bytes(
                            "POST",
                            "/v1/evaluate",
                            "application/json",
                            body.as_bytes(),
                            false,
                        ))
                        .unwrap();
                    let r = read_response(&mut reader).unwrap();
                    assert_eq!(r.status, 200);
                    assert!(
                        r.body == expected.as_bytes(),
                        "answer {i} differs from the library's"
                    );
                    done += 1;
                }
                done
            })
        })
        .collect();
    let total: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
    assert_eq!(total, REQUESTS);
}

#[test]
fn two_thousand_requests_over_64_connections_are_byte_identical_and_memory_stays_bounded() {
    let server = Server::quiet();
    let cases: Arc<Vec<(String, String)>> = Arc::new(
        households()
            .into_iter()
            .map(|(_, text)| {
                let expected = jiuzhu::evaluate_json(&text);
                (text, expected)
            })
            .collect(),
    );
    let start = Instant::now();
    load(&server, &cases);
    let first = start.elapsed();
    let after_first = rss_kib();
    load(&server, &cases);
    let after_second = rss_kib();
    eprintln!(
        "2 × {REQUESTS} requests; first round {first:?}; rss {after_first:?} → {after_second:?} KiB"
    );
    // A second round of the same load does not grow the process by more than a few MiB.
    if let (Some(a), Some(b)) = (after_first, after_second) {
        assert!(b < a + 64 * 1024, "memory grew from {a} to {b} KiB");
    }
}

/// A request that must be answered normally while faults go on.
fn healthy(server: &Server, gap: &str) {
    let r = post(server.addr, "/v1/evaluate", gap.as_bytes());
    assert_eq!(r.status, 200);
    assert_eq!(r.text(), jiuzhu::evaluate_json(gap));
}

#[test]
fn faults_get_their_status_or_are_dropped_and_others_are_served() {
    let server = Server::start(ServeOptions {
        log: false,
        timeout: Duration::from_secs(2),
        header_timeout: Duration::from_secs(1),
        ..ServeOptions::default()
    });
    let addr = server.addr;
    let gap =
        std::fs::read_to_string(common::root().join("examples/households/urban-gap.json")).unwrap();
    let start_rss = rss_kib();

    // Slowloris: 200 connections that send half a request line and then nothing.
    let slow: Vec<TcpStream> = (0..200)
        .map(|_| {
            let mut s = TcpStream::connect(addr).unwrap();
            s.write_all(b"POST /v1/evaluate HTTP/1.1\r\nHost: x\r\n")
                .unwrap();
            s
        })
        .collect();
    healthy(&server, &gap);

    // Malformed HTTP: answered 400 by the HTTP layer, or the connection is closed.
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(b"THIS IS NOT HTTP\r\n\r\n").unwrap();
    let mut got = Vec::new();
    let _ = s.read_to_end(&mut got);
    let text = String::from_utf8_lossy(&got);
    assert!(got.is_empty() || text.starts_with("HTTP/1.1 400"), "{text}");

    // Oversized, announced: 413 without reading the whole body.
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(b"POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n{")
        .unwrap();
    let r = read_response(&mut BufReader::new(s)).unwrap();
    assert_eq!(r.status, 413);
    assert_eq!(r.json()["error"]["code"], "too_large");

    // Oversized, streamed in chunks without a length.
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(b"POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        .unwrap();
    let chunk = format!("{:x}\r\n{}\r\n", 64 * 1024, " ".repeat(64 * 1024));
    for _ in 0..20 {
        if s.write_all(chunk.as_bytes()).is_err() {
            break;
        }
    }
    let r = read_response(&mut BufReader::new(s)).unwrap();
    assert_eq!(r.status, 413);

    // Slow body: headers, a few bytes, then silence → 408 after the timeout.
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(b"POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"evaluation_date\"")
        .unwrap();
    let t = Instant::now();
    let r = read_response(&mut BufReader::new(s)).unwrap();
    assert_eq!(r.status, 408);
    assert_eq!(r.json()["error"]["code"], "timeout");
    assert!(t.elapsed() < Duration::from_secs(8));

    // Abruptly closed: half a body, then the socket is dropped; 50 times.
    for _ in 0..50 {
        let mut s = TcpStream::connect(addr).unwrap();
        let req = request_bytes(
            "POST",
            "/v1/evaluate",
            "application/json",
            gap.as_bytes(),
            false,
        );
        s.write_all(&req[..req.len() / 2]).unwrap();
        drop(s);
    }
    // Closed before reading the answer.
    for _ in 0..50 {
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(&request_bytes(
            "POST",
            "/v1/evaluate",
            "application/json",
            gap.as_bytes(),
            true,
        ))
        .unwrap();
        drop(s);
    }
    healthy(&server, &gap);

    // The slowloris connections were closed by the header timeout.
    std::thread::sleep(Duration::from_millis(1500));
    for mut s in slow {
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut buf = Vec::new();
        let closed = match s.read_to_end(&mut buf) {
            Ok(_) => true,
            Err(e) => e.kind() == std::io::ErrorKind::ConnectionReset,
        };
        assert!(closed, "a slowloris connection is still open");
    }
    healthy(&server, &gap);
    if let (Some(a), Some(b)) = (start_rss, rss_kib()) {
        assert!(b < a + 128 * 1024, "memory grew from {a} to {b} KiB");
    }
}

#[test]
fn concurrent_batches_beyond_the_limit_are_refused_not_queued() {
    let server = Server::start(ServeOptions {
        log: false,
        batch_concurrency: 1,
        ..ServeOptions::default()
    });
    // A batch that keeps its slot: the body never ends.
    let mut open = TcpStream::connect(server.addr).unwrap();
    open.write_all(
        b"POST /v1/evaluate/batch HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let r = post(server.addr, "/v1/evaluate/batch", b"{}\n");
    assert_eq!(r.status, 503);
    assert_eq!(r.json()["error"]["code"], "busy");
    drop(open);
}
