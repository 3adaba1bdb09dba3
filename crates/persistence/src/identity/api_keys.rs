use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::api_key::{self, Column, Entity};

pub use api_key::Model as ApiKeyRow;

pub async fn find_by_prefix(
    db: &impl ConnectionTrait,
    prefix: &str,
) -> Result<Option<ApiKeyRow>, PersistenceError> {
    Ok(Entity::find().filter(Column::Prefix.eq(prefix)).one(db).await?)
}

/// Records a use, at most once a minute per key, so busy integrations do not write on every call.
pub async fn touch(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> Result<(), PersistenceError> {
    let a_minute_ago = now - chrono::Duration::minutes(1);
    Entity::update_many()
        .col_expr(Column::LastUsedAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .filter(
            sea_orm::Condition::any()
                .add(Column::LastUsedAt.is_null())
                .add(Column::LastUsedAt.lt(a_minute_ago)),
        )
        .exec(db)
        .await?;
    Ok(())
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<ApiKeyRow>, PersistenceError> {
    Ok(Entity::find_by_id(id).one(db).await?)
}

pub async fn insert(db: &impl ConnectionTrait, row: ApiKeyRow) -> Result<(), PersistenceError> {
    Entity::insert(api_key::ActiveModel::from(row))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Every key, newest first.
pub async fn list_all(db: &impl ConnectionTrait) -> Result<Vec<ApiKeyRow>, PersistenceError> {
    Ok(Entity::find()
        .order_by_desc(Column::CreatedAt)
        .order_by_desc(Column::Id)
        .all(db)
        .await?)
}

/// Marks a key revoked unless it already is; returns whether this call revoked it.
pub async fn revoke(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, PersistenceError> {
    let result = Entity::update_many()
        .col_expr(Column::RevokedAt, Expr::value(now))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .filter(Column::Id.eq(id))
        .filter(Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
