//! Roles: bundles of permissions from the catalogue. Built-in roles come from the code
//! (`xiaoban_domain::access::BUILTIN_ROLES`) and keep their names and permissions; custom roles
//! are created, edited and deleted by holders of `role.manage`, within the separation of duties.

mod write;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use xiaoban_domain::access::codes::ROLE_READ;
use xiaoban_domain::access::{DutyConflict, administrative, check_duties};
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::identity::roles::{self, RoleRow};

pub use write::{NewRole, RolePatch};

use crate::{RequestContext, ServiceError, Services};

/// A role with its permissions and how many users hold it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleView {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub description: String,
    pub builtin: bool,
    pub permissions: Vec<String>,
    /// Users holding the role (each counted once, whatever the number of scopes).
    pub holders: u64,
    /// Carries an administrative permission: granted only on the server (see
    /// `users::administrators`).
    pub granted_on_server: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl RoleView {
    /// The fields the audit log keeps.
    fn audit_json(&self) -> serde_json::Value {
        serde_json::json!({
            "code": self.code,
            "name": self.name,
            "description": self.description,
            "permissions": self.permissions,
        })
    }
}

/// Roles, permissions and assignments loaded at once (a school has a few dozen roles).
pub(crate) struct RoleBook {
    pub rows: Vec<RoleRow>,
    pub permissions: BTreeMap<Uuid, BTreeSet<String>>,
    /// user → roles held.
    pub held: BTreeMap<Uuid, BTreeSet<Uuid>>,
}

impl RoleBook {
    pub async fn load(db: &impl ConnectionTrait) -> Result<Self, ServiceError> {
        let mut held: BTreeMap<Uuid, BTreeSet<Uuid>> = BTreeMap::new();
        for (user, role) in roles::assignment_pairs(db).await? {
            held.entry(user).or_default().insert(role);
        }
        Ok(Self {
            rows: roles::list_all(db).await?,
            permissions: roles::all_permissions(db).await?,
            held,
        })
    }

    fn holders(&self, role: Uuid) -> impl Iterator<Item = (&Uuid, &BTreeSet<Uuid>)> {
        self.held.iter().filter(move |(_, roles)| roles.contains(&role))
    }

    pub fn view(&self, row: &RoleRow) -> RoleView {
        let permissions = self.permissions.get(&row.id);
        RoleView {
            id: row.id,
            code: row.code.clone(),
            name: row.name.clone(),
            description: row.description.clone(),
            builtin: row.builtin,
            permissions: permissions
                .map(|p| p.iter().cloned().collect())
                .unwrap_or_default(),
            holders: self.holders(row.id).count() as u64,
            granted_on_server: !administrative(permissions.into_iter().flatten().map(String::as_str))
                .is_empty(),
            version: row.version,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }

    /// Checks that every holder of `role` still passes the separation of duties when the role
    /// grants `proposed`. Returns the first conflict and how many holders break the rule.
    pub fn holders_conflict(&self, role: Uuid, proposed: &BTreeSet<String>) -> Option<(DutyConflict, usize)> {
        let mut first = None;
        let mut count = 0;
        for (_, held) in self.holders(role) {
            let mut union: BTreeSet<&str> = proposed.iter().map(String::as_str).collect();
            for other in held.iter().filter(|r| **r != role) {
                union.extend(
                    self.permissions
                        .get(other)
                        .into_iter()
                        .flatten()
                        .map(String::as_str),
                );
            }
            if let Err(conflict) = check_duties(union) {
                count += 1;
                first = first.or(Some(conflict));
            }
        }
        first.map(|c| (c, count))
    }
}

/// Checks a role's own permission set: known codes, separation of duties.
pub(crate) fn check_role_permissions(permissions: &BTreeSet<String>) -> Result<(), ServiceError> {
    check_duties(permissions.iter().map(String::as_str))
        .map_err(|conflict| ServiceError::invalid("permissions", conflict.zh(), conflict.to_string()))
}

impl Services {
    /// Every role, built-in ones first.
    pub async fn list_roles(
        &self,
        ctx: &RequestContext,
        keyword: Option<&str>,
    ) -> Result<Vec<RoleView>, ServiceError> {
        self.authorize(ctx, ROLE_READ).await?;
        let book = RoleBook::load(self.db()).await?;
        Ok(book
            .rows
            .iter()
            .filter(|r| xiaoban_domain::paging::matches_keyword(keyword, &[&r.name, &r.code]))
            .map(|r| book.view(r))
            .collect())
    }

    /// One role.
    pub async fn get_role(&self, ctx: &RequestContext, id: Uuid) -> Result<RoleView, ServiceError> {
        self.authorize(ctx, ROLE_READ).await?;
        role_view(self.db(), id).await
    }
}

/// A role as it is now inside `db` (a transaction or the pool).
pub(crate) async fn role_view(db: &impl ConnectionTrait, id: Uuid) -> Result<RoleView, ServiceError> {
    let book = RoleBook::load(db).await?;
    let row = book
        .rows
        .iter()
        .find(|r| r.id == id)
        .ok_or(ServiceError::NotFound { entity: "role" })?;
    Ok(book.view(row))
}
