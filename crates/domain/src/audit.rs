//! The audit log (审计日志) as a module.

use crate::access::permission_def::{Duty, PermissionDef};
use crate::access::role_codes::AUDITOR;
use crate::module::def::{ModuleDef, RoleGrant, TagDef};

pub const AUDIT_READ: &str = "audit.read";

pub const MODULE: ModuleDef = ModuleDef {
    permissions: &[PermissionDef::new(
        AUDIT_READ,
        "audit",
        "查看审计日志",
        "Read the audit log",
        Duty::Audit,
    )],
    grants: &[RoleGrant {
        roles: &[AUDITOR],
        permissions: &[AUDIT_READ],
    }],
    tag: Some(TagDef {
        name: "audit",
        zh: "审计日志",
        en: "The tamper-evident audit log (auditor only)",
    }),
    ..ModuleDef::new("audit")
};
