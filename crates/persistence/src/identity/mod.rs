//! Users, departments, roles, sessions and API keys.

pub mod api_keys;
pub mod departments;
pub mod grants;
pub mod memberships;
pub mod roles;
pub mod sessions;
pub mod users;
