use sea_orm::entity::prelude::*;
use xiaoban_domain::approvals::flow::{TaskKind, TaskOrigin, TaskStatus};

/// One person's part in one step: a decision to make, or a copy to read.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "approval_tasks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub instance_id: Uuid,
    pub step_index: i32,
    pub cycle: i32,
    pub assignee_id: Uuid,
    pub delegated_from: Option<Uuid>,
    pub kind: TaskKind,
    pub origin: TaskOrigin,
    pub blocks_task_id: Option<Uuid>,
    pub status: TaskStatus,
    pub comment: Option<String>,
    /// The system decided on the assignee's behalf (a timeout): not that person's approval.
    pub decided_by_system: bool,
    pub decided_at: Option<DateTimeUtc>,
    pub due_at: Option<DateTimeUtc>,
    pub reminded_at: Option<DateTimeUtc>,
    pub overdue_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    /// The branch of a parallel block the task belongs to, and the step of that branch.
    pub branch_index: Option<i32>,
    pub branch_step: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
