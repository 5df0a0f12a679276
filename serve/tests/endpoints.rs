//! Every endpoint against the library: `/v1/evaluate` byte for byte as `evaluate_json`, the
//! statuses of its errors, batch, check, params, rules, version, and the OpenAPI document
//! checked against real answers of the running server.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{Server, get, households, post, root};
use serde_json::{Value, json};

#[test]
fn evaluate_answers_the_bytes_of_evaluate_json() {
    let server = Server::quiet();
    for (name, text) in households() {
        let r = post(server.addr, "/v1/evaluate", text.as_bytes());
        assert_eq!(r.status, 200, "{name}");
        assert_eq!(r.text(), jiuzhu::evaluate_json(&text), "{name}");
        assert_eq!(
            r.header("content-type"),
            Some("application/json; charset=utf-8")
        );
    }
}

#[test]
fn evaluate_errors_have_their_status_and_the_library_body() {
    let server = Server::quiet();
    let gap = std::fs::read_to_string(root().join("examples/households/urban-gap.json")).unwrap();
    let future_birth = gap.replace("1978-04-12", "2030-01-01");
    let unknown_field = gap.replacen('{', r#"{"name": "x", "#, 1);
    let big = format!("{}{}", " ".repeat(jiuzhu::limits::MAX_INPUT_BYTES), gap);
    let cases: [(&str, &str, u16); 6] = [
        ("not JSON", "{bad", 400),
        ("empty body", "", 400),
        ("future birth date", &future_birth, 422),
        ("unknown field", &unknown_field, 422),
        ("unknown county", &gap.replace("621027", "999999"), 422),
        ("over the case limit", &big, 413),
    ];
    for (what, body, status) in cases {
        let r = post(server.addr, "/v1/evaluate", body.as_bytes());
        assert_eq!(r.status, status, "{what}: {}", r.text());
        assert_eq!(r.text(), jiuzhu::evaluate_json(body), "{what}");
        assert!(r.json()["error"]["code"].is_string(), "{what}");
    }
    let r = post(server.addr, "/v1/evaluate", &[0xff, 0xfe, b'{']);
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"]["code"], "malformed");
}

#[test]
fn notices_answer_the_bytes_of_evaluate_notices_json() {
    let server = Server::quiet();
    let mut kinds = Vec::new();
    for (name, text) in households() {
        let r = post(server.addr, "/v1/notices", text.as_bytes());
        assert_eq!(r.status, 200, "{name}");
        assert_eq!(r.text(), jiuzhu::evaluate_notices_json(&text), "{name}");
        for n in r.json()["ok"].as_array().unwrap() {
            kinds.push(n["kind"].as_str().unwrap().to_owned());
        }
    }
    assert!(kinds.iter().any(|k| k == "refusal"), "{kinds:?}");
    assert!(kinds.iter().any(|k| k == "gradual_exit"), "{kinds:?}");
    let r = post(server.addr, "/v1/notices", b"{bad");
    assert_eq!(r.status, 400);
    assert_eq!(r.text(), jiuzhu::evaluate_notices_json("{bad"));
}

#[test]
fn compact_and_what_if_standard() {
    let server = Server::quiet();
    let gap = std::fs::read_to_string(root().join("examples/households/urban-gap.json")).unwrap();
    let full = post(server.addr, "/v1/evaluate", gap.as_bytes()).json();
    let compact = post(server.addr, "/v1/evaluate?compact=true", gap.as_bytes()).json();
    let programmes = compact["ok"]["programmes"].as_array().unwrap();
    assert_eq!(
        programmes.len(),
        full["ok"]["programmes"].as_array().unwrap().len()
    );
    assert_eq!(programmes[0]["programme"], "minimum_living");
    assert_eq!(
        programmes[0]["monthly_amount"],
        full["ok"]["programmes"][0]["monthly_amount"]
    );
    assert!(programmes[0].get("findings").is_none());
    // temporary relief's one-off amount, as in the batch tool's compact lines
    let fire = std::fs::read_to_string(root().join("examples/households/tr-fire.json")).unwrap();
    let compact = post(server.addr, "/v1/evaluate?compact=true", fire.as_bytes()).json();
    let tr = compact["ok"]["programmes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["programme"] == "temporary_relief")
        .unwrap()
        .clone();
    assert_eq!(tr["one_off_amount"], "800");
    // 623 → 700 a month for three counted members raises the gap by 3 × 77 = 231
    let before: i64 = full["ok"]["programmes"][0]["monthly_amount"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let raised = post(server.addr, "/v1/evaluate?standard=700", gap.as_bytes()).json();
    let after: i64 = raised["ok"]["programmes"][0]["monthly_amount"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(after - before, 231, "{before} → {after}");
    let r = post(server.addr, "/v1/evaluate?standard=lots", gap.as_bytes());
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"]["code"], "bad_standard");
}

#[test]
fn batch_streams_one_answer_per_line_in_order() {
    let server = Server::quiet();
    let mut input = String::new();
    let mut expected = String::new();
    let hh = households();
    // more lines than one chunk, with bad lines among them
    for i in 0..150 {
        let line = if i % 37 == 5 {
            "{not json".to_owned()
        } else {
            let (_, text) = &hh[i % hh.len()];
            serde_json::to_string(&serde_json::from_str::<Value>(text).unwrap()).unwrap()
        };
        expected.push_str(&jiuzhu::evaluate_json(&line));
        expected.push('\n');
        input.push_str(&line);
        input.push('\n');
    }
    let r = post(server.addr, "/v1/evaluate/batch", input.as_bytes());
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/x-ndjson"));
    assert_eq!(r.header("transfer-encoding"), Some("chunked"));
    assert_eq!(r.text().lines().count(), 150);
    assert!(
        r.text() == expected,
        "batch output differs from evaluate_json per line"
    );
}

#[test]
fn check_runs_a_case_file() {
    let server = Server::quiet();
    let file =
        std::fs::read_to_string(root().join("examples/cases/db3-readme-example.toml")).unwrap();
    let r = post(server.addr, "/v1/check", file.as_bytes());
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["result"], "pass");
    assert_eq!(v["case"]["jurisdiction"], "621027");
    let wrong = file.replace("monthly_amount = \"869\"", "monthly_amount = \"870\"");
    let v = post(server.addr, "/v1/check", wrong.as_bytes()).json();
    assert_eq!(v["result"], "fail");
    let diffs = v["differences"].as_array().unwrap();
    assert!(
        diffs.iter().any(|d| d.as_str().unwrap().contains("870")),
        "{diffs:?}"
    );
    let r = post(server.addr, "/v1/check", b"name = 3");
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["error"]["code"], "unreadable_case_file");
}

#[test]
fn params_rules_health_version() {
    let server = Server::quiet();
    let r = get(server.addr, "/v1/params/621027?date=2026-11-01");
    assert_eq!(r.status, 200);
    let v = r.json();
    let standard = v["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "dibao_standard_urban_month")
        .unwrap();
    assert_eq!(standard["value"], "623");
    assert_eq!(standard["division"], "620000");
    assert!(standard["source"].as_str().unwrap().contains("Gansu"));
    assert!(
        v["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["status"] == "unconfirmed")
    );
    assert_eq!(
        get(server.addr, "/v1/params/999999?date=2026-11-01").status,
        404
    );
    assert_eq!(
        get(server.addr, "/v1/params/621027?date=tomorrow").status,
        400
    );
    assert_eq!(get(server.addr, "/v1/params/621027").status, 200);

    let rules = get(server.addr, "/v1/rules").json();
    let list = rules["rules"].as_array().unwrap();
    assert_eq!(list.len(), jiuzhu::RuleId::ALL.len());
    assert!(
        list.iter()
            .any(|r| r["id"] == "DB-3" && !r["title_zh"].as_str().unwrap().is_empty())
    );

    assert_eq!(
        get(server.addr, "/v1/health").json(),
        json!({"status": "ok"})
    );
    let v = get(server.addr, "/v1/version").json();
    assert_eq!(v["catalogue_version"], jiuzhu::RULE_CATALOGUE_VERSION);
    assert_eq!(v["parameters_digest"], jiuzhu::embedded_rules().digest());
    let r = get(server.addr, "/no/such/thing");
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["error"]["code"], "not_found");
}

/// A validator for one schema of the OpenAPI document (the document is the root, so that its
/// `#/components/...` references resolve as any OpenAPI tool resolves them).
fn validator(doc: &Value, schema: &str) -> jsonschema::Validator {
    let mut root = doc.clone();
    root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    root["$ref"] = json!(format!("#/components/schemas/{schema}"));
    jsonschema::draft202012::new(&root).unwrap()
}

fn assert_valid(doc: &Value, schema: &str, instance: &Value, what: &str) {
    let v = validator(doc, schema);
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| e.to_string())
        .take(3)
        .collect();
    assert!(errors.is_empty(), "{what} against {schema}: {errors:?}");
}

#[test]
fn openapi_schemas_hold_for_the_servers_answers() {
    let server = Server::quiet();
    let doc = get(server.addr, "/openapi.json").json();
    assert_eq!(doc["openapi"], "3.1.0");
    // the committed schemas, embedded (only their references rewritten)
    let committed: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("rules-spec/schema/determination.schema.json"))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        doc["components"]["schemas"]["Determination"]["required"],
        committed["required"]
    );
    for path in [
        "/v1/evaluate",
        "/v1/evaluate/batch",
        "/v1/check",
        "/v1/params/{division}",
        "/v1/rules",
        "/v1/health",
        "/v1/version",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing");
    }
    for (name, text) in households() {
        let case: Value = serde_json::from_str(&text).unwrap();
        assert_valid(&doc, "Case", &case, &name);
        let answer = post(server.addr, "/v1/evaluate", text.as_bytes()).json();
        assert_valid(&doc, "EvaluateOk", &answer, &name);
    }
    let gap = std::fs::read_to_string(root().join("examples/households/urban-gap.json")).unwrap();
    let compact = post(server.addr, "/v1/evaluate?compact=true", gap.as_bytes()).json();
    assert_valid(&doc, "EvaluateOk", &compact, "compact");
    for bad in ["{bad", r#"{"x": 1}"#] {
        let answer = post(server.addr, "/v1/evaluate", bad.as_bytes()).json();
        assert_valid(&doc, "Error", &answer, bad);
        // and the schema can fail: an error is not a determination
        assert!(!validator(&doc, "EvaluateOk").is_valid(&answer));
    }
    let file =
        std::fs::read_to_string(root().join("examples/cases/db3-readme-example.toml")).unwrap();
    let check = post(server.addr, "/v1/check", file.as_bytes()).json();
    assert_valid(&doc, "CheckReport", &check, "check");
    let params = get(server.addr, "/v1/params/621027?date=2026-11-01").json();
    assert_valid(&doc, "Parameters", &params, "params");
    assert_valid(
        &doc,
        "Rules",
        &get(server.addr, "/v1/rules").json(),
        "rules",
    );
    assert_valid(
        &doc,
        "Version",
        &get(server.addr, "/v1/version").json(),
        "version",
    );
    assert_valid(
        &doc,
        "Health",
        &get(server.addr, "/v1/health").json(),
        "health",
    );
    assert_valid(&doc, "Error", &get(server.addr, "/nothing").json(), "404");
}

#[test]
fn the_page_is_self_contained() {
    let server = Server::quiet();
    let page = get(server.addr, "/");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("救助试算"));
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("connect-src 'self'") && csp.contains("default-src 'none'"));
    for path in ["/", "/app.js", "/app.css"] {
        let r = get(server.addr, path);
        assert_eq!(r.status, 200, "{path}");
        // nothing loaded from elsewhere: no absolute URL at all, no web font
        for bad in ["http://", "https://", "//cdn", "@import", "@font-face"] {
            assert!(!r.text().contains(bad), "{path} contains {bad}");
        }
    }
}
