//! Editing the working calendar: admins add next year's holidays and make-up days when the
//! State Council publishes them, and the school's own days off.

use chrono::{Datelike, NaiveDate, Weekday};
use serde_json::json;
use xiaoban_domain::access::codes::CALENDAR_MANAGE;
use xiaoban_domain::calendar::DayKind;
use xiaoban_persistence::{PersistenceError, begin_write, calendar};

use crate::audit::{self, Change};
use crate::calendar::CalendarDay;
use crate::{RequestContext, ServiceError, Services};

/// What a day should be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DaySetting {
    /// A holiday or make-up working day with its name.
    Special { kind: DayKind, name: String },
    /// An ordinary day again (Monday–Friday work, weekend rest).
    Ordinary,
}

impl Services {
    /// Sets how `date` counts. Changing or removing a stored special day needs its `version`.
    pub async fn set_calendar_day(
        &self,
        ctx: &RequestContext,
        date: NaiveDate,
        setting: DaySetting,
        version: Option<i32>,
    ) -> Result<CalendarDay, ServiceError> {
        self.authorize(ctx, CALENDAR_MANAGE).await?;
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        if matches!(
            setting,
            DaySetting::Special {
                kind: DayKind::Workday,
                ..
            }
        ) && !weekend
        {
            return Err(ServiceError::invalid(
                "kind",
                "调休上班日只能设在周六或周日",
                "a make-up working day must be a Saturday or Sunday",
            ));
        }
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let existing = calendar::find_row(&tx, date).await?;
        let before = existing
            .as_ref()
            .map(|r| json!({ "date": r.date, "kind": r.kind, "name": r.name }));
        let action = match (&setting, &existing) {
            (DaySetting::Ordinary, None) => return self.day(date).await,
            (DaySetting::Ordinary, Some(_)) => {
                calendar::delete_row(&tx, date, required(version)?).await?;
                "calendar.clear"
            }
            (DaySetting::Special { kind, name }, Some(_)) => {
                calendar::update_row(&tx, date, required(version)?, *kind, name, now).await?;
                "calendar.set"
            }
            (DaySetting::Special { kind, name }, None) => {
                calendar::insert_row(&tx, date, *kind, name, now).await?;
                "calendar.set"
            }
        };
        let after = match &setting {
            DaySetting::Special { kind, name } => {
                Some(json!({ "date": date, "kind": kind.as_str(), "name": name }))
            }
            DaySetting::Ordinary => None,
        };
        let mut change = Change::new(action, "calendar_day", Some(date.to_string()));
        change.before = before;
        change.after = after;
        audit::record(&tx, ctx, now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        self.day(date).await
    }

    async fn day(&self, date: NaiveDate) -> Result<CalendarDay, ServiceError> {
        let mut days = self.calendar_days(date, date).await?;
        days.pop()
            .ok_or_else(|| ServiceError::Internal(format!("no calendar entry for {date}")))
    }
}

fn required(version: Option<i32>) -> Result<i32, ServiceError> {
    version.ok_or_else(|| {
        ServiceError::invalid(
            "version",
            "修改已有的节假日须提供其版本号（version）",
            "changing a stored day needs its version",
        )
    })
}
