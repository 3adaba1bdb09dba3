use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;
use xiaoban_services::import::{ImportReport, InitialPassword, RowIssue};

/// Whether to only check the file.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct ImportQuery {
    /// `true` (the default): check and report, write nothing. `false`: import.
    pub dry_run: Option<bool>,
}

/// The multipart form of an import (for the documentation).
#[derive(Debug, ToSchema)]
#[expect(
    dead_code,
    reason = "describes the multipart body for the OpenAPI document only"
)]
pub struct RosterUpload {
    /// The roster: `.xlsx` (first sheet) or UTF-8 `.csv`, at most 5 MB, header row first.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Counts of what the import creates.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummaryOut {
    /// Data rows read (blank rows skipped).
    pub rows: usize,
    /// Departments that do not exist yet.
    pub departments_to_create: usize,
    /// Users described by rows without problems.
    pub users_to_create: usize,
}

/// One problem in the file.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ImportIssueOut {
    /// Line in the file (the header is line 1).
    pub line: u64,
    /// The column, e.g. `username`, `departmentCode`.
    pub field: String,
    /// The column's Chinese header, e.g. 用户名, 部门编码.
    pub column: String,
    /// What is wrong, in Chinese.
    pub message: String,
    /// What is wrong, in English.
    pub message_en: String,
}

/// A created user's initial password.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InitialPasswordOut {
    pub username: String,
    /// Shown only in this answer; must be changed at first sign-in.
    pub initial_password: String,
}

/// The outcome of a check or an import.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RosterImportOut {
    /// Whether this was only a check.
    pub dry_run: bool,
    pub summary: ImportSummaryOut,
    /// Every problem of every row (empty after a real import).
    pub errors: Vec<ImportIssueOut>,
    /// The created users' initial passwords (real import only), shown this once.
    pub users: Vec<InitialPasswordOut>,
}

fn issue_out(i: RowIssue) -> ImportIssueOut {
    ImportIssueOut {
        line: i.line,
        field: i.field.to_owned(),
        column: i.column.to_owned(),
        message: i.zh,
        message_en: i.en,
    }
}

fn password_out(p: InitialPassword) -> InitialPasswordOut {
    InitialPasswordOut {
        username: p.username,
        initial_password: p.initial_password,
    }
}

impl From<ImportReport> for RosterImportOut {
    fn from(r: ImportReport) -> Self {
        Self {
            dry_run: r.dry_run,
            summary: ImportSummaryOut {
                rows: r.summary.rows,
                departments_to_create: r.summary.departments_to_create,
                users_to_create: r.summary.users_to_create,
            },
            errors: r.errors.into_iter().map(issue_out).collect(),
            users: r.passwords.into_iter().map(password_out).collect(),
        }
    }
}
