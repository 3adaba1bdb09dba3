//! Taking a backup while the server runs.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{Context, bail};
use xiaoban_persistence::snapshot::{self, Row};
use xiaoban_persistence::{Backend, Db, PersistenceError, audit, begin_write};
use xiaoban_services::RequestContext;
use xiaoban_services::audit::{Change, record};
use xiaoban_services::files::store::blob_path;

use super::hashing::HashingWriter;
use super::manifest::{AuditChain, BlobPart, FORMAT, MANIFEST_FILE, Manifest, TablePart, is_blob_name};

/// Writes a backup of `db` and the blobs under `files_dir` into the new or empty directory
/// `dest`. Every table is read in one snapshot; blobs are copied afterwards, which is safe because
/// a blob is written before the row naming it and never changes.
pub async fn backup(db: &Db, files_dir: &Path, dest: &Path) -> anyhow::Result<Manifest> {
    let unlisted = snapshot::unlisted_tables(db).await?;
    if !unlisted.is_empty() {
        bail!(
            "tables unknown to this backup: {} (add them to persistence::snapshot::tables)",
            unlisted.join(", ")
        );
    }
    prepare_destination(dest)?;
    let snap = snapshot::begin_read(db).await?;
    let mut tables = Vec::new();
    let mut blobs = BTreeSet::new();
    for table in snapshot::tables() {
        let name = table.name();
        let file = format!("tables/{name}.jsonl");
        let mut out = HashingWriter::new(BufWriter::new(create_private(&dest.join(&file))?));
        let mut sink = |row: Row| -> std::io::Result<()> {
            if name == "files" {
                blobs.insert(blob_of(&row)?);
            }
            serde_json::to_writer(&mut out, &row)?;
            out.write_all(b"\n")
        };
        let rows = table.read(&snap.tx, &mut sink).await?;
        let (writer, sha256, bytes) = out.finish()?;
        writer.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        tables.push(TablePart {
            name: name.to_owned(),
            file,
            rows,
            bytes,
            sha256,
            columns: table.columns()?,
        });
    }
    let chain = audit::verify(&snap.tx).await?;
    let migrations = snap.migrations.clone();
    let backend = snap.backend;
    snap.tx.commit().await.map_err(PersistenceError::from)?;

    for blob in &blobs {
        copy_blob(files_dir, &dest.join("files"), blob)?;
    }
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        created_at: chrono::Utc::now(),
        xiaoban_version: env!("CARGO_PKG_VERSION").to_owned(),
        source_backend: backend_name(backend).to_owned(),
        migrations,
        tables,
        blobs: blobs.into_iter().collect(),
        audit_chain: AuditChain {
            events: chain.checked,
            intact: chain.ok,
            first_broken_id: chain.first_broken_id,
        },
    };
    write_manifest(dest, &manifest)?;
    record_backup(db, &manifest).await?;
    Ok(manifest)
}

pub(super) fn backend_name(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    }
}

fn blob_of(row: &Row) -> std::io::Result<BlobPart> {
    let sha256 = row.get("sha256").and_then(|v| v.as_str()).unwrap_or_default();
    let size = row.get("size").and_then(serde_json::Value::as_u64);
    match size {
        Some(size) if is_blob_name(sha256) => Ok(BlobPart {
            sha256: sha256.to_owned(),
            size,
        }),
        _ => Err(std::io::Error::other(format!(
            "a files row names no valid blob: {row:?}"
        ))),
    }
}

/// `dest` must not exist or be an empty directory; it is created readable by its owner only,
/// because a backup holds password hashes and personal data.
fn prepare_destination(dest: &Path) -> anyhow::Result<()> {
    if dest.exists() {
        let mut entries =
            fs::read_dir(dest).with_context(|| format!("{} is not a directory", dest.display()))?;
        if entries.next().is_some() {
            bail!("{} is not empty: back up into a new directory", dest.display());
        }
    }
    for dir in [dest.to_path_buf(), dest.join("tables"), dest.join("files")] {
        fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        restrict(&dir, 0o700)?;
    }
    Ok(())
}

pub(super) fn create_private(path: &Path) -> anyhow::Result<File> {
    let file = File::create_new(path).with_context(|| format!("cannot create {}", path.display()))?;
    restrict(path, 0o600)?;
    Ok(file)
}

#[cfg(unix)]
pub(super) fn restrict(path: &Path, mode: u32) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
    Ok(())
}

#[cfg(not(unix))]
pub(super) fn restrict(_path: &Path, _mode: u32) -> anyhow::Result<()> {
    Ok(())
}

/// Copies one blob, checking that the bytes still are what their name says.
fn copy_blob(from_dir: &Path, to_dir: &Path, blob: &BlobPart) -> anyhow::Result<()> {
    let source = blob_path(from_dir, &blob.sha256);
    let target = blob_path(to_dir, &blob.sha256);
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent)?;
        restrict(parent, 0o700)?;
    }
    let mut input = File::open(&source)
        .with_context(|| format!("uploaded file {} is missing from the data directory", blob.sha256))?;
    let mut out = HashingWriter::new(create_private(&target)?);
    std::io::copy(&mut input, &mut out)?;
    let (file, sha256, size) = out.finish()?;
    file.sync_all()?;
    if sha256 != blob.sha256 || size != blob.size {
        bail!(
            "uploaded file {} in the data directory is damaged (its bytes hash to {sha256}, {size} bytes)",
            blob.sha256
        );
    }
    Ok(())
}

/// The manifest appears only complete: a directory without one is not a backup.
fn write_manifest(dest: &Path, manifest: &Manifest) -> anyhow::Result<()> {
    let temp = dest.join(format!("{MANIFEST_FILE}.tmp"));
    let mut file = create_private(&temp)?;
    serde_json::to_writer_pretty(&mut file, manifest)?;
    file.write_all(b"\n")?;
    file.sync_all()?;
    fs::rename(&temp, dest.join(MANIFEST_FILE))?;
    #[cfg(unix)]
    File::open(dest)?.sync_all()?;
    Ok(())
}

/// Backups are audited (who can read them can read everything): a row in the live log.
async fn record_backup(db: &Db, manifest: &Manifest) -> anyhow::Result<()> {
    let change = Change::new("backup.create", "database", None).after(serde_json::json!({
        "rows": manifest.total_rows(),
        "files": manifest.blobs.len(),
        "auditEvents": manifest.audit_chain.events,
    }));
    let tx = begin_write(db).await?;
    record(&tx, &RequestContext::system(), chrono::Utc::now(), change).await?;
    tx.commit().await.map_err(PersistenceError::from)?;
    Ok(())
}
