//! The working calendar (工作日历) as a module.

use crate::access::permission_def::{Duty, PermissionDef};
use crate::access::role_codes::SYSADMIN;
use crate::module::def::{ModuleDef, RoleGrant, TagDef};

pub const CALENDAR_MANAGE: &str = "calendar.manage";

pub const MODULE: ModuleDef = ModuleDef {
    permissions: &[PermissionDef::new(
        CALENDAR_MANAGE,
        "calendar",
        "管理校历与节假日",
        "Manage the calendar and holidays",
        Duty::System,
    )],
    grants: &[RoleGrant {
        roles: &[SYSADMIN],
        permissions: &[CALENDAR_MANAGE],
    }],
    tag: Some(TagDef {
        name: "calendar",
        zh: "工作日历",
        en: "The school's working calendar and deadlines",
    }),
    ..ModuleDef::new("calendar")
};
