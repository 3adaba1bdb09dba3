use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use xiaoban_services::import::{ImportReport, InitialPassword};

use crate::import::ImportIssueOut;

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
            errors: r.errors.into_iter().map(Into::into).collect(),
            users: r.passwords.into_iter().map(password_out).collect(),
        }
    }
}
