use sea_orm::entity::prelude::*;
use xiaoban_domain::approvals::request::EventAction;

/// One line of an instance's timeline.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "approval_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub instance_id: Uuid,
    pub task_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub action: EventAction,
    pub step_index: Option<i32>,
    pub comment: Option<String>,
    pub data: String,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
