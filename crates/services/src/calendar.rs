//! The school's working calendar: which days are worked, and deadlines measured on it.

use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};
use xiaoban_domain::calendar::{DayKind, WorkingCalendar};
use xiaoban_persistence::calendar;

use crate::{ServiceError, Services};

/// Longest range one calendar query may cover.
pub const MAX_RANGE_DAYS: i64 = 366;
/// Longest deadline span in working days (about ten years).
pub const MAX_WORKING_DAYS: u32 = 2500;
/// Longest deadline span in working hours.
pub const MAX_WORKING_HOURS: u32 = 20_000;

/// How a day counts, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayType {
    /// Monday to Friday, nothing special.
    Weekday,
    /// Saturday or Sunday, nothing special.
    Weekend,
    /// A statutory or school holiday (no work, even on a weekday).
    Holiday,
    /// A weekend day that is worked (调休).
    MakeUpWorkday,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarDay {
    pub date: NaiveDate,
    pub working: bool,
    pub day_type: DayType,
    /// The holiday's name for special days.
    pub name: Option<String>,
    /// The stored row's version for special days, needed to change or remove them.
    pub version: Option<i32>,
}

/// How far a deadline lies from its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    WorkingDays(u32),
    WorkingMinutes(u32),
}

impl Services {
    /// Every day from `from` to `to` inclusive with how it counts.
    pub async fn calendar_days(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<CalendarDay>, ServiceError> {
        if to < from {
            return Err(ServiceError::invalid(
                "to",
                "结束日期不能早于开始日期",
                "to must not be before from",
            ));
        }
        if (to - from).num_days() >= MAX_RANGE_DAYS {
            return Err(ServiceError::invalid(
                "to",
                format!("一次最多查询 {MAX_RANGE_DAYS} 天"),
                format!("a query covers at most {MAX_RANGE_DAYS} days"),
            ));
        }
        let rows = calendar::rows_between(self.db(), from, to).await?;
        let mut special = rows.into_iter().peekable();
        let mut days = Vec::new();
        for date in from.iter_days().take_while(|d| *d <= to) {
            let row = special.next_if(|row| row.date == date);
            days.push(describe(date, row)?);
        }
        Ok(days)
    }

    /// The working calendar as stored now, with the school's hours and time zone.
    pub async fn working_calendar(&self) -> Result<WorkingCalendar, ServiceError> {
        let special = calendar::all_special_days(self.db()).await?;
        let settings = self.settings();
        Ok(WorkingCalendar::new(
            settings.timezone,
            settings.school_hours.clone(),
            special.into_iter().map(|day| (day.date, day.kind)),
        ))
    }

    /// When something started at `start` with `span` to do falls due.
    pub async fn deadline(&self, start: DateTime<Utc>, span: Span) -> Result<DateTime<Utc>, ServiceError> {
        match span {
            Span::WorkingDays(days) if days > MAX_WORKING_DAYS => Err(ServiceError::invalid(
                "workingDays",
                format!("工作日数不能超过 {MAX_WORKING_DAYS}"),
                format!("workingDays must not exceed {MAX_WORKING_DAYS}"),
            )),
            Span::WorkingMinutes(minutes) if minutes > MAX_WORKING_HOURS * 60 => Err(ServiceError::invalid(
                "workingHours",
                format!("工作小时数不能超过 {MAX_WORKING_HOURS}"),
                format!("workingHours must not exceed {MAX_WORKING_HOURS}"),
            )),
            Span::WorkingDays(days) => Ok(self.working_calendar().await?.add_working_days(start, days)),
            Span::WorkingMinutes(minutes) => {
                Ok(self.working_calendar().await?.add_working_minutes(start, minutes))
            }
        }
    }
}

fn describe(date: NaiveDate, row: Option<calendar::CalendarDayRow>) -> Result<CalendarDay, ServiceError> {
    let Some(row) = row else {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        let day_type = if weekend {
            DayType::Weekend
        } else {
            DayType::Weekday
        };
        return Ok(CalendarDay {
            date,
            working: !weekend,
            day_type,
            name: None,
            version: None,
        });
    };
    let kind = DayKind::parse(&row.kind)
        .ok_or_else(|| ServiceError::Internal(format!("calendar day {date} has kind {}", row.kind)))?;
    let (working, day_type) = match kind {
        DayKind::Holiday => (false, DayType::Holiday),
        DayKind::Workday => (true, DayType::MakeUpWorkday),
    };
    Ok(CalendarDay {
        date,
        working,
        day_type,
        name: Some(row.name),
        version: Some(row.version),
    })
}
