//! The designer's check that a step condition reads only fields the form has.

use super::{FieldKind, FormIssue, FormSchema};
use crate::approvals::condition::Condition;
use crate::approvals::condition::applicant::is_applicant_variable;

impl FormSchema {
    /// Checks that every field `condition` reads is in this form (or is an applicant variable,
    /// see [`crate::approvals::condition::applicant`]), and that `.days`, `.start`
    /// and `.end` are used only on date ranges. `FormIssue::field` is the field key the
    /// condition names; the caller puts it under the step's path.
    pub fn check_condition(&self, condition: &Condition) -> Result<(), Vec<FormIssue>> {
        let mut issues = Vec::new();
        for key in condition.fields() {
            if self.field(&key).is_none() && !is_applicant_variable(&key) {
                issues.push(FormIssue::new(
                    key.as_str(),
                    format!("条件中的字段“{key}”不在表单中"),
                    format!("the condition reads {key:?}, which is not a field of the form"),
                ));
            }
        }
        for key in condition.fields() {
            if self
                .field(&key)
                .is_some_and(|field| field.kind == FieldKind::LineItems)
            {
                issues.push(FormIssue::new(
                    key.as_str(),
                    format!("条件不能直接读明细“{key}”，请读它的合计字段"),
                    format!("a condition cannot read the line items {key:?}; read their computed total"),
                ));
            }
        }
        for key in condition.date_range_fields() {
            if self
                .field(&key)
                .is_some_and(|field| field.kind != FieldKind::DateRange)
            {
                issues.push(FormIssue::new(
                    key.as_str(),
                    format!("“{key}”不是日期范围字段，不能用 .days、.start、.end"),
                    format!("{key:?} is not a date range, so .days, .start and .end do not apply"),
                ));
            }
        }
        if issues.is_empty() { Ok(()) } else { Err(issues) }
    }
}
