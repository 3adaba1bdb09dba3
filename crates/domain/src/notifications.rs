//! Notifications (通知) as a module: everyone reads their own.

use crate::access::permission_def::{Duty, PermissionDef};
use crate::access::role_sets::EVERYONE;
use crate::module::def::{ModuleDef, RoleGrant, TagDef};

pub const NOTIFICATION_READ: &str = "notification.read";

pub const MODULE: ModuleDef = ModuleDef {
    permissions: &[PermissionDef::new(
        NOTIFICATION_READ,
        "notification",
        "查看通知",
        "Read notifications",
        Duty::Business,
    )],
    grants: &[RoleGrant {
        roles: EVERYONE,
        permissions: &[NOTIFICATION_READ],
    }],
    tag: Some(TagDef {
        name: "notifications",
        zh: "通知",
        en: "The signed-in user's notifications",
    }),
    ..ModuleDef::new("notification")
};
