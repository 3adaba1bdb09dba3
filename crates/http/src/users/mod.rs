//! Users: DTOs shared by `/me`, sign-in and (later) `/users`.

mod dto;

pub use dto::{ScopeOut, UserDepartmentOut, UserOut, UserRoleOut};
