//! In-app notifications (the inbox of each user) and the outbox they are delivered from.

pub mod outbox;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};
use uuid::Uuid;
use xiaoban_domain::paging::{Direction, Page, PageRequest};

use crate::PersistenceError;
use crate::entities::notification::{self, Column, Entity};
use crate::entities::user;
use crate::paging::{ListSpec, fetch_page};

pub use notification::Model as NotificationRow;

/// Which of `ids` are users that still exist.
pub async fn existing_users(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<Vec<Uuid>, PersistenceError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Id.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?)
}

/// Inserts the notifications of one outbox message. A (message, recipient) pair that exists
/// already is left alone, so delivering a message again adds nothing. Returns how many were new.
pub async fn insert_once(
    db: &impl ConnectionTrait,
    rows: Vec<NotificationRow>,
) -> Result<u64, PersistenceError> {
    let models = rows.into_iter().map(notification::ActiveModel::from);
    let keep_first = OnConflict::columns([Column::OutboxId, Column::RecipientId])
        .do_nothing()
        .to_owned();
    Ok(Entity::insert_many(models)
        .on_conflict(keep_first)
        .exec_without_returning(db)
        .await?)
}

/// A recipient's notifications: newest first, `q` searching title and body.
pub static SPEC: ListSpec<Column> = ListSpec {
    sort: &[("createdAt", Column::CreatedAt)],
    keyword: &[Column::Title, Column::Body],
    default_sort: &[
        (Column::CreatedAt, Direction::Desc),
        (Column::Id, Direction::Desc),
    ],
    tiebreak: Column::Id,
};

/// One page of a recipient's notifications, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    recipient: Uuid,
    unread_only: bool,
    request: &PageRequest,
) -> Result<Page<NotificationRow>, PersistenceError> {
    let mut select = Entity::find().filter(Column::RecipientId.eq(recipient));
    if unread_only {
        select = select.filter(Column::ReadAt.is_null());
    }
    if let Some(any) = SPEC.keyword(request.keyword.as_deref()) {
        select = select.filter(any);
    }
    fetch_page(db, select, request, &SPEC).await
}

pub async fn unread_count(db: &impl ConnectionTrait, recipient: Uuid) -> Result<u64, PersistenceError> {
    Ok(Entity::find()
        .filter(Column::RecipientId.eq(recipient))
        .filter(Column::ReadAt.is_null())
        .count(db)
        .await?)
}

pub async fn find_of(
    db: &impl ConnectionTrait,
    recipient: Uuid,
    id: Uuid,
) -> Result<Option<NotificationRow>, PersistenceError> {
    Ok(Entity::find_by_id(id)
        .filter(Column::RecipientId.eq(recipient))
        .one(db)
        .await?)
}

/// Marks one notification read unless it is read already; true when it changed.
pub async fn mark_read(
    db: &impl ConnectionTrait,
    recipient: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, PersistenceError> {
    let result = Entity::update_many()
        .col_expr(Column::ReadAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .filter(Column::RecipientId.eq(recipient))
        .filter(Column::ReadAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Marks every unread notification of `recipient` read; returns how many.
pub async fn mark_all_read(
    db: &impl ConnectionTrait,
    recipient: Uuid,
    now: DateTime<Utc>,
) -> Result<u64, PersistenceError> {
    let result = Entity::update_many()
        .col_expr(Column::ReadAt, Expr::value(now))
        .filter(Column::RecipientId.eq(recipient))
        .filter(Column::ReadAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Marks read the recipient's unread notifications of these kinds about one subject (a task
/// notice once the task is handled); returns how many.
pub async fn mark_subject_read(
    db: &impl ConnectionTrait,
    recipient: Uuid,
    subject: (&str, Uuid),
    kinds: &[&str],
    now: DateTime<Utc>,
) -> Result<u64, PersistenceError> {
    let result = Entity::update_many()
        .col_expr(Column::ReadAt, Expr::value(now))
        .filter(Column::RecipientId.eq(recipient))
        .filter(Column::SubjectModule.eq(subject.0))
        .filter(Column::SubjectId.eq(subject.1))
        .filter(Column::Kind.is_in(kinds.iter().copied()))
        .filter(Column::ReadAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}
