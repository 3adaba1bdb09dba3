//! The bytes of uploads on disk, content-addressed: `<dir>/<sha[0..2]>/<sha>`. Identical bytes are
//! stored once. A blob appears under its final name only complete and synced: it is written to a
//! temporary file in the same directory, fsynced, then renamed (atomic on one file system).

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use uuid::Uuid;

use crate::ServiceError;

/// Prefix of a blob being written; never a final name (those are 64 hex digits).
pub const TEMP_PREFIX: &str = ".tmp-";

pub fn blob_path(dir: &Path, sha256: &str) -> PathBuf {
    dir.join(&sha256[..2.min(sha256.len())]).join(sha256)
}

/// Makes sure the blob for `sha256` exists with these bytes.
pub async fn put(dir: &Path, sha256: &str, bytes: Vec<u8>) -> Result<(), ServiceError> {
    let final_path = blob_path(dir, sha256);
    tokio::task::spawn_blocking(move || write_blob(&final_path, &bytes))
        .await
        .map_err(|e| ServiceError::Internal(format!("blob writer stopped: {e}")))?
        .map_err(|e| ServiceError::Internal(format!("cannot store the file: {e}")))
}

fn write_blob(final_path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    // Same bytes, same name: a complete blob is there already (a shorter one is a leftover of a
    // disk fault and is replaced).
    if fs::metadata(final_path).is_ok_and(|m| m.is_file() && m.len() == len) {
        return Ok(());
    }
    let dir = final_path
        .parent()
        .ok_or_else(|| std::io::Error::other("a blob path has a parent"))?;
    fs::create_dir_all(dir)?;
    let temp = dir.join(format!("{TEMP_PREFIX}{}", Uuid::now_v7().simple()));
    let written = write_synced(&temp, bytes).and_then(|()| fs::rename(&temp, final_path));
    if written.is_err() {
        let _ignored = fs::remove_file(&temp);
    }
    written?;
    sync_dir(dir)
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = File::create_new(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Makes the rename durable: the directory entry is data too.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xiaoban-store-{}", Uuid::now_v7().simple()));
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn entries(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn a_blob_lands_complete_under_its_name_and_leaves_no_temp_file() {
        let dir = scratch();
        let sha = "ab".repeat(32);
        let path = blob_path(&dir, &sha);
        write_blob(&path, b"first").unwrap();
        write_blob(&path, b"first").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"first");
        assert_eq!(entries(path.parent().unwrap()), std::slice::from_ref(&sha));
        // A damaged (short) blob is replaced, not trusted.
        fs::write(&path, b"fir").unwrap();
        write_blob(&path, b"first").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"first");
        assert_eq!(entries(path.parent().unwrap()), [sha]);
        fs::remove_dir_all(dir).unwrap();
    }
}
