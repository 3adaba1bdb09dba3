//! The module kit's declaration: what each business module is, as pure data. Every area
//! declares itself in its own folder ([`ModuleDef`]); [`MODULES`] names them all, and the
//! permission catalogue, the built-in roles' permissions, the numbering series and the OpenAPI
//! tags are derived from that one list.

mod derive;
pub mod platform;
#[cfg(test)]
mod tests;

use serde::Serialize;

pub use derive::{CATALOGUE, granted_count, granted_to};

use crate::access::PermissionDef;

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

/// Every module, in the order of the permission catalogue and the OpenAPI tags.
pub const MODULES: &[&ModuleDef] = &[
    &platform::PLATFORM,
    &platform::AUTH,
    &platform::ME,
    &crate::departments::MODULE,
    &crate::identity::MODULE,
    &crate::access::ROLES_MODULE,
    &crate::api_keys::MODULE,
    &crate::security::MODULE,
    &crate::audit::MODULE,
    &crate::calendar::MODULE,
    &crate::settings::MODULE,
    &platform::DIRECTORY,
    &crate::notifications::MODULE,
    &crate::approvals::MODULE,
    &crate::files::MODULE,
    &crate::notices::NOTICE,
    &crate::notices::GUIDE,
    &crate::notices::PUBLIC,
];

/// Looks a module up by its code.
pub fn find_module(code: &str) -> Option<&'static ModuleDef> {
    MODULES.iter().copied().find(|m| m.code.as_str() == code)
}
