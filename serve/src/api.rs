//! The JSON endpoints but the batch.

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use jiuzhu::limits::MAX_INPUT_BYTES;
use jiuzhu::{CaseError, Determination, RuleBook, RuleId};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::http::{AppState, error_response, json_response, read_body};

/// The error `evaluate_json` gives for a document over the case limit.
pub(crate) fn too_large() -> CaseError {
    CaseError::TooLarge {
        what: "case document bytes",
        limit: MAX_INPUT_BYTES,
    }
}

/// The HTTP status of a library error: 413 for a limit, 400 for a body that is not JSON at
/// all, 422 for a case the library refused.
pub(crate) fn status_of(e: &CaseError, input: &str) -> StatusCode {
    match e.code() {
        "too_large" => StatusCode::PAYLOAD_TOO_LARGE,
        "malformed" if serde_json::from_str::<serde::de::IgnoredAny>(input).is_err() => {
            StatusCode::BAD_REQUEST
        }
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// The query of `/v1/evaluate`.
#[derive(Deserialize, Default)]
pub(crate) struct EvaluateQuery {
    /// Outcomes, classes and amounts only.
    #[serde(default)]
    compact: bool,
    /// "What if": the monthly (urban) or yearly (rural) standard of the case's division, laid
    /// over the rules from the evaluation date, status `unconfirmed`.
    #[serde(default)]
    standard: Option<String>,
}

/// `POST /v1/evaluate`: the bytes `evaluate_json` answers, with 200, 422, 413 or 400.
pub(crate) async fn evaluate(
    State(st): State<Arc<AppState>>,
    Query(q): Query<EvaluateQuery>,
    body: Body,
) -> Response {
    let text = match case_text(body).await {
        Ok(t) => t,
        Err(r) => return r,
    };
    let rules = st.rules.clone();
    let work = tokio::task::spawn_blocking(move || {
        let case = jiuzhu::parse_case(&text);
        let what_if;
        let book: &RuleBook = match (&q.standard, &case) {
            (Some(standard), Ok(case)) => match what_if_rules(&rules, case, standard) {
                Ok(b) => {
                    what_if = b;
                    &what_if
                }
                Err(WhatIf::BadStandard(message)) => {
                    return error_response(StatusCode::BAD_REQUEST, "bad_standard", &message);
                }
                // a division the overlay cannot name: the case's own error answers
                Err(WhatIf::NoDivision) => &rules,
            },
            _ => &rules,
        };
        // a compact answer holds no finding and no audit stamp: decide without them
        let options = if q.compact {
            jiuzhu::Options::default()
                .with_explain(jiuzhu::Explain::None)
                .with_case_digest(false)
        } else {
            jiuzhu::Options::default()
        };
        let result = case.and_then(|c| jiuzhu::evaluate_with(&c, book, &options));
        match &result {
            Ok(d) if q.compact => json_response(StatusCode::OK, compact(d)),
            Ok(d) => json_response(StatusCode::OK, jiuzhu::answer(Ok(d))),
            Err(e) => json_response(status_of(e, &text), jiuzhu::answer(Err(e))),
        }
    });
    work.await.unwrap_or_else(|_| {
        error_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the case could not be evaluated",
        )
    })
}

/// The body of a case request as text, or the error response: 413 over the case limit, 400
/// for a body cut off or not UTF-8.
async fn case_text(body: Body) -> Result<String, Response> {
    let bytes = match read_body(body, MAX_INPUT_BYTES).await {
        Ok(b) => b,
        Err(true) => {
            return Err(json_response(
                StatusCode::PAYLOAD_TOO_LARGE,
                jiuzhu::answer(Err(&too_large())),
            ));
        }
        Err(false) => {
            return Err(error_response(
                StatusCode::BAD_REQUEST,
                "malformed",
                "the body was cut off",
            ));
        }
    };
    String::from_utf8(bytes).map_err(|_| {
        let e = CaseError::Malformed {
            path: "$".to_owned(),
            reason: "the body is not valid UTF-8".to_owned(),
        };
        json_response(StatusCode::BAD_REQUEST, jiuzhu::answer(Err(&e)))
    })
}

/// `POST /v1/notices`: the decisions in writing a case calls for (S0 Arts. 45, 48), the bytes
/// of `jiuzhu::evaluate_notices_json_with` (evaluated once): 200 `{"ok": [notice, …]}` (empty when none is
/// called for), or the same error answers and statuses as `/v1/evaluate`.
pub(crate) async fn notices(State(st): State<Arc<AppState>>, body: Body) -> Response {
    let text = match case_text(body).await {
        Ok(t) => t,
        Err(r) => return r,
    };
    let rules = st.rules.clone();
    /// The `ok` side of the answer, as `evaluate_notices_json` writes it.
    #[derive(Serialize)]
    struct NoticesOk {
        ok: Vec<jiuzhu::Notice>,
    }
    let work = tokio::task::spawn_blocking(move || {
        match jiuzhu::parse_case(&text).and_then(|c| jiuzhu::evaluate(&c, &rules)) {
            Ok(d) => match serde_json::to_string(&NoticesOk {
                ok: jiuzhu::notices(&d),
            }) {
                Ok(body) => json_response(StatusCode::OK, body),
                Err(_) => error_response(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "the notices could not be written",
                ),
            },
            Err(e) => json_response(status_of(&e, &text), jiuzhu::answer(Err(&e))),
        }
    });
    work.await.unwrap_or_else(|_| {
        error_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the case could not be evaluated",
        )
    })
}

/// Why a what-if overlay was not made.
enum WhatIf {
    /// The standard given is not an amount.
    BadStandard(String),
    /// The case's jurisdiction is not a six-digit code.
    NoDivision,
}

/// The rules with the case's standard replaced from its evaluation date ("what if").
fn what_if_rules(
    rules: &RuleBook,
    case: &jiuzhu::Case,
    standard: &str,
) -> Result<RuleBook, WhatIf> {
    let value: Decimal = standard
        .trim()
        .parse()
        .ok()
        .filter(|d: &Decimal| !d.is_sign_negative())
        .ok_or_else(|| {
            WhatIf::BadStandard("standard: give a non-negative amount like 700".into())
        })?;
    if case.jurisdiction.len() != 6 || !case.jurisdiction.bytes().all(|b| b.is_ascii_digit()) {
        return Err(WhatIf::NoDivision);
    }
    let name = match case.area {
        jiuzhu::case::Area::Urban => "dibao_standard_urban_month",
        jiuzhu::case::Area::Rural => "dibao_standard_rural_year",
    };
    let overlay = format!(
        "[division]\ncode = \"{code}\"\nname = \"what-if 假设\"\n\n[[param]]\nname = \"{name}\"\nfrom = \"{from}\"\nvalue = \"{value}\"\nstatus = \"unconfirmed\"\nsource = \"what-if on the page 页面假设\"\n",
        code = case.jurisdiction,
        from = case.evaluation_date,
    );
    rules
        .clone()
        .overlay_str(&overlay)
        .map_err(|e| WhatIf::BadStandard(format!("standard: {e}")))
}

/// The compact answer: `{"ok":{"programmes":[…]}}` with outcomes, classes and amounts only
/// (the programme fields of the batch tool's `--compact` lines, from the same function).
fn compact(d: &Determination) -> String {
    #[derive(Serialize)]
    struct Programmes {
        programmes: Vec<jiuzhu_tools::batch::CompactProgramme>,
    }
    #[derive(Serialize)]
    struct Answer {
        ok: Programmes,
    }
    serde_json::to_string(&Answer {
        ok: Programmes {
            programmes: jiuzhu_tools::batch::compact_programmes(d),
        },
    })
    .unwrap_or_else(|_| {
        r#"{"error":{"code":"internal","message":"the answer could not be written"}}"#.to_owned()
    })
}

/// `POST /v1/check`: a TOML case file → pass or fail with the differences.
pub(crate) async fn check(State(st): State<Arc<AppState>>, body: Body) -> Response {
    let bytes = match read_body(body, MAX_INPUT_BYTES).await {
        Ok(b) => b,
        Err(true) => {
            return json_response(
                StatusCode::PAYLOAD_TOO_LARGE,
                jiuzhu::answer(Err(&too_large())),
            );
        }
        Err(false) => {
            return error_response(StatusCode::BAD_REQUEST, "malformed", "the body was cut off");
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return error_response(
            StatusCode::BAD_REQUEST,
            "malformed",
            "the case file is not valid UTF-8",
        );
    };
    let rules = st.rules.clone();
    let work = tokio::task::spawn_blocking(move || {
        let report = jiuzhu_tools::casefile::run_text(Path::new("case.toml"), &text, &rules);
        if let Some(why) = &report.unreadable {
            return error_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                "unreadable_case_file",
                why,
            );
        }
        // The case as JSON, for a page that shows the determination too.
        let parsed = jiuzhu_tools::casefile::CaseFile::parse(&text).ok();
        let case: Option<serde_json::Value> = parsed
            .as_ref()
            .and_then(|cf| serde_json::from_str(&cf.case_json).ok());
        let overlay = parsed.is_some_and(|cf| cf.rules.is_some());
        let body = serde_json::json!({
            "result": if report.passed() { "pass" } else { "fail" },
            "name": report.name,
            "policy": report.policy,
            "differences": report.diffs,
            "findings": report.findings,
            "report": report.render(),
            "case": case,
            "rules_overlay": overlay,
        });
        json_response(StatusCode::OK, body.to_string())
    });
    work.await.unwrap_or_else(|_| {
        error_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the case file could not be run",
        )
    })
}

/// The query of `/v1/params/{division}`.
#[derive(Deserialize)]
pub(crate) struct ParamsQuery {
    date: Option<String>,
}

/// `GET /v1/params/{division}?date=YYYY-MM-DD` (today, UTC, without a date).
pub(crate) async fn params(
    State(st): State<Arc<AppState>>,
    UrlPath(division): UrlPath<String>,
    Query(q): Query<ParamsQuery>,
) -> Response {
    let date = match q.date.as_deref() {
        None => today(),
        Some(s) => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) => d,
            Err(_) => {
                let body = serde_json::json!({"error": {"code": "malformed", "path": "date",
                    "message": "date must be a date like 2026-11-01"}});
                return json_response(StatusCode::BAD_REQUEST, body.to_string());
            }
        },
    };
    match st.rules.parameters_on(&division, date) {
        Err(e) => json_response(StatusCode::NOT_FOUND, jiuzhu::answer(Err(&e))),
        Ok(uses) => {
            let body = serde_json::json!({
                "division": division,
                "date": date,
                "parameters_digest": st.rules.digest(),
                "parameters": uses,
            });
            json_response(StatusCode::OK, body.to_string())
        }
    }
}

/// Today's date in UTC, from the system clock (the library itself never reads one).
fn today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|e| e.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_default()
}

/// `GET /v1/rules`: the catalogue.
pub(crate) async fn rules(State(st): State<Arc<AppState>>) -> Response {
    json_response(StatusCode::OK, st.rules_json.clone())
}

pub(crate) fn rules_json() -> String {
    let rules: Vec<_> = RuleId::ALL
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id(),
                "title_zh": r.title_zh(),
                "title_en": r.title_en(),
                "source": r.source(),
            })
        })
        .collect();
    serde_json::json!({
        "catalogue_version": jiuzhu::RULE_CATALOGUE_VERSION,
        "rules": rules,
    })
    .to_string()
}

/// `GET /v1/version`.
pub(crate) async fn version(State(st): State<Arc<AppState>>) -> Response {
    json_response(StatusCode::OK, st.version_json.clone())
}

pub(crate) fn version_json(rules: &RuleBook) -> String {
    serde_json::json!({
        "crate": "jiuzhu",
        "version": env!("CARGO_PKG_VERSION"),
        "server": concat!("jiuzhu-serve ", env!("CARGO_PKG_VERSION")),
        "catalogue_version": jiuzhu::RULE_CATALOGUE_VERSION,
        "parameters_digest": rules.digest(),
    })
    .to_string()
}

/// `GET /v1/health`.
pub(crate) async fn health() -> Response {
    json_response(StatusCode::OK, r#"{"status":"ok"}"#.to_owned())
}

/// `GET /openapi.json`.
pub(crate) async fn openapi(State(st): State<Arc<AppState>>) -> Response {
    json_response(StatusCode::OK, st.openapi_json.clone())
}
