//! `xiaoban backup` and `xiaoban restore` (ADR 0013): a consistent, database-independent copy of
//! every table and of the uploaded files, taken while the server runs, and loaded into an empty
//! database and data directory.
//!
//! A backup is a directory:
//!
//! ```text
//! manifest.json             written last: schema version, row counts, SHA-256 of every part
//! tables/<table>.jsonl      one JSON object per row, tables in load order
//! files/<sha[0..2]>/<sha>   the uploaded files, named by their content's SHA-256
//! ```

use std::path::Path;
use std::process::ExitCode;

use crate::Config;
use crate::startup::open_database;

mod create;
mod hashing;
mod manifest;
mod restore;

pub use create::backup;
pub use manifest::Manifest;
pub use restore::{RestoreSummary, restore};

/// `xiaoban backup <dir>`.
pub async fn backup_command(config: &Config, dest: &Path) -> anyhow::Result<ExitCode> {
    let db = open_database(config).await?;
    let manifest = backup(&db, &config.data_dir.join("files"), dest).await?;
    println!(
        "backup written to {}: {} tables, {} rows, {} files; audit log {} events",
        dest.display(),
        manifest.tables.len(),
        manifest.total_rows(),
        manifest.blobs.len(),
        manifest.audit_chain.events
    );
    if !manifest.audit_chain.intact {
        eprintln!(
            "warning: the audit log was already broken at event {:?} when the backup was taken",
            manifest.audit_chain.first_broken_id
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// `xiaoban restore <dir>`.
pub async fn restore_command(config: &Config, from: &Path) -> anyhow::Result<ExitCode> {
    let db = open_database(config).await?;
    let summary = restore(&db, &config.data_dir.join("files"), from).await?;
    let manifest = &summary.manifest;
    println!(
        "restored the backup of {} ({}): {} rows, {} files; audit log intact, {} events",
        manifest
            .created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        manifest.source_backend,
        manifest.total_rows(),
        manifest.blobs.len(),
        summary.audit_events
    );
    Ok(ExitCode::SUCCESS)
}
