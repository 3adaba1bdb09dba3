//! Users (用户) as a module: their permissions and who holds them.

use crate::access::permission_def::{Duty, PermissionDef};
use crate::access::role_codes::{SECADMIN, SYSADMIN};
use crate::access::role_sets::OFFICE;
use crate::module::def::{ModuleDef, RoleGrant, TagDef};

pub const USER_READ: &str = "user.read";
pub const USER_MANAGE: &str = "user.manage";
pub const USER_IMPORT: &str = "user.import";
pub const USER_VIEW_SENSITIVE: &str = "user.view_sensitive";
pub const USER_RESET_PASSWORD: &str = "user.reset_password";
pub const USER_UNLOCK: &str = "user.unlock";
pub const USER_SET_CLEARANCE: &str = "user.set_clearance";

const fn user(code: &'static str, zh: &'static str, en: &'static str, duty: Duty) -> PermissionDef {
    PermissionDef::new(code, "user", zh, en, duty)
}

pub const MODULE: ModuleDef = ModuleDef {
    permissions: &[
        user(USER_READ, "查看用户", "View users", Duty::Business),
        user(USER_MANAGE, "管理用户", "Manage users", Duty::System),
        user(USER_IMPORT, "批量导入用户", "Import users", Duty::System),
        user(
            USER_VIEW_SENSITIVE,
            "查看完整手机号和证件号",
            "View full phone and ID numbers",
            Duty::Security,
        ),
        user(
            USER_RESET_PASSWORD,
            "重置用户密码",
            "Reset user passwords",
            Duty::Security,
        ),
        user(USER_UNLOCK, "解锁用户", "Unlock users", Duty::Security),
        user(
            USER_SET_CLEARANCE,
            "设置用户密级",
            "Set user clearances",
            Duty::Security,
        ),
    ],
    grants: &[
        RoleGrant {
            roles: &[SYSADMIN],
            permissions: &[USER_READ, USER_MANAGE, USER_IMPORT],
        },
        RoleGrant {
            roles: &[SECADMIN],
            permissions: &[
                USER_READ,
                USER_VIEW_SENSITIVE,
                USER_RESET_PASSWORD,
                USER_UNLOCK,
                USER_SET_CLEARANCE,
            ],
        },
        RoleGrant {
            roles: OFFICE,
            permissions: &[USER_READ],
        },
    ],
    tag: Some(TagDef {
        name: "users",
        zh: "用户",
        en: "Users, their departments and roles",
    }),
    ..ModuleDef::new("user")
};
