use sea_orm::entity::prelude::*;

/// A person who signs in: staff, student, leader, worker, admin.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub username: String,
    /// Staff or student number.
    pub number: Option<String>,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub id_number: Option<String>,
    pub position: Option<String>,
    /// `active` or `disabled`.
    pub status: String,
    /// Classification level the user may read (0 公开 … 4 绝密).
    pub clearance: i16,
    pub password_hash: Option<String>,
    pub must_change_password: bool,
    /// Bumped to end every session and access token of the user at once.
    pub token_version: i32,
    pub failed_logins: i32,
    pub failed_window_start: Option<DateTimeUtc>,
    pub locked_until: Option<DateTimeUtc>,
    pub last_login_at: Option<DateTimeUtc>,
    pub password_changed_at: Option<DateTimeUtc>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
