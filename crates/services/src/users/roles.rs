//! Giving and taking roles, with the separation of duties (三员分立) checked on the user's whole
//! set of roles.

use std::collections::BTreeSet;

use serde::Serialize;
use uuid::Uuid;
use xiaoban_domain::access::Reach;
use xiaoban_domain::access::codes::ROLE_ASSIGN;
use xiaoban_domain::access::{DataScope, check_duties, role_codes};
use xiaoban_domain::identity::UserStatus;
use xiaoban_persistence::identity::roles::{self, RoleRow};
use xiaoban_persistence::identity::users::{self, UserEdit};
use xiaoban_persistence::identity::{departments, memberships};
use xiaoban_persistence::{ConnectionTrait, PersistenceError, begin_write};

use super::UserView;
use super::administrators::{grant_only_on_the_server, is_administrator_role};
use super::load::{audit_json, load_view};
use super::reach::reachable_user;
use super::view::sees_sensitive;
use crate::audit::{self, Change};
use crate::{RequestContext, ServiceError, Services};

/// A role to give, with the records it reaches.
#[derive(Debug, Clone, Serialize)]
pub struct RoleGrant {
    pub role_code: String,
    pub scope: DataScope,
}

/// A grant checked against the database: the role, the scope kind and its department.
pub(super) type ResolvedGrant = (RoleRow, &'static str, Option<Uuid>);

impl Services {
    /// Gives the user a role in a scope. The user's roles together must pass the separation of
    /// duties, else 422 on `roleCode`. Administrator roles are refused: they are granted on the
    /// server (`xiaoban admin grant-role`).
    pub async fn assign_user_role(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        grant: RoleGrant,
    ) -> Result<UserView, ServiceError> {
        let reach = self.authorize(ctx, ROLE_ASSIGN).await?;
        self.refuse_administrator_roles(ctx, Some(id), [grant.role_code.as_str()])
            .await?;
        let tx = begin_write(self.db()).await?;
        reachable_user(&tx, ctx, &reach, id).await?;
        let resolved = resolve_grant(&tx, &grant, "").await?;
        // Under the role's lock, so that an edit cannot make it an administrator role meanwhile.
        roles::lock_shared(&tx, resolved.0.id).await?;
        if is_administrator_role(&tx, resolved.0.id).await? {
            return Err(grant_only_on_the_server(&resolved.0.code));
        }
        check_grant_within_reach(&reach, resolved.1, resolved.2)?;
        self.grant_locked_role(tx, ctx, id, resolved, "roleCode").await
    }

    /// The end of every grant, through the API or on the server, with the role's row already
    /// share-locked by the caller. Locks the user's row (bumping its version) before reading
    /// what the user holds, so concurrent grants to one user run one after the other and each
    /// checks the duties against the others' result (the unique index on assignments is the
    /// last guard against exact duplicates).
    pub(crate) async fn grant_locked_role(
        &self,
        tx: xiaoban_persistence::Tx,
        ctx: &RequestContext,
        id: Uuid,
        (role, kind, department): ResolvedGrant,
        field: &str,
    ) -> Result<UserView, ServiceError> {
        let now = self.now();
        users::update_bumping(&tx, id, UserEdit::default(), now).await?;
        let before = load_view(&tx, id, false).await?;
        let held = memberships::roles_of(&tx, id).await?;
        if held
            .iter()
            .any(|h| h.role_id == role.id && h.scope_kind == kind && h.scope_department_id == department)
        {
            return Err(ServiceError::invalid(
                field,
                "该用户已在此范围内拥有这个角色",
                "the user already holds this role in this scope",
            ));
        }
        let role_ids = held.iter().map(|h| h.role_id).chain([role.id]);
        check_role_set(&tx, role_ids, field).await?;
        roles::assign(&tx, id, role.id, kind, department, now).await?;
        self.finish_role_change(tx, ctx, id, "user.role_assign", before)
            .await
    }

    /// Takes a role assignment away. The last active holder of `sysadmin` keeps it.
    pub async fn remove_user_role(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        assignment_id: Uuid,
    ) -> Result<(), ServiceError> {
        let reach = self.authorize(ctx, ROLE_ASSIGN).await?;
        let tx = begin_write(self.db()).await?;
        let user = reachable_user(&tx, ctx, &reach, id).await?;
        users::update_bumping(&tx, id, UserEdit::default(), self.now()).await?;
        let before = load_view(&tx, id, false).await?;
        let held = before
            .roles
            .iter()
            .find(|r| r.assignment_id == assignment_id)
            .ok_or(ServiceError::NotFound {
                entity: "role assignment",
            })?;
        if held.code == role_codes::SYSADMIN && UserStatus::is_active(&user.status) {
            let role =
                memberships::find_assignment(&tx, assignment_id)
                    .await?
                    .ok_or(ServiceError::NotFound {
                        entity: "role assignment",
                    })?;
            let others_hold_it = before
                .roles
                .iter()
                .filter(|r| r.code == role_codes::SYSADMIN)
                .count()
                > 1;
            if !others_hold_it && memberships::count_active_holders(&tx, role.role_id).await? <= 1 {
                return Err(ServiceError::invalid(
                    "assignmentId",
                    "这是最后一位系统管理员，不能移除其角色",
                    "this is the last system administrator; the role cannot be removed",
                ));
            }
        }
        memberships::remove_assignment(&tx, assignment_id).await?;
        // Without `approval.use` (through another role) they cannot hold approval tasks.
        self.hand_over_tasks_of_unable(&tx, ctx, &[id]).await?;
        self.finish_role_change(tx, ctx, id, "user.role_remove", before)
            .await?;
        Ok(())
    }

    /// Audits a role change of a user whose row the caller locked, and commits.
    async fn finish_role_change(
        &self,
        tx: xiaoban_persistence::Tx,
        ctx: &RequestContext,
        id: Uuid,
        action: &'static str,
        before: UserView,
    ) -> Result<UserView, ServiceError> {
        let now = self.now();
        let after = load_view(&tx, id, false).await?;
        let change = Change::new(action, "user", Some(id.to_string()))
            .before(audit_json(&before)?)
            .after(audit_json(&after)?);
        audit::record(&tx, ctx, now, change).await?;
        let out = load_view(&tx, id, sees_sensitive(ctx)).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(out)
    }
}

/// Looks the role and the scope's department up; errors name fields under `prefix`.
pub(super) async fn resolve_grant(
    db: &impl ConnectionTrait,
    grant: &RoleGrant,
    prefix: &str,
) -> Result<ResolvedGrant, ServiceError> {
    let field = |name: &str| {
        if prefix.is_empty() {
            name.to_owned()
        } else {
            format!("{prefix}.{name}")
        }
    };
    let role = roles::find_by_code(db, &grant.role_code).await?.ok_or_else(|| {
        ServiceError::invalid(
            field("roleCode"),
            format!("没有角色 {}", grant.role_code),
            format!("no role {}", grant.role_code),
        )
    })?;
    let (kind, department) = match grant.scope {
        DataScope::All => ("all", None),
        DataScope::OwnRecords => ("self", None),
        DataScope::Department { department_id } => {
            if departments::find(db, department_id).await?.is_none() {
                return Err(ServiceError::invalid(
                    field("scope.departmentId"),
                    "部门不存在",
                    "no such department",
                ));
            }
            ("department", Some(department_id))
        }
    };
    Ok((role, kind, department))
}

/// The union of the roles' permissions must pass the separation of duties.
pub(super) async fn check_role_set(
    db: &impl ConnectionTrait,
    role_ids: impl IntoIterator<Item = Uuid>,
    field: &str,
) -> Result<(), ServiceError> {
    let permissions: BTreeSet<String> = memberships::permissions_of_roles(db, role_ids)
        .await?
        .into_values()
        .flatten()
        .collect();
    check_duties(permissions.iter().map(String::as_str))
        .map_err(|conflict| ServiceError::invalid(field, conflict.zh(), conflict.to_string()))
}

/// An assigner may hand out only what they reach themselves: someone whose `role.assign` covers a
/// department cannot grant a role over the whole school or over another department.
pub(super) fn check_grant_within_reach(
    reach: &Reach,
    kind: &str,
    department: Option<Uuid>,
) -> Result<(), ServiceError> {
    let Reach::Some { departments, .. } = reach else {
        return Ok(());
    };
    let inside = match (kind, department) {
        ("self", _) => true,
        ("department", Some(d)) => departments.contains(&d),
        _ => false,
    };
    if inside {
        return Ok(());
    }
    Err(ServiceError::invalid(
        "scope",
        "只能在自己管辖的部门范围内分配角色",
        "you may grant roles only within the departments you manage",
    ))
}
