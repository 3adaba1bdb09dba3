use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use xiaoban_domain::access::DataScope;
use xiaoban_services::users::{UserDepartment, UserRole, UserView};

/// The records a role assignment reaches.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
// Field names are spelled out: the OpenAPI derive does not read `rename_all_fields`.
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScopeOut {
    /// Every record.
    All,
    /// Records of the department and its sub-departments.
    Department {
        #[serde(rename = "departmentId")]
        department_id: Uuid,
    },
    /// Only the user's own records.
    #[serde(rename = "self")]
    OwnRecords,
}

impl From<DataScope> for ScopeOut {
    fn from(scope: DataScope) -> Self {
        match scope {
            DataScope::All => Self::All,
            DataScope::Department { department_id } => Self::Department { department_id },
            DataScope::OwnRecords => Self::OwnRecords,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserDepartmentOut {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    /// The user's primary department.
    pub primary: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserRoleOut {
    pub assignment_id: Uuid,
    #[schema(example = "office_clerk")]
    pub code: String,
    #[schema(example = "综合服务专员")]
    pub name: String,
    pub scope: ScopeOut,
}

/// A user. `phone` and `idNumber` are masked (`138****1234`) unless the caller may see them.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserOut {
    pub id: Uuid,
    #[schema(example = "zhangsan")]
    pub username: String,
    /// Staff or student number.
    pub number: Option<String>,
    #[schema(example = "张三")]
    pub name: String,
    #[schema(example = "138****1234")]
    pub phone: Option<String>,
    pub email: Option<String>,
    pub id_number: Option<String>,
    pub position: Option<String>,
    /// `active` or `disabled`.
    pub status: String,
    /// Classification level the user may read: 0 公开, 1 内部, 2 秘密, 3 机密, 4 绝密.
    pub clearance: i16,
    /// The password is an initial or reset one and must be changed before anything else.
    pub must_change_password: bool,
    pub locked_until: Option<DateTime<Utc>>,
    pub last_login_at: Option<DateTime<Utc>>,
    pub departments: Vec<UserDepartmentOut>,
    pub roles: Vec<UserRoleOut>,
    /// Effective permission codes (see `GET /api/v1/permissions`).
    pub permissions: Vec<String>,
    pub version: i32,
}

impl From<UserView> for UserOut {
    fn from(v: UserView) -> Self {
        Self {
            id: v.id,
            username: v.username,
            number: v.number,
            name: v.name,
            phone: v.phone,
            email: v.email,
            id_number: v.id_number,
            position: v.position,
            status: v.status,
            clearance: v.clearance,
            must_change_password: v.must_change_password,
            locked_until: v.locked_until,
            last_login_at: v.last_login_at,
            departments: v.departments.into_iter().map(department_out).collect(),
            roles: v.roles.into_iter().map(role_out).collect(),
            permissions: v.permissions.into_iter().collect(),
            version: v.version,
        }
    }
}

fn department_out(d: UserDepartment) -> UserDepartmentOut {
    UserDepartmentOut {
        id: d.id,
        code: d.code,
        name: d.name,
        primary: d.primary,
    }
}

fn role_out(r: UserRole) -> UserRoleOut {
    UserRoleOut {
        assignment_id: r.assignment_id,
        code: r.code,
        name: r.name,
        scope: r.scope.into(),
    }
}
