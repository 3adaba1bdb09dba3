//! Working-time arithmetic at minute granularity within school hours.

use chrono::{DateTime, TimeDelta, Utc};

use super::WorkingCalendar;
use super::local_time::{local_date, resolve_local};
use super::working_calendar::days_after;

impl WorkingCalendar {
    /// The instant after consuming `minutes` of school time from `start`.
    ///
    /// A start outside school time begins at the next period's start. When the minutes run out exactly
    /// at a period's end, the result is that end (e.g. 12:00), not the next period's start. `0` returns
    /// `start` unchanged. If the scan limit is hit, the end of the last period reached is returned.
    pub fn add_working_minutes(&self, start: DateTime<Utc>, minutes: u32) -> DateTime<Utc> {
        let mut remaining = TimeDelta::minutes(i64::from(minutes));
        if remaining.is_zero() {
            return start;
        }
        let mut reached = start;
        for (open, close) in self.periods_from(start) {
            let from = open.max(start);
            let available = close - from;
            if remaining <= available {
                return from.checked_add_signed(remaining).unwrap_or(close);
            }
            remaining -= available;
            reached = close;
        }
        reached
    }

    /// [`Self::add_working_minutes`] with `hours * 60` minutes.
    pub fn add_working_hours(&self, start: DateTime<Utc>, hours: u32) -> DateTime<Utc> {
        self.add_working_minutes(start, hours.saturating_mul(60))
    }

    /// Whole minutes of school time in `[from, to)`; 0 when `to <= from`. Only the first
    /// `MAX_SCAN_DAYS` days after `from`'s local date are counted.
    pub fn working_minutes_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
        if to <= from {
            return 0;
        }
        let mut total = TimeDelta::zero();
        for (open, close) in self.periods_from(from) {
            if open >= to {
                break;
            }
            let overlap = close.min(to) - open.max(from);
            if overlap > TimeDelta::zero() {
                total += overlap;
            }
        }
        total.num_minutes()
    }

    /// School periods of working days as instants, in order, that end after `from` and have a
    /// positive length (a period swallowed by a DST gap has none), limited to the scan window.
    fn periods_from(&self, from: DateTime<Utc>) -> impl Iterator<Item = (DateTime<Utc>, DateTime<Utc>)> {
        let first_day = local_date(self.tz(), from);
        std::iter::once(first_day)
            .chain(days_after(first_day))
            .filter(|&day| self.is_working_day(day))
            .flat_map(move |day| {
                self.hours().periods().iter().map(move |&(open, close)| {
                    (
                        resolve_local(self.tz(), day.and_time(open)),
                        resolve_local(self.tz(), day.and_time(close)),
                    )
                })
            })
            .filter(move |&(open, close)| close > from && close > open)
    }
}
