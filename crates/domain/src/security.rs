//! The password and lockout policy (安全策略) as a module; its operations are tagged `settings`.

use crate::access::permission_def::{Duty, PermissionDef};
use crate::access::role_codes::SECADMIN;
use crate::module::def::{ModuleDef, RoleGrant, TagDef};

pub const SECURITY_MANAGE: &str = "security.manage";

pub const MODULE: ModuleDef = ModuleDef {
    permissions: &[PermissionDef::new(
        SECURITY_MANAGE,
        "security",
        "管理密码与锁定策略",
        "Manage password and lockout policy",
        Duty::Security,
    )],
    grants: &[RoleGrant {
        roles: &[SECADMIN],
        permissions: &[SECURITY_MANAGE],
    }],
    tag: Some(TagDef {
        name: "settings",
        zh: "安全策略",
        en: "The password and lockout policy",
    }),
    ..ModuleDef::new("security")
};
