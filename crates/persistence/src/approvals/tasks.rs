//! Tasks: one person's part in one step.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;
use xiaoban_domain::approvals::flow::TaskStatus;

use super::TaskRow;
use crate::PersistenceError;
use crate::entities::approval_task::{self as task, Column, Entity};

/// The states in which a task still waits for its holder.
pub const OPEN: [TaskStatus; 2] = [TaskStatus::Pending, TaskStatus::Waiting];

pub async fn of_instance(
    db: &impl ConnectionTrait,
    instance_id: Uuid,
) -> Result<Vec<TaskRow>, PersistenceError> {
    Ok(Entity::find()
        .filter(Column::InstanceId.eq(instance_id))
        .order_by_asc(Column::CreatedAt)
        .order_by_asc(Column::Id)
        .all(db)
        .await?)
}

/// The open (pending or waiting) tasks a person holds, across requests.
pub async fn open_of_assignee(
    db: &impl ConnectionTrait,
    assignee: Uuid,
) -> Result<Vec<TaskRow>, PersistenceError> {
    Ok(Entity::find()
        .filter(Column::AssigneeId.eq(assignee))
        .filter(Column::Status.is_in(OPEN))
        .order_by_asc(Column::CreatedAt)
        .order_by_asc(Column::Id)
        .all(db)
        .await?)
}

pub async fn insert(db: &impl ConnectionTrait, row: TaskRow) -> Result<(), PersistenceError> {
    Entity::insert(task::ActiveModel::from(row))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Writes the task if its status is still `expected_status`; false when someone else changed it.
pub async fn update_if_status(
    db: &impl ConnectionTrait,
    row: TaskRow,
    expected_status: TaskStatus,
) -> Result<bool, PersistenceError> {
    let id = row.id;
    let mut changes: task::ActiveModel = row.into();
    changes = changes.reset_all();
    changes.id = sea_orm::ActiveValue::NotSet;
    let result = Entity::update_many()
        .set(changes)
        .filter(Column::Id.eq(id))
        .filter(Column::Status.eq(expected_status))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Open tasks that need the clock's attention: not yet reminded with the deadline before
/// `horizon`, or past the deadline (`now`) and not yet marked overdue. Oldest deadline first.
pub async fn needing_timer(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    horizon: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<TaskRow>, PersistenceError> {
    use sea_orm::sea_query::ExprTrait;
    use sea_orm::{Condition, QuerySelect};
    Ok(Entity::find()
        .filter(Column::Status.is_in(OPEN))
        .filter(
            Condition::any()
                .add(Column::RemindedAt.is_null().and(Column::DueAt.lte(horizon)))
                .add(Column::OverdueAt.is_null().and(Column::DueAt.lte(now))),
        )
        .order_by_asc(Column::DueAt)
        .limit(limit)
        .all(db)
        .await?)
}

pub async fn of_instances(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<Vec<TaskRow>, PersistenceError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(Entity::find()
        .filter(Column::InstanceId.is_in(ids.iter().copied()))
        .all(db)
        .await?)
}

/// Marks the user's unread copies (抄送) of a request as read; returns how many changed.
pub async fn mark_copies_read(
    db: &impl ConnectionTrait,
    instance_id: Uuid,
    user: Uuid,
) -> Result<u64, PersistenceError> {
    use sea_orm::sea_query::Expr;
    let result = Entity::update_many()
        .col_expr(Column::Status, Expr::value(TaskStatus::Read))
        .filter(Column::InstanceId.eq(instance_id))
        .filter(Column::AssigneeId.eq(user))
        .filter(Column::Status.eq(TaskStatus::Unread))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}
