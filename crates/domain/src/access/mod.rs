//! Who may do what: the permission catalogue, built-in roles, separation of duties (三员分立)
//! and data scopes.

mod permissions;
mod roles;
mod scope;
mod separation;

pub use permissions::{CATALOGUE, Duty, PermissionDef, codes, find};
pub use roles::{BUILTIN_ROLES, BuiltinRole, find_role, role_codes};
pub use scope::{DataScope, Grant, Reach, reach};
pub use separation::{AUDIT_COMPATIBLE, DutyConflict, check_duties};
