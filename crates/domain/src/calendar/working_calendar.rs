//! Working days of a school: weekends, official holidays and make-up working days.

use std::collections::BTreeMap;
use std::ops::Bound;

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};
use chrono_tz::Tz;

use super::local_time::{local_date, resolve_local};
use super::{DayKind, SchoolHours};

/// Longest forward scan, in days, of any calendar walk; callers validate spans of at most 3,650 days.
pub const MAX_SCAN_DAYS: u64 = 3_700;

/// A school's working calendar: its time zone, daily school hours and the dates that deviate from
/// the Monday–Friday week.
///
/// Every walk is bounded by [`MAX_SCAN_DAYS`]; when a walk cannot finish within that bound it returns
/// the furthest point it reached instead of looping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingCalendar {
    tz: Tz,
    hours: SchoolHours,
    special: BTreeMap<NaiveDate, DayKind>,
}

impl WorkingCalendar {
    /// Builds a calendar; when a date is listed twice the last entry wins.
    pub fn new(tz: Tz, hours: SchoolHours, special: impl IntoIterator<Item = (NaiveDate, DayKind)>) -> Self {
        Self {
            tz,
            hours,
            special: special.into_iter().collect(),
        }
    }

    /// The school's time zone.
    pub fn tz(&self) -> Tz {
        self.tz
    }

    /// The daily school hours.
    pub fn hours(&self) -> &SchoolHours {
        &self.hours
    }

    /// Whether school works on `date`: listed holidays never, make-up workdays always, otherwise Mon–Fri.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        match self.special.get(&date) {
            Some(DayKind::Holiday) => false,
            Some(DayKind::Workday) => true,
            None => !is_weekend(date),
        }
    }

    /// The first working day strictly after `date` (or `date` + [`MAX_SCAN_DAYS`] if none is found).
    pub fn next_working_day(&self, date: NaiveDate) -> NaiveDate {
        days_after(date)
            .find(|&day| self.is_working_day(day))
            .unwrap_or_else(|| scan_limit(date))
    }

    /// Deadline `days` working days after `start`: the close of school hours on the `days`-th working
    /// day strictly after the start's local date.
    ///
    /// With `days == 0` it is the close of the start's own day when that is a working day and `start`
    /// is before its close, otherwise the close of the next working day. If the scan limit is hit, the
    /// close of `start` + [`MAX_SCAN_DAYS`] is returned.
    pub fn add_working_days(&self, start: DateTime<Utc>, days: u32) -> DateTime<Utc> {
        let start_date = local_date(self.tz, start);
        let Some(nth) = days.checked_sub(1) else {
            let today_close = self.close_of(start_date);
            if self.is_working_day(start_date) && start < today_close {
                return today_close;
            }
            return self.close_of(self.next_working_day(start_date));
        };
        let target = usize::try_from(nth).ok().and_then(|nth| {
            days_after(start_date)
                .filter(|&day| self.is_working_day(day))
                .nth(nth)
        });
        self.close_of(target.unwrap_or_else(|| scan_limit(start_date)))
    }

    /// Number of working days `d` with `from`'s local date < `d` <= `to`'s local date (0 if none).
    pub fn working_days_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> u32 {
        let (first, last) = (local_date(self.tz, from), local_date(self.tz, to));
        if last <= first {
            return 0;
        }
        let mut count = weekdays_through(last) - weekdays_through(first);
        for (&date, &kind) in self
            .special
            .range((Bound::Excluded(first), Bound::Included(last)))
        {
            match (kind, is_weekend(date)) {
                (DayKind::Holiday, false) => count -= 1,
                (DayKind::Workday, true) => count += 1,
                _ => {}
            }
        }
        u32::try_from(count).unwrap_or(if count < 0 { 0 } else { u32::MAX })
    }

    /// The instant school closes (end of the last period) on `date`.
    pub(crate) fn close_of(&self, date: NaiveDate) -> DateTime<Utc> {
        resolve_local(self.tz, date.and_time(self.hours.closes()))
    }
}

/// The dates after `date`, up to and including `date` + [`MAX_SCAN_DAYS`].
pub(crate) fn days_after(date: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    (1..=MAX_SCAN_DAYS).map_while(move |offset| date.checked_add_days(Days::new(offset)))
}

fn scan_limit(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(MAX_SCAN_DAYS))
        .unwrap_or(NaiveDate::MAX)
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

// Monday–Friday count from 0001-01-01 (a Monday) through `date`, so ranges need no day-by-day walk.
fn weekdays_through(date: NaiveDate) -> i64 {
    let since_monday = i64::from(date.num_days_from_ce()) - 1;
    since_monday.div_euclid(7) * 5 + (since_monday.rem_euclid(7) + 1).min(5)
}
