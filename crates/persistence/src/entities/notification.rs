use sea_orm::entity::prelude::*;

/// One in-app notification of one recipient, made from one outbox message.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub recipient_id: Uuid,
    pub outbox_id: Uuid,
    /// `task_assigned`, `decision`, `urged`, …
    pub kind: String,
    pub title: String,
    pub body: String,
    /// An SPA path.
    pub link: Option<String>,
    pub subject_module: Option<String>,
    pub subject_id: Option<Uuid>,
    /// Free-form JSON text for the SPA.
    pub data: String,
    pub created_at: DateTimeUtc,
    pub read_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
