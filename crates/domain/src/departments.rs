//! The department tree (部门) as a module: its permissions and who holds them.

use crate::access::permission_def::{Duty, PermissionDef};
use crate::access::role_codes::SYSADMIN;
use crate::access::role_sets::OFFICE;
use crate::module::def::{ModuleDef, RoleGrant, TagDef};

pub const DEPARTMENT_READ: &str = "department.read";
pub const DEPARTMENT_MANAGE: &str = "department.manage";

pub const MODULE: ModuleDef = ModuleDef {
    permissions: &[
        PermissionDef::new(
            DEPARTMENT_READ,
            "department",
            "查看部门",
            "View departments",
            Duty::Business,
        ),
        PermissionDef::new(
            DEPARTMENT_MANAGE,
            "department",
            "管理部门",
            "Manage departments",
            Duty::System,
        ),
    ],
    grants: &[
        RoleGrant {
            roles: &[SYSADMIN],
            permissions: &[DEPARTMENT_READ, DEPARTMENT_MANAGE],
        },
        RoleGrant {
            roles: OFFICE,
            permissions: &[DEPARTMENT_READ],
        },
    ],
    tag: Some(TagDef {
        name: "departments",
        zh: "部门",
        en: "The department tree",
    }),
    ..ModuleDef::new("department")
};
