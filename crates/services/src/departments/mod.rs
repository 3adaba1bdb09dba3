//! The department tree (部门): listing in display order, creating, renaming, moving and
//! deactivating departments.

mod rules;
mod write;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use xiaoban_domain::access::codes::DEPARTMENT_READ;
use xiaoban_domain::paging::matches_keyword;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::identity::departments::{self, DepartmentRow};

pub use write::{DepartmentPatch, NewDepartment};

use crate::{RequestContext, ServiceError, Services};

/// A department as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentView {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub parent_id: Option<Uuid>,
    pub head_user_id: Option<Uuid>,
    pub head_name: Option<String>,
    /// The leader in charge (分管校领导).
    pub leader_user_id: Option<Uuid>,
    pub leader_name: Option<String>,
    pub sort_order: i32,
    pub active: bool,
    /// Active users with a membership in this department (not counting sub-departments).
    pub member_count: u64,
    pub version: i32,
}

impl Services {
    /// The whole tree in display order: each parent before its children, siblings by sort order
    /// then code. Inactive departments (and anything below them) only with `include_inactive`.
    pub async fn list_departments(
        &self,
        ctx: &RequestContext,
        include_inactive: bool,
        keyword: Option<&str>,
    ) -> Result<Vec<DepartmentView>, ServiceError> {
        self.authorize(ctx, DEPARTMENT_READ).await?;
        let rows = departments::all(self.db()).await?;
        let ordered = found_with_ancestors(display_order(rows, include_inactive), keyword);
        views(self.db(), ordered).await
    }

    /// One department.
    pub async fn get_department(
        &self,
        ctx: &RequestContext,
        id: Uuid,
    ) -> Result<DepartmentView, ServiceError> {
        self.authorize(ctx, DEPARTMENT_READ).await?;
        department_view(self.db(), id).await
    }
}

/// Parents before children, siblings by `(sort_order, code)`. Rows whose parent is missing count
/// as roots, so a damaged tree still lists everything once.
fn display_order(rows: Vec<DepartmentRow>, include_inactive: bool) -> Vec<DepartmentRow> {
    let ids: BTreeSet<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut children: BTreeMap<Option<Uuid>, Vec<DepartmentRow>> = BTreeMap::new();
    for row in rows {
        let parent = row.parent_id.filter(|p| ids.contains(p) && *p != row.id);
        children.entry(parent).or_default().push(row);
    }
    for list in children.values_mut() {
        list.sort_by(|a, b| (b.sort_order, &b.code).cmp(&(a.sort_order, &a.code)));
    }
    let mut out = Vec::with_capacity(ids.len());
    let mut seen = BTreeSet::new();
    let mut stack = children.remove(&None).unwrap_or_default();
    while let Some(row) = stack.pop() {
        if !seen.insert(row.id) || !(include_inactive || row.active) {
            continue;
        }
        if let Some(mut kids) = children.remove(&Some(row.id)) {
            stack.append(&mut kids);
        }
        out.push(row);
    }
    out
}

/// The departments whose name or code contains `keyword`, and their ancestors so that the tree
/// stays whole, in the order given; all of them without a keyword.
fn found_with_ancestors(ordered: Vec<DepartmentRow>, keyword: Option<&str>) -> Vec<DepartmentRow> {
    if keyword.is_none_or(|k| k.trim().is_empty()) {
        return ordered;
    }
    let parents: BTreeMap<Uuid, Option<Uuid>> = ordered.iter().map(|r| (r.id, r.parent_id)).collect();
    let mut keep = BTreeSet::new();
    for row in &ordered {
        if !matches_keyword(keyword, &[&row.name, &row.code]) {
            continue;
        }
        let mut at = Some(row.id);
        while let Some(id) = at.filter(|id| keep.insert(*id)) {
            at = parents.get(&id).copied().flatten();
        }
    }
    ordered.into_iter().filter(|r| keep.contains(&r.id)).collect()
}

async fn views(
    db: &impl ConnectionTrait,
    rows: Vec<DepartmentRow>,
) -> Result<Vec<DepartmentView>, ServiceError> {
    let counts = departments::active_member_counts(db).await?;
    let heads: Vec<Uuid> = rows
        .iter()
        .flat_map(|r| [r.head_user_id, r.leader_user_id])
        .flatten()
        .collect();
    let names = departments::user_names(db, &heads).await?;
    Ok(rows
        .into_iter()
        .map(|r| DepartmentView {
            head_name: r.head_user_id.and_then(|h| names.get(&h).cloned()),
            leader_name: r.leader_user_id.and_then(|h| names.get(&h).cloned()),
            leader_user_id: r.leader_user_id,
            member_count: counts.get(&r.id).copied().unwrap_or(0),
            id: r.id,
            code: r.code,
            name: r.name,
            parent_id: r.parent_id,
            head_user_id: r.head_user_id,
            sort_order: r.sort_order,
            active: r.active,
            version: r.version,
        })
        .collect())
}

pub(crate) async fn department_view(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<DepartmentView, ServiceError> {
    let row = departments::find(db, id)
        .await?
        .ok_or(ServiceError::NotFound { entity: "department" })?;
    let mut list = views(db, vec![row]).await?;
    list.pop().ok_or(ServiceError::NotFound { entity: "department" })
}
