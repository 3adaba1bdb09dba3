//! Administrator accounts are handled only on the server (三员分立 that the API cannot bypass).
//!
//! An administrator is whoever holds an administrative permission (system, security or audit
//! duty), through a built-in or a custom role. Granting such a role, or resetting such an
//! account's password, through the API would let the grantor or resetter learn the password and
//! act as another administrator. Both are done by the operator with the `xiaoban admin` command
//! on the server (`create-user --role`, `grant-role`, `reset-password`, `reset-totp`), always audited.

use uuid::Uuid;
use xiaoban_domain::access::administrative;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::identity::{grants, memberships, roles};

use crate::audit::Change;
use crate::{RequestContext, ServiceError, Services};

/// Whether the user holds an administrative permission through any role.
pub(crate) async fn is_administrator(db: &impl ConnectionTrait, user_id: Uuid) -> Result<bool, ServiceError> {
    Ok(grants::for_user(db, user_id)
        .await?
        .iter()
        .any(|g| !administrative(g.permissions.iter().map(String::as_str)).is_empty()))
}

/// Whether the role holds an administrative permission.
pub(crate) async fn is_administrator_role(
    db: &impl ConnectionTrait,
    role_id: Uuid,
) -> Result<bool, ServiceError> {
    Ok(memberships::permissions_of_roles(db, [role_id])
        .await?
        .values()
        .any(|held| !administrative(held.iter().map(String::as_str)).is_empty()))
}

/// The refusal of an administrator role given through the API.
pub(crate) fn grant_only_on_the_server(role_code: &str) -> ServiceError {
    ServiceError::server_only(
        format!(
            "角色 {role_code} 含有系统、安全或审计管理权限，只能由运维人员在服务器上用 \
             `xiaoban admin create-user --role {role_code}` 或 `xiaoban admin grant-role <用户名> {role_code}` 授予，\
             这样授予者无从得知管理员账号的密码"
        ),
        format!(
            "The role {role_code} carries system, security or audit administration; it is granted only \
             on the server, with `xiaoban admin create-user --role {role_code}` or \
             `xiaoban admin grant-role <username> {role_code}`, so that no grantor knows an administrator's password"
        ),
    )
}

/// The refusal of an administrator's password reset through the API.
pub(crate) fn reset_only_on_the_server() -> ServiceError {
    ServiceError::server_only(
        "管理员账号（持有系统、安全或审计管理权限）的密码只能由运维人员在服务器上用 \
         `xiaoban admin reset-password <用户名>` 重置，以免任何一位管理员得知另一位管理员的密码",
        "An administrator's password (an account with system, security or audit administration) is \
         reset only on the server, with `xiaoban admin reset-password <username>`, so that no \
         administrator learns another administrator's password",
    )
}

/// The refusal of an administrator's two-step verification reset through the API.
pub(crate) fn totp_reset_only_on_the_server() -> ServiceError {
    ServiceError::server_only(
        "管理员账号（持有系统、安全或审计管理权限）的两步验证只能由运维人员在服务器上用 \
         `xiaoban admin reset-totp <用户名>` 重置，以免任何一位管理员绕过另一位管理员的第二重鉴别",
        "An administrator's two-step verification (an account with system, security or audit \
         administration) is reset only on the server, with `xiaoban admin reset-totp <username>`, so \
         that no administrator can get past another administrator's second factor",
    )
}

impl Services {
    /// Records that the API was asked for something only the server does, and returns `refusal`.
    pub(crate) async fn refused_on_the_api(
        &self,
        ctx: &RequestContext,
        user_id: Option<Uuid>,
        refusal: ServiceError,
    ) -> ServiceError {
        let change = Change::new("access.server_only", "user", user_id.map(|id| id.to_string()))
            .after(serde_json::json!({ "reason": refusal.to_string() }));
        if let Err(err) = self.record_event(ctx, change).await {
            tracing::warn!(%err, "could not record a refused request");
        }
        refusal
    }

    /// Refuses administrator roles among `role_codes` before any write begins, with an audit row.
    /// Unknown codes pass here; resolving the grant reports them.
    pub(crate) async fn refuse_administrator_roles<'a>(
        &self,
        ctx: &RequestContext,
        user_id: Option<Uuid>,
        role_codes: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), ServiceError> {
        for code in role_codes {
            if let Some(role) = roles::find_by_code(self.db(), code).await?
                && is_administrator_role(self.db(), role.id).await?
            {
                return Err(self
                    .refused_on_the_api(ctx, user_id, grant_only_on_the_server(code))
                    .await);
            }
        }
        Ok(())
    }
}
