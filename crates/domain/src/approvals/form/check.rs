//! The check of a form schema as a designer wrote it.

use std::collections::HashSet;

use super::kinds::{
    MAX_FIELDS, MAX_HELP_CHARS, MAX_KEY_CHARS, MAX_LABEL_CHARS, MAX_OPTION_CHARS, MAX_OPTIONS,
    MAX_PLACEHOLDER_CHARS, MONEY_LIMIT_FEN,
};
use super::{FieldDef, FieldKind, FormIssue, FormSchema};
use crate::approvals::condition::KEYWORDS;

impl FormSchema {
    /// Checks the schema itself (designer input). Every problem is reported, each with its path
    /// (`fields[3].options`).
    pub fn check(&self) -> Result<(), Vec<FormIssue>> {
        let mut issues = Vec::new();
        if self.fields.len() > MAX_FIELDS {
            issues.push(FormIssue::new(
                "fields",
                format!("表单最多 {MAX_FIELDS} 个字段"),
                format!("a form has at most {MAX_FIELDS} fields"),
            ));
        }
        let mut keys = HashSet::new();
        for (index, field) in self.fields.iter().enumerate() {
            let path = |name: &str| format!("fields[{index}].{name}");
            if let Some((zh, en)) = key_problem(&field.key) {
                issues.push(FormIssue::new(path("key"), zh, en));
            } else if !keys.insert(field.key.as_str()) {
                issues.push(FormIssue::new(
                    path("key"),
                    format!("字段标识“{}”重复", field.key),
                    format!("field key {:?} is used twice", field.key),
                ));
            }
            check_field(field, &path, &mut issues);
            if let Some(source) = &field.computed_from
                && !self.computes_well(field, source)
            {
                issues.push(FormIssue::new(
                    path("computedFrom"),
                    "自动计算的字段须为：指向日期范围字段的数字字段（天数），或指向明细中同类型列（如 lines.amount）的金额或数字字段（合计）",
                    "a computed field is a number field naming a date range field (its days), or a money or number field naming a column of the same kind of a line_items field (lines.amount, its sum)",
                ));
            }
        }
        if issues.is_empty() { Ok(()) } else { Err(issues) }
    }
}

impl FormSchema {
    /// Whether `field` may be computed from `source`: days of a date range, or the sum of a
    /// line-items column of the field's own kind.
    fn computes_well(&self, field: &FieldDef, source: &str) -> bool {
        if let Some(column) = super::lines::summed_column(&self.fields, source) {
            return matches!(
                (&field.kind, column.kind),
                (FieldKind::Money, super::ColumnKind::Money) | (FieldKind::Number, super::ColumnKind::Number)
            );
        }
        field.kind == FieldKind::Number
            && self
                .fields
                .iter()
                .any(|f| f.key == source && f.kind == FieldKind::DateRange)
    }
}

/// Why `key` cannot name a field, if it cannot.
pub(super) fn key_problem(key: &str) -> Option<(String, String)> {
    let mut chars = key.chars();
    let starts_well = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !starts_well || !rest_ok || key.len() > MAX_KEY_CHARS {
        return Some((
            format!("字段标识须以小写英文字母开头，只含英文字母、数字和下划线，最多 {MAX_KEY_CHARS} 个字符"),
            format!(
                "a field key starts with a lowercase letter and has only letters, digits and '_', at most {MAX_KEY_CHARS} characters"
            ),
        ));
    }
    if key.starts_with(crate::approvals::condition::applicant::PREFIX) {
        return Some((
            format!("“{key}”以 applicant_ 开头，这是条件中申请人信息的保留前缀"),
            format!("{key:?} starts with applicant_, reserved for the applicant's facts in conditions"),
        ));
    }
    // Such a field could not be named in a step condition.
    if KEYWORDS.contains(&key) {
        return Some((
            format!("“{key}”是条件表达式的保留字，不能用作字段标识"),
            format!("{key:?} is a word of the condition language and cannot be a field key"),
        ));
    }
    None
}

fn check_field(field: &FieldDef, path: &dyn Fn(&str) -> String, issues: &mut Vec<FormIssue>) {
    let label_chars = field.label.trim().chars().count();
    if label_chars == 0 || label_chars > MAX_LABEL_CHARS {
        issues.push(FormIssue::new(
            path("label"),
            format!("字段名称须为 1 到 {MAX_LABEL_CHARS} 个字"),
            format!("a label has 1 to {MAX_LABEL_CHARS} characters"),
        ));
    }
    check_text_limit(
        "placeholder",
        &field.placeholder,
        MAX_PLACEHOLDER_CHARS,
        path,
        issues,
    );
    check_text_limit("help", &field.help, MAX_HELP_CHARS, path, issues);
    check_bounds(field, path, issues);
    check_lengths(field, path, issues);
    check_options(field, path, issues);
    super::lines::check_columns(field, path, issues);
}

fn check_text_limit(
    name: &str,
    text: &Option<String>,
    max: usize,
    path: &dyn Fn(&str) -> String,
    issues: &mut Vec<FormIssue>,
) {
    if text.as_ref().is_some_and(|text| text.chars().count() > max) {
        issues.push(FormIssue::new(
            path(name),
            format!("最多 {max} 个字"),
            format!("at most {max} characters"),
        ));
    }
}

fn not_used(path: String, kind: &FieldKind, issues: &mut Vec<FormIssue>) {
    issues.push(FormIssue::new(
        path,
        "此类字段不使用该设置",
        format!("a {} field does not use this setting", kind_name(kind)),
    ));
}

fn kind_name(kind: &FieldKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn check_bounds(field: &FieldDef, path: &dyn Fn(&str) -> String, issues: &mut Vec<FormIssue>) {
    if !field.kind.uses_bounds() {
        for (name, bound) in [("min", field.min), ("max", field.max)] {
            if bound.is_some() {
                not_used(path(name), &field.kind, issues);
            }
        }
        return;
    }
    let mut sound = true;
    for (name, bound) in [("min", field.min), ("max", field.max)] {
        let Some(bound) = bound else { continue };
        let problem = if !bound.is_finite() {
            Some(("须为有限的数值", "must be a finite number"))
        } else if field.kind == FieldKind::Money && bound.fract() != 0.0 {
            Some((
                "金额界限须为以分为单位的整数",
                "a money bound is a whole number of fen",
            ))
        } else if field.kind == FieldKind::Money && bound.abs() > MONEY_LIMIT_FEN as f64 {
            Some(("金额界限超出范围", "a money bound is out of range"))
        } else {
            None
        };
        if let Some((zh, en)) = problem {
            sound = false;
            issues.push(FormIssue::new(path(name), zh, en));
        }
    }
    if let (true, Some(min), Some(max)) = (sound, field.min, field.max)
        && min > max
    {
        issues.push(FormIssue::new(
            path("max"),
            "最大值不能小于最小值",
            "max must not be less than min",
        ));
    }
}

fn check_lengths(field: &FieldDef, path: &dyn Fn(&str) -> String, issues: &mut Vec<FormIssue>) {
    if !field.kind.uses_lengths() {
        for (name, length) in [("minLength", field.min_length), ("maxLength", field.max_length)] {
            if length.is_some() {
                not_used(path(name), &field.kind, issues);
            }
        }
        return;
    }
    let cap = field.kind.length_cap();
    if let Some(max) = field.max_length
        && !(1..=cap).contains(&max)
    {
        issues.push(FormIssue::new(
            path("maxLength"),
            format!("须在 1 到 {cap} 之间"),
            format!("must be between 1 and {cap}"),
        ));
    }
    let max = field.max_length.unwrap_or(cap).min(cap);
    if field.min_length.is_some_and(|min| min > max) {
        issues.push(FormIssue::new(
            path("minLength"),
            format!("不能大于 {max}"),
            format!("must not be greater than {max}"),
        ));
    }
    if field.kind == FieldKind::MultiSelect
        && !field.options.is_empty()
        && field
            .min_length
            .is_some_and(|min| min as usize > field.options.len())
    {
        issues.push(FormIssue::new(
            path("minLength"),
            "不能多于选项个数",
            "must not exceed the number of options",
        ));
    }
}

fn check_options(field: &FieldDef, path: &dyn Fn(&str) -> String, issues: &mut Vec<FormIssue>) {
    let options = &field.options;
    if !field.kind.uses_options() {
        if !options.is_empty() {
            not_used(path("options"), &field.kind, issues);
        }
        return;
    }
    let problem = if options.is_empty() || options.len() > MAX_OPTIONS {
        Some((
            format!("须有 1 到 {MAX_OPTIONS} 个选项"),
            format!("needs 1 to {MAX_OPTIONS} options"),
        ))
    } else if options.iter().any(|option| option.trim().is_empty()) {
        Some((
            "选项不能为空".to_owned(),
            "an option must not be empty".to_owned(),
        ))
    } else if options.iter().any(|option| option.trim() != option) {
        // Submitted choices are trimmed, so a padded option could never be chosen.
        Some((
            "选项首尾不能有空格".to_owned(),
            "an option must not start or end with spaces".to_owned(),
        ))
    } else if options
        .iter()
        .any(|option| option.chars().count() > MAX_OPTION_CHARS)
    {
        Some((
            format!("每个选项最多 {MAX_OPTION_CHARS} 个字"),
            format!("an option has at most {MAX_OPTION_CHARS} characters"),
        ))
    } else if options.iter().collect::<HashSet<_>>().len() != options.len() {
        Some(("选项不能重复".to_owned(), "options must be distinct".to_owned()))
    } else {
        None
    };
    if let Some((zh, en)) = problem {
        issues.push(FormIssue::new(path("options"), zh, en));
    }
}
