//! The school's address book for pickers: names and departments of active people, and the active
//! department tree. Anyone who takes part in approvals may read it — choosing whom to transfer a
//! task to, or whom to name in a form, needs it — so it shows nothing beyond name and department
//! (no username, phone, number or roles).

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use xiaoban_domain::access::codes::APPROVAL_USE;
use xiaoban_persistence::approvals::people;
use xiaoban_persistence::identity::departments;

use crate::{RequestContext, ServiceError, Services};

/// How many people one search returns.
pub const PEOPLE_LIMIT: u64 = 20;
/// How many ids one lookup may name.
pub const IDS_LIMIT: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonCard {
    pub id: Uuid,
    pub name: String,
    pub department_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DepartmentCard {
    pub id: Uuid,
    pub name: String,
    pub parent_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleCard {
    pub code: String,
    pub name: String,
}

impl Services {
    /// Every role's code and name (not its permissions), for approver rules and starter lists.
    pub async fn directory_roles(&self, ctx: &RequestContext) -> Result<Vec<RoleCard>, ServiceError> {
        self.authorize(ctx, APPROVAL_USE).await?;
        let rows = xiaoban_persistence::identity::roles::list_all(self.db()).await?;
        Ok(rows
            .into_iter()
            .map(|r| RoleCard {
                code: r.code,
                name: r.name,
            })
            .collect())
    }

    /// Active people matching `q` (name or username), or the named `ids` (active or not, so a
    /// saved value keeps its label).
    pub async fn directory_people(
        &self,
        ctx: &RequestContext,
        q: &str,
        ids: &[Uuid],
    ) -> Result<Vec<PersonCard>, ServiceError> {
        self.authorize(ctx, APPROVAL_USE).await?;
        if ids.len() > IDS_LIMIT {
            return Err(ServiceError::invalid(
                "ids",
                "一次最多查询 50 人",
                "Ask for at most 50 people at once",
            ));
        }
        let found: Vec<(Uuid, String)> = if ids.is_empty() {
            people::search(self.db(), q, PEOPLE_LIMIT).await?
        } else {
            people::names(self.db(), ids).await?.into_iter().collect()
        };
        let who: Vec<Uuid> = found.iter().map(|(id, _)| *id).collect();
        let departments = people::department_names(self.db(), &who).await?;
        Ok(found
            .into_iter()
            .map(|(id, name)| PersonCard {
                id,
                name,
                department_name: departments.get(&id).cloned(),
            })
            .collect())
    }

    /// The active departments, parents before children is left to the client (it is small).
    pub async fn directory_departments(
        &self,
        ctx: &RequestContext,
    ) -> Result<Vec<DepartmentCard>, ServiceError> {
        self.authorize(ctx, APPROVAL_USE).await?;
        let mut rows = departments::all(self.db()).await?;
        rows.retain(|d| d.active);
        rows.sort_by(|a, b| (a.sort_order, &a.code).cmp(&(b.sort_order, &b.code)));
        Ok(rows
            .into_iter()
            .map(|d| DepartmentCard {
                id: d.id,
                name: d.name,
                parent_id: d.parent_id,
            })
            .collect())
    }
}
