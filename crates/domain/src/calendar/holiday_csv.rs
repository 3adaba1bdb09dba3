//! Parsing of the official holiday calendar CSV (`date,kind,name`).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, Weekday};

use super::{DayKind, SpecialDay};
use crate::error::DomainError;

const HEADER: &str = "date,kind,name";

/// Parses a holiday calendar in the format `date,kind,name`.
///
/// The first non-blank line must be the header; blank lines are ignored; `\r\n` line endings and a
/// leading byte-order mark are accepted. Each row needs exactly three fields: an ISO date
/// (`2026-10-01`), `holiday` or `workday`, and a non-empty name. A `workday` must fall on a Saturday
/// or Sunday, and a date may appear only once. Rows are returned in file order; errors carry the
/// 1-based line number.
pub fn parse_holiday_csv(text: &str) -> Result<Vec<SpecialDay>, DomainError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty());

    match lines.next() {
        Some((_, HEADER)) => {}
        Some((line, other)) => {
            return Err(csv_error(
                line,
                format!("expected header `{HEADER}`, found `{other}`"),
            ));
        }
        None => return Err(csv_error(1, format!("missing header `{HEADER}`"))),
    }

    let mut first_seen: HashMap<NaiveDate, usize> = HashMap::new();
    let mut days = Vec::new();
    for (line, content) in lines {
        let day = parse_row(line, content)?;
        if let Some(previous) = first_seen.insert(day.date, line) {
            return Err(csv_error(
                line,
                format!("date {} already listed at line {previous}", day.date),
            ));
        }
        days.push(day);
    }
    Ok(days)
}

fn parse_row(line: usize, content: &str) -> Result<SpecialDay, DomainError> {
    let fields: Vec<&str> = content.split(',').map(str::trim).collect();
    let [date, kind, name] = fields.as_slice() else {
        return Err(csv_error(
            line,
            format!(
                "expected 3 comma-separated fields (date,kind,name), found {}",
                fields.len()
            ),
        ));
    };
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_err(|_| csv_error(line, format!("`{date}` is not a date in YYYY-MM-DD form")))?;
    let kind = DayKind::parse(kind).ok_or_else(|| {
        csv_error(
            line,
            format!("kind must be `holiday` or `workday`, found `{kind}`"),
        )
    })?;
    if name.is_empty() {
        return Err(csv_error(line, "name must not be empty".to_owned()));
    }
    if kind == DayKind::Workday && !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        return Err(csv_error(
            line,
            format!(
                "{date} is a {}; a make-up workday must fall on a Saturday or Sunday",
                date.weekday()
            ),
        ));
    }
    Ok(SpecialDay {
        date,
        kind,
        name: (*name).to_owned(),
    })
}

fn csv_error(line: usize, reason: String) -> DomainError {
    DomainError::InvalidCalendarCsv { line, reason }
}
