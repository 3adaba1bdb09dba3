//! sea-orm entities. They never derive `Serialize` or `ToSchema`: the API has its own DTOs.

pub mod api_key;
pub mod approval_delegation;
pub mod approval_event;
pub mod approval_instance;
pub mod approval_task;
pub mod approval_template;
pub mod approval_template_version;
pub mod audit_event;
pub mod audit_head;
pub mod calendar_day;
pub mod department;
pub mod file;
pub mod file_link;
pub mod idempotency_key;
pub mod notification;
pub mod number_counter;
pub mod number_series;
pub mod outbox_message;
pub mod role;
pub mod role_assignment;
pub mod role_permission;
pub mod session;
pub mod setting;
pub mod sign_in_throttle;
pub mod user;
pub mod user_department;
