//! Reading the one `file` field of a multipart upload, with problem+json errors.

use actix_multipart::Multipart;
use actix_web::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use actix_web::{HttpRequest, web};
use futures_util::StreamExt;
use xiaoban_services::import::RosterFormat;

use crate::errors::{ApiError, ErrorCode, Text};

/// Largest roster file accepted.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Room for the multipart framing around the file.
const FRAMING: usize = 64 * 1024;

const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn unsupported() -> ApiError {
    ApiError::new(ErrorCode::UnsupportedMediaType).with_detail(
        "请以 multipart/form-data 上传一个 file 字段，文件须为 .xlsx 或 UTF-8 编码的 .csv",
        "upload one multipart/form-data field `file` holding an .xlsx or UTF-8 .csv file",
    )
}

fn too_large() -> ApiError {
    ApiError::new(ErrorCode::PayloadTooLarge).with_detail("文件不能超过 5 MB", "the file may be at most 5 MB")
}

fn malformed(err: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::BadRequest).with_detail(
        format!("无法解析上传内容：{err}"),
        format!("the multipart body cannot be read: {err}"),
    )
}

fn format_of(filename: Option<&str>, content_type: Option<&str>) -> Option<RosterFormat> {
    let name = filename.unwrap_or("").to_ascii_lowercase();
    if name.ends_with(".csv") {
        return Some(RosterFormat::Csv);
    }
    if name.ends_with(".xlsx") {
        return Some(RosterFormat::Xlsx);
    }
    match content_type {
        Some(t) if t.starts_with("text/csv") => Some(RosterFormat::Csv),
        Some(t) if t.starts_with(XLSX_TYPE) => Some(RosterFormat::Xlsx),
        _ => None,
    }
}

/// The uploaded file's bytes and format.
pub async fn read_file(
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<(Vec<u8>, RosterFormat), ApiError> {
    let is_multipart = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.to_ascii_lowercase().starts_with("multipart/form-data"));
    if !is_multipart {
        return Err(unsupported());
    }
    let declared = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_FILE_BYTES + FRAMING) {
        return Err(too_large());
    }
    let mut form = Multipart::new(req.headers(), payload);
    while let Some(field) = form.next().await {
        let mut field = field.map_err(malformed)?;
        if field.name() != Some("file") {
            while let Some(chunk) = field.next().await {
                chunk.map_err(malformed)?;
            }
            continue;
        }
        let filename = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(str::to_owned);
        let content_type = field.content_type().map(ToString::to_string);
        let format = format_of(filename.as_deref(), content_type.as_deref()).ok_or_else(unsupported)?;
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(malformed)?;
            if bytes.len() + chunk.len() > MAX_FILE_BYTES {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        return Ok((bytes, format));
    }
    Err(ApiError::new(ErrorCode::ValidationFailed).with_field(
        "file",
        Text::new("必填：请上传花名册文件", "is required: upload the roster file"),
    ))
}
