//! jiuzhu over HTTP: the JSON service county systems call, and the page at `/` where policy
//! staff try one household.
//!
//! [`run`] is the whole server for a command line (`jiuzhu serve`, or the `jiuzhu-serve`
//! binary): it loads the rules once, binds (loopback unless told otherwise), answers until
//! SIGTERM or Ctrl-C, then lets the requests in flight finish. [`router`] and [`serve`] are the
//! same pieces for a caller that binds its own listener (the tests do).
//!
//! Endpoints: `POST /v1/evaluate` (the bytes of [`jiuzhu::evaluate_json`]),
//! `POST /v1/evaluate/batch` (JSON lines, streamed), `POST /v1/notices` (the decisions in writing), `POST /v1/check` (a TOML case file),
//! `GET /v1/params/{division}?date=`, `GET /v1/rules`, `GET /v1/health`, `GET /v1/version`,
//! `GET /openapi.json`, and the page (`/`, `/app.js`, `/app.css`).
//!
//! Every log line holds the method, the route (its template, never the raw path or query),
//! the status, the duration and the response size: never case content.

#![forbid(unsafe_code)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use jiuzhu::RuleBook;

mod api;
mod batch;
mod http;
mod openapi;
mod page;

pub use http::{router, serve};

/// How the server runs. Every field has a default ([`ServeOptions::default`]).
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// Where to listen; `127.0.0.1:8080` by default (loopback: other machines cannot reach it
    /// unless an address such as `0.0.0.0:8080` is given).
    pub addr: SocketAddr,
    /// A directory of parameter files (`*.toml`, `*.json`) laid over the embedded rules, as
    /// `RuleBook::embedded().overlay_dir(dir)`; `None` for the embedded rules alone.
    pub rules_dir: Option<PathBuf>,
    /// The longest a request may take, reading its body included (answered 408 after it).
    pub timeout: Duration,
    /// Requests handled at once; more wait for a free slot (within their timeout). Bounds the
    /// memory held by request bodies to about this many times the case limit (1 MiB).
    pub concurrency: usize,
    /// Batch requests streamed at once; more are answered 503.
    pub batch_concurrency: usize,
    /// Open connections at most; further connections wait to be accepted.
    pub max_connections: usize,
    /// How long a client may take to send a request's headers.
    pub header_timeout: Duration,
    /// How long requests in flight may take to finish after SIGTERM.
    pub shutdown_grace: Duration,
    /// Write one line per request on standard error.
    pub log: bool,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            rules_dir: None,
            timeout: Duration::from_secs(30),
            concurrency: 64,
            batch_concurrency: 4,
            max_connections: 1024,
            header_timeout: Duration::from_secs(10),
            shutdown_grace: Duration::from_secs(30),
            log: true,
        }
    }
}

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The `--rules` directory could not be loaded (nothing was bound).
    #[error("cannot load the rules from {dir}: {source}")]
    Rules {
        /// The directory.
        dir: String,
        /// What was wrong.
        source: jiuzhu::RulesError,
    },
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// What the system said.
        source: std::io::Error,
    },
    /// The runtime or the listener failed.
    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
}

/// The rule book the server answers with: the embedded rules, with `dir` laid over them.
///
/// # Errors
/// [`Error::Rules`] when a file of the directory cannot be read or is not a parameter file.
pub fn load_rules(dir: Option<&Path>) -> Result<RuleBook, Error> {
    match dir {
        None => Ok(RuleBook::embedded()),
        Some(d) => RuleBook::embedded()
            .overlay_dir(d)
            .map_err(|source| Error::Rules {
                dir: d.display().to_string(),
                source,
            }),
    }
}

/// Runs the server until SIGTERM or Ctrl-C: loads the rules (a directory that does not load
/// stops here, before anything listens), builds its own tokio runtime, binds `opts.addr`, prints
/// `listening on http://ADDR` on standard error and serves.
///
/// # Errors
/// [`Error::Rules`], [`Error::Bind`], or [`Error::Io`] if the runtime cannot start.
pub fn run(opts: ServeOptions) -> Result<(), Error> {
    let rules = Arc::new(load_rules(opts.rules_dir.as_deref())?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(opts.addr)
            .await
            .map_err(|source| Error::Bind {
                addr: opts.addr,
                source,
            })?;
        let local = listener.local_addr()?;
        eprintln!(
            "jiuzhu-serve: listening on http://{local} (rules digest {})",
            rules.digest()
        );
        let app = router(rules, &opts);
        serve(listener, app, &opts, shutdown_signal()).await?;
        eprintln!("jiuzhu-serve: stopped");
        Ok(())
    })
}

/// Resolves on SIGTERM or Ctrl-C.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
