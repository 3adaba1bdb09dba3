//! Data scope for users: a user record belongs to the user's departments and is owned by the
//! user. Records out of the caller's reach do not exist for them (404).

use uuid::Uuid;
use xiaoban_domain::access::Reach;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::identity::memberships;
use xiaoban_persistence::identity::users::{self, UserRow};

use crate::{RequestContext, ServiceError};

/// The caller's id, or nil for the system (which reaches everything anyway).
pub(crate) fn me(ctx: &RequestContext) -> Uuid {
    ctx.actor.principal().map_or(Uuid::nil(), |p| p.id)
}

/// The user `id` if `reach` covers them, else `NotFound`.
pub(crate) async fn reachable_user(
    db: &impl ConnectionTrait,
    ctx: &RequestContext,
    reach: &Reach,
    id: Uuid,
) -> Result<UserRow, ServiceError> {
    let not_found = ServiceError::NotFound { entity: "user" };
    let user = users::find(db, id).await?.ok_or(not_found)?;
    if matches!(reach, Reach::All) {
        return Ok(user);
    }
    let departments: Vec<Uuid> = memberships::departments_of(db, id)
        .await?
        .into_iter()
        .map(|m| m.department_id)
        .collect();
    if reach.allows(&departments, Some(user.id), me(ctx)) {
        Ok(user)
    } else {
        Err(ServiceError::NotFound { entity: "user" })
    }
}

/// Refuses departments outside a department-scoped reach (a writer may only place users in
/// departments they manage).
pub(crate) fn check_departments_in_reach(reach: &Reach, departments: &[Uuid]) -> Result<(), ServiceError> {
    match reach {
        Reach::All => Ok(()),
        Reach::Some {
            departments: mine, ..
        } if departments.iter().all(|d| mine.contains(d)) => Ok(()),
        Reach::Some { .. } => Err(ServiceError::invalid(
            "departmentIds",
            "只能把用户放在您管理范围内的部门",
            "every department must be within your reach",
        )),
    }
}
