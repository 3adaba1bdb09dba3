//! Out-of-office delegations.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::DelegationRow;
use crate::PersistenceError;
use crate::entities::approval_delegation::{self as delegation, Column, Entity};

pub async fn insert(db: &impl ConnectionTrait, row: DelegationRow) -> Result<(), PersistenceError> {
    Entity::insert(delegation::ActiveModel::from(row))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<DelegationRow>, PersistenceError> {
    Ok(Entity::find_by_id(id).one(db).await?)
}

pub async fn save(db: &impl ConnectionTrait, row: DelegationRow) -> Result<(), PersistenceError> {
    let changes: delegation::ActiveModel = row.into();
    changes.reset_all().update(db).await?;
    Ok(())
}

/// The user's delegations, newest first.
pub async fn of_user(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<Vec<DelegationRow>, PersistenceError> {
    Ok(Entity::find()
        .filter(Column::UserId.eq(user_id))
        .order_by_desc(Column::StartsAt)
        .all(db)
        .await?)
}

/// The delegation in force for the user at `now`, if any.
pub async fn active_for(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Option<DelegationRow>, PersistenceError> {
    Ok(Entity::find()
        .filter(Column::UserId.eq(user_id))
        .filter(Column::RevokedAt.is_null())
        .filter(Column::StartsAt.lte(now))
        .filter(Column::EndsAt.gt(now))
        .order_by_desc(Column::CreatedAt)
        .one(db)
        .await?)
}
