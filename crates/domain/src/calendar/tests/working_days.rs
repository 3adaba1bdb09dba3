use chrono::Days;

use super::*;
use crate::calendar::MAX_SCAN_DAYS;

#[test]
fn three_working_days_from_national_day_eve_end_on_the_make_up_saturday() {
    let calendar = calendar_2026();
    assert_eq!(
        calendar.add_working_days(shanghai(2026, 9, 30, 17, 0), 3),
        shanghai(2026, 10, 10, 17, 30)
    );
}

#[test]
fn holidays_make_up_saturdays_and_ordinary_weeks_are_classified() {
    let calendar = calendar_2026();
    assert!(
        !calendar.is_working_day(date(2026, 10, 1)),
        "National Day, a Thursday"
    );
    assert!(
        !calendar.is_working_day(date(2026, 2, 23)),
        "Spring Festival Monday"
    );
    assert!(calendar.is_working_day(date(2026, 2, 14)), "make-up Saturday");
    assert!(calendar.is_working_day(date(2026, 2, 28)), "make-up Saturday");
    assert!(calendar.is_working_day(date(2026, 9, 20)), "make-up Sunday");
    assert!(!calendar.is_working_day(date(2026, 3, 7)), "ordinary Saturday");
    assert!(calendar.is_working_day(date(2026, 3, 9)), "ordinary Monday");
}

#[test]
fn spring_festival_deadlines_use_the_make_up_saturdays() {
    let calendar = calendar_2026();
    let friday_before = shanghai(2026, 2, 13, 10, 0);
    assert_eq!(
        calendar.add_working_days(friday_before, 1),
        shanghai(2026, 2, 14, 17, 30)
    );
    assert_eq!(
        calendar.add_working_days(friday_before, 2),
        shanghai(2026, 2, 24, 17, 30)
    );
    assert_eq!(
        calendar.add_working_days(shanghai(2026, 2, 27, 9, 0), 1),
        shanghai(2026, 2, 28, 17, 30)
    );
}

#[test]
fn a_deadline_counted_from_inside_a_holiday_starts_after_it() {
    let calendar = calendar_2026();
    assert_eq!(
        calendar.add_working_days(shanghai(2026, 10, 3, 10, 0), 1),
        shanghai(2026, 10, 8, 17, 30)
    );
}

#[test]
fn zero_working_days_is_todays_close_while_school_is_still_open() {
    let calendar = calendar_2026();
    assert_eq!(
        calendar.add_working_days(shanghai(2026, 3, 10, 7, 0), 0),
        shanghai(2026, 3, 10, 17, 30)
    );
    assert_eq!(
        calendar.add_working_days(shanghai(2026, 3, 10, 17, 29), 0),
        shanghai(2026, 3, 10, 17, 30)
    );
}

#[test]
fn zero_working_days_after_close_or_on_a_holiday_is_the_next_working_days_close() {
    let calendar = calendar_2026();
    assert_eq!(
        calendar.add_working_days(shanghai(2026, 3, 10, 17, 30), 0),
        shanghai(2026, 3, 11, 17, 30)
    );
    assert_eq!(
        calendar.add_working_days(shanghai(2026, 10, 1, 9, 0), 0),
        shanghai(2026, 10, 8, 17, 30)
    );
}

#[test]
fn the_next_working_day_skips_holidays_and_weekends() {
    let calendar = calendar_2026();
    assert_eq!(calendar.next_working_day(date(2026, 9, 30)), date(2026, 10, 8));
    assert_eq!(calendar.next_working_day(date(2026, 10, 9)), date(2026, 10, 10));
    assert_eq!(calendar.next_working_day(date(2026, 3, 13)), date(2026, 3, 16));
}

#[test]
fn working_days_between_counts_dates_after_the_start_up_to_the_end() {
    let calendar = calendar_2026();
    let eve = shanghai(2026, 9, 30, 17, 0);
    assert_eq!(
        calendar.working_days_between(eve, shanghai(2026, 10, 10, 17, 30)),
        3
    );
    assert_eq!(
        calendar.working_days_between(eve, shanghai(2026, 10, 7, 23, 59)),
        0
    );
    assert_eq!(
        calendar.working_days_between(eve, shanghai(2026, 9, 30, 23, 0)),
        0
    );
    assert_eq!(
        calendar.working_days_between(shanghai(2026, 10, 10, 9, 0), eve),
        0
    );
    // 2026-02-13 (Fri) to 2026-03-02 (Mon): 14 Feb, 24–27 Feb, 28 Feb, 2 Mar.
    assert_eq!(
        calendar.working_days_between(shanghai(2026, 2, 13, 9, 0), shanghai(2026, 3, 2, 9, 0)),
        7
    );
}

#[test]
fn an_endless_holiday_stops_the_walk_at_the_scan_limit() {
    let start = date(2026, 1, 1);
    let holidays = (0..4_000).map(|offset| (start + Days::new(offset), Holiday));
    let calendar = WorkingCalendar::new(Shanghai, SchoolHours::default(), holidays);
    let limit = start + Days::new(MAX_SCAN_DAYS);
    assert_eq!(calendar.next_working_day(start), limit);
    let deadline = calendar.add_working_days(shanghai(2026, 1, 1, 9, 0), 5);
    assert_eq!(
        deadline,
        Shanghai
            .from_local_datetime(&limit.and_hms_opt(17, 30, 0).unwrap())
            .unwrap()
    );
}
