//! Per-step field rights: what a step's approvers may see, change or must fill in the form, and
//! whether their decision needs a handwritten signature.
//!
//! - `hidden`: the step's approvers do not see the value (request, print view, timeline); no
//!   hidden field ever appears in the request's one-line summary, which every inbox shares.
//! - `editable`: the approver may change the value when approving (checked by the field's own
//!   rules; the change is on the timeline with before and after).
//! - `required`: the approver must fill it when approving (finance fills 会计科目). Such a field
//!   is *filled at a step*: the applicant is not asked for it, and may not give it.
//!
//! Fields without a right are visible and read-only. The applicant always sees everything.

#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::definition::{Definition, StepDef};
use super::form::{CheckedForm, FieldDef, FormIssue, FormSchema};
use super::parallel::StepPos;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldRight {
    Hidden,
    Editable,
    Required,
}

/// One value an approver changed, for the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    pub field: String,
    pub label: String,
    pub before: Value,
    pub after: Value,
}

/// What an approver's edits come to: the whole form after them, the references the service must
/// check, and what changed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Edited {
    pub form: CheckedForm,
    pub changes: Vec<FieldChange>,
}

impl StepDef {
    pub fn right(&self, key: &str) -> Option<FieldRight> {
        self.field_rights.get(key).copied()
    }

    /// Whether the step's approver may give a value for the field.
    pub fn may_edit(&self, key: &str) -> bool {
        matches!(self.right(key), Some(FieldRight::Editable | FieldRight::Required))
    }

    /// Field keys with a given right, in map order.
    pub fn fields_with(&self, right: FieldRight) -> Vec<String> {
        self.field_rights
            .iter()
            .filter(|(_, r)| **r == right)
            .map(|(k, _)| k.clone())
            .collect()
    }
}

impl Definition {
    /// Every step that decides (top-level and branch steps alike), for rules that hold for any.
    fn deciding_steps(&self) -> impl Iterator<Item = &StepDef> {
        self.steps
            .iter()
            .flat_map(|s| std::iter::once(s).chain(s.branches.iter().flat_map(|b| b.steps.iter())))
    }

    /// Fields some step (a branch step included) must fill: not asked of the applicant.
    pub fn filled_at_steps(&self) -> BTreeSet<&str> {
        self.deciding_steps()
            .flat_map(|s| s.field_rights.iter())
            .filter(|(_, r)| **r == FieldRight::Required)
            .map(|(k, _)| k.as_str())
            .collect()
    }

    /// The step that fills `key`, for messages.
    fn filling_step(&self, key: &str) -> Option<&StepDef> {
        self.deciding_steps()
            .find(|s| s.right(key) == Some(FieldRight::Required))
    }

    /// The fields a person does not see who decides (or decided) at the positions `steps`: those
    /// hidden at every one of them. Someone at no step (the applicant, a copy, an administrator)
    /// sees all.
    pub fn hidden_for(&self, steps: &BTreeSet<StepPos>) -> BTreeSet<String> {
        let mut hidden: Option<BTreeSet<String>> = None;
        for step in steps.iter().filter_map(|pos| self.step_at(*pos)) {
            let here: BTreeSet<String> = step.fields_with(FieldRight::Hidden).into_iter().collect();
            hidden = Some(match hidden {
                None => here,
                Some(before) => before.intersection(&here).cloned().collect(),
            });
        }
        hidden.unwrap_or_default()
    }

    /// The one-line summary every inbox shows: the form's, without any field a step hides.
    pub fn summary(&self, values: &Map<String, Value>) -> String {
        let hidden: BTreeSet<&str> = self
            .deciding_steps()
            .flat_map(|s| s.field_rights.iter())
            .filter(|(_, r)| **r == FieldRight::Hidden)
            .map(|(k, _)| k.as_str())
            .collect();
        let shown: Map<String, Value> = values
            .iter()
            .filter(|(k, _)| !hidden.contains(k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        self.form.summary(&shown)
    }

    /// The applicant may not give a value for a field a step fills. Keys are value keys.
    pub fn refuse_step_fields(&self, values: &Value) -> Result<(), Vec<FormIssue>> {
        let Some(object) = values.as_object() else {
            return Ok(());
        };
        let issues: Vec<FormIssue> = object
            .iter()
            .filter(|(_, v)| !is_blank(v))
            .filter_map(|(key, _)| {
                let step = self.filling_step(key)?;
                Some(FormIssue::new(
                    key.as_str(),
                    format!("该字段由审批步骤“{}”填写，申请时不填", step.name),
                    format!(
                        "this field is filled at the step {:?}, not by the applicant",
                        step.name
                    ),
                ))
            })
            .collect();
        if issues.is_empty() { Ok(()) } else { Err(issues) }
    }

    /// The approver at `pos` approves with `edits` (a values object) over `current`.
    /// Every key must be a field the step may edit; each value is checked by its field's rules
    /// (blank clears it); afterwards every field the step requires must have a value. Issues
    /// are keyed by value key.
    pub fn apply_edits(
        &self,
        pos: StepPos,
        current: &Map<String, Value>,
        edits: Option<&Value>,
    ) -> Result<Edited, Vec<FormIssue>> {
        let Some(step) = self.step_at(pos) else {
            return Ok(Edited::default());
        };
        let empty = Value::Object(Map::new());
        let edits = edits.unwrap_or(&empty);
        let Some(object) = edits.as_object() else {
            return Err(vec![FormIssue::new(
                "",
                "表单内容应为对象",
                "form values must be a JSON object",
            )]);
        };
        let mut issues = Vec::new();
        for key in object.keys() {
            match self.form.field(key) {
                None => issues.push(FormIssue::new(
                    key.as_str(),
                    format!("表单中没有字段“{key}”"),
                    format!("the form has no field {key:?}"),
                )),
                Some(field) if !step.may_edit(key) => issues.push(FormIssue::new(
                    key.as_str(),
                    format!("此步骤不能修改“{}”", field.label),
                    format!("{} cannot be changed at this step", field.label),
                )),
                Some(_) => {}
            }
        }
        // The given fields, optional, checked by their own rules.
        let given = FormSchema {
            fields: self
                .form
                .fields
                .iter()
                .filter(|f| object.contains_key(&f.key) && step.may_edit(&f.key))
                .map(|f| FieldDef {
                    required: false,
                    ..f.clone()
                })
                .collect(),
        };
        let subset: Map<String, Value> = object
            .iter()
            .filter(|(k, _)| given.field(k).is_some())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let checked = match given.validate(&Value::Object(subset)) {
            Ok(checked) => checked,
            Err(found) => {
                issues.extend(found);
                CheckedForm::default()
            }
        };
        if !issues.is_empty() {
            return Err(issues);
        }
        let mut values = current.clone();
        let mut changes = Vec::new();
        for field in &given.fields {
            let before = current.get(&field.key).cloned().unwrap_or(Value::Null);
            let after = checked.values.get(&field.key).cloned().unwrap_or(Value::Null);
            if before == after {
                continue;
            }
            if after.is_null() {
                values.remove(&field.key);
            } else {
                values.insert(field.key.clone(), after.clone());
            }
            changes.push(FieldChange {
                field: field.key.clone(),
                label: field.label.clone(),
                before,
                after,
            });
        }
        for key in step.fields_with(FieldRight::Required) {
            if values.get(&key).is_none_or(is_blank)
                && let Some(field) = self.form.field(&key)
            {
                issues.push(FormIssue::new(
                    key.as_str(),
                    format!("请填写{}", field.label),
                    format!("{} is required at this step", field.label),
                ));
            }
        }
        if !issues.is_empty() {
            return Err(issues);
        }
        Ok(Edited {
            form: CheckedForm {
                values,
                users: checked.users,
                departments: checked.departments,
                files: checked.files,
            },
            changes,
        })
    }

    /// The definition checks of field rights, with their JSON paths: every named field exists and
    /// is typed by the applicant or a step (not computed); a field a step fills is not required
    /// of the applicant.
    pub(crate) fn check_field_rights(&self, path: &str, step: &StepDef, issues: &mut Vec<FormIssue>) {
        for (key, right) in &step.field_rights {
            let at = format!("{path}.fieldRights.{key}");
            match self.form.field(key) {
                None => issues.push(FormIssue::new(
                    at,
                    format!("表单中没有字段“{key}”"),
                    format!("the form has no field {key:?}"),
                )),
                Some(field) if field.computed_from.is_some() && *right != FieldRight::Hidden => {
                    issues.push(FormIssue::new(
                        at,
                        format!("“{}”由系统计算，审批人不能修改或填写", field.label),
                        format!("{} is computed; an approver cannot edit or fill it", field.label),
                    ));
                }
                Some(_) => {}
            }
        }
    }

    /// A field a step fills cannot also be required at submission: the applicant is not asked.
    pub(crate) fn check_step_filled_fields(&self, issues: &mut Vec<FormIssue>) {
        for (index, field) in self.form.fields.iter().enumerate() {
            if field.required
                && let Some(step) = self.filling_step(&field.key)
            {
                issues.push(FormIssue::new(
                    format!("definition.form.fields[{index}].required"),
                    format!(
                        "“{}”由审批步骤“{}”填写，申请时不能设为必填",
                        field.label, step.name
                    ),
                    format!(
                        "{} is filled at the step {:?}; it cannot be required of the applicant",
                        field.label, step.name
                    ),
                ));
            }
        }
    }
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}
