//! Drafts of requests (草稿), always read through their author.

use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::DraftRow;
use crate::PersistenceError;
use crate::entities::approval_draft::{self as draft, Column, Entity};
use crate::versioned::{self, Versioned};

impl Versioned for Entity {
    fn version_column() -> Column {
        Column::Version
    }
}

fn own(id: Uuid, author: Uuid) -> Condition {
    Condition::all()
        .add(Column::Id.eq(id))
        .add(Column::AuthorId.eq(author))
}

pub async fn insert(db: &impl ConnectionTrait, row: DraftRow) -> Result<(), PersistenceError> {
    Entity::insert(draft::ActiveModel::from(row))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// The author's draft; someone else's is not found.
pub async fn find_own(
    db: &impl ConnectionTrait,
    id: Uuid,
    author: Uuid,
) -> Result<Option<DraftRow>, PersistenceError> {
    Ok(Entity::find().filter(own(id, author)).one(db).await?)
}

/// The author's drafts, most recently saved first.
pub async fn of_author(db: &impl ConnectionTrait, author: Uuid) -> Result<Vec<DraftRow>, PersistenceError> {
    Ok(Entity::find()
        .filter(Column::AuthorId.eq(author))
        .order_by_desc(Column::UpdatedAt)
        .order_by_desc(Column::Id)
        .all(db)
        .await?)
}

/// Writes the draft if it is still at `expected` version.
pub async fn update_guarded(
    db: &impl ConnectionTrait,
    row: DraftRow,
    expected: i32,
) -> Result<(), PersistenceError> {
    let key = own(row.id, row.author_id);
    versioned::update_model_guarded::<Entity, draft::ActiveModel>(db, row, key, expected).await
}

/// Deletes the author's draft if it is still at `expected` version.
pub async fn delete_guarded(
    db: &impl ConnectionTrait,
    id: Uuid,
    author: Uuid,
    expected: i32,
) -> Result<(), PersistenceError> {
    versioned::delete_guarded::<Entity>(db, own(id, author), expected).await
}
