use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use xiaoban_domain::access::codes::USER_VIEW_SENSITIVE;
use xiaoban_domain::access::{DataScope, Grant};
use xiaoban_domain::identity::{mask_id_number, mask_phone};
use xiaoban_persistence::identity::memberships::{HeldRole, Membership};
use xiaoban_persistence::identity::{grants, users};

use crate::{Principal, PrincipalKind, RequestContext, ServiceError, Services};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDepartment {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub primary: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRole {
    pub assignment_id: Uuid,
    pub code: String,
    pub name: String,
    pub scope: DataScope,
}

/// A user with departments, roles and effective permissions. Phone and ID numbers are masked
/// unless the viewer may see them in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserView {
    pub id: Uuid,
    pub username: String,
    pub number: Option<String>,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub id_number: Option<String>,
    pub position: Option<String>,
    pub status: String,
    pub clearance: i16,
    pub must_change_password: bool,
    pub locked_until: Option<DateTime<Utc>>,
    pub last_login_at: Option<DateTime<Utc>>,
    pub departments: Vec<UserDepartment>,
    pub roles: Vec<UserRole>,
    pub permissions: BTreeSet<String>,
    pub version: i32,
}

pub(crate) fn scope_of(kind: &str, department: Option<Uuid>) -> DataScope {
    match (kind, department) {
        ("all", _) => DataScope::All,
        ("department", Some(department_id)) => DataScope::Department { department_id },
        _ => DataScope::OwnRecords,
    }
}

impl Services {
    /// A user as `viewer` may see them.
    pub async fn user_view(&self, id: Uuid, viewer: &RequestContext) -> Result<UserView, ServiceError> {
        super::load::load_view(self.db(), id, sees_sensitive(viewer)).await
    }

    /// The principal a user acts as, with grants from their role assignments.
    pub async fn principal_for_user(&self, user: &users::UserRow) -> Result<Principal, ServiceError> {
        let stored = grants::for_user(self.db(), user.id).await?;
        let totp_enrolment_required = self.totp_enrolment_required(user.id, &stored).await?;
        let grants = stored
            .into_iter()
            .map(|g| Grant {
                permissions: g.permissions,
                scope: scope_of(&g.scope_kind, g.scope_department_id),
            })
            .collect();
        Ok(Principal {
            kind: PrincipalKind::User,
            id: user.id,
            name: user.username.clone(),
            grants,
            must_change_password: user.must_change_password,
            totp_enrolment_required,
            clearance: user.clearance,
        })
    }
}

/// Whether the viewer may see phone and ID numbers in full.
pub(crate) fn sees_sensitive(viewer: &RequestContext) -> bool {
    match &viewer.actor {
        crate::Actor::System => true,
        crate::Actor::Principal(p) => p.has(USER_VIEW_SENSITIVE),
        crate::Actor::Anonymous => false,
    }
}

/// Assembles a view from loaded parts, masking phone and ID numbers unless `sees_all`.
pub(crate) fn build_view(
    user: users::UserRow,
    departments: Vec<Membership>,
    roles: Vec<HeldRole>,
    permissions: BTreeSet<String>,
    sees_all: bool,
) -> UserView {
    let reveal =
        |value: Option<String>, mask: fn(&str) -> String| value.map(|v| if sees_all { v } else { mask(&v) });
    UserView {
        id: user.id,
        username: user.username,
        number: user.number,
        name: user.name,
        phone: reveal(user.phone, mask_phone),
        email: user.email,
        id_number: reveal(user.id_number, mask_id_number),
        position: user.position,
        status: user.status,
        clearance: user.clearance,
        must_change_password: user.must_change_password,
        locked_until: user.locked_until,
        last_login_at: user.last_login_at,
        departments: departments
            .into_iter()
            .map(|d| UserDepartment {
                id: d.department_id,
                code: d.code,
                name: d.name,
                primary: d.is_primary,
            })
            .collect(),
        roles: roles.into_iter().map(role_out).collect(),
        permissions,
        version: user.version,
    }
}

fn role_out(role: HeldRole) -> UserRole {
    UserRole {
        assignment_id: role.assignment_id,
        code: role.code,
        name: role.name,
        scope: scope_of(&role.scope_kind, role.scope_department_id),
    }
}
