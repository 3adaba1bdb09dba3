//! The outermost layer: request id in and out, the client's language, one log line per
//! request, and every error response rendered as problem+json, whoever produced it.

use std::time::Instant;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage};
use uuid::Uuid;

use crate::errors::{ApiError, ErrorCode, problem};
use crate::extract::RequestId;
use crate::lang::Lang;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Who made the request, for the log line; set by authentication.
#[derive(Debug, Clone)]
pub struct LoggedUser(pub String);

pub async fn envelope(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let started = Instant::now();
    let request_id = client_request_id(&req).unwrap_or_else(|| Uuid::now_v7().to_string());
    let lang = Lang::of(&req);
    req.extensions_mut().insert(RequestId(request_id.clone()));
    req.extensions_mut().insert(lang);
    let method = req.method().clone();
    let path = req.path().to_owned();

    // Handlers' errors arrive as responses carrying the error; an `Err` here can only come from
    // an inner middleware, and actix renders it through `ResponseError` (ours: problem+json).
    let mut res = next.call(req).await?.map_into_boxed_body();
    let status = res.status();
    let mut cause = None;
    if (status.is_client_error() || status.is_server_error()) && needs_problem_body(&res) {
        let api_error = res
            .response()
            .error()
            .and_then(|e| e.as_error::<ApiError>())
            .cloned();
        let api_error = api_error.unwrap_or_else(|| {
            let mut err = ApiError::new(ErrorCode::for_status(status));
            if status.is_server_error() {
                err.internal = res.response().error().map(|e| e.to_string());
            }
            err
        });
        cause = api_error.internal.clone();
        res = rerender(res, &api_error, lang, &request_id);
    }
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        res.headers_mut()
            .insert(HeaderName::from_static(REQUEST_ID_HEADER), value);
    }
    let user = res
        .request()
        .extensions()
        .get::<LoggedUser>()
        .map(|u| u.0.clone());
    let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
    let status = res.status().as_u16();
    if let Some(cause) = cause {
        tracing::error!(%method, %path, status, latency_ms, request_id, user, cause, "request failed");
    } else {
        tracing::info!(%method, %path, status, latency_ms, request_id, user, "request");
    }
    Ok(res)
}

/// The client's `X-Request-Id` when it is short and plain enough to echo into logs and headers.
fn client_request_id(req: &ServiceRequest) -> Option<String> {
    let value = req.headers().get(REQUEST_ID_HEADER)?.to_str().ok()?.trim();
    let plain = value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'));
    (!value.is_empty() && value.len() <= 128 && plain).then(|| value.to_owned())
}

/// Errors get a problem body, except responses a handler built on purpose as JSON (readiness
/// answers 503 with its report).
fn needs_problem_body(res: &ServiceResponse<BoxBody>) -> bool {
    if res.response().error().is_some() {
        return true;
    }
    let content_type = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    !content_type.starts_with("application/json")
}

fn rerender(
    res: ServiceResponse<BoxBody>,
    err: &ApiError,
    lang: Lang,
    request_id: &str,
) -> ServiceResponse<BoxBody> {
    let (req, old) = res.into_parts();
    let mut fresh = problem::respond(&err.to_problem(lang, request_id), err);
    *fresh.status_mut() = old.status();
    for (name, value) in old.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH && name != header::CONTENT_ENCODING
        {
            fresh.headers_mut().insert(name.clone(), value.clone());
        }
    }
    ServiceResponse::new(req, fresh)
}
