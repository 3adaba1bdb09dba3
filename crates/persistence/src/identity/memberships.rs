use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::{department, role, role_assignment, user_department};

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
