//! Input every endpoint refuses, screened once in the JSON, query and path extractors before any
//! handler sees it, so no DTO is trusted to remember the rules:
//! - control characters: PostgreSQL cannot store NUL (it answered 500) and SQLite stored it
//!   silently;
//! - dates outside 1900-01-01 … 2200-12-31 (year 0, `+10009-…`), whatever field carries them
//!   (calendar, delegations, API key expiry, a form's date fields, audit filters).

use serde_json::Value;
use xiaoban_domain::dates::{MAX_YEAR, MIN_YEAR, iso_year, year_supported};
use xiaoban_domain::text::{is_forbidden_in_free_text, is_forbidden_in_single_line};

use crate::errors::{ApiError, ErrorCode, Text};

/// Why a value was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    ControlCharacter,
    DateOutOfRange,
}

/// The 422 naming `field`.
pub(crate) fn refused(field: String, why: Refusal) -> ApiError {
    let text = match why {
        Refusal::ControlCharacter => Text::new(
            "不能包含控制字符（如 NUL）",
            "must not contain control characters (such as NUL)",
        ),
        Refusal::DateOutOfRange => Text::new(
            format!("日期须在 {MIN_YEAR}-01-01 到 {MAX_YEAR}-12-31 之间"),
            format!("the date must be between {MIN_YEAR}-01-01 and {MAX_YEAR}-12-31"),
        ),
    };
    ApiError::new(ErrorCode::ValidationFailed)
        .with_detail(
            "请修改标注的字段后重新提交",
            "Correct the marked fields and submit again",
        )
        .with_field(field, text)
}

/// What is wrong with one string, if anything. `single_line` values (query, path) may not hold
/// even tabs and line breaks.
fn judge(text: &str, single_line: bool) -> Option<Refusal> {
    let control = if single_line {
        is_forbidden_in_single_line
    } else {
        is_forbidden_in_free_text
    };
    if text.chars().any(control) {
        return Some(Refusal::ControlCharacter);
    }
    iso_year(text)
        .filter(|year| !year_supported(*year))
        .map(|_| Refusal::DateOutOfRange)
}

/// The path (`steps[0].name`) of the first string or key in `body` that is refused, and why.
/// A body that is not JSON is left to the typed parse, which says where it breaks.
pub(crate) fn in_json(body: &[u8]) -> Option<(String, Refusal)> {
    let value: Value = serde_json::from_slice(body).ok()?;
    find(&value, "")
}

fn find(value: &Value, path: &str) -> Option<(String, Refusal)> {
    match value {
        Value::String(s) => judge(s, false).map(|why| {
            let field = if path.is_empty() {
                "body".to_owned()
            } else {
                path.to_owned()
            };
            (field, why)
        }),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| find(item, &format!("{path}[{i}]"))),
        Value::Object(map) => map.iter().find_map(|(key, item)| {
            let here = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            match judge(key, false) {
                Some(Refusal::ControlCharacter) => Some((here, Refusal::ControlCharacter)),
                _ => find(item, &here),
            }
        }),
        _ => None,
    }
}

/// The first query parameter whose name or value is refused, and why.
pub(crate) fn in_query(query: &str) -> Option<(String, Refusal)> {
    form_urlencoded::parse(query.as_bytes()).find_map(|(key, value)| {
        let why = match judge(&key, true) {
            Some(Refusal::ControlCharacter) => Some(Refusal::ControlCharacter),
            _ => judge(&value, true),
        }?;
        Some((key.chars().filter(|c| !c.is_control()).collect(), why))
    })
}

/// What is wrong with a (percent-encoded) path segment that failed to parse, if anything.
pub(crate) fn in_segment(raw: &str) -> Option<Refusal> {
    let decoded: Vec<u8> = form_urlencoded::parse(format!("s={}", raw.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned().into_bytes())
        .unwrap_or_default();
    judge(&String::from_utf8_lossy(&decoded), true)
}

/// `date` from a path segment if its year is supported, else the 422 naming the segment (a
/// segment that parses never reaches the path error handler).
pub fn supported_date(name: &str, date: chrono::NaiveDate) -> Result<chrono::NaiveDate, ApiError> {
    use chrono::Datelike;
    if year_supported(date.year()) {
        Ok(date)
    } else {
        Err(refused(name.to_owned(), Refusal::DateOutOfRange))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_deep_in_a_body_is_found_by_its_path() {
        let control = |field: &str| Some((field.to_owned(), Refusal::ControlCharacter));
        let body = br#"{"a": {"b": ["ok", "x\u0000y"]}}"#;
        assert_eq!(in_json(body), control("a.b[1]"));
        assert_eq!(in_json(br#"{"remark": "line\nnext\ttab"}"#), None);
        assert_eq!(in_json(br#"{"k\u001f": 1}"#), control("k\u{1f}"));
        assert_eq!(in_json("{\"n\": \"a\u{85}\"}".as_bytes()), control("n"));
    }

    #[test]
    fn query_parameters_and_segments_refuse_even_line_breaks() {
        let control = Some(("q".to_owned(), Refusal::ControlCharacter));
        assert_eq!(in_query("page=1&q=a%00b"), control);
        assert_eq!(in_query("q=a%0Ab"), control);
        assert_eq!(in_query("q=%E4%B8%AD+%25"), None);
        assert_eq!(in_segment("abc%00"), Some(Refusal::ControlCharacter));
        assert_eq!(in_segment("2026-01-01"), None);
    }

    #[test]
    fn dates_beyond_1900_to_2200_are_refused_wherever_they_are() {
        let date = |field: &str| Some((field.to_owned(), Refusal::DateOutOfRange));
        assert_eq!(in_json(br#"{"form": {"day": "0000-01-01"}}"#), date("form.day"));
        assert_eq!(
            in_json(br#"{"endsAt": "+10009-01-01T00:00:00Z"}"#),
            date("endsAt")
        );
        assert_eq!(in_json(br#"{"startsAt": "2026-03-02T09:00:00+08:00"}"#), None);
        assert_eq!(in_query("from=1899-12-31T23:59:59Z"), date("from"));
        assert_eq!(in_query("from=2200-12-31"), None);
        assert_eq!(in_segment("0000-01-01"), Some(Refusal::DateOutOfRange));
    }
}
