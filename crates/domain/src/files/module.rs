//! Files (附件) as a module: no permission of their own; who reads one is decided by the
//! records it is attached to.

use crate::module::def::{ModuleDef, TagDef};

pub const MODULE: ModuleDef = ModuleDef {
    tag: Some(TagDef {
        name: "files",
        zh: "附件",
        en: "Uploaded files, attached to records",
    }),
    ..ModuleDef::new("file")
};
