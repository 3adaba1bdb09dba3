use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;
use xiaoban_services::roles::RoleView;

/// A new custom role.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoleIn {
    /// Stable code, snake_case, 2–64 characters, unique.
    #[validate(length(min = 2, max = 64))]
    #[schema(example = "dorm_manager")]
    pub code: String,
    /// Display name.
    #[validate(length(min = 1, max = 100))]
    #[schema(example = "宿管员")]
    pub name: String,
    /// What the role is for.
    #[validate(length(max = 1000))]
    pub description: Option<String>,
    /// Permission codes from `GET /api/v1/permissions`; must respect the separation of duties.
    #[validate(length(max = 100))]
    #[schema(example = json!(["notification.read", "user.read"]))]
    pub permissions: Vec<String>,
}

/// Changes to a role. Built-in roles accept only `description`.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RolePatchIn {
    /// New display name (custom roles only).
    #[validate(length(min = 1, max = 100))]
    pub name: Option<String>,
    /// New description.
    #[validate(length(max = 1000))]
    pub description: Option<String>,
    /// The complete new permission set (custom roles only). Every holder's roles together must
    /// still respect the separation of duties.
    #[validate(length(max = 100))]
    pub permissions: Option<Vec<String>>,
    /// The version edited (or send `If-Match`).
    pub version: Option<i32>,
}

/// A role with its permissions.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleOut {
    pub id: Uuid,
    /// Stable code.
    #[schema(example = "office_clerk")]
    pub code: String,
    /// Display name.
    #[schema(example = "综合服务专员")]
    pub name: String,
    /// What the role is for (may be empty).
    pub description: String,
    /// Shipped with the system: name and permissions fixed, cannot be deleted.
    pub builtin: bool,
    /// Permission codes, sorted.
    pub permissions: Vec<String>,
    /// How many users hold the role.
    pub holder_count: u64,
    /// The role carries a system, security or audit permission (三员分立): it is granted only on
    /// the server (`xiaoban admin grant-role`); the API refuses it with 403 `server_only`.
    pub granted_on_server: bool,
    /// For optimistic concurrency.
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<RoleView> for RoleOut {
    fn from(v: RoleView) -> Self {
        Self {
            id: v.id,
            code: v.code,
            name: v.name,
            description: v.description,
            builtin: v.builtin,
            permissions: v.permissions,
            holder_count: v.holders,
            granted_on_server: v.granted_on_server,
            version: v.version,
            created_at: v.created_at,
            updated_at: v.updated_at,
        }
    }
}

#[derive(Debug, serde::Deserialize, validator::Validate, utoipa::IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct RolesQuery {
    /// Only roles whose name or code contains this (case-insensitive).
    #[validate(length(max = 100))]
    pub q: Option<String>,
}
