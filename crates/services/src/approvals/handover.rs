//! Nobody who cannot act holds an open task. A person who is disabled or loses `approval.use`
//! hands their open tasks to the step's fallback; an approvals administrator can reassign any
//! open task (改派) with a reason. Either way the old task ends as `reassigned` (the holder did
//! not decide), the new one keeps its step, origin, deadline and what it waits for, and the
//! timeline says who moved it where and why.

use std::collections::BTreeSet;

use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::access::codes::{APPROVAL_ADMIN, APPROVAL_USE};
use xiaoban_domain::approvals::flow::{InstanceStatus, TaskStatus};
use xiaoban_domain::approvals::request::EventAction;
use xiaoban_persistence::approvals::{TaskRow, people, tasks};
use xiaoban_persistence::{ConnectionTrait, Tx};

use super::engine::{assign, notify};
use super::input::{ActionInput, Viewer};
use super::resolve::fallback;
use super::state::TaskState;
use super::state::{Flow, conflict};
use crate::audit::{self, Change};
use crate::notifications::NoticeKind;
use crate::{RequestContext, ServiceError, Services};

/// Whether `user` can hold an approval task: an active account holding `approval.use`.
pub(crate) async fn can_act(db: &impl ConnectionTrait, user: Uuid) -> Result<bool, ServiceError> {
    Ok(!people::able_among(db, &[user], APPROVAL_USE).await?.is_empty())
}

fn is_open(task: &TaskRow) -> bool {
    task.is_decision() && task.status.is_open()
}

/// Moves the open `task` to `to`.
async fn move_task(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    task: &TaskRow,
    to: Uuid,
    actor: Option<Uuid>,
    reason: &str,
    comment: String,
) -> Result<(), ServiceError> {
    flow.set_task(task.id, TaskStatus::Reassigned, None);
    let origin = task.origin;
    let new_id = assign(db, flow, task.step_index, to, origin, task.due_at).await?;
    super::parallel::place_like(flow, new_id, task);
    let waiting = task.has_status(TaskStatus::Waiting);
    if let Some(new_task) = flow.task_mut(new_id) {
        new_task.blocks_task_id = task.blocks_task_id;
        if waiting {
            new_task.status = TaskStatus::Waiting;
        }
    }
    let blockers: Vec<Uuid> = flow
        .tasks
        .iter()
        .filter(|t| t.blocks_task_id == Some(task.id))
        .map(|t| t.id)
        .collect();
    for id in blockers {
        if let Some(blocker) = flow.task_mut(id) {
            blocker.blocks_task_id = Some(new_id);
        }
    }
    record_move(flow, task, to, actor, reason, comment);
    Ok(())
}

/// The timeline's `reassign` entry and the notice to the person the task was taken from.
fn record_move(
    flow: &mut Flow,
    task: &TaskRow,
    to: Uuid,
    actor: Option<Uuid>,
    reason: &str,
    comment: String,
) {
    flow.event(
        actor,
        EventAction::Reassign,
        Some(task.step_index),
        Some(task.id),
        Some(comment),
        json!({ "from": task.assignee_id, "to": to, "reason": reason }),
    );
    let title = format!("待办已改派：{}", flow.inst.title);
    notify(
        flow,
        NoticeKind::System,
        vec![task.assignee_id],
        title,
        super::parallel::task_step_name(flow, task),
    );
}

/// Who takes over a task from someone who cannot act: the step's fallback (the template's, then
/// the office director, then the system administrators), never the applicant, nobody already
/// holding an open task in the step.
async fn successor(
    db: &impl ConnectionTrait,
    flow: &Flow,
    task: &TaskRow,
) -> Result<Option<Uuid>, ServiceError> {
    let busy: Vec<Uuid> = flow
        .step_tasks(task.step_index)
        .filter(|t| is_open(t))
        .map(|t| t.assignee_id)
        .collect();
    Ok(fallback(db, flow, task.step_index)
        .await?
        .into_iter()
        .find(|c| *c != flow.inst.applicant_id && !busy.contains(c)))
}

impl Services {
    /// After `users` were disabled or lost a role, in that change's transaction: those of them
    /// who can no longer act hand every open task to its step's fallback, recorded on each
    /// request's timeline and audited.
    pub(crate) async fn hand_over_tasks_of_unable(
        &self,
        tx: &Tx,
        ctx: &RequestContext,
        users: &[Uuid],
    ) -> Result<(), ServiceError> {
        let now = self.now();
        for &user in users {
            if can_act(tx, user).await? {
                continue;
            }
            let held = tasks::open_of_assignee(tx, user).await?;
            let requests: BTreeSet<Uuid> = held.iter().map(|t| t.instance_id).collect();
            for id in requests {
                // No deadline is computed here (moved tasks keep theirs), so a plain calendar does.
                let mut flow = Flow::read(tx, id, now).await?;
                let mine: Vec<TaskRow> = flow
                    .tasks
                    .iter()
                    .filter(|t| t.assignee_id == user && is_open(t))
                    .cloned()
                    .collect();
                let mut moved = Vec::new();
                for task in mine {
                    let Some(to) = successor(tx, &flow, &task).await? else {
                        tracing::warn!(instance = %id, task = %task.id, "no one to hand the task over to");
                        continue;
                    };
                    let comment = format!(
                        "{}已停用或不再有审批权限，待办转交兜底审批人",
                        people::names(tx, &[user])
                            .await?
                            .remove(&user)
                            .unwrap_or_default()
                    );
                    move_task(tx, &mut flow, &task, to, None, "unable", comment).await?;
                    moved.push(json!({ "task": task.id, "to": to }));
                }
                if moved.is_empty() {
                    continue;
                }
                flow.save(tx).await?;
                let change = Change::new("approval.reassign", "approval", Some(id.to_string()))
                    .after(json!({ "from": user, "moved": moved, "reason": "unable" }));
                audit::record(tx, ctx, now, change).await?;
            }
        }
        Ok(())
    }
}

/// Whether an approvals administrator whose scope covers the request is looking.
pub(crate) fn administers(flow: &Flow, viewer: &Viewer) -> bool {
    viewer.admin.as_ref().is_some_and(|reach| {
        let departments: Vec<Uuid> = flow.inst.department_id.into_iter().collect();
        reach.allows(&departments, Some(flow.inst.applicant_id), viewer.id)
    })
}

/// Whether the request has a task an administrator could reassign now.
pub(crate) fn reassignable(flow: &Flow, viewer: &Viewer) -> bool {
    administers(flow, viewer) && flow.status() == InstanceStatus::Running && flow.tasks.iter().any(is_open)
}

/// 改派 by an approvals administrator: `taskId` (an open task of the request, or one queued in a
/// sequential step's order) to `toUserId`, who must be able to act, not be the applicant, and
/// neither hold an open task in the step nor wait later in its order.
pub(crate) async fn reassign(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    viewer: &Viewer,
    input: &ActionInput,
) -> Result<(), ServiceError> {
    if !administers(flow, viewer) {
        return Err(ServiceError::Forbidden {
            permission: APPROVAL_ADMIN,
        });
    }
    let reason = input.comment.as_deref().map(str::trim).unwrap_or_default();
    if reason.is_empty() || reason.chars().count() > 1000 {
        return Err(ServiceError::invalid(
            "reason",
            "请填写改派原因（不超过 1000 字）",
            "Give a reason for reassigning (at most 1000 characters)",
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
    let queued = task.has_status(TaskStatus::Queued);
    if flow.status() != InstanceStatus::Running || !(is_open(&task) || queued) {
        return Err(conflict(
            "该待办已处理，无法改派",
            "The task has been handled; it cannot be reassigned",
        ));
    }
    let Some(to) = input.user_id else {
        return Err(ServiceError::invalid("toUserId", "请选择人员", "Choose a person"));
    };
    let refusal = if to == task.assignee_id {
        Some(("已是该待办的处理人", "That person already holds the task"))
    } else if to == flow.inst.applicant_id {
        Some((
            "不能改派给申请人本人",
            "The applicant cannot decide their own request",
        ))
    } else if !can_act(db, to).await? {
        Some((
            "该人员不存在、已停用或没有审批权限",
            "That person does not exist, is disabled or cannot act on approvals",
        ))
    } else if flow
        .step_tasks(task.step_index)
        .any(|t| t.assignee_id == to && is_open(t))
    {
        Some((
            "该人员已在本步骤待办中",
            "That person already has a task in this step",
        ))
    } else {
        None
    };
    if let Some((zh, en)) = refusal {
        return Err(ServiceError::invalid("toUserId", zh, en));
    }
    if super::sequential::queued_later(flow, &task, to)
        || (queued && super::sequential::approved_at(flow, &task, to))
    {
        return Err(super::sequential::queued_refusal("toUserId"));
    }
    if queued {
        super::sequential::reassign_queued(flow, &task, to);
        record_move(flow, &task, to, Some(viewer.id), "admin", reason.to_owned());
        return Ok(());
    }
    move_task(db, flow, &task, to, Some(viewer.id), "admin", reason.to_owned()).await
}
