//! sea-orm entities. They never derive `Serialize` or `ToSchema`: the API has its own DTOs.

pub mod calendar_day;
pub mod idempotency_key;
pub mod number_counter;
pub mod number_series;
