//! Working calendars: official holidays, make-up working days, school hours and deadline arithmetic.

mod day_kind;
mod holiday_csv;
mod local_time;
mod module;
mod school_hours;
mod working_calendar;
mod working_minutes;

#[cfg(test)]
mod tests;

pub use day_kind::{DayKind, SpecialDay};
pub use holiday_csv::parse_holiday_csv;
pub use module::{CALENDAR_MANAGE, MODULE};
pub use school_hours::SchoolHours;
pub use working_calendar::{MAX_SCAN_DAYS, WorkingCalendar};
