//! The module kit's declaration: what each business module is, as pure data. Every area
//! declares itself in its own folder ([`ModuleDef`]); [`MODULES`] names them all, and the
//! permission catalogue, the built-in roles' permissions, the numbering series and the OpenAPI
//! tags are derived from that one list.

pub mod def;
mod derive;
pub mod platform;
#[cfg(test)]
mod tests;

pub use def::{ModuleCode, ModuleDef, RoleGrant, SeriesDef, TagDef};
pub use derive::{CATALOGUE, granted_count, granted_to};

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
