//! Turns serde and validator failures into per-field messages in both languages.

use std::borrow::Cow;

use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

use crate::errors::Text;

/// `snake_case` Rust field names as the camelCase names clients send.
pub(crate) fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for ch in name.chars() {
        if ch == '_' {
            upper = true;
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// Field and message for a serde data error at `path` (`.` for the document root).
pub(crate) fn serde_data_error(path: &str, message: &str) -> (String, Text) {
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.split('`').next())
    {
        let full = if path == "." {
            field.to_owned()
        } else {
            format!("{path}.{field}")
        };
        return (full, Text::new("必填", "is required"));
    }
    let field = if path == "." {
        "body".to_owned()
    } else {
        path.to_owned()
    };
    let message = strip_position(message);
    let zh = if message.starts_with("invalid type") {
        format!("类型不正确（{message}）")
    } else if message.starts_with("unknown field") {
        format!("不认识的字段（{message}）")
    } else {
        format!("取值无效（{message}）")
    };
    (field, Text::new(zh, message.to_owned()))
}

fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

/// Flattens validator errors into `(camelCasePath, message)` pairs.
pub(crate) fn validation_errors(errors: &ValidationErrors, prefix: &str, out: &mut Vec<(String, Text)>) {
    for (field, kind) in errors.errors() {
        let name = camel(field);
        let path = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}.{name}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                out.extend(list.iter().map(|e| (path.clone(), validation_text(e))));
            }
            ValidationErrorsKind::Struct(inner) => validation_errors(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    validation_errors(inner, &format!("{path}[{index}]"), out);
                }
            }
        }
    }
}

fn param(err: &ValidationError, name: &str) -> Option<String> {
    err.params
        .get(name)
        .map(|v| v.to_string().trim_matches('"').to_owned())
}

fn validation_text(err: &ValidationError) -> Text {
    let min = param(err, "min");
    let max = param(err, "max");
    let text = match (err.code.as_ref(), min, max) {
        ("length", Some(min), Some(max)) => Text::new(
            format!("长度须在 {min} 到 {max} 之间"),
            format!("length must be between {min} and {max}"),
        ),
        ("length", Some(min), None) => Text::new(
            format!("长度不能少于 {min}"),
            format!("length must be at least {min}"),
        ),
        ("length", None, Some(max)) => Text::new(
            format!("长度不能超过 {max}"),
            format!("length must be at most {max}"),
        ),
        ("range", Some(min), Some(max)) => Text::new(
            format!("须在 {min} 到 {max} 之间"),
            format!("must be between {min} and {max}"),
        ),
        ("range", Some(min), None) => Text::new(format!("不能小于 {min}"), format!("must be at least {min}")),
        ("range", None, Some(max)) => Text::new(format!("不能大于 {max}"), format!("must be at most {max}")),
        ("email", ..) => Text::new("邮箱格式不正确", "is not a valid e-mail address"),
        ("url", ..) => Text::new("网址格式不正确", "is not a valid URL"),
        ("required", ..) => Text::new("必填", "is required"),
        (code, ..) => Text::new(format!("取值无效（{code}）"), format!("is invalid ({code})")),
    };
    // A message set on the rule is written for people and wins over the generic one.
    match &err.message {
        Some(Cow::Borrowed(msg)) => Text::new(*msg, *msg),
        Some(Cow::Owned(msg)) => Text::new(msg.clone(), msg.clone()),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_names_become_camel_case() {
        assert_eq!(camel("page_size"), "pageSize");
        assert_eq!(camel("title"), "title");
    }

    #[test]
    fn missing_fields_are_named_and_positions_dropped() {
        assert_eq!(serde_data_error(".", "missing field `title`").0, "title");
        let (field, text) = serde_data_error(
            "count",
            "invalid type: string \"x\", expected u32 at line 1 column 12",
        );
        assert_eq!(field, "count");
        assert_eq!(text.en, "invalid type: string \"x\", expected u32");
    }
}
