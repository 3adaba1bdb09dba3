//! Tests of form schemas: the designer check, value validation per kind, summaries.

mod check;
mod conditions;
mod summary;
mod validate;

use serde_json::json;

use super::{FieldDef, FieldKind, FormSchema};

/// A field of `kind` with no limits, not required.
fn field(key: &str, label: &str, kind: FieldKind) -> FieldDef {
    FieldDef {
        key: key.to_owned(),
        label: label.to_owned(),
        kind,
        required: false,
        min: None,
        max: None,
        min_length: None,
        max_length: None,
        options: Vec::new(),
        placeholder: None,
        help: None,
        computed_from: None,
        columns: Vec::new(),
    }
}

fn select(key: &str, label: &str, kind: FieldKind, options: &[&str]) -> FieldDef {
    FieldDef {
        options: options.iter().map(|option| (*option).to_owned()).collect(),
        ..field(key, label, kind)
    }
}

/// The leave form used across the tests (请假单).
fn leave_form() -> FormSchema {
    FormSchema {
        fields: vec![
            FieldDef {
                required: true,
                ..select("type", "请假类型", FieldKind::Select, &["事假", "病假", "年假"])
            },
            FieldDef {
                required: true,
                min: Some(0.5),
                max: Some(30.0),
                ..field("days", "请假天数", FieldKind::Number)
            },
            FieldDef {
                required: true,
                ..field("period", "请假时间", FieldKind::DateRange)
            },
            field("reason", "事由", FieldKind::LongText),
            field("substitute", "代课教师", FieldKind::User),
            field("proof", "证明材料", FieldKind::Attachments),
        ],
    }
}

/// The issues of `validate` as `(field, zh)` pairs, for compact assertions.
fn rejected(form: &FormSchema, values: serde_json::Value) -> Vec<(String, String)> {
    match form.validate(&values) {
        Ok(checked) => panic!("accepted {values}: {checked:?}"),
        Err(issues) => issues.into_iter().map(|issue| (issue.field, issue.zh)).collect(),
    }
}

/// The normalised value of `key` after `validate` accepted `values`.
fn accepted(form: &FormSchema, values: serde_json::Value, key: &str) -> serde_json::Value {
    let checked = form.validate(&values).unwrap();
    checked.values.get(key).cloned().unwrap_or(json!(null))
}

mod computed {
    use chrono::{Datelike, NaiveDate, Weekday};
    use serde_json::json;

    use super::super::computed::working_days;

    fn weekdays(d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
    }

    #[test]
    fn a_week_of_leave_over_a_weekend_counts_its_working_days() {
        let period = json!({ "start": "2026-11-26", "end": "2026-12-02" });
        assert_eq!(working_days(&period, &weekdays), 5.0);
    }

    #[test]
    fn an_afternoon_start_and_a_morning_end_count_half_days() {
        let period =
            json!({ "start": "2026-11-23", "end": "2026-11-24", "startHalf": "pm", "endHalf": "am" });
        assert_eq!(working_days(&period, &weekdays), 1.0);
        let afternoon = json!({ "start": "2026-11-23", "end": "2026-11-23", "startHalf": "pm" });
        assert_eq!(working_days(&afternoon, &weekdays), 0.5);
    }

    #[test]
    fn a_weekend_holds_no_working_day() {
        let period = json!({ "start": "2026-11-28", "end": "2026-11-29" });
        assert_eq!(working_days(&period, &weekdays), 0.0);
    }
}
