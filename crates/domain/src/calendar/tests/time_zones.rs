use chrono::{NaiveDateTime, TimeZone, Utc};
use chrono_tz::America::New_York;
use chrono_tz::Europe::Berlin;
use chrono_tz::Tz;

use super::*;
use crate::calendar::local_time::resolve_local;

fn local(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> NaiveDateTime {
    date(year, month, day).and_hms_opt(hour, minute, 0).unwrap()
}

fn utc(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, hour, minute, 0).unwrap()
}

fn calendar(tz: Tz, hours: &str, special: &[(NaiveDate, DayKind)]) -> WorkingCalendar {
    WorkingCalendar::new(tz, SchoolHours::parse(hours).unwrap(), special.iter().copied())
}

#[test]
fn a_nonexistent_local_time_skips_forward_to_the_end_of_the_gap() {
    // New York springs forward from 02:00 EST to 03:00 EDT on 2026-03-08, i.e. at 07:00 UTC.
    assert_eq!(
        resolve_local(New_York, local(2026, 3, 8, 2, 30)),
        utc(2026, 3, 8, 7, 0)
    );
    assert_eq!(
        resolve_local(New_York, local(2026, 3, 8, 2, 0)),
        utc(2026, 3, 8, 7, 0)
    );
    assert_eq!(
        resolve_local(New_York, local(2026, 3, 8, 3, 0)),
        utc(2026, 3, 8, 7, 0)
    );
}

#[test]
fn an_ambiguous_local_time_takes_its_earliest_instant() {
    // New York falls back from 02:00 EDT to 01:00 EST on 2026-11-01.
    assert_eq!(
        resolve_local(New_York, local(2026, 11, 1, 1, 30)),
        utc(2026, 11, 1, 5, 30)
    );
}

#[test]
fn deadlines_after_a_dst_change_close_at_local_school_hours() {
    // Berlin switches to summer time on Sunday 2026-03-29.
    let calendar = calendar(Berlin, "08:00-12:00,14:00-17:30", &[]);
    assert_eq!(
        calendar.add_working_days(utc(2026, 3, 27, 9, 0), 1),
        utc(2026, 3, 30, 15, 30)
    );
    assert_eq!(
        calendar.add_working_minutes(utc(2026, 3, 27, 16, 0), 60),
        utc(2026, 3, 30, 6, 30)
    );
}

#[test]
fn a_period_spanning_the_spring_forward_gap_counts_real_elapsed_minutes() {
    let calendar = calendar(New_York, "01:00-04:00", &[(date(2026, 3, 8), Workday)]);
    let opens = utc(2026, 3, 8, 6, 0);
    let closes = utc(2026, 3, 8, 8, 0);
    assert_eq!(calendar.working_minutes_between(opens, closes), 120);
    assert_eq!(calendar.add_working_minutes(opens, 120), closes);
}

#[test]
fn a_period_swallowed_by_the_spring_forward_gap_is_skipped() {
    let calendar = calendar(
        New_York,
        "02:10-02:50,09:00-10:00",
        &[(date(2026, 3, 8), Workday)],
    );
    assert_eq!(
        calendar.add_working_minutes(utc(2026, 3, 8, 5, 0), 1),
        utc(2026, 3, 8, 13, 1)
    );
}

#[test]
fn a_period_spanning_the_fall_back_overlap_counts_the_repeated_hour() {
    let calendar = calendar(New_York, "01:00-03:00", &[(date(2026, 11, 1), Workday)]);
    let day = (utc(2026, 11, 1, 0, 0), utc(2026, 11, 2, 0, 0));
    assert_eq!(calendar.working_minutes_between(day.0, day.1), 180);
}
