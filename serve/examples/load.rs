//! Throughput and latency of `POST /v1/evaluate` on loopback: the server in this process (its
//! own tokio runtime), N keep-alive client connections on threads, every answer compared with
//! `evaluate_json`. Prints requests/s and p50/p90/p99 latency.
//!
//! ```text
//! cargo run --release -p jiuzhu-serve --example load -- [REQUESTS] [CONNECTIONS]
//! ```
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn read_answer(r: &mut BufReader<TcpStream>, line: &mut String) -> (u16, Vec<u8>) {
    line.clear();
    r.read_line(line).unwrap();
    let status = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    let mut len = 0;
    loop {
        line.clear();
        r.read_line(line).unwrap();
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((n, v)) = l.split_once(':')
            && n.eq_ignore_ascii_case("content-length")
        {
            len = v.trim().parse().unwrap();
        }
    }
    let mut body = vec![0; len];
    r.read_exact(&mut body).unwrap();
    (status, body)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let requests: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let connections: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(64);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut cases = Vec::new();
    for name in [
        "urban-gap.json",
        "rural-class1-elderly-couple.json",
        "urban-marginal-family.json",
        "tk-elderly-alone.json",
    ] {
        let text = std::fs::read_to_string(root.join("examples/households").join(name)).unwrap();
        let expected = jiuzhu::evaluate_json(&text);
        let request = format!(
            "POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{text}",
            text.len()
        );
        cases.push((request, expected));
    }
    let cases = Arc::new(cases);

    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async move {
            let opts = jiuzhu_serve::ServeOptions {
                log: false,
                ..Default::default()
            };
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            addr_tx.send(listener.local_addr().unwrap()).unwrap();
            let app = jiuzhu_serve::router(Arc::new(jiuzhu::RuleBook::embedded()), &opts);
            jiuzhu_serve::serve(listener, app, &opts, async {
                let _ = stopped.await;
            })
            .await
            .unwrap();
        });
    });
    let addr = addr_rx.recv().unwrap();

    let run = |n: usize| -> (Duration, Vec<Duration>) {
        let start = Instant::now();
        let threads: Vec<_> = (0..connections)
            .map(|c| {
                let cases = cases.clone();
                std::thread::spawn(move || {
                    let stream = TcpStream::connect(addr).unwrap();
                    stream.set_nodelay(true).unwrap();
                    let mut w = stream.try_clone().unwrap();
                    let mut r = BufReader::new(stream);
                    let mut line = String::new();
                    let mut lat = Vec::new();
                    for i in (c..n).step_by(connections) {
                        let (req, expected) = &cases[i % cases.len()];
                        let t = Instant::now();
                        w.write_all(req.as_bytes()).unwrap();
                        let (status, body) = read_answer(&mut r, &mut line);
                        lat.push(t.elapsed());
                        assert_eq!(status, 200);
                        assert!(
                            body == expected.as_bytes(),
                            "answer differs from evaluate_json"
                        );
                    }
                    lat
                })
            })
            .collect();
        let mut all: Vec<Duration> = threads
            .into_iter()
            .flat_map(|t| t.join().unwrap())
            .collect();
        all.sort();
        (start.elapsed(), all)
    };
    run(requests.min(2_000)); // warm-up
    let (elapsed, lat) = run(requests);
    let pct = |p: f64| lat[((lat.len() as f64 * p) as usize).min(lat.len() - 1)];
    println!(
        "{requests} requests over {connections} connections in {:.2} s: {:.0} requests/s; latency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms; all byte-identical to evaluate_json",
        elapsed.as_secs_f64(),
        requests as f64 / elapsed.as_secs_f64(),
        pct(0.50).as_secs_f64() * 1e3,
        pct(0.90).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
    );
    println!(
        "machine: {} cores available",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let _ = stop.send(());
    server.join().unwrap();
    let _ = std::io::stdout().flush();
}
