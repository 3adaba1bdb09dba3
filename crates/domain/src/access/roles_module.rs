//! Roles and the permission catalogue (角色与权限) as a module.

use super::role_codes::SYSADMIN;
use super::{Duty, PermissionDef};
use crate::module::def::{ModuleDef, RoleGrant, TagDef};

pub const ROLE_READ: &str = "role.read";
pub const ROLE_MANAGE: &str = "role.manage";
pub const ROLE_ASSIGN: &str = "role.assign";

pub const MODULE: ModuleDef = ModuleDef {
    permissions: &[
        PermissionDef::new(ROLE_READ, "role", "查看角色", "View roles", Duty::Business),
        PermissionDef::new(ROLE_MANAGE, "role", "管理角色", "Manage roles", Duty::System),
        PermissionDef::new(ROLE_ASSIGN, "role", "分配角色", "Assign roles", Duty::System),
    ],
    grants: &[RoleGrant {
        roles: &[SYSADMIN],
        permissions: &[ROLE_READ, ROLE_MANAGE, ROLE_ASSIGN],
    }],
    tag: Some(TagDef {
        name: "roles",
        zh: "角色与权限",
        en: "Roles and the permission catalogue",
    }),
    ..ModuleDef::new("role")
};
