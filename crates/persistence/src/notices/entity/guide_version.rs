use sea_orm::entity::prelude::*;

/// A published version of a guide, kept for good.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "guide_versions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub guide_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub number: i32,
    pub category: String,
    pub title: String,
    pub body: String,
    pub flowchart_file_id: Option<Uuid>,
    pub published_at: DateTimeUtc,
    pub published_by: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
