use sea_orm::entity::prelude::*;

/// A message waiting to leave (or having left) through a channel; see `crate::notifications`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox_messages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// `in_app` for now; later `dingtalk`, `wecom`, `email`, `webhook`.
    pub channel: String,
    /// The channel's message as JSON text.
    pub payload: String,
    pub created_at: DateTimeUtc,
    /// Failed delivery attempts so far.
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    pub delivered_at: Option<DateTimeUtc>,
    /// Set when delivery was given up.
    pub failed_at: Option<DateTimeUtc>,
    pub last_error: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
