//! A year of the calendar at once: how much of each year's schedule is stored, and importing a
//! year's published holidays and make-up days in one step.

use actix_web::{get, put, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;
use xiaoban_domain::calendar::{DayKind, SpecialDay};
use xiaoban_services::Services;
use xiaoban_services::calendar_years::{CalendarYear, CalendarYears};

use super::dto::SpecialKindIn;
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson};

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CalendarYearOut {
    pub year: i32,
    /// Holidays stored for the year; 0 means its schedule was never imported.
    pub holidays: usize,
    /// Make-up working days (调休) stored for the year.
    pub workdays: usize,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CalendarYearsOut {
    /// Last year, this year and next.
    pub years: Vec<CalendarYearOut>,
    /// The year whose schedule should be imported now: this year when it has no holidays, and
    /// from November next year while it has none. Null when nothing is missing.
    pub missing: Option<i32>,
}

/// One year's published schedule; it replaces every special day stored for that year.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportYearIn {
    /// At most 120 days; checked with every row's problems reported at once.
    pub days: Vec<ScheduleDayIn>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScheduleDayIn {
    #[schema(example = "2027-01-01")]
    pub date: NaiveDate,
    /// `holiday` (no work) or `workday` (a weekend day that is worked).
    pub kind: SpecialKindIn,
    #[schema(example = "元旦")]
    pub name: String,
}

impl From<CalendarYear> for CalendarYearOut {
    fn from(y: CalendarYear) -> Self {
        Self {
            year: y.year,
            holidays: y.holidays,
            workdays: y.workdays,
        }
    }
}

impl From<CalendarYears> for CalendarYearsOut {
    fn from(y: CalendarYears) -> Self {
        Self {
            years: y.years.into_iter().map(Into::into).collect(),
            missing: y.missing,
        }
    }
}

/// Last year, this year and next with how many special days each holds, and which year's
/// schedule is missing.
#[utoipa::path(tag = "calendar", security(("bearerAuth" = [])), responses(
    (status = 200, description = "The years around today", body = CalendarYearsOut),
))]
#[get("/calendar/years")]
pub async fn list_calendar_years(
    services: web::Data<Services>,
    _auth: Auth,
) -> Result<web::Json<CalendarYearsOut>, ApiError> {
    Ok(web::Json(services.calendar_years().await?.into()))
}

/// Imports a year's holidays and make-up days (as the State Council publishes them each
/// November), replacing what the year held. All rows or none: every bad row is reported at
/// once under `days[i]`. Needs `calendar.manage`.
#[utoipa::path(tag = "calendar", request_body = ImportYearIn, security(("bearerAuth" = ["calendar.manage"])),
    params(("year" = i32, Path, description = "The year", example = 2027)),
    responses((status = 200, description = "The year as now stored", body = CalendarYearOut)))]
#[put("/calendar/years/{year}")]
pub async fn import_calendar_year(
    services: web::Data<Services>,
    auth: Auth,
    year: web::Path<i32>,
    body: ValidatedJson<ImportYearIn>,
) -> Result<web::Json<CalendarYearOut>, ApiError> {
    let days = body
        .0
        .days
        .into_iter()
        .map(|d| SpecialDay {
            date: d.date,
            kind: match d.kind {
                SpecialKindIn::Holiday => DayKind::Holiday,
                SpecialKindIn::Workday => DayKind::Workday,
            },
            name: d.name.trim().to_owned(),
        })
        .collect();
    let year = services
        .import_calendar_year(&auth.0, year.into_inner(), days)
        .await?;
    Ok(web::Json(year.into()))
}
