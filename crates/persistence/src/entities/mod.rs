//! sea-orm entities. They never derive `Serialize` or `ToSchema`: the API has its own DTOs.

pub mod api_key;
pub mod audit_event;
pub mod audit_head;
pub mod calendar_day;
pub mod department;
pub mod file;
pub mod file_link;
pub mod idempotency_key;
pub mod number_counter;
pub mod number_series;
pub mod role;
pub mod role_assignment;
pub mod role_permission;
pub mod session;
pub mod setting;
pub mod user;
pub mod user_department;
