//! `POST /v1/evaluate/batch`: JSON lines in, JSON lines out (one answer of `evaluate_json` per
//! input line, in order), streamed with bounded memory: the body is read only as fast as the
//! answers are taken, a line at most the case limit is kept, and a few chunks of answers wait
//! at most.

use std::convert::Infallible;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use jiuzhu::RuleBook;
use jiuzhu::limits::MAX_INPUT_BYTES;
use tokio::sync::mpsc;

use crate::http::{AppState, error_response};

/// Lines evaluated together on a blocking thread.
const CHUNK_LINES: usize = 64;
/// Chunks of answers waiting to be sent.
const CHUNKS_IN_FLIGHT: usize = 4;

/// The answer to one input line.
fn answer_line(line: &[u8], rules: &RuleBook, out: &mut Vec<u8>) {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let answer = match std::str::from_utf8(line) {
        Ok(text) => jiuzhu::evaluate_json_with(text, rules),
        Err(_) => jiuzhu::answer(Err(&jiuzhu::CaseError::Malformed {
            path: "$".to_owned(),
            reason: "the line is not valid UTF-8".to_owned(),
        })),
    };
    out.extend_from_slice(answer.as_bytes());
    out.push(b'\n');
}

/// An input line: its bytes, or `None` when it ran over the case limit.
type Line = Option<Vec<u8>>;

async fn evaluate_chunk(lines: Vec<Line>, rules: Arc<RuleBook>) -> Bytes {
    let done = tokio::task::spawn_blocking(move || {
        let mut out = Vec::with_capacity(lines.len() * 8192);
        for line in &lines {
            match line {
                Some(l) => answer_line(l, &rules, &mut out),
                None => {
                    out.extend_from_slice(jiuzhu::answer(Err(&crate::api::too_large())).as_bytes());
                    out.push(b'\n');
                }
            }
        }
        out
    })
    .await;
    Bytes::from(done.unwrap_or_else(|_| {
        br#"{"error":{"code":"internal","message":"the lines could not be evaluated"}}"#.to_vec()
    }))
}

/// Splits a byte stream into lines of at most the case limit.
struct Splitter {
    partial: Vec<u8>,
    overlong: bool,
}

impl Splitter {
    fn push(&mut self, mut data: &[u8], lines: &mut Vec<Line>) {
        while !data.is_empty() {
            let (piece, rest, ended) = match data.iter().position(|&b| b == b'\n') {
                Some(i) => (
                    data.get(..i).unwrap_or_default(),
                    data.get(i + 1..).unwrap_or_default(),
                    true,
                ),
                None => (data, &[][..], false),
            };
            if !self.overlong {
                if self.partial.len() + piece.len() > MAX_INPUT_BYTES + 1 {
                    self.overlong = true;
                    self.partial = Vec::new();
                } else {
                    self.partial.extend_from_slice(piece);
                }
            }
            if ended {
                self.finish(lines);
            }
            data = rest;
        }
    }

    fn finish(&mut self, lines: &mut Vec<Line>) {
        if self.overlong {
            lines.push(None);
        } else {
            lines.push(Some(std::mem::take(&mut self.partial)));
        }
        self.overlong = false;
    }

    fn pending(&self) -> bool {
        self.overlong || !self.partial.is_empty()
    }
}

pub(crate) async fn evaluate_batch(State(st): State<Arc<AppState>>, body: Body) -> Response {
    let Ok(permit) = st.batch_slots.clone().try_acquire_owned() else {
        return error_response(
            StatusCode::SERVICE_UNAVAILABLE,
            "busy",
            "too many batches at once; try again shortly",
        );
    };
    let (tx, rx) = mpsc::channel::<Bytes>(CHUNKS_IN_FLIGHT);
    let rules = st.rules.clone();
    let idle = st.timeout;
    tokio::spawn(async move {
        let _permit = permit;
        let mut input = body.into_data_stream();
        let mut splitter = Splitter {
            partial: Vec::new(),
            overlong: false,
        };
        let mut lines = Vec::new();
        loop {
            // A client that stops sending for the timeout: answer what came and stop.
            let next = tokio::time::timeout(idle, input.next())
                .await
                .unwrap_or_default();
            match next {
                Some(Ok(data)) => splitter.push(&data, &mut lines),
                Some(Err(_)) => return,
                None => break,
            }
            while lines.len() >= CHUNK_LINES {
                let rest = lines.split_off(CHUNK_LINES);
                let chunk = std::mem::replace(&mut lines, rest);
                if tx
                    .send(evaluate_chunk(chunk, rules.clone()).await)
                    .await
                    .is_err()
                {
                    return;
                }
            }
        }
        if splitter.pending() {
            splitter.finish(&mut lines);
        }
        if !lines.is_empty() {
            let _ = tx.send(evaluate_chunk(lines, rules).await).await;
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|b| (Ok::<_, Infallible>(b), rx))
    });
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/x-ndjson")],
        Body::from_stream(stream),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lines_across_pieces_and_marks_overlong_ones() {
        let mut s = Splitter {
            partial: Vec::new(),
            overlong: false,
        };
        let mut lines = Vec::new();
        s.push(b"ab", &mut lines);
        s.push(b"c\nd\n\ne", &mut lines);
        assert_eq!(
            lines,
            vec![Some(b"abc".to_vec()), Some(b"d".to_vec()), Some(Vec::new())]
        );
        assert!(s.pending());
        let big = vec![b' '; MAX_INPUT_BYTES + 10];
        s.push(&big, &mut lines);
        s.push(b"\n{}", &mut lines);
        assert_eq!(lines.get(3), Some(&None));
        s.finish(&mut lines);
        assert_eq!(lines.get(4), Some(&Some(b"{}".to_vec())));
    }
}
