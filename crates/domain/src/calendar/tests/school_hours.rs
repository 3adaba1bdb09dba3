use chrono::NaiveTime;

use super::*;
use crate::error::DomainError;

fn rejection(text: &str) -> String {
    match SchoolHours::parse(text) {
        Err(DomainError::InvalidSchoolHours(reason)) => reason,
        other => panic!("expected `{text}` to be rejected, got {other:?}"),
    }
}

#[test]
fn the_default_is_a_morning_and_an_afternoon_session() {
    let hours = SchoolHours::default();
    assert_eq!(hours, SchoolHours::parse("08:00-12:00,14:00-17:30").unwrap());
    assert_eq!(hours.to_string(), "08:00-12:00,14:00-17:30");
    assert_eq!(hours.minutes_per_day(), 450);
    assert_eq!(hours.opens(), NaiveTime::from_hms_opt(8, 0, 0).unwrap());
    assert_eq!(hours.closes(), NaiveTime::from_hms_opt(17, 30, 0).unwrap());
}

#[test]
fn display_round_trips_the_parsed_text() {
    for text in [
        "07:45-11:50",
        "08:00-12:00,14:00-17:30",
        "08:00-10:00,10:00-12:00,13:30-23:59",
    ] {
        assert_eq!(SchoolHours::parse(text).unwrap().to_string(), text);
    }
    assert_eq!(
        SchoolHours::parse(" 08:00 - 12:00 , 14:00-17:30 ")
            .unwrap()
            .to_string(),
        "08:00-12:00,14:00-17:30"
    );
}

#[test]
fn malformed_periods_are_rejected() {
    for text in [
        "8:00-12:00",
        "08:00~12:00",
        "08:00-12:00,,14:00-17:00",
        "24:00-25:00",
        "08:00-12:60",
        "08-12",
    ] {
        assert!(rejection(text).contains("HH:MM-HH:MM"), "{text}");
    }
}

#[test]
fn a_period_must_end_after_it_starts() {
    assert!(rejection("12:00-08:00").contains("must end after it starts"));
    assert!(rejection("08:00-08:00").contains("must end after it starts"));
}

#[test]
fn overlapping_or_unordered_periods_are_rejected() {
    assert!(rejection("08:00-12:00,11:00-17:30").contains("overlaps"));
    assert!(rejection("14:00-17:30,08:00-12:00").contains("chronological order"));
}

#[test]
fn at_least_one_period_is_required() {
    assert!(rejection("").contains("at least one period"));
    assert!(rejection("  ").contains("at least one period"));
}

#[test]
fn periods_with_seconds_are_rejected() {
    let t = |h, m, s| NaiveTime::from_hms_opt(h, m, s).unwrap();
    assert!(SchoolHours::new(vec![(t(8, 0, 30), t(12, 0, 0))]).is_err());
}
