//! System settings (系统设置) as a module; it has a permission but no operations of its own yet.

use crate::access::permission_def::{Duty, PermissionDef};
use crate::access::role_codes::SYSADMIN;
use crate::module::def::{ModuleDef, RoleGrant};

pub const SETTINGS_MANAGE: &str = "settings.manage";

pub const MODULE: ModuleDef = ModuleDef {
    permissions: &[PermissionDef::new(
        SETTINGS_MANAGE,
        "settings",
        "管理系统设置",
        "Manage system settings",
        Duty::System,
    )],
    grants: &[RoleGrant {
        roles: &[SYSADMIN],
        permissions: &[SETTINGS_MANAGE],
    }],
    ..ModuleDef::new("settings")
};
