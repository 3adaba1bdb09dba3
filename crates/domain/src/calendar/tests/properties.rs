use chrono::{Days, TimeDelta};
use proptest::prelude::*;

use super::*;

/// Any instant (to the second) in 2025–2026, Shanghai time.
fn start_in_2025_2026() -> impl Strategy<Value = DateTime<Utc>> {
    (0..730 * 86_400_i64).prop_map(|seconds| shanghai(2025, 1, 1, 0, 0) + TimeDelta::seconds(seconds))
}

fn local_date_and_time(instant: DateTime<Utc>) -> (NaiveDate, chrono::NaiveTime) {
    let local = instant.with_timezone(&Shanghai);
    (local.date_naive(), local.time())
}

proptest! {
    #[test]
    fn counting_working_days_up_to_a_deadline_gives_back_the_days_added(
        start in start_in_2025_2026(),
        days in 1..=60_u32,
    ) {
        let calendar = calendar_2025_2026();
        let deadline = calendar.add_working_days(start, days);
        prop_assert_eq!(calendar.working_days_between(start, deadline), days);
    }

    #[test]
    fn a_working_day_deadline_is_the_close_of_school_on_a_working_day(
        start in start_in_2025_2026(),
        days in 0..=60_u32,
    ) {
        let calendar = calendar_2025_2026();
        let deadline = calendar.add_working_days(start, days);
        let (date, time) = local_date_and_time(deadline);
        prop_assert!(deadline > start);
        prop_assert!(calendar.is_working_day(date), "{} is not a working day", date);
        prop_assert_eq!(time, calendar.hours().closes());
    }

    #[test]
    fn working_minutes_between_start_and_result_equal_the_minutes_added(
        start in start_in_2025_2026(),
        minutes in 1..=20_000_u32,
    ) {
        let calendar = calendar_2025_2026();
        let end = calendar.add_working_minutes(start, minutes);
        prop_assert_eq!(calendar.working_minutes_between(start, end), i64::from(minutes));
    }

    #[test]
    fn adding_working_minutes_ends_inside_or_at_the_end_of_a_school_period(
        start in start_in_2025_2026(),
        minutes in 1..=20_000_u32,
    ) {
        let calendar = calendar_2025_2026();
        let (date, time) = local_date_and_time(calendar.add_working_minutes(start, minutes));
        prop_assert!(calendar.is_working_day(date), "{} is not a working day", date);
        let in_period = calendar.hours().periods().iter().any(|&(open, close)| open < time && time <= close);
        prop_assert!(in_period, "{} is outside school hours", time);
    }

    #[test]
    fn adding_more_working_minutes_never_ends_earlier(
        start in start_in_2025_2026(),
        a in 0..=20_000_u32,
        b in 0..=20_000_u32,
    ) {
        let calendar = calendar_2025_2026();
        let (fewer, more) = (a.min(b), a.max(b));
        prop_assert!(calendar.add_working_minutes(start, fewer) <= calendar.add_working_minutes(start, more));
    }

    #[test]
    fn working_days_between_agrees_with_counting_day_by_day(
        from in start_in_2025_2026(),
        span in 0..800_u64,
    ) {
        let calendar = calendar_2025_2026();
        let to = from + TimeDelta::days(i64::try_from(span).unwrap());
        let first = local_date_and_time(from).0;
        let counted = (1..=span)
            .filter(|&offset| calendar.is_working_day(first + Days::new(offset)))
            .count();
        prop_assert_eq!(calendar.working_days_between(from, to), u32::try_from(counted).unwrap());
    }
}
