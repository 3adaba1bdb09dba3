//! Pure business rules of Xiaoban: types, state machines, validation, working calendar,
//! numbering patterns. No IO, no database, no HTTP.

pub mod access;
pub mod api_keys;
pub mod approvals;
pub mod audit;
pub mod calendar;
pub mod dates;
pub mod departments;
pub mod documents;
pub mod error;
pub mod files;
pub mod identity;
pub mod module;
pub mod notices;
pub mod notifications;
pub mod numbering;
pub mod paging;
pub mod security;
pub mod settings;
pub mod state;
pub mod text;

pub use calendar::{DayKind, SchoolHours, SpecialDay, WorkingCalendar, parse_holiday_csv};
pub use error::DomainError;
pub use module::{MODULES, ModuleCode, ModuleDef};
pub use numbering::NumberPattern;
