//! Attaching uploads to module records, inside the module's own transaction.

use chrono::{DateTime, Utc};
use uuid::Uuid;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::files;

use super::FileView;
use crate::{FieldIssue, ServiceError};

/// Links files to a module record inside the caller's transaction. Each file must exist and be
/// owned by `owner` (a user can attach only their own uploads), else `Invalid` naming `field`.
/// Linking a file twice to the same record is harmless.
pub async fn link_files(
    tx: &impl ConnectionTrait,
    owner: Uuid,
    files: &[Uuid],
    module: &str,
    record_id: Uuid,
    now: DateTime<Utc>,
    field: &str,
) -> Result<(), ServiceError> {
    check_owned(tx, owner, files.iter().enumerate(), field).await?;
    for id in files {
        files::link(tx, *id, module, record_id, now).await?;
    }
    Ok(())
}

/// Makes `files` the record's attachments: those not named are detached, new ones must be
/// `owner`'s uploads (files already attached stay whoever uploaded them, so a colleague's edit
/// keeps them).
pub async fn set_files(
    tx: &impl ConnectionTrait,
    owner: Uuid,
    files: &[Uuid],
    module: &str,
    record_id: Uuid,
    now: DateTime<Utc>,
    field: &str,
) -> Result<(), ServiceError> {
    let current = files::linked_ids(tx, module, record_id).await?;
    let added = files.iter().enumerate().filter(|(_, id)| !current.contains(id));
    check_owned(tx, owner, added, field).await?;
    files::unlink_others(tx, module, record_id, files).await?;
    for id in files {
        files::link(tx, *id, module, record_id, now).await?;
    }
    Ok(())
}

async fn check_owned<'a>(
    tx: &impl ConnectionTrait,
    owner: Uuid,
    files: impl Iterator<Item = (usize, &'a Uuid)>,
    field: &str,
) -> Result<(), ServiceError> {
    let mut issues = Vec::new();
    for (index, id) in files {
        if files::find(tx, *id).await?.is_none_or(|f| f.owner_id != owner) {
            issues.push(FieldIssue::new(
                format!("{field}[{index}]"),
                "附件不存在，或不是您本人上传的",
                "no such upload, or it was not uploaded by you",
            ));
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(ServiceError::Invalid(issues))
    }
}

/// Files linked to a record, for detail views: by when they were attached, then in upload order.
pub async fn linked_files(
    db: &impl ConnectionTrait,
    module: &str,
    record_id: Uuid,
) -> Result<Vec<FileView>, ServiceError> {
    Ok(files::linked_to(db, module, record_id)
        .await?
        .into_iter()
        .map(FileView::from)
        .collect())
}
