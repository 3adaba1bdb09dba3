use std::collections::{BTreeMap, BTreeSet};

use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::{department, role, role_assignment, role_permission, user, user_department};

/// A department a user belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub department_id: Uuid,
    pub code: String,
    pub name: String,
    pub is_primary: bool,
}

/// A role a user holds, with its scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldRole {
    pub assignment_id: Uuid,
    pub role_id: Uuid,
    pub code: String,
    pub name: String,
    pub scope_kind: String,
    pub scope_department_id: Option<Uuid>,
}

pub async fn departments_of(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<Vec<Membership>, PersistenceError> {
    let links = user_department::Entity::find()
        .filter(user_department::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    let ids: Vec<Uuid> = links.iter().map(|l| l.department_id).collect();
    let departments = department::Entity::find()
        .filter(department::Column::Id.is_in(ids))
        .all(db)
        .await?;
    let mut out: Vec<Membership> = links
        .iter()
        .filter_map(|link| {
            let d = departments.iter().find(|d| d.id == link.department_id)?;
            Some(Membership {
                department_id: d.id,
                code: d.code.clone(),
                name: d.name.clone(),
                is_primary: link.is_primary,
            })
        })
        .collect();
    out.sort_by(|a, b| b.is_primary.cmp(&a.is_primary).then_with(|| a.code.cmp(&b.code)));
    Ok(out)
}

pub async fn roles_of(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<HeldRole>, PersistenceError> {
    let assignments = role_assignment::Entity::find()
        .filter(role_assignment::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    let ids: Vec<Uuid> = assignments.iter().map(|a| a.role_id).collect();
    let roles = role::Entity::find()
        .filter(role::Column::Id.is_in(ids))
        .all(db)
        .await?;
    let mut out: Vec<HeldRole> = assignments
        .iter()
        .filter_map(|a| {
            let r = roles.iter().find(|r| r.id == a.role_id)?;
            Some(HeldRole {
                assignment_id: a.id,
                role_id: r.id,
                code: r.code.clone(),
                name: r.name.clone(),
                scope_kind: a.scope_kind.clone(),
                scope_department_id: a.scope_department_id,
            })
        })
        .collect();
    out.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(out)
}

/// The departments of many users at once (two queries), primary first, then by code.
pub async fn departments_of_many(
    db: &impl ConnectionTrait,
    user_ids: &[Uuid],
) -> Result<BTreeMap<Uuid, Vec<Membership>>, PersistenceError> {
    if user_ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let links = user_department::Entity::find()
        .filter(user_department::Column::UserId.is_in(user_ids.iter().copied()))
        .all(db)
        .await?;
    let ids: BTreeSet<Uuid> = links.iter().map(|l| l.department_id).collect();
    let departments: BTreeMap<Uuid, department::Model> = department::Entity::find()
        .filter(department::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let mut out: BTreeMap<Uuid, Vec<Membership>> = BTreeMap::new();
    for link in links {
        if let Some(d) = departments.get(&link.department_id) {
            out.entry(link.user_id).or_default().push(Membership {
                department_id: d.id,
                code: d.code.clone(),
                name: d.name.clone(),
                is_primary: link.is_primary,
            });
        }
    }
    for list in out.values_mut() {
        list.sort_by(|a, b| b.is_primary.cmp(&a.is_primary).then_with(|| a.code.cmp(&b.code)));
    }
    Ok(out)
}

/// The roles of many users at once (two queries), by role code.
pub async fn roles_of_many(
    db: &impl ConnectionTrait,
    user_ids: &[Uuid],
) -> Result<BTreeMap<Uuid, Vec<HeldRole>>, PersistenceError> {
    if user_ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let assignments = role_assignment::Entity::find()
        .filter(role_assignment::Column::UserId.is_in(user_ids.iter().copied()))
        .all(db)
        .await?;
    let ids: BTreeSet<Uuid> = assignments.iter().map(|a| a.role_id).collect();
    let roles: BTreeMap<Uuid, role::Model> = role::Entity::find()
        .filter(role::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let mut out: BTreeMap<Uuid, Vec<HeldRole>> = BTreeMap::new();
    for a in assignments {
        if let Some(r) = roles.get(&a.role_id) {
            out.entry(a.user_id).or_default().push(HeldRole {
                assignment_id: a.id,
                role_id: r.id,
                code: r.code.clone(),
                name: r.name.clone(),
                scope_kind: a.scope_kind,
                scope_department_id: a.scope_department_id,
            });
        }
    }
    for list in out.values_mut() {
        list.sort_by(|a, b| a.code.cmp(&b.code));
    }
    Ok(out)
}

/// The permission codes of each of `role_ids`.
pub async fn permissions_of_roles(
    db: &impl ConnectionTrait,
    role_ids: impl IntoIterator<Item = Uuid>,
) -> Result<BTreeMap<Uuid, BTreeSet<String>>, PersistenceError> {
    let ids: BTreeSet<Uuid> = role_ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let mut out: BTreeMap<Uuid, BTreeSet<String>> = BTreeMap::new();
    for row in role_permission::Entity::find()
        .filter(role_permission::Column::RoleId.is_in(ids))
        .all(db)
        .await?
    {
        out.entry(row.role_id).or_default().insert(row.permission);
    }
    Ok(out)
}

/// Replaces the user's departments with `department_ids`, `primary` marked as primary.
pub async fn set_departments(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    department_ids: &[Uuid],
    primary: Uuid,
) -> Result<(), PersistenceError> {
    user_department::Entity::delete_many()
        .filter(user_department::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    let unique: BTreeSet<Uuid> = department_ids.iter().copied().collect();
    if unique.is_empty() {
        return Ok(());
    }
    let rows = unique
        .into_iter()
        .map(|department_id| user_department::ActiveModel {
            user_id: Set(user_id),
            department_id: Set(department_id),
            is_primary: Set(department_id == primary),
        });
    user_department::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Ids of the users with a membership in any of `department_ids`.
pub fn members_of(department_ids: impl IntoIterator<Item = Uuid>) -> SelectStatement {
    Query::select()
        .column(user_department::Column::UserId)
        .from(user_department::Entity)
        .and_where(user_department::Column::DepartmentId.is_in(department_ids))
        .to_owned()
}

/// Ids of the users holding the role.
pub fn holders_of(role_id: Uuid) -> SelectStatement {
    Query::select()
        .column(role_assignment::Column::UserId)
        .from(role_assignment::Entity)
        .and_where(role_assignment::Column::RoleId.eq(role_id))
        .to_owned()
}

pub async fn find_assignment(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<role_assignment::Model>, PersistenceError> {
    Ok(role_assignment::Entity::find_by_id(id).one(db).await?)
}

pub async fn remove_assignment(db: &impl ConnectionTrait, id: Uuid) -> Result<(), PersistenceError> {
    role_assignment::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// How many active users hold the role (in any scope).
pub async fn count_active_holders(db: &impl ConnectionTrait, role_id: Uuid) -> Result<u64, PersistenceError> {
    let active = Query::select()
        .column(user::Column::Id)
        .from(user::Entity)
        .and_where(user::Column::Status.eq("active"))
        .to_owned();
    let holders: BTreeSet<Uuid> = role_assignment::Entity::find()
        .select_only()
        .column(role_assignment::Column::UserId)
        .filter(role_assignment::Column::RoleId.eq(role_id))
        .filter(role_assignment::Column::UserId.in_subquery(active))
        .into_tuple::<Uuid>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(holders.len() as u64)
}
