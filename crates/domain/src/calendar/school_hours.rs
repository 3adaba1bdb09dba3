//! The daily school-hour periods, e.g. `08:00-12:00,14:00-17:30`.

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use crate::error::DomainError;

/// Local working periods within one day: non-empty, chronological and non-overlapping
/// (a period may start exactly when the previous one ends). Minute precision; the latest
/// representable end is `23:59`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SchoolHours {
    periods: Vec<(NaiveTime, NaiveTime)>,
}

impl SchoolHours {
    /// Validates periods given as `(start, end)` local times.
    pub fn new(periods: Vec<(NaiveTime, NaiveTime)>) -> Result<Self, DomainError> {
        if periods.is_empty() {
            return Err(invalid("at least one period is required".to_owned()));
        }
        for &(start, end) in &periods {
            if !is_whole_minute(start) || !is_whole_minute(end) {
                return Err(invalid(format!(
                    "period {} must use whole minutes",
                    show(start, end)
                )));
            }
            if end <= start {
                return Err(invalid(format!(
                    "period {} must end after it starts",
                    show(start, end)
                )));
            }
        }
        for pair in periods.windows(2) {
            let &[(prev_start, prev_end), (start, end)] = pair else {
                continue;
            };
            if start < prev_start {
                return Err(invalid(format!(
                    "periods must be in chronological order: {} comes after {}",
                    show(start, end),
                    show(prev_start, prev_end)
                )));
            }
            if start < prev_end {
                return Err(invalid(format!(
                    "period {} overlaps {}",
                    show(start, end),
                    show(prev_start, prev_end)
                )));
            }
        }
        Ok(Self { periods })
    }

    /// Parses comma-separated `HH:MM-HH:MM` periods, e.g. `08:00-12:00,14:00-17:30`.
    pub fn parse(text: &str) -> Result<Self, DomainError> {
        if text.trim().is_empty() {
            return Self::new(Vec::new());
        }
        let periods = text.split(',').map(parse_period).collect::<Result<Vec<_>, _>>()?;
        Self::new(periods)
    }

    /// The periods in chronological order.
    pub fn periods(&self) -> &[(NaiveTime, NaiveTime)] {
        &self.periods
    }

    /// Start of the first period.
    pub fn opens(&self) -> NaiveTime {
        self.periods.first().map_or(NaiveTime::MIN, |&(start, _)| start)
    }

    /// End of the last period: the daily close used for day-based deadlines.
    pub fn closes(&self) -> NaiveTime {
        self.periods.last().map_or(NaiveTime::MIN, |&(_, end)| end)
    }

    /// Total working minutes in one working day.
    pub fn minutes_per_day(&self) -> u32 {
        let total: i64 = self
            .periods
            .iter()
            .map(|&(start, end)| (end - start).num_minutes())
            .sum();
        u32::try_from(total).unwrap_or(u32::MAX)
    }
}

impl Default for SchoolHours {
    /// `08:00-12:00,14:00-17:30`.
    fn default() -> Self {
        let hm = |hour, minute| NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN);
        Self {
            periods: vec![(hm(8, 0), hm(12, 0)), (hm(14, 0), hm(17, 30))],
        }
    }
}

impl fmt::Display for SchoolHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, &(start, end)) in self.periods.iter().enumerate() {
            if index > 0 {
                f.write_str(",")?;
            }
            f.write_str(&show(start, end))?;
        }
        Ok(())
    }
}

impl FromStr for SchoolHours {
    type Err = DomainError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

impl TryFrom<String> for SchoolHours {
    type Error = DomainError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<SchoolHours> for String {
    fn from(hours: SchoolHours) -> Self {
        hours.to_string()
    }
}

fn parse_period(part: &str) -> Result<(NaiveTime, NaiveTime), DomainError> {
    let part = part.trim();
    let bad = || invalid(format!("`{part}` is not a period of the form HH:MM-HH:MM"));
    let (start, end) = part.split_once('-').ok_or_else(bad)?;
    let start = parse_clock(start.trim()).ok_or_else(bad)?;
    let end = parse_clock(end.trim()).ok_or_else(bad)?;
    Ok((start, end))
}

// Strict two-digit `HH:MM` so that every accepted string has exactly one canonical spelling.
fn parse_clock(text: &str) -> Option<NaiveTime> {
    let (hour, minute) = text.split_once(':')?;
    let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !two_digits(hour) || !two_digits(minute) {
        return None;
    }
    NaiveTime::from_hms_opt(hour.parse().ok()?, minute.parse().ok()?, 0)
}

fn is_whole_minute(time: NaiveTime) -> bool {
    time.second() == 0 && time.nanosecond() == 0
}

fn show(start: NaiveTime, end: NaiveTime) -> String {
    format!("{}-{}", start.format("%H:%M"), end.format("%H:%M"))
}

fn invalid(reason: String) -> DomainError {
    DomainError::InvalidSchoolHours(reason)
}
