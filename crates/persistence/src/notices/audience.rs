//! The people a notice's audience names: active users, by department membership or role.

use std::collections::BTreeSet;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::{role, role_assignment, user, user_department};

/// An active person of the audience.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: Uuid,
    pub name: String,
    pub number: Option<String>,
}

/// Every active user, by name.
pub async fn everyone(db: &impl ConnectionTrait) -> Result<Vec<Member>, PersistenceError> {
    active_users(db, None).await
}

/// Active members of any of `departments` (already expanded to their sub-departments).
pub async fn in_departments(
    db: &impl ConnectionTrait,
    departments: &BTreeSet<Uuid>,
) -> Result<Vec<Member>, PersistenceError> {
    let ids: Vec<Uuid> = user_department::Entity::find()
        .select_only()
        .column(user_department::Column::UserId)
        .filter(user_department::Column::DepartmentId.is_in(departments.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    active_users(db, Some(ids)).await
}

/// Active holders of any of the roles with these codes.
pub async fn holding_roles(
    db: &impl ConnectionTrait,
    codes: &BTreeSet<String>,
) -> Result<Vec<Member>, PersistenceError> {
    let roles: Vec<Uuid> = role::Entity::find()
        .select_only()
        .column(role::Column::Id)
        .filter(role::Column::Code.is_in(codes.iter().cloned()))
        .into_tuple()
        .all(db)
        .await?;
    let ids: Vec<Uuid> = role_assignment::Entity::find()
        .select_only()
        .column(role_assignment::Column::UserId)
        .filter(role_assignment::Column::RoleId.is_in(roles))
        .into_tuple()
        .all(db)
        .await?;
    active_users(db, Some(ids)).await
}

async fn active_users(
    db: &impl ConnectionTrait,
    among: Option<Vec<Uuid>>,
) -> Result<Vec<Member>, PersistenceError> {
    let mut select = user::Entity::find().filter(user::Column::Status.eq("active"));
    if let Some(ids) = among {
        let unique: BTreeSet<Uuid> = ids.into_iter().collect();
        select = select.filter(user::Column::Id.is_in(unique));
    }
    let rows: Vec<(Uuid, String, Option<String>)> = select
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::Name)
        .column(user::Column::Number)
        .order_by_asc(user::Column::Name)
        .order_by_asc(user::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, number)| Member { id, name, number })
        .collect())
}
