use std::collections::BTreeMap;

use actix_web::HttpResponse;
use actix_web::http::header;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiError, ErrorCode};
use crate::lang::Lang;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error response (RFC 9457 `application/problem+json`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "type": "urn:xiaoban:problem:validation_failed",
    "title": "提交的数据未通过校验",
    "status": 422,
    "detail": "请修改标注的字段后重新提交",
    "code": "validation_failed",
    "requestId": "0193a5b2-7c1e-7d40-9a51-3f0c2b1e4d5a",
    "errors": {"title": ["不能为空"]}
}))]
pub struct Problem {
    /// `urn:xiaoban:problem:<code>`.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the problem type, in the client's language.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request, in the client's language. Absent on 5xx.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Stable machine-readable code, e.g. `version_conflict`.
    pub code: String,
    /// The request's id (also in the `X-Request-Id` header); quote it when reporting a problem.
    pub request_id: String,
    /// Messages per invalid field (JSON field or query parameter name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<BTreeMap<String, Vec<String>>>,
    /// On `version_conflict`: the version the record has now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_version: Option<i32>,
    /// On `invalid_transition`: the state the record is in, e.g. `approved`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// On `invalid_transition`: the action that state does not allow, e.g. `approve`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

impl Problem {
    pub(super) fn from_error(err: &ApiError, lang: Lang, request_id: &str) -> Self {
        let server_side = err.code.status().is_server_error();
        let errors = (!err.fields.is_empty()).then(|| {
            let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for (field, text) in &err.fields {
                map.entry(field.clone())
                    .or_default()
                    .push(text.get(lang).to_owned());
            }
            map
        });
        Self {
            kind: format!("urn:xiaoban:problem:{}", err.code.as_str()),
            title: err.code.title(lang).to_owned(),
            status: err.code.status().as_u16(),
            detail: if server_side {
                None
            } else {
                err.detail.as_ref().map(|d| d.get(lang).to_owned())
            },
            code: err.code.as_str().to_owned(),
            request_id: request_id.to_owned(),
            errors: if server_side { None } else { errors },
            current_version: err.current_version,
            state: err.transition.map(|(state, _)| state.to_owned()),
            action: err.transition.map(|(_, action)| action.to_owned()),
        }
    }
}

pub(crate) fn respond(problem: &Problem, err: &ApiError) -> HttpResponse {
    let mut builder = HttpResponse::build(err.code.status());
    builder.insert_header((header::CONTENT_TYPE, PROBLEM_JSON));
    let retry_after = err
        .retry_after
        .or((err.code == ErrorCode::ServiceUnavailable).then_some(1));
    if let Some(seconds) = retry_after {
        builder.insert_header((header::RETRY_AFTER, seconds.to_string()));
    }
    match serde_json::to_vec(problem) {
        Ok(body) => builder.body(body),
        Err(_) => builder.finish(),
    }
}
