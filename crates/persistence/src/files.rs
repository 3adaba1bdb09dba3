//! Uploaded files' metadata and their links to module records.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::{file, file_link};

pub use file::Model as FileRow;
pub use file_link::Model as FileLinkRow;

pub async fn insert(db: &impl ConnectionTrait, row: FileRow) -> Result<(), PersistenceError> {
    file::Entity::insert(file::ActiveModel::from(row))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<FileRow>, PersistenceError> {
    Ok(file::Entity::find_by_id(id).one(db).await?)
}

/// The records a file is attached to.
pub async fn links_of(
    db: &impl ConnectionTrait,
    file_id: Uuid,
) -> Result<Vec<FileLinkRow>, PersistenceError> {
    Ok(file_link::Entity::find()
        .filter(file_link::Column::FileId.eq(file_id))
        .order_by_asc(file_link::Column::CreatedAt)
        .all(db)
        .await?)
}

/// Attaches a file to a record; attaching it again changes nothing.
pub async fn link(
    db: &impl ConnectionTrait,
    file_id: Uuid,
    module: &str,
    record_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    let existing = file_link::Entity::find_by_id((file_id, module.to_owned(), record_id))
        .one(db)
        .await?;
    if existing.is_none() {
        let row = FileLinkRow {
            file_id,
            module: module.to_owned(),
            record_id,
            created_at: now,
        };
        file_link::Entity::insert(file_link::ActiveModel::from(row))
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// The ids of the files attached to a record.
pub async fn linked_ids(
    db: &impl ConnectionTrait,
    module: &str,
    record_id: Uuid,
) -> Result<Vec<Uuid>, PersistenceError> {
    Ok(file_link::Entity::find()
        .select_only()
        .column(file_link::Column::FileId)
        .filter(file_link::Column::Module.eq(module))
        .filter(file_link::Column::RecordId.eq(record_id))
        .into_tuple()
        .all(db)
        .await?)
}

/// Detaches from a record every file not in `keep` (the files themselves stay).
pub async fn unlink_others(
    db: &impl ConnectionTrait,
    module: &str,
    record_id: Uuid,
    keep: &[Uuid],
) -> Result<(), PersistenceError> {
    file_link::Entity::delete_many()
        .filter(file_link::Column::Module.eq(module))
        .filter(file_link::Column::RecordId.eq(record_id))
        .filter(file_link::Column::FileId.is_not_in(keep.iter().copied()))
        .exec(db)
        .await?;
    Ok(())
}

/// The files attached to a record, in the order they were attached.
pub async fn linked_to(
    db: &impl ConnectionTrait,
    module: &str,
    record_id: Uuid,
) -> Result<Vec<FileRow>, PersistenceError> {
    let links = file_link::Entity::find()
        .filter(file_link::Column::Module.eq(module))
        .filter(file_link::Column::RecordId.eq(record_id))
        .order_by_asc(file_link::Column::CreatedAt)
        .order_by_asc(file_link::Column::FileId)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = links.iter().map(|l| l.file_id).collect();
    let mut rows = file::Entity::find()
        .filter(file::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?;
    rows.sort_by_key(|r| ids.iter().position(|id| *id == r.id));
    Ok(rows)
}
