//! Users, departments, roles, sessions, API keys and second factors.

pub mod api_keys;
pub mod departments;
pub mod grants;
pub mod memberships;
pub mod roles;
pub mod roster;
pub mod seed;
pub mod sessions;
pub mod throttle;
pub mod totp;
pub mod user_list;
pub mod users;
