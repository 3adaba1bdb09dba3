//! Tests for the working calendar, using the official 2025–2026 calendar of the State Council.

mod holiday_csv;
mod properties;
mod school_hours;
mod time_zones;
mod working_days;
mod working_minutes;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;

use super::DayKind::{Holiday, Workday};
use super::{DayKind, SchoolHours, WorkingCalendar, parse_holiday_csv};

/// Rows copied from `cn-holidays.csv`: Spring Festival and National Day 2026 with their make-up days.
const CSV_2026_EXCERPT: &str = "date,kind,name
2026-02-14,workday,春节调休上班
2026-02-15,holiday,春节
2026-02-16,holiday,春节
2026-02-17,holiday,春节
2026-02-18,holiday,春节
2026-02-19,holiday,春节
2026-02-20,holiday,春节
2026-02-21,holiday,春节
2026-02-22,holiday,春节
2026-02-23,holiday,春节
2026-02-28,workday,春节调休上班
2026-09-20,workday,国庆节调休上班
2026-09-25,holiday,中秋节
2026-09-26,holiday,中秋节
2026-09-27,holiday,中秋节
2026-10-01,holiday,国庆节
2026-10-02,holiday,国庆节
2026-10-03,holiday,国庆节
2026-10-04,holiday,国庆节
2026-10-05,holiday,国庆节
2026-10-06,holiday,国庆节
2026-10-07,holiday,国庆节
2026-10-10,workday,国庆节调休上班
";

/// Every special day of 2025 and 2026, copied from `cn-holidays.csv`.
const SPECIAL_DAYS_2025_2026: &[(&str, DayKind)] = &[
    ("2025-01-01", Holiday),
    ("2025-01-26", Workday),
    ("2025-01-28", Holiday),
    ("2025-01-29", Holiday),
    ("2025-01-30", Holiday),
    ("2025-01-31", Holiday),
    ("2025-02-01", Holiday),
    ("2025-02-02", Holiday),
    ("2025-02-03", Holiday),
    ("2025-02-04", Holiday),
    ("2025-02-08", Workday),
    ("2025-04-04", Holiday),
    ("2025-04-05", Holiday),
    ("2025-04-06", Holiday),
    ("2025-04-27", Workday),
    ("2025-05-01", Holiday),
    ("2025-05-02", Holiday),
    ("2025-05-03", Holiday),
    ("2025-05-04", Holiday),
    ("2025-05-05", Holiday),
    ("2025-05-31", Holiday),
    ("2025-06-01", Holiday),
    ("2025-06-02", Holiday),
    ("2025-09-28", Workday),
    ("2025-10-01", Holiday),
    ("2025-10-02", Holiday),
    ("2025-10-03", Holiday),
    ("2025-10-04", Holiday),
    ("2025-10-05", Holiday),
    ("2025-10-06", Holiday),
    ("2025-10-07", Holiday),
    ("2025-10-08", Holiday),
    ("2025-10-11", Workday),
    ("2026-01-01", Holiday),
    ("2026-01-02", Holiday),
    ("2026-01-03", Holiday),
    ("2026-01-04", Workday),
    ("2026-02-14", Workday),
    ("2026-02-15", Holiday),
    ("2026-02-16", Holiday),
    ("2026-02-17", Holiday),
    ("2026-02-18", Holiday),
    ("2026-02-19", Holiday),
    ("2026-02-20", Holiday),
    ("2026-02-21", Holiday),
    ("2026-02-22", Holiday),
    ("2026-02-23", Holiday),
    ("2026-02-28", Workday),
    ("2026-04-04", Holiday),
    ("2026-04-05", Holiday),
    ("2026-04-06", Holiday),
    ("2026-05-01", Holiday),
    ("2026-05-02", Holiday),
    ("2026-05-03", Holiday),
    ("2026-05-04", Holiday),
    ("2026-05-05", Holiday),
    ("2026-05-09", Workday),
    ("2026-06-19", Holiday),
    ("2026-06-20", Holiday),
    ("2026-06-21", Holiday),
    ("2026-09-20", Workday),
    ("2026-09-25", Holiday),
    ("2026-09-26", Holiday),
    ("2026-09-27", Holiday),
    ("2026-10-01", Holiday),
    ("2026-10-02", Holiday),
    ("2026-10-03", Holiday),
    ("2026-10-04", Holiday),
    ("2026-10-05", Holiday),
    ("2026-10-06", Holiday),
    ("2026-10-07", Holiday),
    ("2026-10-10", Workday),
];

/// Default school hours in Shanghai with the 2026 excerpt.
fn calendar_2026() -> WorkingCalendar {
    let days = parse_holiday_csv(CSV_2026_EXCERPT).unwrap();
    WorkingCalendar::new(
        Shanghai,
        SchoolHours::default(),
        days.iter().map(|day| (day.date, day.kind)),
    )
}

/// Default school hours in Shanghai with every special day of 2025–2026.
fn calendar_2025_2026() -> WorkingCalendar {
    let days = SPECIAL_DAYS_2025_2026
        .iter()
        .map(|&(date, kind)| (date.parse::<NaiveDate>().unwrap(), kind));
    WorkingCalendar::new(Shanghai, SchoolHours::default(), days)
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// An instant given as Shanghai wall-clock time.
fn shanghai(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Shanghai
        .with_ymd_and_hms(year, month, day, hour, minute, 0)
        .unwrap()
        .with_timezone(&Utc)
}
