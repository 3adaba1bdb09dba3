use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect,
};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::user::{self, Column, Entity};

pub use user::{ActiveModel as UserChanges, Model as UserRow};

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<UserRow>, PersistenceError> {
    Ok(Entity::find_by_id(id).one(db).await?)
}

/// The user row, locked until the transaction ends (PostgreSQL; SQLite's write transaction
/// excludes everyone anyway): for read-modify-write of the sign-in failure counters.
pub async fn find_for_update(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<UserRow>, PersistenceError> {
    Ok(Entity::find_by_id(id).lock_exclusive().one(db).await?)
}

pub async fn find_by_username(
    db: &impl ConnectionTrait,
    username: &str,
) -> Result<Option<UserRow>, PersistenceError> {
    Ok(Entity::find()
        .filter(Column::Username.eq(username))
        .one(db)
        .await?)
}

pub async fn count(db: &impl ConnectionTrait) -> Result<u64, PersistenceError> {
    Ok(Entity::find().count(db).await?)
}

pub async fn insert(db: &impl ConnectionTrait, row: UserRow) -> Result<(), PersistenceError> {
    Entity::insert(user::ActiveModel::from(row))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Writes the set fields of `changes` (whose `id` must be set) without a version check; for
/// bookkeeping the user does not edit (sign-in counters, token version).
pub async fn update_unguarded(
    db: &impl ConnectionTrait,
    changes: UserChanges,
) -> Result<(), PersistenceError> {
    Entity::update(changes).exec(db).await?;
    Ok(())
}

/// Ends every session and access token of the user: bumps the token version.
pub async fn bump_token_version(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    Entity::update_many()
        .col_expr(Column::TokenVersion, Expr::col(Column::TokenVersion).add(1))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Disables active users whose last sign-in (or creation, if never) is before `cutoff`;
/// returns their ids.
pub async fn disable_inactive(
    db: &impl ConnectionTrait,
    cutoff: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<Uuid>, PersistenceError> {
    let stale = Entity::find()
        .filter(Column::Status.eq("active"))
        .filter(
            sea_orm::Condition::any().add(Column::LastLoginAt.lt(cutoff)).add(
                sea_orm::Condition::all()
                    .add(Column::LastLoginAt.is_null())
                    .add(Column::CreatedAt.lt(cutoff)),
            ),
        )
        .all(db)
        .await?;
    let ids: Vec<Uuid> = stale.iter().map(|u| u.id).collect();
    if !ids.is_empty() {
        Entity::update_many()
            .col_expr(Column::Status, Expr::value("disabled"))
            .col_expr(Column::TokenVersion, Expr::col(Column::TokenVersion).add(1))
            .col_expr(Column::UpdatedAt, Expr::value(now))
            .filter(Column::Id.is_in(ids.clone()))
            .exec(db)
            .await?;
    }
    Ok(ids)
}

/// A user row's changes with only the id set.
pub fn changes(id: Uuid) -> UserChanges {
    UserChanges {
        id: Set(id),
        ..Default::default()
    }
}

/// Stores the failed-sign-in counters.
pub async fn record_failures(
    db: &impl ConnectionTrait,
    id: Uuid,
    failures: i32,
    window_start: Option<DateTime<Utc>>,
    locked_until: Option<DateTime<Utc>>,
) -> Result<(), PersistenceError> {
    let row = UserChanges {
        id: Set(id),
        failed_logins: Set(failures),
        failed_window_start: Set(window_start),
        locked_until: Set(locked_until),
        ..Default::default()
    };
    update_unguarded(db, row).await
}

/// Clears the failure counters and notes the sign-in time.
pub async fn record_login(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    let row = UserChanges {
        id: Set(id),
        failed_logins: Set(0),
        failed_window_start: Set(None),
        locked_until: Set(None),
        last_login_at: Set(Some(now)),
        ..Default::default()
    };
    update_unguarded(db, row).await
}

/// Stores a new password hash; `must_change` forces a change at the next sign-in.
pub async fn set_password(
    db: &impl ConnectionTrait,
    id: Uuid,
    hash: String,
    must_change: bool,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    let row = UserChanges {
        id: Set(id),
        password_hash: Set(Some(hash)),
        must_change_password: Set(must_change),
        password_changed_at: Set(Some(now)),
        updated_at: Set(now),
        ..Default::default()
    };
    update_unguarded(db, row).await
}

/// A new active user row with defaults for everything not given.
pub fn new_row(
    id: Uuid,
    username: &str,
    name: &str,
    password_hash: Option<String>,
    must_change_password: bool,
    now: DateTime<Utc>,
) -> UserRow {
    UserRow {
        id,
        username: username.to_owned(),
        number: None,
        name: name.to_owned(),
        phone: None,
        email: None,
        id_number: None,
        position: None,
        status: "active".to_owned(),
        clearance: 0,
        password_hash,
        must_change_password,
        token_version: 0,
        failed_logins: 0,
        failed_window_start: None,
        locked_until: None,
        last_login_at: None,
        password_changed_at: None,
        version: 1,
        created_at: now,
        updated_at: now,
    }
}

impl crate::versioned::Versioned for Entity {
    fn version_column() -> Column {
        Column::Version
    }
}

/// Fields of a user to change; `None` leaves a field alone, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct UserEdit {
    pub name: Option<String>,
    pub number: Option<Option<String>>,
    pub phone: Option<Option<String>>,
    pub email: Option<Option<String>>,
    pub id_number: Option<Option<String>>,
    pub position: Option<Option<String>>,
    pub status: Option<String>,
    pub clearance: Option<i16>,
}

impl UserEdit {
    fn into_changes(self, now: DateTime<Utc>) -> UserChanges {
        let mut c = UserChanges {
            updated_at: Set(now),
            ..Default::default()
        };
        if let Some(v) = self.name {
            c.name = Set(v);
        }
        if let Some(v) = self.number {
            c.number = Set(v);
        }
        if let Some(v) = self.phone {
            c.phone = Set(v);
        }
        if let Some(v) = self.email {
            c.email = Set(v);
        }
        if let Some(v) = self.id_number {
            c.id_number = Set(v);
        }
        if let Some(v) = self.position {
            c.position = Set(v);
        }
        if let Some(v) = self.status {
            c.status = Set(v);
        }
        if let Some(v) = self.clearance {
            c.clearance = Set(v);
        }
        c
    }
}

/// Applies `edit` if the user is still at `expected` version, and bumps the version.
pub async fn update_guarded(
    db: &impl ConnectionTrait,
    id: Uuid,
    expected: i32,
    edit: UserEdit,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    let key = Condition::all().add(Column::Id.eq(id));
    crate::versioned::update_guarded(db, key, expected, edit.into_changes(now)).await
}

/// Applies `edit` whatever the version (administrative actions), and bumps the version so that
/// edits based on the old state are refused.
pub async fn update_bumping(
    db: &impl ConnectionTrait,
    id: Uuid,
    edit: UserEdit,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    let result = Entity::update_many()
        .set(edit.into_changes(now))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await?;
    if result.rows_affected == 1 {
        Ok(())
    } else {
        Err(PersistenceError::NotFound)
    }
}

/// The active users among `usernames`, by username (an import naming people by account).
pub async fn active_by_username(
    db: &impl ConnectionTrait,
    usernames: &[String],
) -> Result<BTreeMap<String, Uuid>, PersistenceError> {
    let mut out = BTreeMap::new();
    for chunk in usernames.chunks(500) {
        let found: Vec<(String, Uuid)> = Entity::find()
            .select_only()
            .column(Column::Username)
            .column(Column::Id)
            .filter(Column::Username.is_in(chunk.iter().cloned()))
            .filter(Column::Status.eq("active"))
            .into_tuple()
            .all(db)
            .await?;
        out.extend(found);
    }
    Ok(out)
}
