//! Users as the API shows them, and their administration: list, create, edit, disable, reset
//! passwords, unlock, clearance and role assignments.

mod actions;
mod administrators;
mod create;
mod export;
mod list;
mod load;
mod module;
mod reach;
mod roles;
mod update;
mod view;

pub use create::{CreatedUser, NewUser};
pub use list::{USER_LIST, UserListFilter};
pub use module::UsersModule;
pub use roles::RoleGrant;
pub use update::UserPatch;
pub use view::{UserDepartment, UserRole, UserView};
