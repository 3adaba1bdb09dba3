//! Control characters anywhere in a JSON body, a query or a path segment are refused here, once,
//! before any handler sees the input: PostgreSQL cannot store NUL (it answered 500) and SQLite
//! stored it silently, so no DTO is trusted to remember the rule.

use serde_json::Value;
use xiaoban_domain::text::{is_forbidden_in_free_text, is_forbidden_in_single_line};

use crate::errors::{ApiError, ErrorCode};

/// The 422 naming `field`.
pub(crate) fn refused(field: String) -> ApiError {
    ApiError::new(ErrorCode::ValidationFailed)
        .with_detail(
            "请修改标注的字段后重新提交",
            "Correct the marked fields and submit again",
        )
        .with_field(
            field,
            crate::errors::Text::new(
                "不能包含控制字符（如 NUL）",
                "must not contain control characters (such as NUL)",
            ),
        )
}

/// The path (`steps[0].name`) of the first string or key in `body` holding a control character
/// other than tab and line breaks. Only bodies that could hold one are parsed a second time:
/// raw controls are invalid JSON, so one can only arrive as a `\u` escape, DEL or a C1 (0xC2 …).
pub(crate) fn in_json(body: &[u8]) -> Option<String> {
    let could = body.windows(2).any(|w| w == b"\\u" || w[0] == 0xC2) || body.contains(&0x7F);
    if !could {
        return None;
    }
    let value: Value = serde_json::from_slice(body).ok()?;
    find(&value, "")
}

fn find(value: &Value, path: &str) -> Option<String> {
    let bad = |s: &str| s.chars().any(is_forbidden_in_free_text);
    match value {
        Value::String(s) if bad(s) => Some(if path.is_empty() {
            "body".to_owned()
        } else {
            path.to_owned()
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
            if bad(key) { Some(here) } else { find(item, &here) }
        }),
        _ => None,
    }
}

/// The name of the first query parameter whose name or value holds any control character.
pub(crate) fn in_query(query: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(key, value)| key.chars().chain(value.chars()).any(is_forbidden_in_single_line))
        .map(|(key, _)| key.chars().filter(|c| !c.is_control()).collect())
}

/// True if a (percent-encoded) path segment decodes to text with a control character.
pub(crate) fn in_segment(raw: &str) -> bool {
    let decoded: Vec<u8> = form_urlencoded::parse(format!("s={}", raw.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned().into_bytes())
        .unwrap_or_default();
    String::from_utf8_lossy(&decoded)
        .chars()
        .any(is_forbidden_in_single_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_deep_in_a_body_is_found_by_its_path() {
        let body = br#"{"a": {"b": ["ok", "x\u0000y"]}}"#;
        assert_eq!(in_json(body).as_deref(), Some("a.b[1]"));
        assert_eq!(in_json(br#"{"remark": "line\nnext\ttab"}"#), None);
        assert_eq!(in_json(br#"{"k\u001f": 1}"#).as_deref(), Some("k\u{1f}"));
        assert_eq!(in_json("{\"n\": \"a\u{85}\"}".as_bytes()).as_deref(), Some("n"));
    }

    #[test]
    fn query_parameters_and_segments_refuse_even_line_breaks() {
        assert_eq!(in_query("page=1&q=a%00b").as_deref(), Some("q"));
        assert_eq!(in_query("q=a%0Ab").as_deref(), Some("q"));
        assert_eq!(in_query("q=%E4%B8%AD+%25"), None);
        assert!(in_segment("abc%00"));
        assert!(!in_segment("2026-01-01"));
    }
}
