//! Values that decide the route are computed, not typed: a leave's days from its period on the
//! school's working calendar, so "5 working days" cannot be filed as "2 天" to avoid a step.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::{FormIssue, FormSchema};

impl FormSchema {
    /// Fills every computed field from the values it is computed from. `is_working_day` is the
    /// school calendar. A period without a working day is an issue on the period's field.
    pub fn fill_computed(
        &self,
        values: &mut Map<String, Value>,
        is_working_day: impl Fn(NaiveDate) -> bool,
    ) -> Result<(), Vec<FormIssue>> {
        let mut issues = Vec::new();
        for field in &self.fields {
            let Some(source) = &field.computed_from else {
                continue;
            };
            values.remove(&field.key);
            let Some(period) = values.get(source) else {
                continue;
            };
            let days = working_days(period, &is_working_day);
            if days > 0.0 {
                values.insert(field.key.clone(), Value::from(days));
            } else {
                issues.push(FormIssue::new(
                    source.as_str(),
                    "所选时间内没有工作日",
                    "the period holds no working day",
                ));
            }
        }
        if issues.is_empty() { Ok(()) } else { Err(issues) }
    }
}

/// Working days from start to end, both included; a start in the afternoon (`startHalf: pm`)
/// or an end in the morning (`endHalf: am`) on a working day counts half.
pub fn working_days(period: &Value, is_working_day: &impl Fn(NaiveDate) -> bool) -> f64 {
    let date = |key: &str| {
        period
            .get(key)
            .and_then(Value::as_str)
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    };
    let (Some(start), Some(end)) = (date("start"), date("end")) else {
        return 0.0;
    };
    let mut days = 0.0;
    let mut day = start;
    while day <= end {
        if is_working_day(day) {
            days += 1.0;
        }
        let Some(next) = day.succ_opt() else { break };
        day = next;
    }
    let half = |key: &str, value: &str| period.get(key).and_then(Value::as_str) == Some(value);
    if half("startHalf", "pm") && is_working_day(start) {
        days -= 0.5;
    }
    if half("endHalf", "am") && is_working_day(end) {
        days -= 0.5;
    }
    days
}
