//! What a participant sees of a request under its steps' field rights: hidden values left out
//! of the form and the timeline, the decision's signature, and what their own open task asks.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;
use xiaoban_domain::approvals::field_rights::FieldRight;
use xiaoban_domain::approvals::flow::TaskStatus;
use xiaoban_persistence::approvals::EventRow;

use xiaoban_domain::approvals::parallel::StepPos;

use super::parallel::{task_pos, task_step};
use super::state::{Flow, TaskState};

/// The fields hidden from `viewer`: those hidden at every step where they hold (or held) a
/// decision. The applicant, copies and administrators hold none, so they see everything.
pub(crate) fn hidden_for(flow: &Flow, viewer: Uuid) -> BTreeSet<String> {
    if flow.inst.applicant_id == viewer {
        return BTreeSet::new();
    }
    let steps: BTreeSet<StepPos> = flow
        .tasks
        .iter()
        .filter(|t| t.is_decision() && (t.assignee_id == viewer || t.delegated_from == Some(viewer)))
        .filter_map(task_pos)
        .collect();
    flow.def.hidden_for(&steps)
}

/// File ids held by hidden fields (attachments are arrays of id strings).
pub(crate) fn hidden_files(form: &Value, hidden: &BTreeSet<String>) -> BTreeSet<Uuid> {
    hidden
        .iter()
        .filter_map(|key| form.get(key)?.as_array())
        .flatten()
        .filter_map(|v| v.as_str()?.parse().ok())
        .collect()
}

pub(crate) fn mask_values(form: &mut Value, hidden: &BTreeSet<String>) {
    if let Some(values) = form.as_object_mut() {
        values.retain(|k, _| !hidden.contains(k));
    }
}

/// An event's data with the changes of hidden fields left out.
pub(crate) fn masked_data(mut data: Value, hidden: &BTreeSet<String>) -> Value {
    if let Some(changes) = data.get_mut("changes").and_then(Value::as_array_mut) {
        changes.retain(|c| {
            c.get("field")
                .and_then(Value::as_str)
                .is_none_or(|f| !hidden.contains(f))
        });
    }
    data
}

/// Task id → the signature file its decision carries.
pub(crate) fn signatures(timeline: &[EventRow]) -> BTreeMap<Uuid, Uuid> {
    timeline
        .iter()
        .filter_map(|e| {
            let data: Value = serde_json::from_str(&e.data).ok()?;
            let file = data.get("signatureFileId")?.as_str()?.parse().ok()?;
            Some((e.task_id?, file))
        })
        .collect()
}

/// The field rights and signature switch of the step the viewer decides now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionNeeds {
    pub editable_fields: Vec<String>,
    pub required_fields: Vec<String>,
    pub signature_required: bool,
}

/// What the viewer's pending task in the current step asks of them: the rights of the task's own
/// step (a branch step's inside a block).
pub(crate) fn decision_needs(flow: &Flow, viewer: Uuid) -> Option<DecisionNeeds> {
    let step = flow.inst.current_step?;
    let task = flow
        .step_tasks(step)
        .find(|t| t.assignee_id == viewer && t.has_status(TaskStatus::Pending))?;
    let def = task_step(flow, task)?;
    Some(DecisionNeeds {
        editable_fields: def.fields_with(FieldRight::Editable),
        required_fields: def.fields_with(FieldRight::Required),
        signature_required: def.signature_required,
    })
}
