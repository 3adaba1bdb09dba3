//! Who a notice reaches: the viewer's side (departments with their ancestors, role codes) and
//! the audience's side (its active members).

use std::collections::{BTreeMap, BTreeSet};

use uuid::Uuid;
use xiaoban_domain::notices::{Audience, Viewer};
use xiaoban_persistence::identity::{departments, memberships};
use xiaoban_persistence::notices::audience::{self, Member};

use crate::access::Tree;
use crate::{FieldIssue, ServiceError, Services};

impl Services {
    /// What decides which notices reach `user`.
    pub(super) async fn notice_viewer(&self, user: Uuid) -> Result<Viewer, ServiceError> {
        let parents: BTreeMap<Uuid, Option<Uuid>> =
            departments::parent_links(self.db()).await?.into_iter().collect();
        let mut with_ancestors = BTreeSet::new();
        for membership in memberships::departments_of(self.db(), user).await? {
            let mut next = Some(membership.department_id);
            while let Some(id) = next {
                if !with_ancestors.insert(id) {
                    break;
                }
                next = parents.get(&id).copied().flatten();
            }
        }
        let roles = memberships::roles_of(self.db(), user).await?;
        Ok(Viewer {
            departments: with_ancestors,
            roles: roles.into_iter().map(|r| r.code).collect(),
        })
    }

    /// The active people `audience` reaches, by name.
    pub(super) async fn audience_members(&self, audience: &Audience) -> Result<Vec<Member>, ServiceError> {
        Ok(match audience {
            Audience::All => audience::everyone(self.db()).await?,
            Audience::Departments(ids) => {
                let tree = Tree::load(self).await?;
                let reached: BTreeSet<Uuid> = ids.iter().flat_map(|d| tree.subtree(*d)).collect();
                audience::in_departments(self.db(), &reached).await?
            }
            Audience::Roles(codes) => audience::holding_roles(self.db(), codes).await?,
        })
    }

    /// Refuses an audience naming departments or roles that do not exist.
    pub(super) async fn check_audience(&self, audience: &Audience) -> Result<(), ServiceError> {
        let missing: Vec<String> = match audience {
            Audience::All => Vec::new(),
            Audience::Departments(ids) => {
                let wanted: Vec<Uuid> = ids.iter().copied().collect();
                let found = departments::existing(self.db(), &wanted).await?;
                ids.iter()
                    .filter(|id| !found.iter().any(|d| d.id == **id))
                    .map(Uuid::to_string)
                    .collect()
            }
            Audience::Roles(codes) => {
                let known = xiaoban_persistence::identity::roles::list_all(self.db()).await?;
                codes
                    .iter()
                    .filter(|c| !known.iter().any(|r| &r.code == *c))
                    .cloned()
                    .collect()
            }
        };
        if missing.is_empty() {
            return Ok(());
        }
        Err(ServiceError::Invalid(vec![FieldIssue::new(
            "audience",
            format!("以下部门或角色不存在：{}", missing.join("、")),
            format!("no such department or role: {}", missing.join(", ")),
        )]))
    }
}
