//! A year of the working calendar at once. The State Council publishes next year's holidays and
//! make-up days each November; an administrator imports the whole schedule in one step, and from
//! November the calendar's administrators are told while next year's is still missing (without it
//! every weekday of that year counts as worked, 元旦 included).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::access::codes::CALENDAR_MANAGE;
use xiaoban_domain::calendar::{DayKind, SpecialDay};
use xiaoban_persistence::identity::roles;
use xiaoban_persistence::{PersistenceError, begin_write, calendar, settings};

use crate::audit::{self, Change};
use crate::error::FieldIssue;
use crate::notifications::{self, Notice, NoticeKind};
use crate::{RequestContext, ServiceError, Services};

/// The most special days one year's schedule may hold (a real one has about 40).
pub const MAX_DAYS_PER_YEAR: usize = 120;
const MAX_NAME_CHARS: usize = 50;

/// How much of a year's schedule is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarYear {
    pub year: i32,
    pub holidays: usize,
    pub workdays: usize,
}

/// Last year, this year and next, and the year whose schedule should be imported now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarYears {
    pub years: Vec<CalendarYear>,
    /// This year when it has no holidays at all; from November, next year while it has none.
    pub missing: Option<i32>,
}

impl Services {
    pub async fn calendar_years(&self) -> Result<CalendarYears, ServiceError> {
        let today = self.now().with_timezone(&self.settings().timezone).date_naive();
        let mut years = Vec::new();
        for year in today.year() - 1..=today.year() + 1 {
            years.push(self.calendar_year(year).await?);
        }
        let missing = missing_year(today, &years);
        Ok(CalendarYears { years, missing })
    }

    /// Replaces every holiday and make-up day of `year` with `days`, all or nothing; every bad
    /// row is reported at once under `days[i]`.
    pub async fn import_calendar_year(
        &self,
        ctx: &RequestContext,
        year: i32,
        days: Vec<SpecialDay>,
    ) -> Result<CalendarYear, ServiceError> {
        self.authorize(ctx, CALENDAR_MANAGE).await?;
        check_schedule(year, &days)?;
        let (from, to) = bounds(year)?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let before = self.calendar_year_in(&tx, year).await?;
        calendar::replace_between(&tx, from, to, &days, now).await?;
        let after = count(year, &days);
        let change = Change::new("calendar.import_year", "calendar_year", Some(year.to_string()))
            .before(json!({ "holidays": before.holidays, "workdays": before.workdays }))
            .after(json!({ "holidays": after.holidays, "workdays": after.workdays }));
        audit::record(&tx, ctx, now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(after)
    }

    /// The clock's daily check: tells the calendar's administrators, once per year, that the year
    /// [`CalendarYears::missing`] names has no schedule yet. Answers the year it told them about.
    pub async fn warn_missing_calendar_year(&self) -> Result<Option<i32>, ServiceError> {
        let Some(year) = self.calendar_years().await?.missing else {
            return Ok(None);
        };
        let key = format!("calendar.missing_warned.{year}");
        let tx = begin_write(self.db()).await?;
        if settings::find(&tx, &key).await?.is_some() {
            return Ok(None);
        }
        let now = self.now();
        settings::put(&tx, &key, json!(now).to_string(), None, now).await?;
        let notice = Notice {
            kind: NoticeKind::System,
            recipients: calendar_managers(&tx).await?,
            title: format!("请导入 {year} 年节假日安排"),
            body: format!(
                "校历中还没有 {year} 年的法定节假日和调休安排，未导入前该年的工作日将按周一至周五计算，截止时间会算错。"
            ),
            link: Some("/calendar".to_owned()),
            subject: None,
            data: json!({ "year": year }),
        };
        notifications::enqueue(&tx, now, notice).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(Some(year))
    }

    async fn calendar_year(&self, year: i32) -> Result<CalendarYear, ServiceError> {
        self.calendar_year_in(self.db(), year).await
    }

    async fn calendar_year_in(
        &self,
        db: &impl xiaoban_persistence::ConnectionTrait,
        year: i32,
    ) -> Result<CalendarYear, ServiceError> {
        let (from, to) = bounds(year)?;
        let rows = calendar::rows_between(db, from, to).await?;
        let holidays = rows
            .iter()
            .filter(|r| r.kind == DayKind::Holiday.as_str())
            .count();
        Ok(CalendarYear {
            year,
            holidays,
            workdays: rows.len() - holidays,
        })
    }
}

fn missing_year(today: NaiveDate, years: &[CalendarYear]) -> Option<i32> {
    let empty = |y: i32| years.iter().any(|c| c.year == y && c.holidays == 0);
    if empty(today.year()) {
        Some(today.year())
    } else if today.month() >= 11 && empty(today.year() + 1) {
        Some(today.year() + 1)
    } else {
        None
    }
}

fn bounds(year: i32) -> Result<(NaiveDate, NaiveDate), ServiceError> {
    match (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) {
        (Some(from), Some(to)) if (1900..=2200).contains(&year) => Ok((from, to)),
        _ => Err(ServiceError::invalid(
            "year",
            "年份应在 1900 到 2200 之间",
            "the year must be between 1900 and 2200",
        )),
    }
}

fn count(year: i32, days: &[SpecialDay]) -> CalendarYear {
    let holidays = days.iter().filter(|d| d.kind == DayKind::Holiday).count();
    CalendarYear {
        year,
        holidays,
        workdays: days.len() - holidays,
    }
}

fn check_schedule(year: i32, days: &[SpecialDay]) -> Result<(), ServiceError> {
    bounds(year)?;
    let mut issues = Vec::new();
    if !days.iter().any(|d| d.kind == DayKind::Holiday) {
        issues.push(FieldIssue::new(
            "days",
            "全年安排至少应包含一个节假日",
            "a year's schedule holds at least one holiday",
        ));
    }
    if days.len() > MAX_DAYS_PER_YEAR {
        issues.push(FieldIssue::new(
            "days",
            format!("一年最多 {MAX_DAYS_PER_YEAR} 个特殊日期"),
            format!("at most {MAX_DAYS_PER_YEAR} special days a year"),
        ));
    }
    let mut seen = BTreeSet::new();
    for (i, day) in days.iter().enumerate() {
        if day.date.year() != year {
            issues.push(FieldIssue::new(
                format!("days[{i}].date"),
                format!("{} 不在 {year} 年内", day.date),
                format!("{} is not in {year}", day.date),
            ));
        }
        if !seen.insert(day.date) {
            issues.push(FieldIssue::new(
                format!("days[{i}].date"),
                format!("{} 重复出现", day.date),
                format!("{} appears twice", day.date),
            ));
        }
        let weekend = matches!(day.date.weekday(), Weekday::Sat | Weekday::Sun);
        if day.kind == DayKind::Workday && !weekend {
            issues.push(FieldIssue::new(
                format!("days[{i}].kind"),
                format!("{} 不是周末，不能设为调休上班日", day.date),
                format!(
                    "{} is not a weekend day; only weekends can be make-up working days",
                    day.date
                ),
            ));
        }
        let chars = day.name.trim().chars().count();
        if chars == 0 || chars > MAX_NAME_CHARS {
            issues.push(FieldIssue::new(
                format!("days[{i}].name"),
                format!("名称应为 1 到 {MAX_NAME_CHARS} 个字"),
                format!("the name takes 1 to {MAX_NAME_CHARS} characters"),
            ));
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(ServiceError::Invalid(issues))
    }
}

/// Active holders of a role that may manage the calendar.
async fn calendar_managers(
    db: &impl xiaoban_persistence::ConnectionTrait,
) -> Result<Vec<Uuid>, ServiceError> {
    let permissions = roles::all_permissions(db).await?;
    let managing: BTreeSet<Uuid> = permissions
        .iter()
        .filter(|(_, codes)| codes.contains(CALENDAR_MANAGE))
        .map(|(role, _)| *role)
        .collect();
    let holders: Vec<Uuid> = roles::assignment_pairs(db)
        .await?
        .into_iter()
        .filter(|(_, role)| managing.contains(role))
        .map(|(user, _)| user)
        .collect();
    Ok(xiaoban_persistence::approvals::people::active_among(db, &holders).await?)
}

/// The hourly check for next year's missing schedule; tests pause it and call the check
/// themselves (its notice would land among the notices they count).
pub const CALENDAR_YEAR_CHECK_JOB: &str = "calendar.year_check";

/// The working calendar as a module: it checks hourly whether next year's holiday schedule is
/// missing (its administrators are told once per year).
pub struct CalendarModule;

impl crate::modules::RecordModule for CalendarModule {
    fn def(&self) -> &'static xiaoban_domain::ModuleDef {
        &xiaoban_domain::calendar::MODULE
    }

    fn clock_jobs(&self) -> &'static [crate::modules::ClockJob] {
        JOBS
    }
}

const JOBS: &[crate::modules::ClockJob] = &[crate::modules::ClockJob {
    name: CALENDAR_YEAR_CHECK_JOB,
    every: std::time::Duration::from_secs(3600),
    run: check_next_year,
}];

fn check_next_year(services: &crate::Services) -> crate::modules::ModuleFuture<'_, ()> {
    Box::pin(async move {
        if let Some(year) = services.warn_missing_calendar_year().await? {
            tracing::warn!(year, "the holiday schedule of this year is missing");
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(year: i32, holidays: usize) -> CalendarYear {
        CalendarYear {
            year,
            holidays,
            workdays: 0,
        }
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn next_years_schedule_is_asked_for_from_november_only() {
        let stored = [year(2025, 30), year(2026, 30), year(2027, 0)];
        assert_eq!(missing_year(date("2026-10-31"), &stored), None);
        assert_eq!(missing_year(date("2026-11-01"), &stored), Some(2027));
        let published = [year(2025, 30), year(2026, 30), year(2027, 28)];
        assert_eq!(missing_year(date("2026-12-03"), &published), None);
    }

    #[test]
    fn a_year_without_any_holiday_is_missing_at_once() {
        let stored = [year(2026, 30), year(2027, 0), year(2028, 0)];
        assert_eq!(missing_year(date("2027-03-01"), &stored), Some(2027));
    }
}
