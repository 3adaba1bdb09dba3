//! What a step's field rights and signature switch mean for a decision: the approver's edits to
//! the form (checked, recorded, read by later conditions) and the handwritten signature.

use serde_json::{Map, Value};
use uuid::Uuid;
use xiaoban_domain::approvals::FormIssue;
use xiaoban_domain::approvals::field_rights::FieldChange;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::approvals::TaskRow;
use xiaoban_persistence::files;

use super::form::{attach, check_refs, fill_computed};
use super::input::ActionInput;
use super::parallel::{task_pos, task_step};
use super::state::Flow;
use crate::{FieldIssue, ServiceError};

/// The largest signature image accepted: a drawn signature is a few tens of kilobytes.
const MAX_SIGNATURE_BYTES: i64 = 512 * 1024;
const PNG: &str = "image/png";

pub(crate) fn form_issues(issues: Vec<FormIssue>) -> ServiceError {
    ServiceError::Invalid(
        issues
            .into_iter()
            .map(|i| FieldIssue::new(format!("form.{}", i.field), i.zh, i.en))
            .collect(),
    )
}

/// Applies the approver's `form` edits at their task's step (a branch step's rights inside a
/// block) to the request: each value checked by its
/// field's rules and references (people exist, files are the approver's own), required fields
/// filled, computed fields computed again. Conditions of later steps then read the new values.
pub(crate) async fn apply(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    me: Uuid,
    task: &TaskRow,
    input: &ActionInput,
) -> Result<Vec<FieldChange>, ServiceError> {
    let Some(pos) = task_pos(task) else {
        return Ok(Vec::new());
    };
    let current = flow.form();
    let mut edited = flow
        .def
        .apply_edits(pos, &current, input.form.as_ref())
        .map_err(form_issues)?;
    if edited.changes.is_empty() {
        return Ok(Vec::new());
    }
    check_refs(db, &edited.form).await?;
    fill_computed(&flow.def.form, &mut edited.form, &flow.calendar)?;
    let picks = serde_json::from_str(&flow.inst.picked).unwrap_or_default();
    super::own_choice::refuse_self_chosen_approvers(&flow.def, &edited.form, &picks, flow.inst.applicant_id)?;
    attach(db, me, &edited.form.files, flow.inst.id, flow.now).await?;
    flow.inst.summary = flow.def.summary(&edited.form.values).chars().take(500).collect();
    flow.inst.form = Value::Object(edited.form.values).to_string();
    Ok(edited.changes)
}

/// The signature of a decision on `task`: required when its step (or branch step) says so; when given, a PNG the
/// signer uploaded themself (someone else's file is refused as if it did not exist). The file is
/// linked to the request so that whoever sees the request sees the signature.
pub(crate) async fn signature(
    db: &impl ConnectionTrait,
    flow: &Flow,
    me: Uuid,
    task: &TaskRow,
    input: &ActionInput,
) -> Result<Option<Uuid>, ServiceError> {
    let required = task_step(flow, task).is_some_and(|s| s.signature_required);
    let Some(id) = input.signature_file_id else {
        if required {
            return Err(ServiceError::invalid(
                "signatureFileId",
                "此步骤需要手写签名，请先签名",
                "This step needs your handwritten signature",
            ));
        }
        return Ok(None);
    };
    let Some(file) = files::find(db, id).await?.filter(|f| f.owner_id == me) else {
        return Err(ServiceError::invalid(
            "signatureFileId",
            "签名图片不存在，或不是您本人上传的",
            "No such signature image, or it was not uploaded by you",
        ));
    };
    if file.content_type != PNG || file.size > MAX_SIGNATURE_BYTES {
        return Err(ServiceError::invalid(
            "signatureFileId",
            "签名须为不超过 512 KB 的 PNG 图片",
            "The signature must be a PNG image of at most 512 KB",
        ));
    }
    files::link(db, id, super::MODULE_CODE, flow.inst.id, flow.now).await?;
    Ok(Some(id))
}

/// A resubmission keeps what the steps filled (the applicant is not asked for those fields).
pub(crate) fn keep_step_filled(flow: &Flow, old: &Map<String, Value>, new: &mut Map<String, Value>) {
    for key in flow.def.filled_at_steps() {
        if let Some(value) = old.get(key) {
            new.insert(key.to_owned(), value.clone());
        }
    }
}

/// Two checks' results as one: their 422 issues together, else the first other error.
pub(crate) fn both<A, B>(
    a: Result<A, ServiceError>,
    b: Result<B, ServiceError>,
) -> Result<(A, B), ServiceError> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (Err(ServiceError::Invalid(mut x)), Err(ServiceError::Invalid(y))) => {
            x.extend(y);
            Err(ServiceError::Invalid(x))
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}
