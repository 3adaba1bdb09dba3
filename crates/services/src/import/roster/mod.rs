//! Roster import (花名册导入): departments and users from a CSV or XLSX file, all or nothing.
//!
//! Every row describes a user to create in the department named by its code. Departments that
//! do not exist are created from the rows' name and parent code (existing departments are used
//! as they are, never changed). A username or number that exists already is an error of its row.
//! Users get the row's role (default `staff`; never one of the three administrator roles),
//! scoped to their department, and a random initial password that must be changed.

mod check;
mod columns;
mod departments;
mod plan;
mod template;

use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::access::codes::USER_IMPORT;
use xiaoban_domain::access::{Reach, administrative};
use xiaoban_persistence::identity::{roles, roster, seed, users};
use xiaoban_persistence::{ConnectionTrait, PersistenceError, begin_write};

use columns::Col;

use crate::audit::{self, Change};
use crate::auth::random_password;
use crate::import::{ImportFormat, RowIssue, issues_as_fields, read};
use crate::{RequestContext, ServiceError, Services};

/// Counts of what an import creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    pub rows: usize,
    pub departments_to_create: usize,
    pub users_to_create: usize,
}

/// A created user's initial password, shown once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitialPassword {
    pub username: String,
    pub initial_password: String,
}

/// What an import found (dry run) or did.
#[derive(Debug, Clone)]
pub struct ImportReport {
    pub dry_run: bool,
    pub summary: ImportSummary,
    /// Every problem of every row; empty when the file is fine.
    pub errors: Vec<RowIssue>,
    /// Only after a real run.
    pub passwords: Vec<InitialPassword>,
}

async fn known(db: &impl ConnectionTrait, rows: &[columns::RawRow]) -> Result<plan::Known, ServiceError> {
    let usernames = rows
        .iter()
        .filter_map(|r| r.get(Col::Username))
        .map(|u| u.trim().to_ascii_lowercase())
        .collect();
    let numbers = rows
        .iter()
        .filter_map(|r| r.get(Col::Number))
        .map(str::to_owned)
        .collect();
    let (usernames, numbers) = roster::taken_names_and_numbers(db, usernames, numbers).await?;
    let all_roles = roles::list_all(db).await?;
    let permissions = roles::all_permissions(db).await?;
    let departments = xiaoban_persistence::identity::departments::all(db).await?;
    Ok(plan::Known {
        department_names: departments
            .iter()
            .map(|d| (d.name.clone(), d.code.clone()))
            .collect(),
        departments: roster::department_codes(db).await?,
        role_names: all_roles
            .iter()
            .map(|r| (r.name.clone(), r.code.clone()))
            .collect(),
        administrator_roles: all_roles
            .iter()
            .filter(|r| {
                let held = permissions.get(&r.id).into_iter().flatten();
                !administrative(held.map(String::as_str)).is_empty()
            })
            .map(|r| r.code.clone())
            .collect(),
        roles: all_roles.into_iter().map(|r| (r.code, r.id)).collect(),
        usernames,
        numbers,
    })
}

fn summary(plan: &plan::Plan) -> ImportSummary {
    ImportSummary {
        rows: plan.rows,
        departments_to_create: plan.departments.len(),
        users_to_create: plan
            .users
            .iter()
            .filter(|u| plan.issues.iter().all(|i| i.line != u.line))
            .count(),
    }
}

impl Services {
    /// Imports write school-wide, so only a school-wide `user.import` may run one.
    pub async fn authorize_import(&self, ctx: &RequestContext) -> Result<(), ServiceError> {
        if self.authorize(ctx, USER_IMPORT).await? != Reach::All {
            return Err(ServiceError::Forbidden {
                permission: USER_IMPORT,
            });
        }
        Ok(())
    }

    /// Checks a roster file and, unless `dry_run`, imports it in one transaction. A real run
    /// with any problem writes nothing and fails with every problem listed.
    pub async fn import_roster(
        &self,
        ctx: &RequestContext,
        bytes: &[u8],
        format: ImportFormat,
        dry_run: bool,
    ) -> Result<ImportReport, ServiceError> {
        self.authorize_import(ctx).await?;
        let rows = read::<Col>(bytes, format)?;
        let plan = check::plan(&rows, &known(self.db(), &rows).await?);
        if dry_run || !plan.issues.is_empty() {
            if !dry_run {
                return Err(ServiceError::Invalid(issues_as_fields(&plan.issues)));
            }
            return Ok(ImportReport {
                dry_run,
                summary: summary(&plan),
                errors: plan.issues,
                passwords: Vec::new(),
            });
        }
        // Hash before taking the write lock: hashing is the slow part.
        let passwords: Vec<String> = plan.users.iter().map(|_| random_password()).collect();
        let hashes = self.auth_settings().hashing.hash_all(passwords.clone()).await?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        // Check again inside the transaction: someone may have taken a name meanwhile.
        let known = known(&tx, &rows).await?;
        let recheck = check::plan(&rows, &known);
        if !recheck.issues.is_empty() || recheck.users.len() != plan.users.len() {
            return Err(ServiceError::Invalid(issues_as_fields(&recheck.issues)));
        }
        let mut departments = known.departments.clone();
        for d in &recheck.departments {
            let parent = d.parent_code.as_ref().and_then(|p| departments.get(p).copied());
            seed::insert_department(&tx, d.id, &d.code, &d.name, parent, 0, now).await?;
            departments.insert(d.code.clone(), d.id);
            let change = Change::new("department.create", "department", Some(d.id.to_string()))
                .after(json!({"code": d.code, "name": d.name, "parentId": parent, "source": "import"}));
            audit::record(&tx, ctx, now, change).await?;
        }
        let mut out = Vec::with_capacity(plan.users.len());
        for ((u, hash), password) in recheck.users.iter().zip(hashes).zip(passwords) {
            let id = Uuid::now_v7();
            let department = departments.get(&u.department_code).copied().ok_or_else(|| {
                ServiceError::Internal(format!("department {} vanished", u.department_code))
            })?;
            let role = known
                .roles
                .get(&u.role_code)
                .copied()
                .ok_or_else(|| ServiceError::Internal(format!("role {} vanished", u.role_code)))?;
            let mut row = users::new_row(id, &u.username, &u.name, Some(hash), true, now);
            row.number = u.number.clone();
            row.phone = u.phone.clone();
            row.id_number = u.id_number.clone();
            row.email = u.email.clone();
            row.position = u.position.clone();
            users::insert(&tx, row).await?;
            seed::add_membership(&tx, id, department, true).await?;
            roles::assign(&tx, id, role, "department", Some(department), now).await?;
            let change = Change::new("user.create", "user", Some(id.to_string())).after(json!({
                "username": u.username, "name": u.name, "number": u.number,
                "departmentCode": u.department_code, "roles": [u.role_code], "source": "import",
            }));
            audit::record(&tx, ctx, now, change).await?;
            out.push(InitialPassword {
                username: u.username.clone(),
                initial_password: password,
            });
        }
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(ImportReport {
            dry_run,
            summary: summary(&recheck),
            errors: Vec::new(),
            passwords: out,
        })
    }
}
