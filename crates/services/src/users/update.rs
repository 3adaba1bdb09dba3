//! Editing a user's profile and departments (version-guarded).

use std::collections::BTreeSet;

use uuid::Uuid;
use xiaoban_domain::access::codes::USER_MANAGE;
use xiaoban_persistence::identity::users::{self, UserEdit};
use xiaoban_persistence::identity::{departments, memberships};
use xiaoban_persistence::{ConnectionTrait, PersistenceError, begin_write};

use super::UserView;
use super::load::{audit_json, load_view};
use super::reach::{check_departments_in_reach, reachable_user};
use super::view::sees_sensitive;
use crate::audit::{self, Change};
use crate::{RequestContext, ServiceError, Services};

/// Changes to a user; `None` leaves a field alone, `Some(None)` (or a blank string) clears it.
#[derive(Debug, Clone, Default)]
pub struct UserPatch {
    pub name: Option<String>,
    pub number: Option<Option<String>>,
    pub phone: Option<Option<String>>,
    pub email: Option<Option<String>>,
    pub id_number: Option<Option<String>>,
    pub position: Option<Option<String>>,
    pub department_ids: Option<Vec<Uuid>>,
    pub primary_department_id: Option<Uuid>,
}

impl Services {
    /// Edits a user that is still at `expected_version` and within the caller's `user.manage`
    /// reach. New departments must be within that reach too.
    pub async fn update_user(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        expected_version: i32,
        patch: UserPatch,
    ) -> Result<UserView, ServiceError> {
        let reach = self.authorize(ctx, USER_MANAGE).await?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        reachable_user(&tx, ctx, &reach, id).await?;
        let before = load_view(&tx, id, false).await?;
        let edit = UserEdit {
            name: patch.name.as_deref().map(required_name).transpose()?,
            number: patch.number.map(optional),
            phone: patch.phone.map(optional),
            email: patch.email.map(optional),
            id_number: patch.id_number.map(optional),
            position: patch.position.map(optional),
            ..Default::default()
        };
        let new_departments = match (patch.department_ids, patch.primary_department_id) {
            (None, None) => None,
            (ids, primary) => {
                let ids = ids.unwrap_or_else(|| before.departments.iter().map(|d| d.id).collect());
                let current_primary = before.departments.iter().find(|d| d.primary).map(|d| d.id);
                let primary = primary
                    .or(current_primary.filter(|p| ids.contains(p)))
                    .or_else(|| ids.first().copied())
                    .unwrap_or_default();
                check_departments(&ids, primary)?;
                check_departments_in_reach(&reach, &ids)?;
                check_departments_exist(&tx, &ids).await?;
                Some((ids, primary))
            }
        };
        users::update_guarded(&tx, id, expected_version, edit, now)
            .await
            .map_err(|err| match err {
                PersistenceError::NotFound => ServiceError::NotFound { entity: "user" },
                other => other.into(),
            })?;
        if let Some((ids, primary)) = new_departments {
            memberships::set_departments(&tx, id, &ids, primary).await?;
        }
        let after = load_view(&tx, id, false).await?;
        let change = Change::new("user.update", "user", Some(id.to_string()))
            .before(audit_json(&before)?)
            .after(audit_json(&after)?);
        audit::record(&tx, ctx, now, change).await?;
        let out = load_view(&tx, id, sees_sensitive(ctx)).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(out)
    }
}

/// A person's name: 1–50 characters after trimming.
pub(super) fn required_name(name: &str) -> Result<String, ServiceError> {
    let name = name.trim();
    if (1..=50).contains(&name.chars().count()) {
        Ok(name.to_owned())
    } else {
        Err(ServiceError::invalid(
            "name",
            "姓名须为 1 到 50 个字符",
            "must be 1 to 50 characters",
        ))
    }
}

/// A trimmed optional text; blank counts as none.
pub(super) fn optional(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// At least one department, and the primary among them.
pub(super) fn check_departments(ids: &[Uuid], primary: Uuid) -> Result<(), ServiceError> {
    if ids.is_empty() {
        return Err(ServiceError::invalid(
            "departmentIds",
            "至少选择一个部门",
            "give at least one department",
        ));
    }
    if !ids.contains(&primary) {
        return Err(ServiceError::invalid(
            "primaryDepartmentId",
            "主部门须是所选部门之一",
            "must be one of departmentIds",
        ));
    }
    Ok(())
}

/// Every department exists and is active.
pub(super) async fn check_departments_exist(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<(), ServiceError> {
    let wanted: BTreeSet<Uuid> = ids.iter().copied().collect();
    let found = departments::existing(db, ids).await?;
    if found.len() != wanted.len() || found.iter().any(|d| !d.active) {
        return Err(ServiceError::invalid(
            "departmentIds",
            "部门不存在或已停用",
            "a department does not exist or is inactive",
        ));
    }
    Ok(())
}
