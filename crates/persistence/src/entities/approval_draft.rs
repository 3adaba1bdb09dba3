use sea_orm::entity::prelude::*;

/// A request saved by its author before submitting; seen by nobody else.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "approval_drafts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub template_id: Uuid,
    pub author_id: Uuid,
    pub summary: String,
    /// Form values as JSON text; fields may be missing (required ones are checked at submission).
    pub form: String,
    /// Approvers the author picked so far (step index → people), as JSON text.
    pub picked: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
