//! Who may do what: the permission catalogue, built-in roles, separation of duties (三员分立)
//! and data scopes.

mod administration;
pub mod permission_def;
mod permissions;
pub mod role_codes;
pub mod role_sets;
mod roles;
mod roles_module;
mod scope;
mod separation;

pub use administration::{
    KeyScopeProblem, administrative, check_key_scopes, effective_key_scopes, held_over_all, is_administrative,
};
pub use permission_def::{Duty, PermissionDef};
pub use permissions::{CATALOGUE, codes, find};
pub use roles::{BUILTIN_ROLES, BuiltinRole, find_role};
pub use roles_module::MODULE as ROLES_MODULE;
pub use scope::{DataScope, Grant, Reach, reach};
pub use separation::{AUDIT_COMPATIBLE, DutyConflict, check_duties};
