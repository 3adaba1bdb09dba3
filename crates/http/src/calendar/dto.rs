use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;
use xiaoban_services::calendar::{CalendarDay, DayType};

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct DaysQuery {
    /// First day, `YYYY-MM-DD`.
    #[param(value_type = String, format = Date, example = "2026-10-01")]
    pub from: NaiveDate,
    /// Last day (inclusive); one query covers at most 366 days.
    #[param(value_type = String, format = Date, example = "2026-10-31")]
    pub to: NaiveDate,
}

/// How a day counts.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DayTypeOut {
    /// Monday to Friday, a working day.
    Weekday,
    /// Saturday or Sunday, a rest day.
    Weekend,
    /// A holiday: no work, even on a weekday.
    Holiday,
    /// A weekend day that is worked (调休).
    MakeUpWorkday,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CalendarDayOut {
    #[schema(value_type = String, format = Date, example = "2026-10-10")]
    pub date: NaiveDate,
    /// Whether people work that day.
    pub working: bool,
    pub day_type: DayTypeOut,
    /// The holiday's name, for holidays and make-up days.
    #[schema(example = "国庆节调休上班")]
    pub name: Option<String>,
    /// Version of a stored holiday or make-up day (needed to change it); absent for ordinary days.
    pub version: Option<i32>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CalendarDaysOut {
    /// The school's time zone.
    #[schema(example = "Asia/Shanghai")]
    pub timezone: String,
    /// The school's working hours on a working day.
    #[schema(example = "08:00-12:00,14:00-17:30")]
    pub school_hours: String,
    pub days: Vec<CalendarDayOut>,
}

impl From<CalendarDay> for CalendarDayOut {
    fn from(day: CalendarDay) -> Self {
        let day_type = match day.day_type {
            DayType::Weekday => DayTypeOut::Weekday,
            DayType::Weekend => DayTypeOut::Weekend,
            DayType::Holiday => DayTypeOut::Holiday,
            DayType::MakeUpWorkday => DayTypeOut::MakeUpWorkday,
        };
        Self {
            date: day.date,
            working: day.working,
            day_type,
            name: day.name,
            version: day.version,
        }
    }
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct DeadlineQuery {
    /// When the clock starts, RFC 3339 (encode `+` as `%2B`). Default: now.
    #[param(value_type = Option<String>, format = DateTime, example = "2026-09-30T17:00:00+08:00")]
    pub start: Option<DateTime<FixedOffset>>,
    /// Whole working days; the deadline is the close of school hours on the last of them.
    #[validate(range(min = 0, max = 2500))]
    #[param(example = 3)]
    pub working_days: Option<u32>,
    /// Working hours (fractions allowed, counted in minutes) inside school hours.
    #[validate(range(min = 0.0, max = 20000.0))]
    #[param(example = 4.5)]
    pub working_hours: Option<f64>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeadlineOut {
    pub start: DateTime<Utc>,
    /// When the span runs out, in UTC.
    pub deadline: DateTime<Utc>,
    pub working_days: Option<u32>,
    pub working_hours: Option<f64>,
}

/// How a day should count. `kind: null` makes it an ordinary day again.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetDayIn {
    /// `holiday` (no work), `workday` (a weekend day that is worked, 调休), or null for an
    /// ordinary day.
    #[schema(example = "holiday")]
    pub kind: Option<SpecialKindIn>,
    /// The name people see, e.g. 元旦 or 校庆; required with a kind.
    #[validate(length(min = 1, max = 100))]
    #[schema(example = "校庆")]
    pub name: Option<String>,
    /// The stored day's version, when changing or removing one.
    pub version: Option<i32>,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SpecialKindIn {
    Holiday,
    Workday,
}
