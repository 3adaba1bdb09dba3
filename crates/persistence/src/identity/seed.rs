//! Plain inserts for bulk creation (the demo school, roster imports): no checks beyond the
//! schema's; callers validate first.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::{department, user_department};

pub async fn insert_department(
    db: &impl ConnectionTrait,
    id: Uuid,
    code: &str,
    name: &str,
    parent_id: Option<Uuid>,
    sort_order: i32,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    let row = department::ActiveModel {
        id: Set(id),
        code: Set(code.to_owned()),
        name: Set(name.to_owned()),
        parent_id: Set(parent_id),
        head_user_id: Set(None),
        leader_user_id: Set(None),
        sort_order: Set(sort_order),
        active: Set(true),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    department::Entity::insert(row).exec_without_returning(db).await?;
    Ok(())
}

pub async fn set_department_head(
    db: &impl ConnectionTrait,
    id: Uuid,
    head: Uuid,
) -> Result<(), PersistenceError> {
    let row = department::ActiveModel {
        id: Set(id),
        head_user_id: Set(Some(head)),
        ..Default::default()
    };
    department::Entity::update(row).exec(db).await?;
    Ok(())
}

/// Names the leader in charge (分管校领导) of a department.
pub async fn set_department_leader(
    db: &impl ConnectionTrait,
    id: Uuid,
    leader: Uuid,
) -> Result<(), PersistenceError> {
    let row = department::ActiveModel {
        id: Set(id),
        leader_user_id: Set(Some(leader)),
        ..Default::default()
    };
    department::Entity::update(row).exec(db).await?;
    Ok(())
}

pub async fn add_membership(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    department_id: Uuid,
    is_primary: bool,
) -> Result<(), PersistenceError> {
    let row = user_department::ActiveModel {
        user_id: Set(user_id),
        department_id: Set(department_id),
        is_primary: Set(is_primary),
    };
    user_department::Entity::insert(row)
        .exec_without_returning(db)
        .await?;
    Ok(())
}
