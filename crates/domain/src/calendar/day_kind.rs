//! Dates that deviate from the ordinary Monday–Friday working week.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a listed date deviates from the ordinary week.
///
/// Dates that are not listed are working days Monday–Friday and rest days on Saturday and Sunday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DayKind {
    /// No work, even if the date is a weekday (法定节假日).
    Holiday,
    /// A Saturday or Sunday that is a working day (调休上班).
    Workday,
}

impl DayKind {
    /// The lowercase wire name: `"holiday"` or `"workday"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Holiday => "holiday",
            Self::Workday => "workday",
        }
    }

    /// Parses the lowercase wire name; anything else gives `None`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "holiday" => Some(Self::Holiday),
            "workday" => Some(Self::Workday),
            _ => None,
        }
    }
}

impl std::fmt::Display for DayKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One listed date of the official holiday calendar.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SpecialDay {
    /// The calendar date.
    pub date: NaiveDate,
    /// Whether the date is a holiday or a make-up working day.
    pub kind: DayKind,
    /// Human-readable name, e.g. `国庆节`.
    pub name: String,
}
