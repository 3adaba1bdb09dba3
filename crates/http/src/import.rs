//! The import kit's HTTP side: one uploaded `.xlsx` / `.csv` from the shared multipart reader,
//! the dry-run switch, and problems named by line, field and Chinese column. Every import
//! route (roster, guides, …) takes these.

use actix_web::{HttpRequest, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;
use xiaoban_services::import::{ImportFormat, RowIssue};

use crate::errors::{ApiError, ErrorCode};
use crate::multipart::read_form;

/// Largest import file accepted.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;

const ACCEPTED: &[(&str, &str, ImportFormat)] = &[
    (".csv", "text/csv", ImportFormat::Csv),
    (
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ImportFormat::Xlsx,
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
) -> Result<(Vec<u8>, ImportFormat), ApiError> {
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

/// Whether to only check the file.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct ImportQuery {
    /// `true` (the default): check and report, write nothing. `false`: import.
    pub dry_run: Option<bool>,
}

impl ImportQuery {
    pub fn dry_run(&self) -> bool {
        self.dry_run.unwrap_or(true)
    }
}

/// The multipart form of an import (for the documentation).
#[derive(Debug, ToSchema)]
#[expect(
    dead_code,
    reason = "describes the multipart body for the OpenAPI document only"
)]
pub struct ImportUpload {
    /// `.xlsx` (first sheet) or UTF-8 `.csv`, at most 5 MB, header row first.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// One problem in the file.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ImportIssueOut {
    /// Line in the file (the header is line 1).
    pub line: u64,
    /// The column, e.g. `username`, `title`.
    pub field: String,
    /// The column's Chinese header, e.g. 用户名, 标题.
    pub column: String,
    /// What is wrong, in Chinese.
    pub message: String,
    /// What is wrong, in English.
    pub message_en: String,
}

impl From<RowIssue> for ImportIssueOut {
    fn from(i: RowIssue) -> Self {
        Self {
            line: i.line,
            field: i.field.to_owned(),
            column: i.column.to_owned(),
            message: i.zh,
            message_en: i.en,
        }
    }
}
