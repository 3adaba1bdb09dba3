//! The shape of a module's declaration, apart from the list of modules, so that declaring a
//! module never imports the list that names it.

use serde::Serialize;

use crate::access::permission_def::PermissionDef;

/// A module's stable code, as stored with its records (`subject_module`, file links,
/// numbering series), e.g. `approval`. It is also the group of the module's permissions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ModuleCode(&'static str);

impl ModuleCode {
    pub const fn new(code: &'static str) -> Self {
        Self(code)
    }

    pub const fn as_str(self) -> &'static str {
        self.0
    }
}

impl std::fmt::Display for ModuleCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// Which built-in roles receive which of the module's permissions by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleGrant {
    pub roles: &'static [&'static str],
    pub permissions: &'static [&'static str],
}

/// A numbering series the module's records are numbered in (see `NumberPattern`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeriesDef {
    /// Stable key, e.g. `approval`.
    pub key: &'static str,
    /// Chinese name shown to administrators.
    pub name: &'static str,
    /// The default pattern, e.g. `SP-{year}-{seq:05}`.
    pub pattern: &'static str,
}

/// The module's tag in the OpenAPI document, grouping its operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TagDef {
    pub name: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

/// Everything the other layers need to know about a module, kept in the module's own folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModuleDef {
    pub code: ModuleCode,
    /// Its permissions; each code starts with the module's code (its group).
    pub permissions: &'static [PermissionDef],
    pub grants: &'static [RoleGrant],
    pub series: &'static [SeriesDef],
    pub tag: Option<TagDef>,
}

impl ModuleDef {
    /// A module with no permissions, series or tag yet; declarations fill in what they have.
    pub const fn new(code: &'static str) -> Self {
        Self {
            code: ModuleCode::new(code),
            permissions: &[],
            grants: &[],
            series: &[],
            tag: None,
        }
    }
}
