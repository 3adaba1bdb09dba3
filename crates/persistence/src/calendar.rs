//! The special days of the working calendar (holidays and make-up working days).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use xiaoban_domain::calendar::{DayKind, SpecialDay};

use crate::PersistenceError;
use crate::entities::calendar_day::{self, Column, Entity};
use crate::versioned::{self, Versioned};

pub use calendar_day::Model as CalendarDayRow;

impl Versioned for Entity {
    fn version_column() -> Column {
        Column::Version
    }
}

/// Every special day; the table holds a few dozen rows a year.
pub async fn all_special_days(db: &impl ConnectionTrait) -> Result<Vec<SpecialDay>, PersistenceError> {
    let rows = Entity::find().order_by_asc(Column::Date).all(db).await?;
    rows.into_iter().map(to_special_day).collect()
}

/// Special days with `from <= date <= to`, oldest first.
pub async fn rows_between(
    db: &impl ConnectionTrait,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<CalendarDayRow>, PersistenceError> {
    Ok(Entity::find()
        .filter(Column::Date.between(from, to))
        .order_by_asc(Column::Date)
        .all(db)
        .await?)
}

pub async fn find_row(
    db: &impl ConnectionTrait,
    date: NaiveDate,
) -> Result<Option<CalendarDayRow>, PersistenceError> {
    Ok(Entity::find_by_id(date).one(db).await?)
}

pub async fn insert_row(
    db: &impl ConnectionTrait,
    date: NaiveDate,
    kind: DayKind,
    name: &str,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    let row = calendar_day::ActiveModel {
        date: Set(date),
        kind: Set(kind.as_str().to_owned()),
        name: Set(name.to_owned()),
        version: Set(1),
        updated_at: Set(now),
    };
    Entity::insert(row).exec_without_returning(db).await?;
    Ok(())
}

pub async fn update_row(
    db: &impl ConnectionTrait,
    date: NaiveDate,
    expected_version: i32,
    kind: DayKind,
    name: &str,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    let changes = calendar_day::ActiveModel {
        kind: Set(kind.as_str().to_owned()),
        name: Set(name.to_owned()),
        updated_at: Set(now),
        ..Default::default()
    };
    versioned::update_guarded(
        db,
        Condition::all().add(Column::Date.eq(date)),
        expected_version,
        changes,
    )
    .await
}

pub async fn delete_row(
    db: &impl ConnectionTrait,
    date: NaiveDate,
    expected_version: i32,
) -> Result<(), PersistenceError> {
    versioned::delete_guarded::<Entity>(db, Condition::all().add(Column::Date.eq(date)), expected_version)
        .await
}

fn to_special_day(row: CalendarDayRow) -> Result<SpecialDay, PersistenceError> {
    let kind = DayKind::parse(&row.kind).ok_or_else(|| {
        PersistenceError::Corrupt(format!("calendar day {} has kind {}", row.date, row.kind))
    })?;
    Ok(SpecialDay {
        date: row.date,
        kind,
        name: row.name,
    })
}

/// Replaces every special day from `from` to `to` with `days` (one year's published schedule).
pub async fn replace_between(
    db: &impl ConnectionTrait,
    from: NaiveDate,
    to: NaiveDate,
    days: &[SpecialDay],
    now: DateTime<Utc>,
) -> Result<u64, PersistenceError> {
    let removed = Entity::delete_many()
        .filter(Column::Date.between(from, to))
        .exec(db)
        .await?
        .rows_affected;
    for day in days {
        insert_row(db, day.date, day.kind, &day.name, now).await?;
    }
    Ok(removed)
}
