//! Approvals (审批) as a module: permissions, who holds them, and the requests' numbering series.

use crate::access::permission_def::{Duty, PermissionDef};
use crate::access::role_codes::{OFFICE_DIRECTOR, SECADMIN, STAFF, STUDENT, SYSADMIN};
use crate::access::role_sets::OFFICE;
use crate::module::def::{ModuleDef, RoleGrant, SeriesDef, TagDef};

pub const APPROVAL_USE: &str = "approval.use";
pub const APPROVAL_TEMPLATE_MANAGE: &str = "approval.template.manage";
pub const APPROVAL_ADMIN: &str = "approval.admin";

/// The series every request is numbered in (审批编号).
pub const NUMBER_SERIES: SeriesDef = SeriesDef {
    key: "approval",
    name: "审批编号",
    pattern: "SP-{year}-{seq:05}",
};

const fn approval(code: &'static str, zh: &'static str, en: &'static str) -> PermissionDef {
    PermissionDef::new(code, "approval", zh, en, Duty::Business)
}

pub const MODULE: ModuleDef = ModuleDef {
    permissions: &[
        approval(APPROVAL_USE, "发起和处理审批", "Start and handle approvals"),
        approval(
            APPROVAL_TEMPLATE_MANAGE,
            "管理审批模板",
            "Manage approval templates",
        ),
        approval(
            APPROVAL_ADMIN,
            "审批监管（查看全部、撤销）",
            "Oversee approvals (view all, cancel)",
        ),
    ],
    grants: &[
        // Everyone but the auditor, whose duty mixes with no business.
        RoleGrant {
            roles: &[SYSADMIN, SECADMIN, STAFF, STUDENT],
            permissions: &[APPROVAL_USE],
        },
        RoleGrant {
            roles: OFFICE,
            permissions: &[APPROVAL_USE],
        },
        RoleGrant {
            roles: &[SYSADMIN, OFFICE_DIRECTOR],
            permissions: &[APPROVAL_TEMPLATE_MANAGE],
        },
        RoleGrant {
            roles: &[OFFICE_DIRECTOR],
            permissions: &[APPROVAL_ADMIN],
        },
    ],
    series: &[NUMBER_SERIES],
    tag: Some(TagDef {
        name: "approvals",
        zh: "审批",
        en: "Approval templates, requests, actions and the inbox",
    }),
    ..ModuleDef::new("approval")
};
