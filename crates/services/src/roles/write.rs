//! Creating, editing and deleting custom roles.

use std::collections::BTreeSet;

use serde::Serialize;
use uuid::Uuid;
use xiaoban_domain::access::administrative;
use xiaoban_domain::access::codes::{APPROVAL_USE, ROLE_MANAGE};
use xiaoban_persistence::identity::roles::{self, RoleRow};
use xiaoban_persistence::{PersistenceError, begin_write};

use super::{RoleBook, RoleView, check_role_permissions, role_view};
use crate::audit::{self, Change};
use crate::idempotency::Created;
use crate::{RequestContext, ServiceError, Services};

/// A custom role to create.
#[derive(Debug, Clone, Serialize)]
pub struct NewRole {
    pub code: String,
    pub name: String,
    pub description: Option<String>,
    pub permissions: BTreeSet<String>,
}

/// Changes to a role; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct RolePatch {
    pub name: Option<String>,
    pub description: Option<String>,
    pub permissions: Option<BTreeSet<String>>,
}

/// Role codes are snake_case: a lowercase letter, then lowercase letters, digits or `_`; 2–64.
fn check_code(code: &str) -> Result<(), ServiceError> {
    let ok = (2..=64).contains(&code.len())
        && code.starts_with(|c: char| c.is_ascii_lowercase())
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(ServiceError::invalid(
            "code",
            "角色编码须为 2 到 64 个字符，以小写字母开头，只含小写字母、数字和下划线",
            "must be 2 to 64 characters: a lowercase letter, then lowercase letters, digits or _",
        ))
    }
}

/// Giving a held role an administrative permission through the API would make its holders
/// administrators without the server (see `users::administrators`).
fn administration_added_to_a_held_role(holders: u64, added: &BTreeSet<&str>) -> ServiceError {
    let codes = added.iter().copied().collect::<Vec<_>>().join("、");
    ServiceError::invalid(
        "permissions",
        format!(
            "已有 {holders} 名用户持有该角色，不能通过接口为其增加管理权限（{codes}）：含管理权限的角色只能在服务器上授予。\
             请另建角色，由运维人员在服务器上用 `xiaoban admin grant-role` 授予"
        ),
        format!(
            "{holders} user(s) hold this role, so it cannot gain administrative permissions ({codes}) through the API: \
             administrator roles are granted only on the server. Create another role and have it granted with \
             `xiaoban admin grant-role` on the server"
        ),
    )
}

fn as_strs(set: &BTreeSet<String>) -> Vec<&str> {
    set.iter().map(String::as_str).collect()
}

impl Services {
    /// Creates a custom role. Its permissions must be known and pass the separation of duties.
    pub async fn create_role(
        &self,
        ctx: &RequestContext,
        input: NewRole,
    ) -> Result<Created<RoleView>, ServiceError> {
        self.authorize(ctx, ROLE_MANAGE).await?;
        check_code(&input.code)?;
        check_role_permissions(&input.permissions)?;
        let now = self.now();
        let fields = input.clone();
        let ctx_owned = ctx.clone();
        self.create_once(ctx, "role.create", &input, move |tx| {
            Box::pin(async move {
                if roles::find_by_code(tx, &fields.code).await?.is_some() {
                    return Err(ServiceError::Conflict {
                        zh: format!("角色编码 {} 已存在", fields.code),
                        en: format!("a role with code {} exists already", fields.code),
                    });
                }
                let id = Uuid::now_v7();
                let row = RoleRow {
                    id,
                    code: fields.code,
                    name: fields.name,
                    description: fields.description.unwrap_or_default(),
                    builtin: false,
                    version: 1,
                    created_at: now,
                    updated_at: now,
                };
                roles::insert(tx, row).await?;
                roles::set_permissions(tx, id, &as_strs(&fields.permissions)).await?;
                let view = role_view(tx, id).await?;
                let change =
                    Change::new("role.create", "role", Some(id.to_string())).after(view.audit_json());
                audit::record(tx, &ctx_owned, now, change).await?;
                Ok(view)
            })
        })
        .await
    }

    /// Edits a role at `expected` version. Built-in roles keep their name and permissions (both
    /// come from the code at every start); only their description may change. New permissions of
    /// a custom role must keep every holder within the separation of duties.
    pub async fn update_role(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        expected: i32,
        patch: RolePatch,
    ) -> Result<RoleView, ServiceError> {
        self.authorize(ctx, ROLE_MANAGE).await?;
        if let Some(permissions) = &patch.permissions {
            check_role_permissions(permissions)?;
        }
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let before = role_view(&tx, id).await?;
        // The guarded update comes first: it locks the row, so grants of the role in flight
        // finish before the holders are read, and new ones wait for this edit.
        roles::update_guarded(
            &tx,
            id,
            expected,
            patch.name.clone(),
            patch.description.clone(),
            now,
        )
        .await?;
        let book = RoleBook::load(&tx).await?;
        let row = book
            .rows
            .iter()
            .find(|r| r.id == id)
            .ok_or(ServiceError::NotFound { entity: "role" })?;
        if row.builtin {
            let field = match (&patch.name, &patch.permissions) {
                (_, Some(_)) => Some("permissions"),
                (Some(_), None) => Some("name"),
                (None, None) => None,
            };
            if let Some(field) = field {
                return Err(ServiceError::invalid(
                    field,
                    "内置角色的名称和权限由系统维护，不能修改；如需不同的权限组合，请新建自定义角色",
                    "built-in roles keep their name and permissions; create a custom role for a different set",
                ));
            }
        }
        let holders = book.view(row).holders;
        if let Some(permissions) = &patch.permissions
            && holders > 0
        {
            let had: BTreeSet<String> = before.permissions.iter().cloned().collect();
            let added = administrative(permissions.difference(&had).map(String::as_str));
            if !added.is_empty() {
                return Err(administration_added_to_a_held_role(holders, &added));
            }
        }
        if let Some(permissions) = &patch.permissions
            && let Some((conflict, count)) = book.holders_conflict(id, permissions)
        {
            return Err(ServiceError::invalid(
                "permissions",
                format!(
                    "修改后有 {count} 名持有该角色的用户将违反三员分立：{}",
                    conflict.zh()
                ),
                format!("{count} holder(s) of the role would break the separation of duties: {conflict}"),
            ));
        }
        if let Some(permissions) = &patch.permissions {
            roles::set_permissions(&tx, id, &as_strs(permissions)).await?;
            // Holders who lost `approval.use` with it (and hold it through no other role) cannot
            // keep open approval tasks.
            if before.permissions.iter().any(|p| p == APPROVAL_USE) && !permissions.contains(APPROVAL_USE) {
                let holding: Vec<Uuid> = book
                    .held
                    .iter()
                    .filter(|(_, held)| held.contains(&id))
                    .map(|(user, _)| *user)
                    .collect();
                self.hand_over_tasks_of_unable(&tx, ctx, &holding).await?;
            }
        }
        let after = role_view(&tx, id).await?;
        let change = Change::new("role.update", "role", Some(id.to_string()))
            .before(before.audit_json())
            .after(after.audit_json());
        audit::record(&tx, ctx, now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(after)
    }

    /// Deletes a custom role that nobody holds.
    pub async fn delete_role(&self, ctx: &RequestContext, id: Uuid) -> Result<(), ServiceError> {
        self.authorize(ctx, ROLE_MANAGE).await?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let book = RoleBook::load(&tx).await?;
        let row = book
            .rows
            .iter()
            .find(|r| r.id == id)
            .ok_or(ServiceError::NotFound { entity: "role" })?;
        let view = book.view(row);
        if view.builtin {
            return Err(ServiceError::Conflict {
                zh: "内置角色不能删除".to_owned(),
                en: "built-in roles cannot be deleted".to_owned(),
            });
        }
        if view.holders > 0 {
            return Err(ServiceError::Conflict {
                zh: format!("仍有 {} 名用户持有该角色，请先收回后再删除", view.holders),
                en: format!("{} user(s) still hold the role; take it back first", view.holders),
            });
        }
        roles::delete(&tx, id).await?;
        let change = Change::new("role.delete", "role", Some(id.to_string())).before(view.audit_json());
        audit::record(&tx, ctx, now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(())
    }
}
