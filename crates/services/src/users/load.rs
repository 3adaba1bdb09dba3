//! Building user views from the database, one or a page at a time, inside any connection or
//! transaction.

use std::collections::BTreeSet;

use uuid::Uuid;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::identity::memberships;
use xiaoban_persistence::identity::users::{self, UserRow};

use super::UserView;
use super::view::build_view;
use crate::ServiceError;

/// Views of `rows` in their order, with five queries whatever the number of rows.
pub(crate) async fn load_views(
    db: &impl ConnectionTrait,
    rows: Vec<UserRow>,
    sees_all: bool,
) -> Result<Vec<UserView>, ServiceError> {
    let ids: Vec<Uuid> = rows.iter().map(|u| u.id).collect();
    let mut departments = memberships::departments_of_many(db, &ids).await?;
    let mut roles = memberships::roles_of_many(db, &ids).await?;
    let role_ids: BTreeSet<Uuid> = roles.values().flatten().map(|r| r.role_id).collect();
    let permissions = memberships::permissions_of_roles(db, role_ids).await?;
    Ok(rows
        .into_iter()
        .map(|user| {
            let held = roles.remove(&user.id).unwrap_or_default();
            let perms: BTreeSet<String> = held
                .iter()
                .filter_map(|r| permissions.get(&r.role_id))
                .flatten()
                .cloned()
                .collect();
            let depts = departments.remove(&user.id).unwrap_or_default();
            build_view(user, depts, held, perms, sees_all)
        })
        .collect())
}

/// One user's view, or `NotFound`.
pub(crate) async fn load_view(
    db: &impl ConnectionTrait,
    id: Uuid,
    sees_all: bool,
) -> Result<UserView, ServiceError> {
    let user = users::find(db, id)
        .await?
        .ok_or(ServiceError::NotFound { entity: "user" })?;
    let mut views = load_views(db, vec![user], sees_all).await?;
    views.pop().ok_or(ServiceError::NotFound { entity: "user" })
}

/// A view as JSON for the audit log: phone and ID numbers always masked.
pub(crate) fn audit_json(view: &UserView) -> Result<serde_json::Value, ServiceError> {
    serde_json::to_value(view).map_err(|e| ServiceError::Internal(e.to_string()))
}
