//! The manifest: what a backup holds and how to check it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use xiaoban_persistence::snapshot::ColumnSpec;

/// The format this version writes and reads.
pub const FORMAT: &str = "xiaoban-backup/1";
pub const MANIFEST_FILE: &str = "manifest.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub created_at: DateTime<Utc>,
    pub xiaoban_version: String,
    /// `sqlite` or `postgres`: where the rows came from (any backend can load them).
    pub source_backend: String,
    /// Applied migrations, oldest first: the schema version of the rows.
    pub migrations: Vec<String>,
    /// In load order.
    pub tables: Vec<TablePart>,
    pub blobs: Vec<BlobPart>,
    pub audit_chain: AuditChain,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TablePart {
    pub name: String,
    /// Relative to the backup directory.
    pub file: String,
    pub rows: u64,
    pub bytes: u64,
    pub sha256: String,
    pub columns: Vec<ColumnSpec>,
}

/// An uploaded file's bytes, stored under `files/<sha[0..2]>/<sha>`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BlobPart {
    pub sha256: String,
    pub size: u64,
}

/// The audit chain as the snapshot saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuditChain {
    pub events: u64,
    pub intact: bool,
    pub first_broken_id: Option<i64>,
}

impl Manifest {
    pub fn total_rows(&self) -> u64 {
        self.tables.iter().map(|t| t.rows).sum()
    }
}

/// A blob name is 64 lowercase hex digits, so it can never climb out of its directory.
pub fn is_blob_name(sha256: &str) -> bool {
    sha256.len() == 64
        && sha256
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}
