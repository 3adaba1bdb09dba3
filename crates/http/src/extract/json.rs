use actix_web::dev::Payload;
use actix_web::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use actix_web::{FromRequest, HttpRequest};
use futures_util::StreamExt;
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use serde_json::error::Category;
use validator::Validate;

use super::field_messages::{serde_data_error, validation_errors};
use super::screen;
use super::unknown_fields::all_unknown_fields;
use crate::errors::{ApiError, ErrorCode};

/// Largest JSON body accepted, unless an app sets [`JsonLimit`].
pub const DEFAULT_JSON_LIMIT: usize = 1024 * 1024;

/// Overrides the JSON body limit (app data).
#[derive(Debug, Clone, Copy)]
pub struct JsonLimit(pub usize);

/// A JSON body that parsed and passed its `validator` rules. Failures name the field:
/// malformed JSON is 400 `malformed_json`, a wrong type or a broken rule 422 `validation_failed`,
/// an oversize body 413, a body that is not JSON 415.
#[derive(Debug)]
pub struct ValidatedJson<T>(pub T);

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidatedJson<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req.app_data::<JsonLimit>().map_or(DEFAULT_JSON_LIMIT, |l| l.0);
        let content_type_ok = is_json(req);
        let declared = req
            .headers()
            .get(CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !content_type_ok {
                return Err(ApiError::new(ErrorCode::UnsupportedMediaType).with_detail(
                    "请求体须为 JSON（Content-Type: application/json）",
                    "The body must be JSON (Content-Type: application/json)",
                ));
            }
            if declared.is_some_and(|len| len > limit) {
                return Err(too_large(limit));
            }
            let mut body = Vec::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|e| {
                    ApiError::new(ErrorCode::BadRequest)
                        .with_detail(format!("读取请求体失败：{e}"), e.to_string())
                })?;
                if body.len() + chunk.len() > limit {
                    return Err(too_large(limit));
                }
                body.extend_from_slice(&chunk);
            }
            if let Some((field, why)) = screen::in_json(&body) {
                return Err(screen::refused(field, why));
            }
            let value: T = parse(&body)?;
            value.validate().map_err(|errors| {
                let mut fields = Vec::new();
                validation_errors(&errors, "", &mut fields);
                fields.into_iter().fold(
                    ApiError::new(ErrorCode::ValidationFailed).with_detail(
                        "请修改标注的字段后重新提交",
                        "Correct the marked fields and submit again",
                    ),
                    |err, (field, text)| err.with_field(field, text),
                )
            })?;
            Ok(ValidatedJson(value))
        })
    }
}

fn is_json(req: &HttpRequest) -> bool {
    let Some(value) = req.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

fn too_large(limit: usize) -> ApiError {
    ApiError::new(ErrorCode::PayloadTooLarge).with_detail(
        format!("请求体不能超过 {} KB", limit / 1024),
        format!("The body must not exceed {} KB", limit / 1024),
    )
}

fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let de = &mut serde_json::Deserializer::from_slice(body);
    let result: Result<T, _> = serde_path_to_error::deserialize(de);
    let err = match result {
        Ok(value) => return Ok(value),
        Err(err) => err,
    };
    let path = err.path().to_string();
    let inner = err.into_inner();
    match inner.classify() {
        Category::Data => {
            let first = serde_data_error(&path, &inner.to_string());
            let mut fields = if inner.to_string().starts_with("unknown field") {
                all_unknown_fields::<T>(body)
            } else {
                Vec::new()
            };
            if fields.is_empty() {
                fields.push(first);
            }
            Err(fields.into_iter().fold(
                ApiError::new(ErrorCode::ValidationFailed).with_detail(
                    "请修改标注的字段后重新提交",
                    "Correct the marked fields and submit again",
                ),
                |err, (field, text)| err.with_field(field, text),
            ))
        }
        Category::Syntax | Category::Eof | Category::Io => Err(ApiError::new(ErrorCode::MalformedJson)
            .with_detail(
                format!(
                    "第 {} 行第 {} 列附近不是有效的 JSON",
                    inner.line(),
                    inner.column()
                ),
                format!(
                    "Invalid JSON near line {} column {}",
                    inner.line(),
                    inner.column()
                ),
            )),
    }
}
