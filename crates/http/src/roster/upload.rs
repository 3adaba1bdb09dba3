//! The roster file from the shared multipart reader, and its kind.

use actix_web::{HttpRequest, web};
use xiaoban_services::import::RosterFormat;

use crate::errors::{ApiError, ErrorCode};
use crate::multipart::read_form;

/// Largest roster file accepted.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;

const ACCEPTED: &[(&str, &str, RosterFormat)] = &[
    (".csv", "text/csv", RosterFormat::Csv),
    (
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        RosterFormat::Xlsx,
    ),
];

fn unsupported() -> ApiError {
    ApiError::new(ErrorCode::UnsupportedMediaType).with_detail(
        "请以 multipart/form-data 上传一个 file 字段，文件须为 .xlsx 或 UTF-8 编码的 .csv",
        "upload one multipart/form-data field `file` holding an .xlsx or UTF-8 .csv file",
    )
}

/// The uploaded file's bytes and format.
pub async fn read_file(
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<(Vec<u8>, RosterFormat), ApiError> {
    let form = read_form(req, payload, MAX_FILE_BYTES)
        .await
        .map_err(|err| match err.code {
            ErrorCode::UnsupportedMediaType => unsupported(),
            _ => err,
        })?;
    let file = form.file;
    let format = file.kind_of(ACCEPTED).ok_or_else(unsupported)?;
    Ok((file.bytes, format))
}
