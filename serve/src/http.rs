//! The HTTP plumbing: the router with its limits, the per-request log line, the accept loop
//! with graceful shutdown.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http_body_util::BodyExt;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use jiuzhu::RuleBook;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::ServeOptions;

/// What every handler shares.
pub(crate) struct AppState {
    pub(crate) rules: Arc<RuleBook>,
    /// Requests handled at once.
    slots: Arc<Semaphore>,
    /// Batch streams at once.
    pub(crate) batch_slots: Arc<Semaphore>,
    pub(crate) timeout: Duration,
    log: bool,
    /// `/v1/rules`, `/v1/version` and `/openapi.json`, written once.
    pub(crate) rules_json: String,
    pub(crate) version_json: String,
    pub(crate) openapi_json: String,
}

/// The application: every endpoint and the page, with the concurrency limit, the timeout, the
/// panic guard and the log line around them.
pub fn router(rules: Arc<RuleBook>, opts: &ServeOptions) -> Router {
    let state = Arc::new(AppState {
        rules_json: crate::api::rules_json(),
        version_json: crate::api::version_json(&rules),
        openapi_json: crate::openapi::document(),
        rules,
        slots: Arc::new(Semaphore::new(opts.concurrency.max(1))),
        batch_slots: Arc::new(Semaphore::new(opts.batch_concurrency.max(1))),
        timeout: opts.timeout,
        log: opts.log,
    });
    Router::new()
        .route("/", get(crate::page::index))
        .route("/app.js", get(crate::page::script))
        .route("/app.css", get(crate::page::style))
        .route("/v1/evaluate", post(crate::api::evaluate))
        .route("/v1/evaluate/batch", post(crate::batch::evaluate_batch))
        .route("/v1/notices", post(crate::api::notices))
        .route("/v1/check", post(crate::api::check))
        .route("/v1/params/{division}", get(crate::api::params))
        .route("/v1/rules", get(crate::api::rules))
        .route("/v1/health", get(crate::api::health))
        .route("/v1/version", get(crate::api::version))
        .route("/openapi.json", get(crate::api::openapi))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), limit))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                error_response(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "the request could not be answered",
                )
            },
        ))
        .layer(middleware::from_fn_with_state(state.clone(), log_line))
        .layer(
            tower_http::set_header::SetResponseHeaderLayer::if_not_present(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        )
        .with_state(state)
}

async fn not_found() -> Response {
    error_response(StatusCode::NOT_FOUND, "not_found", "no such endpoint")
}

/// A JSON body with its status.
pub(crate) fn json_response(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

/// `{"error":{"code":…,"message":…}}`, the shape of the library's own errors.
pub(crate) fn error_response(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::json!({"error": {"code": code, "message": message}});
    json_response(status, body.to_string())
}

/// The concurrency limit and the timeout: a request waits for a slot, then must be answered
/// (its body read included) within the timeout.
async fn limit(State(st): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let work = async {
        let Ok(_permit) = st.slots.clone().acquire_owned().await else {
            return error_response(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "shutting down",
            );
        };
        next.run(req).await
    };
    match tokio::time::timeout(st.timeout, work).await {
        Ok(r) => r,
        Err(_) => error_response(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            "the request took longer than the server's timeout",
        ),
    }
}

/// One line per request on standard error: time, method, route template, status, duration,
/// response bytes. Never the path's values, the query or any body.
async fn log_line(State(st): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    if !st.log {
        return next.run(req).await;
    }
    let start = Instant::now();
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "<unmatched>".to_owned(), |m| m.as_str().to_owned());
    let response = next.run(req).await;
    let size = http_body::Body::size_hint(response.body())
        .exact()
        .map_or_else(|| "stream".to_owned(), |n| n.to_string());
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    eprintln!(
        "ts={}.{:03} method={method} route={route} status={} duration_ms={:.2} bytes={size}",
        now.as_secs(),
        now.subsec_millis(),
        response.status().as_u16(),
        start.elapsed().as_secs_f64() * 1000.0,
    );
    response
}

/// Reads a body up to `limit` bytes. `Err(true)` when it is larger, `Err(false)` when the
/// client broke off.
pub(crate) async fn read_body(body: Body, limit: usize) -> Result<Vec<u8>, bool> {
    // A body announced larger (Content-Length) is refused before any of it is read.
    if http_body::Body::size_hint(&body).lower() > limit as u64 {
        return Err(true);
    }
    match http_body_util::Limited::new(body, limit).collect().await {
        Ok(c) => Ok(c.to_bytes().to_vec()),
        Err(e) => Err(e.is::<http_body_util::LengthLimitError>()),
    }
}

/// Serves `app` on `listener` until `shutdown` resolves, then stops accepting and lets the
/// requests in flight finish (for at most `opts.shutdown_grace`).
///
/// # Errors
/// Only if accepting fails in a way that is not about one connection.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    opts: &ServeOptions,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let graceful = GracefulShutdown::new();
    let connections = Arc::new(Semaphore::new(opts.max_connections.max(1)));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(opts.header_timeout)
        .max_buf_size(64 * 1024);
    tokio::pin!(shutdown);
    loop {
        // At most `max_connections` open: wait for one to close (or for the signal).
        let permit = tokio::select! {
            p = connections.clone().acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let accepted = tokio::select! {
            a = listener.accept() => a,
            () = &mut shutdown => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            // A connection that failed before it was accepted (reset, too many files): wait a
            // little and go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        let conn = http.serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            let _ = conn.await;
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {},
        () = tokio::time::sleep(opts.shutdown_grace) => {},
    }
    Ok(())
}
