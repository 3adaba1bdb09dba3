//! 减签: an added signer taken off the step before they act, by whoever added them or by an
//! approvals administrator in scope, with a reason. The step then settles as if the signer had
//! never been added (a countersign whose other signers approved passes at once); whoever
//! waited for a signer added before them decides again. The step's last remaining approver is
//! never removed.

use std::collections::BTreeMap;

use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::approvals::flow::{InstanceStatus, TaskStatus};
use xiaoban_domain::approvals::request::EventAction;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::approvals::{EventRow, TaskRow};

use super::engine::{notify, settle};
use super::handover::administers;
use super::input::{ActionInput, Viewer};
use super::state::{Flow, TaskState, conflict};
use crate::ServiceError;
use crate::notifications::NoticeKind;

/// Who added each added signer's task, from the timeline's `add_signer` events. A task that
/// moved on (transferred, reassigned) is no longer the one added: only an administrator may
/// remove its new holder.
pub(crate) fn adders(timeline: &[EventRow]) -> BTreeMap<Uuid, Uuid> {
    timeline
        .iter()
        .filter(|e| super::progress::is_action(e, EventAction::AddSigner))
        .filter_map(|e| {
            let data: serde_json::Value = serde_json::from_str(&e.data).ok()?;
            let task = data["addedTask"].as_str()?.parse().ok()?;
            Some((task, e.actor_id?))
        })
        .collect()
}

fn is_open(task: &TaskRow) -> bool {
    task.status.is_open()
}

/// The open added-signer tasks the viewer may remove now.
fn removable<'a>(
    flow: &'a Flow,
    viewer: &'a Viewer,
    adders: &'a BTreeMap<Uuid, Uuid>,
) -> impl Iterator<Item = &'a TaskRow> + 'a {
    let admin = administers(flow, viewer);
    let running = flow.status() == InstanceStatus::Running;
    let step = flow.inst.current_step.unwrap_or(-1);
    flow.step_tasks(step)
        .filter(move |_| running)
        .filter(|t| is_open(t) && t.origin.is_added_signer())
        .filter(move |t| admin || adders.get(&t.id) == Some(&viewer.id))
        .filter(|t| !blocked_by_own_signer(flow, t))
        .filter(|t| someone_else_remains(flow, t))
}

/// A signer who added someone before themselves waits for that person: remove that one first.
fn blocked_by_own_signer(flow: &Flow, task: &TaskRow) -> bool {
    flow.step_tasks(task.step_index)
        .any(|t| t.blocks_task_id == Some(task.id) && is_open(t))
}

/// Whether the step keeps someone who approved or can still decide once `task` is gone.
fn someone_else_remains(flow: &Flow, task: &TaskRow) -> bool {
    flow.step_tasks(task.step_index)
        .any(|t| t.id != task.id && (is_open(t) || t.has_status(TaskStatus::Approved)))
}

/// Whether the viewer may remove some added signer of the current step now (the actions list
/// offers `remove-signer` exactly then).
pub(crate) fn offered(flow: &Flow, viewer: &Viewer, timeline: &[EventRow]) -> bool {
    removable(flow, viewer, &adders(timeline)).next().is_some()
}

pub(crate) async fn remove_signer(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    viewer: &Viewer,
    input: &ActionInput,
) -> Result<(), ServiceError> {
    let reason = input
        .comment
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .to_owned();
    if reason.is_empty() || reason.chars().count() > 1000 {
        return Err(ServiceError::invalid(
            "reason",
            "请填写减签理由（不超过 1000 字）",
            "Give a reason for removing the signer (at most 1000 characters)",
        ));
    }
    let Some(task) = input
        .task_id
        .and_then(|id| flow.task(id))
        .filter(|t| t.is_decision())
        .cloned()
    else {
        return Err(ServiceError::invalid(
            "taskId",
            "该申请没有这个待办",
            "The request has no such task",
        ));
    };
    let added = task.origin.is_added_signer();
    if !added {
        return Err(ServiceError::invalid(
            "taskId",
            "只能减去加签的人员",
            "Only an added signer can be removed",
        ));
    }
    if flow.status() != InstanceStatus::Running
        || !is_open(&task)
        || flow.inst.current_step != Some(task.step_index)
    {
        return Err(conflict(
            "该人员已处理，无法减签",
            "That signer has acted; they cannot be removed",
        ));
    }
    let adders = adders(&crate::timeline::rows(db, super::RECORD_MODULE, flow.inst.id).await?);
    if !administers(flow, viewer) && adders.get(&task.id) != Some(&viewer.id) {
        return Err(conflict(
            "只有加签人或审批管理员可以减签",
            "Only whoever added the signer, or an approvals administrator, can remove them",
        ));
    }
    if !someone_else_remains(flow, &task) {
        return Err(ServiceError::invalid(
            "taskId",
            "不能减去本步骤最后一位审批人",
            "The step's last remaining approver cannot be removed",
        ));
    }
    if blocked_by_own_signer(flow, &task) {
        return Err(conflict(
            "该人员加签的人员尚未处理，请先对其减签",
            "Someone this signer added has not acted yet; remove them first",
        ));
    }
    flow.set_task(task.id, TaskStatus::Removed, None);
    flow.event(
        Some(viewer.id),
        EventAction::RemoveSigner,
        Some(task.step_index),
        Some(task.id),
        Some(reason.clone()),
        json!({ "removed": task.assignee_id }),
    );
    let title = format!("您已被减签：{}", flow.inst.title);
    notify(flow, NoticeKind::System, vec![task.assignee_id], title, reason);
    // The person who added this signer before themselves decides again.
    if let Some(blocked) = task.blocks_task_id
        && flow
            .task(blocked)
            .is_some_and(|t| t.has_status(TaskStatus::Waiting))
    {
        flow.set_task(blocked, TaskStatus::Pending, None);
        let assignee = flow.task(blocked).map(|t| t.assignee_id);
        let title = format!("待审批：{}", flow.inst.title);
        let body = flow.step_name(task.step_index);
        notify(
            flow,
            NoticeKind::TaskAssigned,
            assignee.into_iter().collect(),
            title,
            body,
        );
    }
    settle(db, flow).await
}
