//! Users as the API shows them.

mod view;

pub use view::{UserDepartment, UserRole, UserView};
