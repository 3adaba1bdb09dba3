//! Storage of every module's record timeline (流转记录).

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::record_event::{self as event, Column, Entity};

pub use crate::entities::record_event::Model as RecordEventRow;

pub async fn insert(db: &impl ConnectionTrait, row: RecordEventRow) -> Result<(), PersistenceError> {
    Entity::insert(event::ActiveModel::from(row))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Oldest first; ids are UUID v7, so equal timestamps keep their insertion order.
pub async fn of_record(
    db: &impl ConnectionTrait,
    module: &str,
    record_id: Uuid,
) -> Result<Vec<RecordEventRow>, PersistenceError> {
    Ok(Entity::find()
        .filter(Column::Module.eq(module))
        .filter(Column::RecordId.eq(record_id))
        .order_by_asc(Column::At)
        .order_by_asc(Column::Id)
        .all(db)
        .await?)
}
