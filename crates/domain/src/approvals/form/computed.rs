//! Values that decide the route are computed, not typed: a leave's days from its period on the
//! school's working calendar, so "5 working days" cannot be filed as "2 天" to avoid a step, and
//! a claim's total from its lines (the sum of one column), so it cannot be typed lower.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::kinds::MONEY_LIMIT_FEN;
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
            if let Some(column) = super::lines::summed_column(&self.fields, source) {
                let lines_key = source.split_once('.').map_or(source.as_str(), |(lines, _)| lines);
                let sum = values
                    .get(lines_key)
                    .and_then(|lines| super::lines::column_sum(lines, column));
                match sum {
                    Some(sum) if sum.as_i64().is_some_and(|fen| fen.abs() > MONEY_LIMIT_FEN) => {
                        issues.push(FormIssue::new(
                            lines_key,
                            "合计金额超出范围",
                            "the total is out of range",
                        ));
                    }
                    Some(sum) => {
                        values.insert(field.key.clone(), sum);
                    }
                    None => {}
                }
                continue;
            }
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
