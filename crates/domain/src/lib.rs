//! Pure business rules of Xiaoban: types, state machines, validation, working calendar,
//! numbering patterns. No IO, no database, no HTTP.

pub mod access;
pub mod approvals;
pub mod calendar;
pub mod dates;
pub mod error;
pub mod files;
pub mod identity;
pub mod numbering;
pub mod paging;
pub mod state;
pub mod text;

pub use calendar::{DayKind, SchoolHours, SpecialDay, WorkingCalendar, parse_holiday_csv};
pub use error::DomainError;
pub use numbering::NumberPattern;
