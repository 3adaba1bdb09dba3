//! Request DTOs and the few answers of `/users` that are not a plain [`UserOut`].

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;
use xiaoban_domain::access::DataScope;
use xiaoban_services::users::{NewUser, RoleGrant, UserListFilter, UserPatch};

use super::dto::{ScopeOut, UserOut};
use crate::departments::nullable;

/// A user's status filter.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum UserStatusIn {
    Active,
    Disabled,
}

/// Filters of the user list (with `page`, `pageSize`, `sort`, `q`).
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct UsersQuery {
    /// Members of this department or any of its sub-departments.
    pub department_id: Option<Uuid>,
    /// Holders of this role, e.g. `dept_head`.
    pub role_code: Option<String>,
    /// `active` or `disabled`.
    #[param(inline)]
    pub status: Option<UserStatusIn>,
}

impl From<UsersQuery> for UserListFilter {
    fn from(q: UsersQuery) -> Self {
        Self {
            department_id: q.department_id,
            role_code: q.role_code.filter(|c| !c.trim().is_empty()),
            status: q.status.map(|s| match s {
                UserStatusIn::Active => "active".to_owned(),
                UserStatusIn::Disabled => "disabled".to_owned(),
            }),
        }
    }
}

/// A role to give, and the records it reaches.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoleGrantIn {
    #[validate(length(min = 1, max = 64))]
    #[schema(example = "dept_head")]
    pub role_code: String,
    /// `{"kind":"all"}`, `{"kind":"department","departmentId":…}` (that department and its
    /// sub-departments) or `{"kind":"self"}`.
    pub scope: ScopeOut,
}

impl From<RoleGrantIn> for RoleGrant {
    fn from(g: RoleGrantIn) -> Self {
        Self {
            role_code: g.role_code,
            scope: match g.scope {
                ScopeOut::All => DataScope::All,
                ScopeOut::Department { department_id } => DataScope::Department { department_id },
                ScopeOut::OwnRecords => DataScope::OwnRecords,
            },
        }
    }
}

/// A user to create.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UserIn {
    /// Sign-in name: 3 to 32 lowercase letters, digits, `.`, `_` or `-`, starting with a letter.
    #[validate(length(min = 1, max = 32))]
    #[schema(example = "zhangsan")]
    pub username: String,
    #[validate(length(min = 1, max = 50))]
    #[schema(example = "张三")]
    pub name: String,
    /// Staff or student number (unique).
    #[validate(length(max = 32))]
    pub number: Option<String>,
    #[validate(length(max = 20))]
    #[schema(example = "13812341234")]
    pub phone: Option<String>,
    #[validate(email, length(max = 100))]
    pub email: Option<String>,
    /// ID card number.
    #[validate(length(max = 20))]
    pub id_number: Option<String>,
    #[validate(length(max = 50))]
    pub position: Option<String>,
    /// The departments the user belongs to (at least one).
    #[validate(length(min = 1, max = 20))]
    pub department_ids: Vec<Uuid>,
    /// One of `departmentIds`.
    pub primary_department_id: Uuid,
    /// The initial password; without one a random password is generated and returned once.
    /// Either way it must be changed at first sign-in.
    #[validate(length(min = 1, max = 256))]
    pub password: Option<String>,
    /// Roles to give (needs `role.assign`).
    #[serde(default)]
    #[validate(nested, length(max = 20))]
    pub roles: Vec<RoleGrantIn>,
}

impl From<UserIn> for NewUser {
    fn from(u: UserIn) -> Self {
        Self {
            username: u.username,
            name: u.name,
            number: u.number,
            phone: u.phone,
            email: u.email,
            id_number: u.id_number,
            position: u.position,
            department_ids: u.department_ids,
            primary_department_id: u.primary_department_id,
            password_given: u.password.is_some(),
            password: u.password,
            roles: u.roles.into_iter().map(RoleGrant::from).collect(),
        }
    }
}

/// Changes to a user. Absent fields stay as they are; `null` clears an optional one.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UserPatchIn {
    #[validate(length(min = 1, max = 50))]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 32))]
    #[schema(value_type = Option<String>)]
    pub number: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 20))]
    #[schema(value_type = Option<String>)]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(email, length(max = 100))]
    #[schema(value_type = Option<String>)]
    pub email: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 20))]
    #[schema(value_type = Option<String>)]
    pub id_number: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 50))]
    #[schema(value_type = Option<String>)]
    pub position: Option<Option<String>>,
    /// Replaces the user's departments (at least one).
    #[validate(length(min = 1, max = 20))]
    pub department_ids: Option<Vec<Uuid>>,
    /// One of the user's (new) departments.
    pub primary_department_id: Option<Uuid>,
    /// The version this change is based on (or send `If-Match`).
    pub version: Option<i32>,
}

impl From<UserPatchIn> for UserPatch {
    fn from(p: UserPatchIn) -> Self {
        Self {
            name: p.name,
            number: p.number,
            phone: p.phone,
            email: p.email,
            id_number: p.id_number,
            position: p.position,
            department_ids: p.department_ids,
            primary_department_id: p.primary_department_id,
        }
    }
}

/// A new user and, when the server generated it, the initial password.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreatedUserOut {
    pub user: UserOut,
    /// The generated initial password, shown this once (`null` when the request gave one, and
    /// on an idempotent replay). It must be changed at first sign-in.
    pub initial_password: Option<String>,
}

/// A reset password, shown once.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PasswordResetOut {
    /// The new password; the user must change it at the next sign-in.
    pub initial_password: String,
}

/// A clearance to set.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClearanceIn {
    /// 0 公开, 1 内部, 2 秘密, 3 机密, 4 绝密.
    #[validate(range(min = 0, max = 4))]
    #[schema(minimum = 0, maximum = 4, example = 1)]
    pub clearance: i16,
}
