//! The check of submitted values against a form schema.

use serde_json::{Map, Value};

use super::values::{Problem, Refs, check_value};
use super::{CheckedForm, FieldDef, FieldKind, FormIssue, FormSchema};

impl FormSchema {
    /// Validates submitted values. Unknown keys are an error; every problem is reported, one per
    /// field. Returns the normalised values (trimmed strings, canonical UUID strings, fields not
    /// given left out) and the users, departments and files the service must check in the database.
    pub fn validate(&self, values: &Value) -> Result<CheckedForm, Vec<FormIssue>> {
        let Some(object) = values.as_object() else {
            return Err(vec![FormIssue::new(
                "",
                "表单内容应为对象",
                "form values must be a JSON object",
            )]);
        };
        let mut issues: Vec<FormIssue> = object
            .keys()
            .filter(|key| self.field(key).is_none())
            .map(|key| {
                FormIssue::new(
                    key.as_str(),
                    format!("表单中没有字段“{key}”"),
                    format!("the form has no field {key:?}"),
                )
            })
            .collect();
        let mut checked = CheckedForm::default();
        // A computed field is filled in by the server (`fill_computed`); what was typed is ignored.
        for field in self.fields.iter().filter(|f| f.computed_from.is_none()) {
            let raw = object.get(&field.key).unwrap_or(&Value::Null);
            if is_blank(field, raw) {
                if field.required {
                    issues.push(required(field));
                }
                continue;
            }
            let mut refs = Refs::default();
            match check_value(field, raw, &mut refs) {
                Ok(value) => {
                    checked.values.insert(field.key.clone(), value);
                    let tag = |id| (field.key.clone(), id);
                    checked.users.extend(refs.users.into_iter().map(tag));
                    checked.departments.extend(refs.departments.into_iter().map(tag));
                    checked.files.extend(refs.files.into_iter().map(tag));
                }
                Err(Problem { zh, en, at }) => {
                    issues.push(FormIssue::new(format!("{}{at}", field.key), zh, en))
                }
            }
        }
        if issues.is_empty() {
            Ok(checked)
        } else {
            Err(issues)
        }
    }
}

impl FormSchema {
    /// The schema a draft (草稿) is checked with: every field as in [`FormSchema::validate`], but
    /// nothing is required yet; the required check runs when the draft is submitted.
    pub fn for_draft(&self) -> FormSchema {
        let mut relaxed = self.clone();
        for field in &mut relaxed.fields {
            field.required = false;
        }
        relaxed
    }
}

/// Absent, `null`, `""` (after trimming) and `[]` mean "not given"; so does a date range whose
/// start and end are both blank, the way a cleared date-range picker sends it.
fn is_blank(field: &FieldDef, raw: &Value) -> bool {
    match raw {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(parts) if field.kind == FieldKind::DateRange => all_blank(parts),
        _ => false,
    }
}

fn all_blank(parts: &Map<String, Value>) -> bool {
    parts.values().all(|part| match part {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        _ => false,
    })
}

fn required(field: &FieldDef) -> FormIssue {
    let verb = match field.kind {
        FieldKind::Attachments => "上传",
        ref kind if kind.is_picked() => "选择",
        _ => "填写",
    };
    FormIssue::new(
        field.key.as_str(),
        format!("请{verb}{}", field.label),
        format!("{} is required", field.label),
    )
}
