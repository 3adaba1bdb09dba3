//! Every unknown field of a body at once. serde stops at the first unknown field; a client who
//! misspelt three (a template definition has many nested parts) should learn of all three in one
//! answer. So after the first, the body is parsed again as a JSON value with each reported field
//! taken out, until the type accepts it or fails for another reason.

use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_path_to_error::{Path, Segment};

use super::field_messages::serde_data_error;
use crate::errors::Text;

/// More unknown fields than this in one body are not worth listing one by one.
const MAX_REPORTED: usize = 50;

/// The unknown fields of `body` for `T` as `(path, message)`, in the order found.
/// Empty when the body is not JSON or its first problem is not an unknown field.
pub(crate) fn all_unknown_fields<T: DeserializeOwned>(body: &[u8]) -> Vec<(String, Text)> {
    let Ok(mut value) = serde_json::from_slice::<Value>(body) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    while found.len() < MAX_REPORTED {
        let err = match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(_) => break,
            Err(err) => err,
        };
        let message = err.inner().to_string();
        let Some(key) = unknown_key(&message) else { break };
        let (container, full_path) = locate(err.path(), key);
        found.push(serde_data_error(&full_path, &message));
        if !remove(&mut value, &container, key) {
            break;
        }
    }
    found
}

/// `unknown field `upTo`, expected …` → `upTo`.
fn unknown_key(message: &str) -> Option<&str> {
    message.strip_prefix("unknown field `")?.split('`').next()
}

/// The segments of the object holding the key, and the key's own path as clients write it.
/// Inside an internally tagged enum serde reports the enclosing object without the key.
fn locate<'a>(path: &'a Path, key: &str) -> (Vec<&'a Segment>, String) {
    let mut segments: Vec<&Segment> = path.iter().collect();
    let names_key = matches!(segments.last(), Some(Segment::Map { key: last }) if last == key);
    if names_key {
        segments.pop();
        return (segments, path.to_string());
    }
    let shown = path.to_string();
    let full = if shown == "." {
        key.to_owned()
    } else {
        format!("{shown}.{key}")
    };
    (segments, full)
}

fn remove(value: &mut Value, container: &[&Segment], key: &str) -> bool {
    let mut at = value;
    for segment in container {
        at = match (segment, at) {
            (Segment::Seq { index }, Value::Array(items)) => match items.get_mut(*index) {
                Some(item) => item,
                None => return false,
            },
            (Segment::Map { key }, Value::Object(map)) => match map.get_mut(key) {
                Some(item) => item,
                None => return false,
            },
            (Segment::Enum { .. }, other) => other,
            _ => return false,
        };
    }
    at.as_object_mut().is_some_and(|map| map.remove(key).is_some())
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "only the shape matters")]
    struct Outer {
        name: String,
        inner: Vec<Inner>,
        rule: Rule,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "only the shape matters")]
    struct Inner {
        size: u8,
    }

    #[derive(Debug, Deserialize)]
    #[serde(tag = "type", deny_unknown_fields)]
    #[expect(dead_code, reason = "only the shape matters")]
    enum Rule {
        Some { levels: u8 },
        None {},
    }

    fn paths(body: &str) -> Vec<String> {
        let mut found: Vec<String> = all_unknown_fields::<Outer>(body.as_bytes())
            .into_iter()
            .map(|(path, _)| path)
            .collect();
        found.sort();
        found
    }

    #[test]
    fn every_unknown_field_is_named_with_its_path() {
        let body = r#"{"name":"x","nmae":1,"inner":[{"size":1},{"size":2,"sise":3}],
            "rule":{"type":"Some","levels":1,"upTo":2}}"#;
        assert_eq!(paths(body), ["inner[1].sise", "nmae", "rule.upTo"]);
    }

    #[test]
    fn an_empty_variant_refuses_extra_fields_too() {
        let body = r#"{"name":"x","inner":[],"rule":{"type":"None","afterHours":4}}"#;
        assert_eq!(paths(body), ["rule.afterHours"]);
    }

    #[test]
    fn other_problems_stop_the_search() {
        assert!(paths(r#"{"inner":1,"nmae":1,"name":"x","rule":{"type":"None"}}"#).is_empty());
        assert!(paths("not json").is_empty());
    }
}
