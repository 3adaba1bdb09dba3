use sea_orm::entity::prelude::*;

use crate::versioned::Versioned;
use xiaoban_domain::notices::{AudienceKind, NoticeState};

/// A notice (通知公告).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub title: String,
    pub body: String,
    /// A `NoticeState` word.
    pub status: NoticeState,
    /// An `AudienceKind` word; the targets are in `notice_targets`.
    pub audience_kind: AudienceKind,
    pub pinned: bool,
    /// Shown without sign-in once published.
    pub is_public: bool,
    pub author_id: Uuid,
    pub published_at: Option<DateTimeUtc>,
    pub withdrawn_at: Option<DateTimeUtc>,
    /// When the office last reminded those who have not read it.
    pub reminded_at: Option<DateTimeUtc>,
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
