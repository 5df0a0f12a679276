//! `GET /openapi.json`: an OpenAPI 3.1 document whose `Case` and `Determination` schemas are
//! the committed JSON Schemas of `rules-spec/schema/`, embedded as they are except that their
//! internal references (`#/$defs/X`) are rewritten to point into the document
//! (`#/components/schemas/Case/$defs/X`).

use serde_json::{Value, json};

const CASE_SCHEMA: &str = include_str!("../../rules-spec/schema/case.schema.json");
const DETERMINATION_SCHEMA: &str =
    include_str!("../../rules-spec/schema/determination.schema.json");

/// A committed schema, with its references rewritten to its place under `components/schemas`.
fn embedded(text: &str, name: &str) -> Value {
    fn rewrite(v: &mut Value, prefix: &str) {
        match v {
            Value::Object(map) => {
                for (k, child) in map.iter_mut() {
                    if k == "$ref"
                        && let Value::String(r) = child
                        && let Some(rest) = r.strip_prefix("#/")
                    {
                        *r = format!("{prefix}/{rest}");
                    } else {
                        rewrite(child, prefix);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|c| rewrite(c, prefix)),
            _ => {}
        }
    }
    let mut v: Value = serde_json::from_str(text).unwrap_or_else(|_| json!({}));
    if let Value::Object(map) = &mut v {
        // the dialect is the document's (jsonSchemaDialect)
        map.remove("$schema");
    }
    rewrite(&mut v, &format!("#/components/schemas/{name}"));
    v
}

fn error_schema() -> Value {
    json!({
        "type": "object",
        "required": ["error"],
        "additionalProperties": false,
        "properties": {"error": {
            "type": "object",
            "required": ["code", "message"],
            "additionalProperties": false,
            "properties": {
                "code": {"type": "string", "description": "invalid, malformed, unknown_jurisdiction, missing_parameter, bad_parameter, overflow, too_large; from the service also timeout, not_found, busy, unavailable, bad_standard, unreadable_case_file, internal"},
                "path": {"type": "string", "description": "The field path, e.g. household.members[0].birth_date"},
                "message": {"type": "string"}
            }
        }}
    })
}

fn json_content(schema: &str) -> Value {
    json!({"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}})
}

fn error_responses(codes: &[(&str, &str)]) -> serde_json::Map<String, Value> {
    codes
        .iter()
        .map(|(code, what)| {
            (
                (*code).to_owned(),
                json!({"description": what, "content": json_content("Error")}),
            )
        })
        .collect()
}

fn paths() -> Value {
    let mut evaluate_responses = error_responses(&[
        ("400", "The body is not JSON (or not UTF-8)."),
        ("408", "The request took longer than the timeout."),
        ("413", "The body is larger than the case limit (1 MiB)."),
        (
            "422",
            "The library refused the case; `path` names the field.",
        ),
    ]);
    evaluate_responses.insert(
        "200".into(),
        json!({"description": "The determination, the bytes of `jiuzhu::evaluate_json` (or the compact form with ?compact=true).",
               "content": json_content("EvaluateOk")}),
    );
    json!({
        "/v1/evaluate": {"post": {
            "summary": "Evaluate one case 评估一户",
            "parameters": [
                {"name": "compact", "in": "query", "schema": {"type": "boolean"}, "description": "Outcomes, classes and amounts only."},
                {"name": "standard", "in": "query", "schema": {"type": "string"}, "description": "What if: the standard of the case's division (urban monthly, rural yearly) from its evaluation date."}
            ],
            "requestBody": {"required": true, "content": json_content("Case")},
            "responses": evaluate_responses
        }},
        "/v1/evaluate/batch": {"post": {
            "summary": "Evaluate JSON lines 批量评估",
            "requestBody": {"required": true, "content": {"application/x-ndjson": {"schema": {"type": "string"}}}},
            "responses": {"200": {"description": "One answer of evaluate_json per input line, in order, streamed.",
                                  "content": {"application/x-ndjson": {"schema": {"type": "string"}}}},
                          "503": {"description": "Too many batches at once.", "content": json_content("Error")}}
        }},
        "/v1/notices": {"post": {
            "summary": "Decisions in writing 书面决定告知书",
            "requestBody": {"required": true, "content": json_content("Case")},
            "responses": {"200": {"description": "The notices the case calls for (S0 Arts. 45, 48), the bytes of `jiuzhu::evaluate_notices_json`; an empty list when none is called for. Each notice: kind, programme, evaluation_date, reasons (rule, member key, source, zh, en) and the full text, Chinese first.",
                                  "content": {"application/json": {"schema": {"type": "object", "required": ["ok"], "properties": {"ok": {"type": "array", "items": {"type": "object", "required": ["kind", "programme", "text"]}}}}}}},
                          "400": {"description": "The body is not JSON.", "content": json_content("Error")},
                          "413": {"description": "Over the case limit.", "content": json_content("Error")},
                          "422": {"description": "The library refused the case.", "content": json_content("Error")}}
        }},
        "/v1/check": {"post": {
            "summary": "Run a TOML case file 运行案例文件",
            "requestBody": {"required": true, "content": {"application/toml": {"schema": {"type": "string"}}}},
            "responses": {"200": {"description": "Pass or fail with the differences.", "content": json_content("CheckReport")},
                          "422": {"description": "The case file could not be read.", "content": json_content("Error")}}
        }},
        "/v1/params/{division}": {"get": {
            "summary": "Parameters in force 参数",
            "parameters": [
                {"name": "division", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[0-9]{6}$"}},
                {"name": "date", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Default: today (UTC)."}
            ],
            "responses": {"200": {"description": "The resolved parameters with source and status.", "content": json_content("Parameters")},
                          "400": {"description": "The date is not a date.", "content": json_content("Error")},
                          "404": {"description": "No division of the chain is known.", "content": json_content("Error")}}
        }},
        "/v1/rules": {"get": {"summary": "The rule catalogue 规则目录",
            "responses": {"200": {"description": "IDs, titles in both languages, sources.", "content": json_content("Rules")}}}},
        "/v1/health": {"get": {"summary": "Health",
            "responses": {"200": {"description": "Up.", "content": json_content("Health")}}}},
        "/v1/version": {"get": {"summary": "Versions and the parameter digest",
            "responses": {"200": {"description": "Crate, catalogue, parameter digest.", "content": json_content("Version")}}}}
    })
}

fn schemas() -> Value {
    let determination = "#/components/schemas/Determination";
    json!({
        "Case": embedded(CASE_SCHEMA, "Case"),
        "Determination": embedded(DETERMINATION_SCHEMA, "Determination"),
        "Error": error_schema(),
        "EvaluateOk": {
            "type": "object", "required": ["ok"], "additionalProperties": false,
            "properties": {"ok": {"oneOf": [
                {"$ref": determination},
                {"type": "object", "required": ["programmes"], "additionalProperties": false,
                 "properties": {"programmes": {"type": "array", "items": {"type": "object",
                    "required": ["programme", "outcome", "total_monthly"]}}}}
            ]}}
        },
        "CheckReport": {
            "type": "object", "required": ["result", "name", "policy", "differences", "findings", "report"],
            "properties": {
                "result": {"enum": ["pass", "fail"]},
                "name": {"type": "string"}, "policy": {"type": "string"},
                "differences": {"type": "array", "items": {"type": "string"}},
                "findings": {"type": "array", "items": {"type": "string"}},
                "report": {"type": "string"},
                "rules_overlay": {"type": "boolean", "description": "The case file lays its own parameters over the rules (the check used them; /v1/evaluate of `case` does not)."},
                "case": {"oneOf": [{"$ref": "#/components/schemas/Case"}, {"type": "null"}]}
            }
        },
        "Parameters": {
            "type": "object", "required": ["division", "date", "parameters_digest", "parameters"],
            "properties": {
                "division": {"type": "string"}, "date": {"type": "string", "format": "date"},
                "parameters_digest": {"type": "string"},
                "parameters": {"type": "array", "items": {"$ref": "#/components/schemas/Determination/$defs/ParamUse"}}
            }
        },
        "Rules": {
            "type": "object", "required": ["catalogue_version", "rules"],
            "properties": {
                "catalogue_version": {"type": "string"},
                "rules": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                    "required": ["id", "title_zh", "title_en", "source"],
                    "properties": {"id": {"type": "string"}, "title_zh": {"type": "string"},
                                   "title_en": {"type": "string"}, "source": {"type": "string"}}}}
            }
        },
        "Health": {"type": "object", "required": ["status"], "properties": {"status": {"const": "ok"}}},
        "Version": {
            "type": "object", "required": ["crate", "version", "server", "catalogue_version", "parameters_digest"],
            "properties": {"crate": {"type": "string"}, "version": {"type": "string"}, "server": {"type": "string"},
                           "catalogue_version": {"type": "string"}, "parameters_digest": {"type": "string"}}
        }
    })
}

/// The document, written once at start.
pub(crate) fn document() -> String {
    json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "jiuzhu 救助 — social assistance rules engine",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Eligibility and amounts for one household under China's social assistance rules, exact and explained. Bodies are never logged."
        },
        "servers": [{"url": "http://127.0.0.1:8080"}],
        "paths": paths(),
        "components": {"schemas": schemas()}
    })
    .to_string()
}
