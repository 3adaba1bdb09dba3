//! The transactional outbox: rows written with the business change, claimed and marked by the
//! delivery worker.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, LockBehavior, LockType};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::entities::outbox_message::{self, Column, Entity};
use crate::{Backend, PersistenceError};

pub use outbox_message::Model as OutboxRow;

/// Writes one message, due at once, in the caller's transaction.
pub async fn insert(
    db: &impl ConnectionTrait,
    channel: &str,
    payload: String,
    now: DateTime<Utc>,
) -> Result<Uuid, PersistenceError> {
    let id = Uuid::now_v7();
    let row = outbox_message::ActiveModel {
        id: Set(id),
        channel: Set(channel.to_owned()),
        payload: Set(payload),
        created_at: Set(now),
        attempts: Set(0),
        next_attempt_at: Set(now),
        delivered_at: Set(None),
        failed_at: Set(None),
        last_error: Set(None),
    };
    Entity::insert(row).exec_without_returning(db).await?;
    Ok(id)
}

/// Locks up to `batch` due messages (oldest due first) for the caller's transaction. On
/// PostgreSQL rows another worker holds are skipped (`FOR UPDATE SKIP LOCKED`), so two replicas
/// never work on one message at once; on SQLite the write transaction already excludes them.
pub async fn claim_due(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    batch: u64,
) -> Result<Vec<OutboxRow>, PersistenceError> {
    let mut query = Entity::find()
        .filter(Column::DeliveredAt.is_null())
        .filter(Column::FailedAt.is_null())
        .filter(Column::NextAttemptAt.lte(now))
        .order_by_asc(Column::NextAttemptAt)
        .order_by_asc(Column::Id)
        .limit(batch);
    if Backend::of(db) == Backend::Postgres {
        query = query.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    Ok(query.all(db).await?)
}

pub async fn mark_delivered(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    Entity::update_many()
        .col_expr(Column::DeliveredAt, Expr::value(now))
        .col_expr(Column::LastError, Expr::value(Option::<String>::None))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// What a failed attempt leaves behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedAttempt {
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    /// Set when the worker gives up.
    pub failed_at: Option<DateTime<Utc>>,
    pub error: String,
}

pub async fn record_failure(
    db: &impl ConnectionTrait,
    id: Uuid,
    failure: FailedAttempt,
) -> Result<(), PersistenceError> {
    Entity::update_many()
        .col_expr(Column::Attempts, Expr::value(failure.attempts))
        .col_expr(Column::NextAttemptAt, Expr::value(failure.next_attempt_at))
        .col_expr(Column::FailedAt, Expr::value(failure.failed_at))
        .col_expr(Column::LastError, Expr::value(failure.error))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<OutboxRow>, PersistenceError> {
    Ok(Entity::find_by_id(id).one(db).await?)
}
