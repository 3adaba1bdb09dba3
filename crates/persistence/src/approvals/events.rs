//! The timeline of a request.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::EventRow;
use crate::PersistenceError;
use crate::entities::approval_event::{self as event, Column, Entity};

pub async fn insert(db: &impl ConnectionTrait, row: EventRow) -> Result<(), PersistenceError> {
    Entity::insert(event::ActiveModel::from(row))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Oldest first; ids are UUID v7, so equal timestamps keep their insertion order.
pub async fn of_instance(
    db: &impl ConnectionTrait,
    instance_id: Uuid,
) -> Result<Vec<EventRow>, PersistenceError> {
    Ok(Entity::find()
        .filter(Column::InstanceId.eq(instance_id))
        .order_by_asc(Column::At)
        .order_by_asc(Column::Id)
        .all(db)
        .await?)
}
