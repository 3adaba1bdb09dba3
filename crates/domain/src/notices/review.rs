//! The half-yearly review (每半年复核): a published guide is due for review six months after
//! its publication, on a working day of the school's calendar.

use chrono::{Months, NaiveDate};

use crate::WorkingCalendar;

/// How many months a published version stays current before its review.
pub const REVIEW_MONTHS: u32 = 6;

/// The review date of a version published on `published_on`: six months later, moved to the
/// next working day when that is a weekend or holiday.
pub fn review_due(published_on: NaiveDate, calendar: &WorkingCalendar) -> NaiveDate {
    let due = published_on
        .checked_add_months(Months::new(REVIEW_MONTHS))
        .unwrap_or(published_on);
    if calendar.is_working_day(due) {
        due
    } else {
        calendar.next_working_day(due)
    }
}
