//! A request's form values on their way in: checked against the schema and the database,
//! computed fields filled, and the files they name linked to the request. Starting, resubmitting
//! and an approver's field edits all go through here.

use std::collections::BTreeMap;

use serde_json::Value;
use uuid::Uuid;
use xiaoban_domain::WorkingCalendar;
use xiaoban_domain::approvals::form::{CheckedForm, FormSchema};
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::approvals::people;
use xiaoban_persistence::identity::departments;

use crate::{FieldIssue, ServiceError};

/// Validates values against the schema and checks that named people and departments exist.
pub(crate) async fn check_form(
    db: &impl ConnectionTrait,
    schema: &FormSchema,
    values: &Value,
) -> Result<CheckedForm, ServiceError> {
    let checked = schema.validate(values).map_err(|issues| {
        ServiceError::Invalid(
            issues
                .into_iter()
                .map(|i| FieldIssue::new(format!("form.{}", i.field), i.zh, i.en))
                .collect(),
        )
    })?;
    check_refs(db, &checked).await?;
    Ok(checked)
}

/// Checks that the people and departments named in checked values exist and are active.
pub(crate) async fn check_refs(db: &impl ConnectionTrait, checked: &CheckedForm) -> Result<(), ServiceError> {
    let mut issues = Vec::new();
    for (key, user) in &checked.users {
        if people::active_among(db, &[*user]).await?.is_empty() {
            issues.push(FieldIssue::new(
                format!("form.{key}"),
                "所选人员不存在或已停用",
                "That person does not exist or is disabled",
            ));
        }
    }
    for (key, department) in &checked.departments {
        if !departments::find(db, *department)
            .await?
            .is_some_and(|d| d.active)
        {
            issues.push(FieldIssue::new(
                format!("form.{key}"),
                "所选部门不存在或已停用",
                "That department does not exist or is inactive",
            ));
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(ServiceError::Invalid(issues))
    }
}

/// Computes the fields the server fills in (a leave's days from its period on the calendar).
pub(crate) fn fill_computed(
    schema: &FormSchema,
    checked: &mut CheckedForm,
    calendar: &WorkingCalendar,
) -> Result<(), ServiceError> {
    schema
        .fill_computed(&mut checked.values, |d| calendar.is_working_day(d))
        .map_err(|issues| {
            ServiceError::Invalid(
                issues
                    .into_iter()
                    .map(|i| FieldIssue::new(format!("form.{}", i.field), i.zh, i.en))
                    .collect(),
            )
        })
}

/// Links the files named in form fields to the request; each must be the applicant's own upload.
pub(crate) async fn attach(
    tx: &impl ConnectionTrait,
    owner: Uuid,
    files: &[(String, Uuid)],
    request: Uuid,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), ServiceError> {
    let mut by_field: BTreeMap<&str, Vec<Uuid>> = BTreeMap::new();
    for (key, file) in files {
        by_field.entry(key.as_str()).or_default().push(*file);
    }
    for (key, ids) in by_field {
        crate::files::link_files(
            tx,
            owner,
            &ids,
            super::MODULE_CODE,
            request,
            now,
            &format!("form.{key}"),
        )
        .await?;
    }
    Ok(())
}
