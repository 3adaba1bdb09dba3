use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::{role, role_assignment, role_permission};

pub use role::Model as RoleRow;

pub async fn find_by_code(
    db: &impl ConnectionTrait,
    code: &str,
) -> Result<Option<RoleRow>, PersistenceError> {
    Ok(role::Entity::find()
        .filter(role::Column::Code.eq(code))
        .one(db)
        .await?)
}

/// Creates a built-in role, or brings an existing one's name and permissions in line with the
/// code's definition.
pub async fn sync_builtin(
    db: &impl ConnectionTrait,
    code: &str,
    name: &str,
    permissions: &[&str],
    now: DateTime<Utc>,
) -> Result<Uuid, PersistenceError> {
    let id = match find_by_code(db, code).await? {
        Some(existing) => {
            let changes = role::ActiveModel {
                id: Set(existing.id),
                name: Set(name.to_owned()),
                ..Default::default()
            };
            role::Entity::update(changes).exec(db).await?;
            existing.id
        }
        None => {
            let id = Uuid::now_v7();
            let row = role::ActiveModel {
                id: Set(id),
                code: Set(code.to_owned()),
                name: Set(name.to_owned()),
                description: Set(String::new()),
                builtin: Set(true),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
            };
            role::Entity::insert(row).exec_without_returning(db).await?;
            id
        }
    };
    set_permissions(db, id, permissions).await?;
    Ok(id)
}

pub async fn set_permissions(
    db: &impl ConnectionTrait,
    role_id: Uuid,
    permissions: &[&str],
) -> Result<(), PersistenceError> {
    role_permission::Entity::delete_many()
        .filter(role_permission::Column::RoleId.eq(role_id))
        .exec(db)
        .await?;
    if permissions.is_empty() {
        return Ok(());
    }
    let rows = permissions.iter().map(|p| role_permission::ActiveModel {
        role_id: Set(role_id),
        permission: Set((*p).to_owned()),
    });
    role_permission::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

pub async fn assign(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    role_id: Uuid,
    scope_kind: &str,
    scope_department_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Uuid, PersistenceError> {
    let id = Uuid::now_v7();
    let row = role_assignment::ActiveModel {
        id: Set(id),
        user_id: Set(user_id),
        role_id: Set(role_id),
        scope_kind: Set(scope_kind.to_owned()),
        scope_department_id: Set(scope_department_id),
        created_at: Set(now),
    };
    role_assignment::Entity::insert(row)
        .exec_without_returning(db)
        .await?;
    Ok(id)
}

/// Holds the role row with a shared lock until the transaction ends (PostgreSQL; SQLite's write
/// transaction already excludes everyone): grants of a role wait for an edit of its permissions,
/// and an edit waits for the grants in flight.
pub async fn lock_shared(db: &impl ConnectionTrait, id: Uuid) -> Result<(), PersistenceError> {
    role::Entity::find_by_id(id).lock_shared().one(db).await?;
    Ok(())
}

impl crate::versioned::Versioned for role::Entity {
    fn version_column() -> role::Column {
        role::Column::Version
    }
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<RoleRow>, PersistenceError> {
    Ok(role::Entity::find_by_id(id).one(db).await?)
}

/// Every role, built-in ones first, then by code.
pub async fn list_all(db: &impl ConnectionTrait) -> Result<Vec<RoleRow>, PersistenceError> {
    let mut rows = role::Entity::find().all(db).await?;
    rows.sort_by(|a, b| b.builtin.cmp(&a.builtin).then_with(|| a.code.cmp(&b.code)));
    Ok(rows)
}

/// The permission codes of every role.
pub async fn all_permissions(
    db: &impl ConnectionTrait,
) -> Result<BTreeMap<Uuid, BTreeSet<String>>, PersistenceError> {
    let mut out: BTreeMap<Uuid, BTreeSet<String>> = BTreeMap::new();
    for row in role_permission::Entity::find().all(db).await? {
        out.entry(row.role_id).or_default().insert(row.permission);
    }
    Ok(out)
}

/// Every assignment as (user, role), for holder counts and duty checks over holders.
pub async fn assignment_pairs(db: &impl ConnectionTrait) -> Result<Vec<(Uuid, Uuid)>, PersistenceError> {
    Ok(role_assignment::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.user_id, a.role_id))
        .collect())
}

/// Inserts a custom role (version 1).
pub async fn insert(db: &impl ConnectionTrait, row: RoleRow) -> Result<(), PersistenceError> {
    role::Entity::insert(role::ActiveModel::from(row))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Changes name and description of a role at `expected` version, bumping it.
pub async fn update_guarded(
    db: &impl ConnectionTrait,
    id: Uuid,
    expected: i32,
    name: Option<String>,
    description: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    let mut changes = role::ActiveModel {
        updated_at: Set(now),
        ..Default::default()
    };
    if let Some(name) = name {
        changes.name = Set(name);
    }
    if let Some(description) = description {
        changes.description = Set(description);
    }
    let key = sea_orm::Condition::all().add(role::Column::Id.eq(id));
    crate::versioned::update_guarded(db, key, expected, changes).await
}

/// Deletes a role (its permissions go with it by cascade; deleted here too for SQLite without
/// foreign-key enforcement).
pub async fn delete(db: &impl ConnectionTrait, id: Uuid) -> Result<(), PersistenceError> {
    role_permission::Entity::delete_many()
        .filter(role_permission::Column::RoleId.eq(id))
        .exec(db)
        .await?;
    role::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}
