//! Loading a backup into an empty database and data directory.

use std::fs::{self, File};
use std::io::{BufRead, BufReader};
use std::path::Path;

use anyhow::{Context, bail};
use xiaoban_persistence::snapshot::{self, Row};
use xiaoban_persistence::{Db, PersistenceError, Tx, audit, begin_write, migrate};
use xiaoban_services::RequestContext;
use xiaoban_services::audit::{Change, record};
use xiaoban_services::files::store::{blob_path, put};

use super::hashing::file_digest;
use super::manifest::{BlobPart, FORMAT, MANIFEST_FILE, Manifest, TablePart, is_blob_name};

/// Rows handed to one `load_rows` call.
const ROWS_PER_BATCH: usize = 500;

/// What a restore loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreSummary {
    pub manifest: Manifest,
    /// Events in the chain after the restore (the backup's plus the restore's own).
    pub audit_events: u64,
}

/// Restores the backup in `from` into `db` and `files_dir`. Every part is checked against the
/// manifest before anything is written; the rows are loaded in one transaction that also
/// records the restore in the audit log and commits only if the chain verifies.
pub async fn restore(db: &Db, files_dir: &Path, from: &Path) -> anyhow::Result<RestoreSummary> {
    let manifest = read_manifest(from)?;
    for table in &manifest.tables {
        check_part(from, table)?;
    }
    for blob in &manifest.blobs {
        check_blob(&blob_path(&from.join("files"), &blob.sha256), blob)?;
    }
    snapshot::ensure_empty(db).await?;
    for blob in &manifest.blobs {
        let bytes = fs::read(blob_path(&from.join("files"), &blob.sha256))?;
        put(files_dir, &blob.sha256, bytes).await?;
        check_blob(&blob_path(files_dir, &blob.sha256), blob)?;
    }
    snapshot::migrate_to(db, &manifest.migrations).await?;

    let tx = begin_write(db).await?;
    snapshot::ensure_empty(&tx).await?;
    snapshot::remove_seeded_rows(&tx).await?;
    for table in &manifest.tables {
        load_table(&tx, from, table).await?;
    }
    let change = Change::new("backup.restore", "database", None).after(serde_json::json!({
        "backupCreatedAt": manifest.created_at,
        "sourceBackend": manifest.source_backend,
        "rows": manifest.total_rows(),
        "files": manifest.blobs.len(),
    }));
    record(&tx, &RequestContext::system(), chrono::Utc::now(), change).await?;
    let chain = audit::verify(&tx).await?;
    if !chain.ok {
        bail!(
            "the restored audit log does not verify (first broken event {:?}); nothing was restored",
            chain.first_broken_id
        );
    }
    tx.commit().await.map_err(PersistenceError::from)?;
    // A backup of an older version: the rows are in, now bring the schema up to date.
    migrate(db).await?;
    Ok(RestoreSummary {
        manifest,
        audit_events: chain.checked,
    })
}

fn read_manifest(from: &Path) -> anyhow::Result<Manifest> {
    let path = from.join(MANIFEST_FILE);
    let text = fs::read_to_string(&path)
        .with_context(|| format!("{} has no {MANIFEST_FILE}: not a complete backup", from.display()))?;
    let manifest: Manifest = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a backup manifest", path.display()))?;
    if manifest.format != FORMAT {
        bail!("backup format {} is not {FORMAT}", manifest.format);
    }
    Ok(manifest)
}

fn check_part(from: &Path, table: &TablePart) -> anyhow::Result<()> {
    let plain = !table.name.is_empty()
        && table
            .name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !plain || table.file != format!("tables/{}.jsonl", table.name) {
        bail!("the manifest names an unexpected part: {}", table.file);
    }
    let path = from.join(&table.file);
    let (sha256, bytes) = file_digest(&path).with_context(|| format!("{} is missing", path.display()))?;
    if sha256 != table.sha256 || bytes != table.bytes {
        bail!(
            "{} does not match the manifest (changed or truncated)",
            path.display()
        );
    }
    Ok(())
}

fn check_blob(path: &Path, blob: &BlobPart) -> anyhow::Result<()> {
    if !is_blob_name(&blob.sha256) {
        bail!("the manifest names an unexpected file: {}", blob.sha256);
    }
    let (sha256, size) = file_digest(path).with_context(|| format!("{} is missing", path.display()))?;
    if sha256 != blob.sha256 || size != blob.size {
        bail!("{} does not match the manifest", path.display());
    }
    Ok(())
}

async fn load_table(tx: &Tx, from: &Path, table: &TablePart) -> anyhow::Result<()> {
    let reader = BufReader::new(File::open(from.join(&table.file))?);
    let mut batch: Vec<Row> = Vec::with_capacity(ROWS_PER_BATCH);
    let mut loaded = 0_u64;
    for (number, line) in reader.lines().enumerate() {
        let row: Row =
            serde_json::from_str(&line?).with_context(|| format!("{} line {}", table.file, number + 1))?;
        batch.push(row);
        if batch.len() == ROWS_PER_BATCH {
            loaded += snapshot::load_rows(tx, &table.name, &table.columns, &batch).await?;
            batch.clear();
        }
    }
    loaded += snapshot::load_rows(tx, &table.name, &table.columns, &batch).await?;
    if loaded != table.rows {
        bail!(
            "{} holds {loaded} rows, the manifest says {}",
            table.file,
            table.rows
        );
    }
    Ok(())
}
