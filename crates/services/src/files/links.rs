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
    let mut issues = Vec::new();
    for (index, id) in files.iter().enumerate() {
        if files::find(tx, *id).await?.is_none_or(|f| f.owner_id != owner) {
            issues.push(FieldIssue::new(
                format!("{field}[{index}]"),
                "附件不存在，或不是您本人上传的",
                "no such upload, or it was not uploaded by you",
            ));
        }
    }
    if !issues.is_empty() {
        return Err(ServiceError::Invalid(issues));
    }
    for id in files {
        files::link(tx, *id, module, record_id, now).await?;
    }
    Ok(())
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
