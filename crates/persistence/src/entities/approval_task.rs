use sea_orm::entity::prelude::*;

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
    pub kind: String,
    pub origin: String,
    pub blocks_task_id: Option<Uuid>,
    pub status: String,
    pub comment: Option<String>,
    /// The system decided on the assignee's behalf (a timeout): not that person's approval.
    pub decided_by_system: bool,
    pub decided_at: Option<DateTimeUtc>,
    pub due_at: Option<DateTimeUtc>,
    pub reminded_at: Option<DateTimeUtc>,
    pub overdue_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
