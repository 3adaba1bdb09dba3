use sea_orm::entity::prelude::*;

/// One line of a record's timeline (流转记录), whichever module the record belongs to.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "record_events")]
pub struct Model {
    /// UUID v7: equal timestamps keep their insertion order.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The module's code, e.g. `approval`.
    pub module: String,
    pub record_id: Uuid,
    pub at: DateTimeUtc,
    /// `None` for the system (routing, timeouts).
    pub actor_id: Option<Uuid>,
    pub action: String,
    /// The record's status before and after, when the event changed it.
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    /// The step of the record's process the event belongs to, for modules that have steps.
    pub step_index: Option<i32>,
    /// The work item (e.g. an approval task) the event is about.
    pub task_id: Option<Uuid>,
    /// The opinion (意见) or comment given with the action.
    pub comment: Option<String>,
    /// Module-specific details, a JSON object as text.
    pub data: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
