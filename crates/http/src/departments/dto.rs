use serde::{Deserialize, Deserializer, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;
use xiaoban_services::departments::{DepartmentPatch, DepartmentView, NewDepartment};

/// Reads a field that may be absent (`None`), `null` (`Some(None)`) or a value.
pub(crate) fn nullable<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct DepartmentsQuery {
    /// Include deactivated departments (and their sub-departments). Default `false`.
    pub include_inactive: Option<bool>,
    /// Only departments whose name or code contains this (case-insensitive), with their parent
    /// departments so the tree stays whole.
    #[validate(length(max = 100))]
    pub q: Option<String>,
}

/// A department to create.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DepartmentIn {
    /// Unique code: 2 to 32 of `A-Z a-z 0-9 _ -`.
    #[validate(length(min = 2, max = 32))]
    #[schema(
        example = "jwc",
        min_length = 2,
        max_length = 32,
        pattern = "^[A-Za-z0-9_-]+$"
    )]
    pub code: String,
    /// Name, 1 to 100 characters.
    #[validate(length(min = 1, max = 100))]
    #[schema(example = "教务处")]
    pub name: String,
    /// The parent department; none makes a top-level department.
    pub parent_id: Option<Uuid>,
    /// The head (负责人), a user.
    pub head_user_id: Option<Uuid>,
    /// The leader in charge (分管校领导), a user: decides a request of the head's own.
    pub leader_user_id: Option<Uuid>,
    /// Position among siblings, smallest first. Default 0.
    pub sort_order: Option<i32>,
}

impl From<DepartmentIn> for NewDepartment {
    fn from(d: DepartmentIn) -> Self {
        Self {
            code: d.code,
            name: d.name,
            parent_id: d.parent_id,
            head_user_id: d.head_user_id,
            leader_user_id: d.leader_user_id,
            sort_order: d.sort_order,
        }
    }
}

/// Changes to a department. Absent fields stay as they are.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DepartmentPatchIn {
    /// New unique code: 2 to 32 of `A-Z a-z 0-9 _ -`.
    #[validate(length(min = 2, max = 32))]
    pub code: Option<String>,
    #[validate(length(min = 1, max = 100))]
    pub name: Option<String>,
    /// Moves the department; `null` makes it top-level. It cannot go below itself.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Uuid>)]
    pub parent_id: Option<Option<Uuid>>,
    /// The head (负责人); `null` clears it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Uuid>)]
    pub head_user_id: Option<Option<Uuid>>,
    /// The leader in charge (分管校领导); `null` clears it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Uuid>)]
    pub leader_user_id: Option<Option<Uuid>>,
    pub sort_order: Option<i32>,
    /// `false` deactivates the department: refused while it has active members or active
    /// sub-departments.
    pub active: Option<bool>,
    /// The version this change is based on (or send `If-Match`).
    pub version: Option<i32>,
}

impl From<DepartmentPatchIn> for DepartmentPatch {
    fn from(p: DepartmentPatchIn) -> Self {
        Self {
            code: p.code,
            name: p.name,
            parent_id: p.parent_id,
            head_user_id: p.head_user_id,
            leader_user_id: p.leader_user_id,
            sort_order: p.sort_order,
            active: p.active,
        }
    }
}

/// A department.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DepartmentOut {
    pub id: Uuid,
    #[schema(example = "jwc")]
    pub code: String,
    #[schema(example = "教务处")]
    pub name: String,
    /// The parent; `null` for a top-level department.
    pub parent_id: Option<Uuid>,
    /// The head (负责人).
    pub head_user_id: Option<Uuid>,
    /// The head's name.
    pub head_name: Option<String>,
    /// The leader in charge (分管校领导): decides a request of the head's own.
    pub leader_user_id: Option<Uuid>,
    /// The leader in charge's name.
    pub leader_name: Option<String>,
    /// Position among siblings, smallest first.
    pub sort_order: i32,
    /// Deactivated departments take no new members.
    pub active: bool,
    /// Active users who belong to this department directly (sub-departments not counted).
    pub member_count: u64,
    pub version: i32,
}

impl From<DepartmentView> for DepartmentOut {
    fn from(v: DepartmentView) -> Self {
        Self {
            id: v.id,
            code: v.code,
            name: v.name,
            parent_id: v.parent_id,
            head_user_id: v.head_user_id,
            head_name: v.head_name,
            leader_user_id: v.leader_user_id,
            leader_name: v.leader_name,
            sort_order: v.sort_order,
            active: v.active,
            member_count: v.member_count,
            version: v.version,
        }
    }
}
