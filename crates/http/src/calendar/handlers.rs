use actix_web::{HttpRequest, get, put, web};
use chrono::NaiveDate;
use xiaoban_domain::calendar::DayKind;
use xiaoban_services::Services;
use xiaoban_services::calendar::Span;
use xiaoban_services::calendar_admin::DaySetting;

use super::dto::{
    CalendarDayOut, CalendarDaysOut, DaysQuery, DeadlineOut, DeadlineQuery, SetDayIn, SpecialKindIn,
};
use crate::errors::{ApiError, ErrorCode, Text};
use crate::extract::{Auth, ValidatedJson, ValidatedQuery, expected_version};

/// Every day in a range with how it counts: weekday, weekend, holiday or make-up working day.
#[utoipa::path(tag = "calendar", params(DaysQuery), security(("bearerAuth" = [])), responses(
    (status = 200, description = "The days, oldest first", body = CalendarDaysOut),
))]
#[get("/calendar/days")]
pub async fn list_calendar_days(
    services: web::Data<Services>,
    _auth: Auth,
    query: ValidatedQuery<DaysQuery>,
) -> Result<web::Json<CalendarDaysOut>, ApiError> {
    let days = services.calendar_days(query.0.from, query.0.to).await?;
    let settings = services.settings();
    Ok(web::Json(CalendarDaysOut {
        timezone: settings.timezone.name().to_owned(),
        school_hours: settings.school_hours.to_string(),
        days: days.into_iter().map(CalendarDayOut::from).collect(),
    }))
}

/// When a span of working days or working hours that starts at `start` runs out, on the
/// school's working calendar. Give exactly one of `workingDays` and `workingHours`.
#[utoipa::path(tag = "calendar", params(DeadlineQuery), security(("bearerAuth" = [])), responses(
    (status = 200, description = "The deadline", body = DeadlineOut),
))]
#[get("/calendar/deadline")]
pub async fn get_deadline(
    services: web::Data<Services>,
    _auth: Auth,
    query: ValidatedQuery<DeadlineQuery>,
) -> Result<web::Json<DeadlineOut>, ApiError> {
    let query = query.0;
    let start = query.start.map_or_else(|| services.now(), |s| s.to_utc());
    let span = match (query.working_days, query.working_hours) {
        (Some(days), None) => Span::WorkingDays(days),
        (None, Some(hours)) if hours.is_finite() => Span::WorkingMinutes((hours * 60.0).round() as u32),
        _ => {
            return Err(ApiError::new(ErrorCode::ValidationFailed).with_field(
                "workingDays",
                Text::new(
                    "workingDays 与 workingHours 须且只须给出一个",
                    "give exactly one of workingDays and workingHours",
                ),
            ));
        }
    };
    let deadline = services.deadline(start, span).await?;
    Ok(web::Json(DeadlineOut {
        start,
        deadline,
        working_days: query.working_days,
        working_hours: query.working_hours,
    }))
}

/// Marks a day as a holiday or a make-up working day (调休), or makes it ordinary again
/// (`kind: null`). Needs `calendar.manage`. Changing or removing a stored day needs its
/// `version` (or `If-Match`).
#[utoipa::path(tag = "calendar", request_body = SetDayIn, security(("bearerAuth" = ["calendar.manage"])),
    params(("date" = String, Path, description = "The day, YYYY-MM-DD", example = "2027-01-01")),
    responses((status = 200, description = "The day as it now counts", body = CalendarDayOut)))]
#[put("/calendar/days/{date}")]
pub async fn set_calendar_day(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    date: web::Path<NaiveDate>,
    body: ValidatedJson<SetDayIn>,
) -> Result<web::Json<CalendarDayOut>, ApiError> {
    let date = crate::extract::screen::supported_date("date", date.into_inner())?;
    let body = body.0;
    let setting = match (body.kind, body.name) {
        (None, _) => DaySetting::Ordinary,
        (Some(kind), Some(name)) => DaySetting::Special {
            kind: match kind {
                SpecialKindIn::Holiday => DayKind::Holiday,
                SpecialKindIn::Workday => DayKind::Workday,
            },
            name,
        },
        (Some(_), None) => {
            return Err(ApiError::new(ErrorCode::ValidationFailed).with_field(
                "name",
                Text::new("必填：请填写名称，例如“元旦”", "is required with a kind"),
            ));
        }
    };
    let version = match (req.headers().contains_key("if-match"), body.version) {
        (false, None) => None,
        (_, version) => Some(expected_version(&req, version)?),
    };
    let day = services.set_calendar_day(&auth.0, date, setting, version).await?;
    Ok(web::Json(day.into()))
}
