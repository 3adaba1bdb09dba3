//! Who can be an approver: active users, role holders, department heads and names.

use std::collections::BTreeMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::{role, role_assignment, user, user_department};

/// The ids among `ids` of users that exist and are active, in the order given.
pub async fn active_among(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<Vec<Uuid>, PersistenceError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let found: Vec<Uuid> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Id.is_in(ids.iter().copied()))
        .filter(user::Column::Status.eq("active"))
        .into_tuple()
        .all(db)
        .await?;
    let mut out = Vec::new();
    for id in ids {
        if found.contains(id) && !out.contains(id) {
            out.push(*id);
        }
    }
    Ok(out)
}

/// The ids among `ids` of active users who hold `permission` through one of their roles, in the
/// order given: the people who can act on approvals (a disabled account, or the auditor who does
/// not hold `approval.use`, cannot).
pub async fn able_among(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    permission: &str,
) -> Result<Vec<Uuid>, PersistenceError> {
    use crate::entities::role_permission;
    let active = active_among(db, ids).await?;
    if active.is_empty() {
        return Ok(active);
    }
    let roles: Vec<Uuid> = role_permission::Entity::find()
        .select_only()
        .column(role_permission::Column::RoleId)
        .filter(role_permission::Column::Permission.eq(permission))
        .into_tuple()
        .all(db)
        .await?;
    let holders: Vec<Uuid> = role_assignment::Entity::find()
        .select_only()
        .column(role_assignment::Column::UserId)
        .filter(role_assignment::Column::UserId.is_in(active.iter().copied()))
        .filter(role_assignment::Column::RoleId.is_in(roles))
        .into_tuple()
        .all(db)
        .await?;
    Ok(active.into_iter().filter(|id| holders.contains(id)).collect())
}

/// A holder of a role with the assignment's data scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleHolder {
    pub user_id: Uuid,
    pub scope_kind: String,
    pub scope_department_id: Option<Uuid>,
}

/// Active holders of the role with this code; empty when the role does not exist.
pub async fn role_holders(
    db: &impl ConnectionTrait,
    role_code: &str,
) -> Result<Vec<RoleHolder>, PersistenceError> {
    let Some(role) = role::Entity::find()
        .filter(role::Column::Code.eq(role_code))
        .one(db)
        .await?
    else {
        return Ok(Vec::new());
    };
    let assignments = role_assignment::Entity::find()
        .filter(role_assignment::Column::RoleId.eq(role.id))
        .all(db)
        .await?;
    let ids: Vec<Uuid> = assignments.iter().map(|a| a.user_id).collect();
    let active = active_among(db, &ids).await?;
    let mut holders: Vec<RoleHolder> = assignments
        .into_iter()
        .filter(|a| active.contains(&a.user_id))
        .map(|a| RoleHolder {
            user_id: a.user_id,
            scope_kind: a.scope_kind,
            scope_department_id: a.scope_department_id,
        })
        .collect();
    holders.sort_by_key(|h| h.user_id);
    Ok(holders)
}

/// The user's primary department (or any, when none is marked primary).
pub async fn primary_department(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<Option<Uuid>, PersistenceError> {
    let links = user_department::Entity::find()
        .filter(user_department::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    Ok(links
        .iter()
        .find(|l| l.is_primary)
        .or_else(|| links.first())
        .map(|l| l.department_id))
}

/// Display names of users.
pub async fn names(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<BTreeMap<Uuid, String>, PersistenceError> {
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let rows: Vec<(Uuid, String)> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::Name)
        .filter(user::Column::Id.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

/// Active users whose name or username contains `q` (all when empty), by name; at most `limit`.
pub async fn search(
    db: &impl ConnectionTrait,
    q: &str,
    limit: u64,
) -> Result<Vec<(Uuid, String)>, PersistenceError> {
    use sea_orm::QueryOrder;
    let mut select = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::Name)
        .filter(user::Column::Status.eq("active"));
    let searched = [user::Column::Name, user::Column::Username];
    if let Some(any) = crate::paging::keyword_condition(Some(q), &searched) {
        select = select.filter(any);
    }
    Ok(select
        .order_by_asc(user::Column::Name)
        .order_by_asc(user::Column::Id)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?)
}

/// The name of each user's primary department (or any department, when none is primary).
pub async fn department_names(
    db: &impl ConnectionTrait,
    users: &[Uuid],
) -> Result<BTreeMap<Uuid, String>, PersistenceError> {
    use crate::entities::department;
    if users.is_empty() {
        return Ok(BTreeMap::new());
    }
    let links = user_department::Entity::find()
        .filter(user_department::Column::UserId.is_in(users.iter().copied()))
        .all(db)
        .await?;
    let ids: Vec<Uuid> = links.iter().map(|l| l.department_id).collect();
    let names: BTreeMap<Uuid, String> = department::Entity::find()
        .filter(department::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.name))
        .collect();
    let mut out = BTreeMap::new();
    for link in links.iter().filter(|l| l.is_primary).chain(links.iter()) {
        if let Some(name) = names.get(&link.department_id) {
            out.entry(link.user_id).or_insert_with(|| name.clone());
        }
    }
    Ok(out)
}
