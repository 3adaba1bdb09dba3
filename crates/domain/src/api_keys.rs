//! API keys (API 密钥) for scripts and integrations, as a module.

use crate::access::permission_def::{Duty, PermissionDef};
use crate::access::role_codes::SECADMIN;
use crate::module::def::{ModuleDef, RoleGrant, TagDef};

pub const API_KEY_MANAGE: &str = "api_key.manage";

pub const MODULE: ModuleDef = ModuleDef {
    permissions: &[PermissionDef::new(
        API_KEY_MANAGE,
        "api_key",
        "管理 API 密钥",
        "Manage API keys",
        Duty::Security,
    )],
    grants: &[RoleGrant {
        roles: &[SECADMIN],
        permissions: &[API_KEY_MANAGE],
    }],
    tag: Some(TagDef {
        name: "api-keys",
        zh: "API 密钥",
        en: "Keys for scripts and integrations",
    }),
    ..ModuleDef::new("api_key")
};
