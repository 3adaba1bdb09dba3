//! Sign-in counters shared by every replica (`sign_in_throttle`): attempts per key in fixed
//! windows, and the failure record of usernames that do not exist.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::PersistenceError;
use crate::entities::sign_in_throttle::{self, Column, Entity};

pub use sign_in_throttle::Model as ThrottleRow;

/// Counts one attempt for `key` in the window of length `window` that is running at `now`
/// (a new one starts when the last has ended), in one atomic statement; returns the row after
/// the count: hits so far in the window and when it began.
pub async fn count_attempt(
    db: &impl ConnectionTrait,
    key: &str,
    now: DateTime<Utc>,
    window: Duration,
) -> Result<ThrottleRow, PersistenceError> {
    let running = Expr::col((Entity, Column::WindowStart)).gt(now - window);
    let first = sign_in_throttle::ActiveModel {
        key: Set(key.to_owned()),
        hits: Set(1),
        window_start: Set(now),
        locked_until: Set(None),
    };
    let count = OnConflict::column(Column::Key)
        .value(
            Column::Hits,
            Expr::case(running.clone(), Expr::col((Entity, Column::Hits)).add(1)).finally(1),
        )
        .value(
            Column::WindowStart,
            Expr::case(running, Expr::col((Entity, Column::WindowStart))).finally(now),
        )
        .to_owned();
    Ok(Entity::insert(first)
        .on_conflict(count)
        .exec_with_returning(db)
        .await?)
}

/// The failure record of `key`, created empty if missing, locked until the transaction ends
/// (PostgreSQL; SQLite's write transaction excludes everyone anyway), so that concurrent
/// failures are counted one after the other.
pub async fn lock_failures(
    db: &impl ConnectionTrait,
    key: &str,
    now: DateTime<Utc>,
) -> Result<ThrottleRow, PersistenceError> {
    let empty = sign_in_throttle::ActiveModel {
        key: Set(key.to_owned()),
        hits: Set(0),
        window_start: Set(now),
        locked_until: Set(None),
    };
    Entity::insert(empty)
        .on_conflict_do_nothing_on([Column::Key])
        .exec_without_returning(db)
        .await?;
    Entity::find_by_id(key.to_owned())
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or_else(|| PersistenceError::Corrupt(format!("throttle row {key} vanished")))
}

/// The failure record of `key`, if any (not locked: for the check before a password is tried).
pub async fn find(db: &impl ConnectionTrait, key: &str) -> Result<Option<ThrottleRow>, PersistenceError> {
    Ok(Entity::find_by_id(key.to_owned()).one(db).await?)
}

/// Stores a failure record.
pub async fn store_failures(
    db: &impl ConnectionTrait,
    key: &str,
    failures: i32,
    window_start: DateTime<Utc>,
    locked_until: Option<DateTime<Utc>>,
) -> Result<(), PersistenceError> {
    Entity::update_many()
        .col_expr(Column::Hits, Expr::value(failures))
        .col_expr(Column::WindowStart, Expr::value(window_start))
        .col_expr(Column::LockedUntil, Expr::value(locked_until))
        .filter(Column::Key.eq(key))
        .exec(db)
        .await?;
    Ok(())
}

/// Removes counters whose window began before `before` and whose lock (if any) has ended.
pub async fn purge(
    db: &impl ConnectionTrait,
    before: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<u64, PersistenceError> {
    let result = Entity::delete_many()
        .filter(Column::WindowStart.lt(before))
        .filter(
            sea_orm::Condition::any()
                .add(Column::LockedUntil.is_null())
                .add(Column::LockedUntil.lt(now)),
        )
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}
