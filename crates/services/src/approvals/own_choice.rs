//! The applicant may not name themself where the choice decides an approver: a step whose
//! approvers they pick, or a person field that a step's rule reads. (Either would make them the
//! judge of their own request.)

use std::collections::BTreeMap;

use uuid::Uuid;
use xiaoban_domain::approvals::CheckedForm;
use xiaoban_domain::approvals::definition::{ApproverRule, Definition};

use crate::{FieldIssue, ServiceError};

pub(crate) fn refuse_self_chosen_approvers(
    def: &Definition,
    form: &CheckedForm,
    picks: &BTreeMap<String, Vec<Uuid>>,
    applicant: Uuid,
) -> Result<(), ServiceError> {
    let mut issues = Vec::new();
    for (step, people) in picks {
        if people.contains(&applicant) {
            issues.push(FieldIssue::new(
                format!("approvers.{step}"),
                "不能选择自己作为审批人",
                "You cannot choose yourself as an approver",
            ));
        }
    }
    for (_, step) in def.every_step() {
        if let ApproverRule::FormUser { field } = &step.rule
            && form.values.get(field).and_then(|v| v.as_str()) == Some(applicant.to_string().as_str())
            && !issues.iter().any(|i| i.field == format!("form.{field}"))
        {
            issues.push(FieldIssue::new(
                format!("form.{field}"),
                "此人员将审批本申请，不能选择申请人本人",
                "This person approves the request and cannot be the applicant",
            ));
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(ServiceError::Invalid(issues))
    }
}
