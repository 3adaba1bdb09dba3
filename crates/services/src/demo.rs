//! The demo school for trying Xiaoban out. Each module adds its sample data here; every step
//! checks what exists first, so seeding twice changes nothing.

use std::fmt;

use chrono::Datelike;

use crate::{ServiceError, Services};

/// What the demo data holds after seeding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoReport {
    pub special_calendar_days_this_year: usize,
}

impl fmt::Display for DemoReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} holidays and make-up working days in this year's calendar",
            self.special_calendar_days_this_year
        )
    }
}

impl Services {
    pub async fn seed_demo(&self) -> Result<DemoReport, ServiceError> {
        let today = self.now().with_timezone(&self.settings().timezone).date_naive();
        let (from, to) = (
            today.with_ordinal(1).unwrap_or(today),
            today.with_month(12).and_then(|d| d.with_day(31)).unwrap_or(today),
        );
        let days = self.calendar_days(from, to).await?;
        let special = days.iter().filter(|d| d.version.is_some()).count();
        Ok(DemoReport {
            special_calendar_days_this_year: special,
        })
    }
}
