//! Creating and changing departments. Every change writes an audit row in its transaction.

use std::collections::BTreeSet;

use serde::Serialize;
use uuid::Uuid;
use xiaoban_domain::access::Reach;
use xiaoban_domain::access::codes::DEPARTMENT_MANAGE;
use xiaoban_persistence::identity::{departments, users};
use xiaoban_persistence::{ConnectionTrait, PersistenceError, begin_write};

use super::rules::{check_code, check_name};
use super::{DepartmentView, department_view};
use crate::audit::{self, Change};
use crate::idempotency::Created;
use crate::{RequestContext, ServiceError, Services};

/// A department to create.
#[derive(Debug, Clone, Serialize)]
pub struct NewDepartment {
    pub code: String,
    pub name: String,
    pub parent_id: Option<Uuid>,
    pub head_user_id: Option<Uuid>,
    /// The leader in charge (分管校领导).
    pub leader_user_id: Option<Uuid>,
    pub sort_order: Option<i32>,
}

/// Changes to a department; `None` leaves a field as it is. `Some(None)` clears a parent
/// (making a root), the head or the leader in charge.
#[derive(Debug, Clone, Default)]
pub struct DepartmentPatch {
    pub code: Option<String>,
    pub name: Option<String>,
    pub parent_id: Option<Option<Uuid>>,
    pub head_user_id: Option<Option<Uuid>>,
    pub leader_user_id: Option<Option<Uuid>>,
    pub sort_order: Option<i32>,
    pub active: Option<bool>,
}

impl Services {
    /// Creates a department. An `Idempotency-Key` makes a retry replay the first answer.
    pub async fn create_department(
        &self,
        ctx: &RequestContext,
        input: NewDepartment,
    ) -> Result<Created<DepartmentView>, ServiceError> {
        let reach = self.authorize(ctx, DEPARTMENT_MANAGE).await?;
        let code = check_code(&input.code)?;
        let name = check_name(&input.name)?;
        if let Reach::Some { departments, .. } = &reach
            && !input.parent_id.is_some_and(|p| departments.contains(&p))
        {
            return Err(outside_reach("parentId"));
        }
        let now = self.now();
        let ctx2 = ctx.clone();
        let fields = input.clone();
        self.create_once(ctx, "department.create", &input, move |tx| {
            Box::pin(async move {
                if let Some(parent) = fields.parent_id {
                    check_parent(tx, parent).await?;
                }
                if let Some(head) = fields.head_user_id {
                    check_user(tx, "headUserId", head).await?;
                }
                if let Some(leader) = fields.leader_user_id {
                    check_user(tx, "leaderUserId", leader).await?;
                }
                let id = Uuid::now_v7();
                let row = departments::DepartmentRow {
                    id,
                    code,
                    name,
                    parent_id: fields.parent_id,
                    head_user_id: fields.head_user_id,
                    leader_user_id: fields.leader_user_id,
                    sort_order: fields.sort_order.unwrap_or(0),
                    active: true,
                    version: 1,
                    created_at: now,
                    updated_at: now,
                };
                departments::insert(tx, row).await?;
                let view = department_view(tx, id).await?;
                let change = Change::new("department.create", "department", Some(id.to_string()))
                    .after(to_json(&view)?);
                audit::record(tx, &ctx2, now, change).await?;
                Ok(view)
            })
        })
        .await
    }

    /// Changes a department that is still at `expected_version`.
    pub async fn update_department(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        expected_version: i32,
        patch: DepartmentPatch,
    ) -> Result<DepartmentView, ServiceError> {
        let reach = self.authorize(ctx, DEPARTMENT_MANAGE).await?;
        if let Reach::Some { departments, .. } = &reach {
            if !departments.contains(&id) {
                return Err(ServiceError::NotFound { entity: "department" });
            }
            if let Some(parent) = patch.parent_id
                && !parent.is_some_and(|p| departments.contains(&p))
            {
                return Err(outside_reach("parentId"));
            }
        }
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let before = department_view(&tx, id).await?;
        let mut changes = departments::DepartmentEdit::default();
        if let Some(code) = &patch.code {
            changes.code = Some(check_code(code)?);
        }
        if let Some(name) = &patch.name {
            changes.name = Some(check_name(name)?);
        }
        if let Some(parent) = patch.parent_id {
            if let Some(parent) = parent {
                check_parent(&tx, parent).await?;
                check_not_below_itself(&tx, id, parent).await?;
            }
            changes.parent_id = Some(parent);
        }
        if let Some(head) = patch.head_user_id {
            if let Some(head) = head {
                check_user(&tx, "headUserId", head).await?;
            }
            changes.head_user_id = Some(head);
        }
        if let Some(leader) = patch.leader_user_id {
            if let Some(leader) = leader {
                check_user(&tx, "leaderUserId", leader).await?;
            }
            changes.leader_user_id = Some(leader);
        }
        if let Some(sort_order) = patch.sort_order {
            changes.sort_order = Some(sort_order);
        }
        if let Some(active) = patch.active {
            if !active && before.active {
                check_can_deactivate(&tx, id).await?;
            }
            changes.active = Some(active);
        }
        departments::update_guarded(&tx, id, expected_version, changes, now)
            .await
            .map_err(|err| match err {
                PersistenceError::NotFound => ServiceError::NotFound { entity: "department" },
                other => other.into(),
            })?;
        let after = department_view(&tx, id).await?;
        let change = Change::new("department.update", "department", Some(id.to_string()))
            .before(to_json(&before)?)
            .after(to_json(&after)?);
        audit::record(&tx, ctx, now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(after)
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<serde_json::Value, ServiceError> {
    serde_json::to_value(value).map_err(|e| ServiceError::Internal(e.to_string()))
}

fn outside_reach(field: &str) -> ServiceError {
    ServiceError::invalid(
        field,
        "只能在您管理范围内的部门下操作",
        "must be a department within your reach",
    )
}

async fn check_parent(db: &impl ConnectionTrait, parent: Uuid) -> Result<(), ServiceError> {
    match departments::find(db, parent).await? {
        Some(p) if p.active => Ok(()),
        Some(_) => Err(ServiceError::invalid(
            "parentId",
            "上级部门已停用",
            "the parent department is inactive",
        )),
        None => Err(ServiceError::invalid(
            "parentId",
            "上级部门不存在",
            "no such parent department",
        )),
    }
}

async fn check_user(db: &impl ConnectionTrait, field: &str, user: Uuid) -> Result<(), ServiceError> {
    let (zh, en) = match field {
        "headUserId" => ("负责人用户不存在", "no such user"),
        _ => ("分管校领导用户不存在", "no such user"),
    };
    match users::find(db, user).await? {
        Some(_) => Ok(()),
        None => Err(ServiceError::invalid(field, zh, en)),
    }
}

/// Refuses a move that would put a department below itself (a cycle).
async fn check_not_below_itself(
    db: &impl ConnectionTrait,
    id: Uuid,
    new_parent: Uuid,
) -> Result<(), ServiceError> {
    let links = departments::parent_links(db).await?;
    let mut seen = BTreeSet::new();
    let mut cursor = Some(new_parent);
    while let Some(current) = cursor {
        if current == id {
            return Err(ServiceError::invalid(
                "parentId",
                "不能把部门移到它自己或它的下级部门之下",
                "a department cannot be moved below itself or one of its sub-departments",
            ));
        }
        if !seen.insert(current) {
            break;
        }
        cursor = links.iter().find(|(d, _)| *d == current).and_then(|(_, p)| *p);
    }
    Ok(())
}

async fn check_can_deactivate(db: &impl ConnectionTrait, id: Uuid) -> Result<(), ServiceError> {
    if departments::has_active_children(db, id).await? {
        return Err(ServiceError::invalid(
            "active",
            "该部门下还有启用的下级部门，请先停用或移走它们",
            "the department still has active sub-departments; deactivate or move them first",
        ));
    }
    if departments::has_active_members(db, id).await? {
        return Err(ServiceError::invalid(
            "active",
            "该部门还有在职成员，请先调整他们的部门",
            "the department still has active members; move them to other departments first",
        ));
    }
    Ok(())
}
