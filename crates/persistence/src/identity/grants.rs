use std::collections::{BTreeMap, BTreeSet};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::{role_assignment, role_permission};

/// One role assignment of a user with the role's permissions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredGrant {
    pub role_id: Uuid,
    pub permissions: BTreeSet<String>,
    pub scope_kind: String,
    pub scope_department_id: Option<Uuid>,
}

/// All grants of a user, in two queries.
pub async fn for_user(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<Vec<StoredGrant>, PersistenceError> {
    let assignments = role_assignment::Entity::find()
        .filter(role_assignment::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    if assignments.is_empty() {
        return Ok(Vec::new());
    }
    let role_ids: Vec<Uuid> = assignments.iter().map(|a| a.role_id).collect();
    let mut by_role: BTreeMap<Uuid, BTreeSet<String>> = BTreeMap::new();
    for row in role_permission::Entity::find()
        .filter(role_permission::Column::RoleId.is_in(role_ids))
        .all(db)
        .await?
    {
        by_role.entry(row.role_id).or_default().insert(row.permission);
    }
    Ok(assignments
        .into_iter()
        .map(|a| StoredGrant {
            role_id: a.role_id,
            permissions: by_role.get(&a.role_id).cloned().unwrap_or_default(),
            scope_kind: a.scope_kind,
            scope_department_id: a.scope_department_id,
        })
        .collect())
}
