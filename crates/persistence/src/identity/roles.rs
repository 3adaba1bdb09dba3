use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
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
