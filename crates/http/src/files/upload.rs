//! Reading the one `file` part of a multipart upload, never more than the limit.

use actix_multipart::Multipart;
use actix_web::http::header::{CONTENT_LENGTH, CONTENT_TYPE, ContentDisposition};
use actix_web::{HttpRequest, web};
use futures_util::StreamExt;
use xiaoban_services::ServiceError;

use crate::errors::{ApiError, ErrorCode, Text};

/// Room for the multipart framing around the file (boundaries, part headers, other fields).
const FRAMING: u64 = 64 * 1024;

/// An uploaded part: the client's file name and the bytes.
pub struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
}

fn not_multipart() -> ApiError {
    ApiError::new(ErrorCode::UnsupportedMediaType).with_detail(
        "请以 multipart/form-data 上传，文件放在 file 字段",
        "upload as multipart/form-data with the file in the part `file`",
    )
}

fn too_large(max_bytes: u64) -> ApiError {
    ApiError::from(ServiceError::PayloadTooLarge { max_bytes })
}

fn malformed(err: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::BadRequest).with_detail(
        format!("无法解析上传内容：{err}"),
        format!("the multipart body cannot be read: {err}"),
    )
}

/// The `file` part. Reading stops at `max_bytes + 1` bytes (413), so an oversize upload is never
/// held in memory or written anywhere.
pub async fn read_upload(
    req: &HttpRequest,
    payload: web::Payload,
    max_bytes: u64,
) -> Result<Upload, ApiError> {
    let is_multipart = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.to_ascii_lowercase().starts_with("multipart/form-data"));
    if !is_multipart {
        return Err(not_multipart());
    }
    let declared = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max_bytes.saturating_add(FRAMING)) {
        return Err(too_large(max_bytes));
    }
    let limit = usize::try_from(max_bytes).unwrap_or(usize::MAX);
    let mut form = Multipart::new(req.headers(), payload);
    while let Some(field) = form.next().await {
        let mut field = field.map_err(malformed)?;
        if field.name() != Some("file") {
            while let Some(chunk) = field.next().await {
                chunk.map_err(malformed)?;
            }
            continue;
        }
        let name = file_name(field.content_disposition());
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(malformed)?;
            if bytes.len().saturating_add(chunk.len()) > limit {
                return Err(too_large(max_bytes));
            }
            bytes.extend_from_slice(&chunk);
        }
        return Ok(Upload { name, bytes });
    }
    Err(ApiError::new(ErrorCode::ValidationFailed).with_field(
        "file",
        Text::new("必填：请选择要上传的文件", "is required: choose a file to upload"),
    ))
}

/// The part's file name: RFC 5987 `filename*` when given (some clients send non-ASCII names only
/// there), else `filename` (browsers send UTF-8 there as is).
fn file_name(disposition: Option<&ContentDisposition>) -> String {
    let Some(d) = disposition else {
        return String::new();
    };
    d.get_filename_ext()
        .and_then(|ext| String::from_utf8(ext.value.clone()).ok())
        .or_else(|| d.get_filename().map(str::to_owned))
        .unwrap_or_default()
}
