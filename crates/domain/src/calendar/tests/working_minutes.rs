use chrono::TimeDelta;

use super::*;

#[test]
fn half_past_eleven_plus_an_hour_resumes_after_lunch_at_half_past_two() {
    let calendar = calendar_2026();
    assert_eq!(
        calendar.add_working_minutes(shanghai(2026, 3, 10, 11, 30), 60),
        shanghai(2026, 3, 10, 14, 30)
    );
}

#[test]
fn minutes_running_out_at_noon_end_at_noon_not_after_lunch() {
    let calendar = calendar_2026();
    assert_eq!(
        calendar.add_working_minutes(shanghai(2026, 3, 10, 11, 30), 30),
        shanghai(2026, 3, 10, 12, 0)
    );
}

#[test]
fn friday_afternoon_work_continues_on_monday_morning() {
    let calendar = calendar_2026();
    assert_eq!(
        calendar.add_working_minutes(shanghai(2026, 3, 13, 17, 0), 60),
        shanghai(2026, 3, 16, 8, 30)
    );
}

#[test]
fn a_start_outside_school_hours_begins_at_the_next_period() {
    let calendar = calendar_2026();
    assert_eq!(
        calendar.add_working_minutes(shanghai(2026, 3, 10, 7, 0), 1),
        shanghai(2026, 3, 10, 8, 1)
    );
    assert_eq!(
        calendar.add_working_minutes(shanghai(2026, 3, 10, 12, 30), 10),
        shanghai(2026, 3, 10, 14, 10)
    );
    assert_eq!(
        calendar.add_working_minutes(shanghai(2026, 3, 10, 12, 0), 10),
        shanghai(2026, 3, 10, 14, 10)
    );
    assert_eq!(
        calendar.add_working_minutes(shanghai(2026, 3, 10, 18, 0), 30),
        shanghai(2026, 3, 11, 8, 30)
    );
}

#[test]
fn a_start_inside_a_holiday_waits_for_the_first_working_day() {
    let calendar = calendar_2026();
    assert_eq!(
        calendar.add_working_minutes(shanghai(2026, 10, 2, 9, 0), 90),
        shanghai(2026, 10, 8, 9, 30)
    );
    assert_eq!(
        calendar.add_working_minutes(shanghai(2026, 9, 30, 17, 0), 60),
        shanghai(2026, 10, 8, 8, 30)
    );
}

#[test]
fn zero_minutes_leave_the_start_unchanged_even_outside_school_hours() {
    let calendar = calendar_2026();
    let sunday_night = shanghai(2026, 3, 15, 22, 0);
    assert_eq!(calendar.add_working_minutes(sunday_night, 0), sunday_night);
}

#[test]
fn working_hours_are_sixty_working_minutes_each() {
    let calendar = calendar_2026();
    // 09:00–17:30 holds 390 working minutes; the remaining 90 fall on the next morning.
    assert_eq!(
        calendar.add_working_hours(shanghai(2026, 3, 10, 9, 0), 8),
        shanghai(2026, 3, 11, 9, 30)
    );
}

#[test]
fn seconds_of_the_start_are_carried_through() {
    let calendar = calendar_2026();
    let start = shanghai(2026, 3, 10, 11, 30) + TimeDelta::seconds(30);
    assert_eq!(
        calendar.add_working_minutes(start, 60),
        shanghai(2026, 3, 10, 14, 30) + TimeDelta::seconds(30)
    );
}

#[test]
fn working_minutes_between_skip_lunch_nights_and_holidays() {
    let calendar = calendar_2026();
    let between = |from, to| calendar.working_minutes_between(from, to);
    assert_eq!(
        between(shanghai(2026, 3, 10, 11, 30), shanghai(2026, 3, 10, 14, 30)),
        60
    );
    assert_eq!(
        between(shanghai(2026, 3, 10, 0, 0), shanghai(2026, 3, 11, 0, 0)),
        450
    );
    assert_eq!(
        between(shanghai(2026, 9, 30, 17, 0), shanghai(2026, 10, 8, 8, 30)),
        60
    );
    assert_eq!(
        between(shanghai(2026, 3, 13, 17, 0), shanghai(2026, 3, 16, 8, 30)),
        60
    );
}

#[test]
fn working_minutes_between_are_zero_when_the_end_is_not_after_the_start() {
    let calendar = calendar_2026();
    let ten = shanghai(2026, 3, 10, 10, 0);
    assert_eq!(calendar.working_minutes_between(ten, ten), 0);
    assert_eq!(
        calendar.working_minutes_between(ten, shanghai(2026, 3, 10, 9, 0)),
        0
    );
}
