//! Creating a user with departments, roles and an initial password.

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use xiaoban_domain::access::codes::{ROLE_ASSIGN, USER_MANAGE};
use xiaoban_domain::identity::Username;
use xiaoban_persistence::identity::{memberships, users};

use super::UserView;
use super::administrators::{grant_only_on_the_server, is_administrator_role};
use super::load::{audit_json, load_view};
use super::reach::check_departments_in_reach;
use super::roles::{RoleGrant, check_grant_within_reach, check_role_set, resolve_grant};
use super::update::{check_departments, optional, required_name};
use super::view::sees_sensitive;
use crate::audit::{self, Change};
use crate::auth::random_password;
use crate::idempotency::Created;
use crate::{FieldIssue, RequestContext, ServiceError, Services};

/// A user to create. The password, if given, is left out of the idempotency fingerprint (only
/// whether one was given counts), so no hash of it is stored.
#[derive(Debug, Clone, Serialize)]
pub struct NewUser {
    pub username: String,
    pub name: String,
    pub number: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub id_number: Option<String>,
    pub position: Option<String>,
    pub department_ids: Vec<Uuid>,
    pub primary_department_id: Uuid,
    #[serde(skip_serializing)]
    pub password: Option<String>,
    pub password_given: bool,
    pub roles: Vec<RoleGrant>,
}

/// The new user, and the generated initial password (only on the first answer, never on an
/// idempotent replay, and never stored).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CreatedUser {
    pub user: UserView,
    #[serde(skip_serializing, default)]
    pub initial_password: Option<String>,
}

impl Services {
    /// Creates a user who must change the password at first sign-in. Needs `user.manage`, and
    /// `role.assign` when roles are given; the roles together must respect the separation of
    /// duties (三员分立), and none may be an administrator role (those are granted on the server).
    pub async fn create_user(
        &self,
        ctx: &RequestContext,
        input: NewUser,
    ) -> Result<Created<CreatedUser>, ServiceError> {
        let reach = self.authorize(ctx, USER_MANAGE).await?;
        let assign_reach = if input.roles.is_empty() {
            None
        } else {
            Some(self.authorize(ctx, ROLE_ASSIGN).await?)
        };
        self.refuse_administrator_roles(ctx, None, input.roles.iter().map(|r| r.role_code.as_str()))
            .await?;
        let username = Username::parse(&input.username)
            .map_err(|p| ServiceError::invalid("username", p.zh(), p.to_string()))?;
        let name = required_name(&input.name)?;
        check_departments(&input.department_ids, input.primary_department_id)?;
        check_departments_in_reach(&reach, &input.department_ids)?;
        let generated = input.password.is_none();
        let password = input.password.clone().unwrap_or_else(random_password);
        self.check_password_policy(&password, username.as_str(), &name, "")
            .await
            .map_err(|err| rename_field(err, "password"))?;
        let hash = self.auth_settings().hashing.hash(password.clone()).await?;
        let now = self.now();
        let sees_all = sees_sensitive(ctx);
        let audit_ctx = ctx.clone();
        let fields = input.clone();
        let outcome = self
            .create_once(ctx, "user.create", &input, move |tx| {
                Box::pin(async move {
                    super::update::check_departments_exist(tx, &fields.department_ids).await?;
                    let mut grants = Vec::new();
                    for (i, grant) in fields.roles.iter().enumerate() {
                        let resolved = resolve_grant(tx, grant, &format!("roles[{i}]")).await?;
                        if is_administrator_role(tx, resolved.0.id).await? {
                            return Err(grant_only_on_the_server(&resolved.0.code));
                        }
                        if let Some(assign_reach) = &assign_reach {
                            check_grant_within_reach(assign_reach, resolved.1, resolved.2)?;
                        }
                        grants.push(resolved);
                    }
                    check_role_set(tx, grants.iter().map(|g| g.0.id), "roles").await?;
                    let id = Uuid::now_v7();
                    let mut row = users::new_row(id, username.as_str(), &name, Some(hash), true, now);
                    row.number = optional(fields.number);
                    row.phone = optional(fields.phone);
                    row.email = optional(fields.email);
                    row.id_number = optional(fields.id_number);
                    row.position = optional(fields.position);
                    users::insert(tx, row).await?;
                    memberships::set_departments(
                        tx,
                        id,
                        &fields.department_ids,
                        fields.primary_department_id,
                    )
                    .await?;
                    for (role, kind, department) in &grants {
                        xiaoban_persistence::identity::roles::assign(tx, id, role.id, kind, *department, now)
                            .await?;
                    }
                    let change = Change::new("user.create", "user", Some(id.to_string()))
                        .after(audit_json(&load_view(tx, id, false).await?)?);
                    audit::record(tx, &audit_ctx, now, change).await?;
                    Ok(CreatedUser {
                        user: load_view(tx, id, sees_all).await?,
                        initial_password: None,
                    })
                })
            })
            .await?;
        Ok(match outcome {
            Created::Fresh(mut created) => {
                created.initial_password = generated.then_some(password);
                Created::Fresh(created)
            }
            replay => replay,
        })
    }
}

/// Moves the password policy's issues (named for `/me/password`) to `field`.
fn rename_field(err: ServiceError, field: &str) -> ServiceError {
    match err {
        ServiceError::Invalid(issues) => ServiceError::Invalid(
            issues
                .into_iter()
                .map(|i| FieldIssue::new(field, i.zh, i.en))
                .collect(),
        ),
        other => other,
    }
}
