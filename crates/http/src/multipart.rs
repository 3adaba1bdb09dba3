//! The one multipart reader: a form with one file field and any short text fields, read with a
//! size limit and answered with problem+json. File upload and every import use it.

use std::collections::BTreeMap;

use actix_multipart::{Field, Multipart};
use actix_web::http::header::{CONTENT_LENGTH, CONTENT_TYPE, ContentDisposition};
use actix_web::{HttpRequest, web};
use futures_util::StreamExt;
use xiaoban_services::ServiceError;

use crate::errors::{ApiError, ErrorCode, Text};

/// Room for the multipart framing around the file (boundaries, part headers, text fields).
const FRAMING: u64 = 64 * 1024;
/// Longest text field; more is a malformed form.
const MAX_TEXT_BYTES: usize = 4 * 1024;

/// The uploaded file: the client's file name and content type, and the bytes.
#[derive(Debug)]
pub struct Upload {
    pub name: String,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

impl Upload {
    /// The file's kind among `accepted` (`(extension, content type, kind)`), by its name's
    /// extension first, else its declared type; `None` when it is none of them.
    pub fn kind_of<K: Copy>(&self, accepted: &[(&str, &str, K)]) -> Option<K> {
        let name = self.name.to_ascii_lowercase();
        let by_name = accepted.iter().find(|(ext, _, _)| name.ends_with(ext));
        let declared = self.content_type.as_deref().unwrap_or("");
        let by_type = || accepted.iter().find(|(_, mime, _)| declared.starts_with(mime));
        by_name.or_else(by_type).map(|(_, _, kind)| *kind)
    }
}

/// A read form: the file under `file` and the other fields as text.
#[derive(Debug)]
pub struct Form {
    pub file: Upload,
    pub fields: BTreeMap<String, String>,
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

/// Reads the form. The file is read up to `max_bytes` and no further (413), so an oversize upload
/// is never held in memory or written anywhere; a body declaring more is refused unread.
pub async fn read_form(req: &HttpRequest, payload: web::Payload, max_bytes: u64) -> Result<Form, ApiError> {
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
    let mut file = None;
    let mut fields = BTreeMap::new();
    while let Some(field) = form.next().await {
        let mut field = field.map_err(malformed)?;
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" && file.is_none() {
            let file_name = file_name(field.content_disposition());
            let content_type = field.content_type().map(ToString::to_string);
            let bytes = read_field(&mut field, limit)
                .await?
                .ok_or_else(|| too_large(max_bytes))?;
            file = Some(Upload {
                name: file_name,
                content_type,
                bytes,
            });
        } else {
            let bytes = read_field(&mut field, MAX_TEXT_BYTES)
                .await?
                .ok_or_else(|| malformed(format!("field {name} is longer than {MAX_TEXT_BYTES} bytes")))?;
            fields.insert(name, String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    let file = file.ok_or_else(|| {
        ApiError::new(ErrorCode::ValidationFailed).with_field(
            "file",
            Text::new("必填：请选择要上传的文件", "is required: choose a file to upload"),
        )
    })?;
    Ok(Form { file, fields })
}

/// The field's bytes, or `None` once they pass `limit` (the rest is left unread).
async fn read_field(field: &mut Field, limit: usize) -> Result<Option<Vec<u8>>, ApiError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(malformed)?;
        if bytes.len().saturating_add(chunk.len()) > limit {
            return Ok(None);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(Some(bytes))
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
