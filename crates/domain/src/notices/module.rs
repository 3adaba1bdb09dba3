//! 通知公告 and 办事指南 / 操作手册 as modules: their permissions, who holds them, their tags.
//! Reading is for every signed-in role but the auditor (三员分立: the auditor does nothing
//! else by default); the general office writes.

use crate::access::permission_def::{Duty, PermissionDef};
use crate::access::role_codes::{OFFICE_CLERK, OFFICE_DIRECTOR, SECADMIN, STAFF, STUDENT, SYSADMIN};
use crate::access::role_sets::OFFICE;
use crate::module::def::{ModuleDef, RoleGrant, TagDef};

pub const NOTICE_READ: &str = "notice.read";
pub const NOTICE_MANAGE: &str = "notice.manage";
pub const GUIDE_READ: &str = "guide.read";
pub const GUIDE_MANAGE: &str = "guide.manage";

/// Everyone who reads notices and guides by default.
const READERS: &[&[&str]] = &[&[SYSADMIN, SECADMIN, STAFF, STUDENT], OFFICE];

/// Who publishes them: the general office.
const WRITERS: &[&str] = &[OFFICE_DIRECTOR, OFFICE_CLERK];

pub const NOTICE: ModuleDef = ModuleDef {
    permissions: &[
        PermissionDef::new(
            NOTICE_READ,
            "notice",
            "阅读通知公告",
            "Read notices",
            Duty::Business,
        ),
        PermissionDef::new(
            NOTICE_MANAGE,
            "notice",
            "发布和管理通知公告",
            "Publish and manage notices",
            Duty::Business,
        ),
    ],
    grants: &[
        RoleGrant {
            roles: READERS[0],
            permissions: &[NOTICE_READ],
        },
        RoleGrant {
            roles: READERS[1],
            permissions: &[NOTICE_READ],
        },
        RoleGrant {
            roles: WRITERS,
            permissions: &[NOTICE_MANAGE],
        },
    ],
    tag: Some(TagDef {
        name: "notices",
        zh: "通知公告",
        en: "Notices to an audience, with read receipts",
    }),
    ..ModuleDef::new("notice")
};

pub const GUIDE: ModuleDef = ModuleDef {
    permissions: &[
        PermissionDef::new(
            GUIDE_READ,
            "guide",
            "查阅办事指南和操作手册",
            "Read service guides and manuals",
            Duty::Business,
        ),
        PermissionDef::new(
            GUIDE_MANAGE,
            "guide",
            "编写和发布办事指南、操作手册",
            "Write and publish guides and manuals",
            Duty::Business,
        ),
    ],
    grants: &[
        RoleGrant {
            roles: READERS[0],
            permissions: &[GUIDE_READ],
        },
        RoleGrant {
            roles: READERS[1],
            permissions: &[GUIDE_READ],
        },
        RoleGrant {
            roles: WRITERS,
            permissions: &[GUIDE_MANAGE],
        },
    ],
    tag: Some(TagDef {
        name: "guides",
        zh: "办事指南与操作手册",
        en: "Versioned service guides and operating manuals",
    }),
    ..ModuleDef::new("guide")
};

/// What anyone may read without signing in: published notices and guides marked public. It
/// owns no records and no permissions, only its tag.
pub const PUBLIC: ModuleDef = ModuleDef {
    tag: Some(TagDef {
        name: "public",
        zh: "公开信息",
        en: "What anyone may read without signing in",
    }),
    ..ModuleDef::new("public")
};
