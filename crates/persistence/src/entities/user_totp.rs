use sea_orm::entity::prelude::*;

/// A user's authenticator (TOTP) secret; unconfirmed until a first code proves the enrolment.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "user_totp")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    /// The shared secret, base32. Never logged or answered after enrolment.
    pub secret: String,
    pub created_at: DateTimeUtc,
    pub confirmed_at: Option<DateTimeUtc>,
    /// The last 30-second step whose code was accepted: that step and earlier ones are refused.
    pub last_used_step: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
