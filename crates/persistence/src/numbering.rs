//! Gapless yearly counters behind human-readable numbers.

use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

use crate::PersistenceError;
use crate::entities::{number_counter, number_series};

/// Registers a series with its default pattern unless it exists already (admins may have
/// changed the pattern since; that choice is kept).
pub async fn ensure_series(
    db: &impl ConnectionTrait,
    code: &str,
    name: &str,
    pattern: &str,
    counter: &str,
) -> Result<(), PersistenceError> {
    let row = number_series::ActiveModel {
        code: Set(code.to_owned()),
        name: Set(name.to_owned()),
        pattern: Set(pattern.to_owned()),
        counter: Set(counter.to_owned()),
        version: Set(1),
        updated_at: Set(Utc::now()),
    };
    number_series::Entity::insert(row)
        .on_conflict_do_nothing_on([number_series::Column::Code])
        .exec(db)
        .await?;
    Ok(())
}

pub async fn find_series(
    db: &impl ConnectionTrait,
    code: &str,
) -> Result<Option<number_series::Model>, PersistenceError> {
    Ok(number_series::Entity::find_by_id(code.to_owned()).one(db).await?)
}

/// Takes the next value of `counter` for `year`. Must run inside the transaction that stores the
/// numbered record: the row stays locked until it commits (so concurrent callers queue up), and a
/// rollback hands the value back.
pub async fn next_value(
    db: &impl ConnectionTrait,
    counter: &str,
    year: i32,
) -> Result<i64, PersistenceError> {
    use number_counter::{Column, Entity};
    let first = number_counter::ActiveModel {
        counter: Set(counter.to_owned()),
        year: Set(year),
        last_value: Set(1),
    };
    let bump = OnConflict::columns([Column::Counter, Column::Year])
        .value(Column::LastValue, Expr::col((Entity, Column::LastValue)).add(1))
        .to_owned();
    Entity::insert(first)
        .on_conflict(bump)
        .exec_without_returning(db)
        .await?;
    let row = Entity::find_by_id((counter.to_owned(), year))
        .one(db)
        .await?
        .ok_or_else(|| PersistenceError::Corrupt(format!("counter {counter}/{year} vanished")))?;
    Ok(row.last_value)
}
