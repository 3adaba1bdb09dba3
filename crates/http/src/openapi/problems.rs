//! Every 4xx/5xx answer is `application/problem+json` with the one `Problem` schema, and every
//! operation lists the standard errors it can give, so a generated client types them.

use serde_json::{Value, json};
use utoipa::openapi::path::Operation;
use utoipa::openapi::response::Response;
use utoipa::openapi::schema::Ref;
use utoipa::openapi::{ContentBuilder, OpenApi as OpenApiDoc, RefOr, ResponseBuilder};

use super::headers::RETRY_AFTER;
use super::operations::{self, Schemas};
use crate::errors::problem::PROBLEM_JSON;

/// Operations that count attempts and answer 429 `rate_limited` beyond the limit.
pub(super) const RATE_LIMITED: &[&str] = &[
    "login",
    "login_second_factor",
    "change_my_password",
    "disable_totp",
    "urge_approval",
];

/// The shared error responses, by status: component name, description and an example code.
const STANDARD: &[(&str, &str, &str, &str)] = &[
    (
        "400",
        "BadRequest",
        "A query parameter does not parse (`invalid_query`, naming it)",
        "invalid_query",
    ),
    (
        "401",
        "Unauthorized",
        "Not signed in, or the token has expired or was revoked",
        "unauthorized",
    ),
    (
        "403",
        "Forbidden",
        "Signed in without the permission, or the password must be changed first",
        "forbidden",
    ),
    (
        "404",
        "NotFound",
        "No such record, or outside the caller's data scope (never told apart)",
        "not_found",
    ),
    (
        "409",
        "Conflict",
        "A stale `version` or `If-Match` (`version_conflict` with `currentVersion`), or the record's state forbids the action (`invalid_transition` with `state` and `action`, or `conflict`)",
        "version_conflict",
    ),
    (
        "422",
        "ValidationFailed",
        "The body is invalid; `errors` names each field",
        "validation_failed",
    ),
    (
        "429",
        "RateLimited",
        "Too many attempts; retry after `Retry-After` seconds",
        "rate_limited",
    ),
    (
        "503",
        "ServiceUnavailable",
        "Busy; retry after `Retry-After` seconds",
        "service_unavailable",
    ),
];

pub(super) fn add_error_responses(doc: &mut OpenApiDoc) {
    let components = doc.components.get_or_insert_with(Default::default);
    for (status, name, description, code) in STANDARD {
        let response = problem_response(description, Some(example(status, code)), status);
        components
            .responses
            .insert((*name).to_owned(), RefOr::T(response));
    }
    let schemas = components.schemas.clone();
    operations::each(&mut doc.paths, |path, method, op| {
        for status in expected_statuses(path, method, op, &schemas) {
            if let Some((_, name, ..)) = STANDARD.iter().find(|(s, ..)| *s == status) {
                op.responses
                    .responses
                    .entry(status.to_owned())
                    .or_insert_with(|| RefOr::Ref(Ref::from_response_name(*name)));
            }
        }
        for (status, response) in &mut op.responses.responses {
            if let RefOr::T(response) = response {
                complete(status, response);
            }
        }
        op.responses
            .responses
            .entry("default".to_owned())
            .or_insert_with(|| {
                RefOr::T(problem_response(
                    "Any other error (400 malformed request, 405, 413, 415, 500): see `code`",
                    None,
                    "default",
                ))
            });
    });
}

/// The errors an operation can give besides its own: from what it needs and takes.
fn expected_statuses(path: &str, method: &str, op: &Operation, schemas: &Schemas) -> Vec<&'static str> {
    let mut statuses = Vec::new();
    if operations::needs_sign_in(op) {
        statuses.extend(["401", "403"]);
    }
    if path.contains('{') {
        statuses.push("404");
    }
    if operations::is_versioned_write(method, op, schemas) {
        statuses.push("409");
    }
    let takes_query = op.parameters.iter().flatten().any(
        |p| matches!(p, RefOr::T(p) if matches!(p.parameter_in, utoipa::openapi::path::ParameterIn::Query)),
    );
    if takes_query {
        statuses.push("400");
    }
    if op.request_body.is_some() || takes_query {
        statuses.push("422");
    }
    if RATE_LIMITED.contains(&operations::id(op)) {
        statuses.push("429");
    }
    statuses.push("503");
    statuses
}

/// An operation's own error response (its description kept) gets the problem body it lacks.
fn complete(status: &str, response: &mut Response) {
    let is_error = status == "default" || status.starts_with('4') || status.starts_with('5');
    if is_error && response.content.is_empty() {
        response
            .content
            .insert(PROBLEM_JSON.to_owned(), RefOr::T(problem_content(None)));
    }
    // Only a problem answer carries `Retry-After` (readiness's own 503 body does not).
    if matches!(status, "429" | "503") && response.content.contains_key(PROBLEM_JSON) {
        response
            .headers
            .entry("Retry-After".to_owned())
            .or_insert_with(|| RefOr::Ref(Ref::new(RETRY_AFTER)));
    }
}

fn problem_response(description: &str, example: Option<Value>, status: &str) -> Response {
    let mut response = ResponseBuilder::new()
        .description(description)
        .content(PROBLEM_JSON, problem_content(example))
        .build();
    complete(status, &mut response);
    response
}

fn problem_content(example: Option<Value>) -> utoipa::openapi::Content {
    ContentBuilder::new()
        .schema(Some(RefOr::Ref(Ref::from_schema_name("Problem"))))
        .example(example)
        .build()
}

fn example(status: &str, code: &str) -> Value {
    let error = crate::errors::ErrorCode::ALL
        .iter()
        .find(|c| c.as_str() == code)
        .copied()
        .unwrap_or(crate::errors::ErrorCode::Internal);
    let mut problem = json!({
        "type": format!("urn:xiaoban:problem:{code}"),
        "title": error.title_zh(),
        "status": status.parse::<u16>().unwrap_or(500),
        "code": code,
        "requestId": "0193a5b2-7c1e-7d40-9a51-3f0c2b1e4d5a",
    });
    match code {
        "version_conflict" => {
            problem["detail"] = json!("该记录已更新到第 4 版，请刷新后基于最新内容修改");
            problem["currentVersion"] = json!(4);
        }
        "validation_failed" => problem["errors"] = json!({"name": ["不能为空"]}),
        _ => {}
    }
    problem
}
