//! The platform's own areas: they have operations (and so a tag) but no permissions.

use super::def::{ModuleDef, TagDef};

pub const PLATFORM: ModuleDef = ModuleDef {
    tag: Some(TagDef {
        name: "platform",
        zh: "平台",
        en: "Health and readiness",
    }),
    ..ModuleDef::new("platform")
};

pub const AUTH: ModuleDef = ModuleDef {
    tag: Some(TagDef {
        name: "auth",
        zh: "登录",
        en: "Sign-in, token refresh and sign-out",
    }),
    ..ModuleDef::new("auth")
};

pub const ME: ModuleDef = ModuleDef {
    tag: Some(TagDef {
        name: "me",
        zh: "个人中心",
        en: "The signed-in user",
    }),
    ..ModuleDef::new("me")
};

pub const DIRECTORY: ModuleDef = ModuleDef {
    tag: Some(TagDef {
        name: "directory",
        zh: "通讯录",
        en: "Names and departments for pickers",
    }),
    ..ModuleDef::new("directory")
};
