use sea_orm::entity::prelude::*;

use crate::versioned::Versioned;
use xiaoban_domain::notices::{GuideKind, GuideState};

/// A service guide or operating manual (办事指南 / 操作手册): the working copy the office edits;
/// what readers see is its latest row in `guide_versions`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "guides")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// A `GuideKind` word.
    pub kind: GuideKind,
    pub category: String,
    pub title: String,
    pub body: String,
    /// A `GuideState` word.
    pub status: GuideState,
    pub is_public: bool,
    /// Who keeps it current and is reminded of its review.
    pub owner_id: Uuid,
    pub flowchart_file_id: Option<Uuid>,
    /// The number of the latest published version; 0 before the first.
    pub published_version: i32,
    pub review_due: Option<Date>,
    /// The review date the owner was last reminded of (one reminder per due date).
    pub review_reminded_for: Option<Date>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Versioned for Entity {
    fn version_column() -> Column {
        Column::Version
    }
}
