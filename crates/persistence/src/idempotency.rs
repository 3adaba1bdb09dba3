//! Storage of `Idempotency-Key` outcomes. The key row is written in the same transaction as the
//! record it guards, so a committed record always has its key and a rolled-back one never does.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::PersistenceError;
use crate::entities::idempotency_key::{self, Column, Entity};

pub use idempotency_key::Model as IdempotencyRecord;

/// Claims `key` in `scope` for this transaction. Fails with [`PersistenceError::Duplicate`] when a
/// live claim exists; an expired one is replaced.
pub async fn claim(
    db: &impl ConnectionTrait,
    scope: &str,
    key: &str,
    fingerprint: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    Entity::delete_many()
        .filter(Column::Scope.eq(scope))
        .filter(Column::Key.eq(key))
        .filter(Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    let row = idempotency_key::ActiveModel {
        scope: Set(scope.to_owned()),
        key: Set(key.to_owned()),
        fingerprint: Set(fingerprint.to_owned()),
        response: Set(String::new()),
        created_at: Set(now),
        expires_at: Set(expires_at),
    };
    Entity::insert(row).exec_without_returning(db).await?;
    Ok(())
}

/// Stores the response that later repeats of the request replay.
pub async fn record_response(
    db: &impl ConnectionTrait,
    scope: &str,
    key: &str,
    response: String,
) -> Result<(), PersistenceError> {
    let row = idempotency_key::ActiveModel {
        scope: Set(scope.to_owned()),
        key: Set(key.to_owned()),
        response: Set(response),
        ..Default::default()
    };
    Entity::update(row).exec(db).await?;
    Ok(())
}

pub async fn find(
    db: &impl ConnectionTrait,
    scope: &str,
    key: &str,
) -> Result<Option<IdempotencyRecord>, PersistenceError> {
    Ok(Entity::find_by_id((scope.to_owned(), key.to_owned()))
        .one(db)
        .await?)
}

/// Deletes every expired key; returns how many.
pub async fn purge_expired(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, PersistenceError> {
    let result = Entity::delete_many()
        .filter(Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}
