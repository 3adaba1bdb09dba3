//! Approving, rejecting, and recalling one's own approval.

use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::approvals::field_rights::FieldChange;
use xiaoban_domain::approvals::flow::{InstanceStatus, TaskStatus};
use xiaoban_domain::approvals::request::EventAction;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::approvals::TaskRow;

use super::engine::{self, settle};
use super::field_edits;
use super::input::{ActionInput, optional_comment, required_comment};
use super::state::{Flow, conflict};
use super::state::{TaskState, my_open_task};
use crate::ServiceError;
use crate::notifications::NoticeKind;

pub(crate) async fn approve(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    me: Uuid,
    input: &ActionInput,
) -> Result<(), ServiceError> {
    let task = my_open_task(flow, me)?;
    let comment = optional_comment(input)?;
    // Both checks answer at once: a missing signature and a missing account code together.
    let signature = field_edits::signature(db, flow, me, &task, input).await;
    let changes = field_edits::apply(db, flow, me, &task, input).await;
    let (signature, changes) = field_edits::both(signature, changes)?;
    let record = DecisionRecord { signature, changes };
    decide_with(db, flow, &task, TaskStatus::Approved, comment, Some(me), record).await
}

pub(crate) async fn reject(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    me: Uuid,
    input: &ActionInput,
) -> Result<(), ServiceError> {
    let task = my_open_task(flow, me)?;
    let comment = required_comment(input, "请填写驳回理由", "Give a reason for rejecting")?;
    let signature = field_edits::signature(db, flow, me, &task, input).await?;
    let record = DecisionRecord {
        signature,
        changes: Vec::new(),
    };
    decide_with(
        db,
        flow,
        &task,
        TaskStatus::Rejected,
        Some(comment),
        Some(me),
        record,
    )
    .await
}

/// What a person's decision carries onto the timeline besides the opinion.
#[derive(Default)]
pub(crate) struct DecisionRecord {
    pub signature: Option<Uuid>,
    pub changes: Vec<FieldChange>,
}

impl DecisionRecord {
    fn data(&self) -> serde_json::Value {
        let mut data = serde_json::Map::new();
        if let Some(id) = self.signature {
            data.insert("signatureFileId".into(), json!(id));
        }
        if !self.changes.is_empty() {
            data.insert("changes".into(), json!(self.changes));
        }
        serde_json::Value::Object(data)
    }
}

/// Records a decision on `task` (by a person, or by the system on timeout) and settles the step.
pub(crate) async fn decide(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    task: &TaskRow,
    decision: TaskStatus,
    comment: Option<String>,
    actor: Option<Uuid>,
) -> Result<(), ServiceError> {
    decide_with(
        db,
        flow,
        task,
        decision,
        comment,
        actor,
        DecisionRecord::default(),
    )
    .await
}

async fn decide_with(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    task: &TaskRow,
    decision: TaskStatus,
    comment: Option<String>,
    actor: Option<Uuid>,
    record: DecisionRecord,
) -> Result<(), ServiceError> {
    flow.set_task(task.id, decision, comment.clone());
    if actor.is_none()
        && let Some(row) = flow.task_mut(task.id)
    {
        row.decided_by_system = true;
    }
    let action = if decision == TaskStatus::Approved {
        EventAction::Approve
    } else {
        EventAction::Reject
    };
    flow.event(
        actor,
        action,
        Some(task.step_index),
        Some(task.id),
        comment,
        record.data(),
    );
    if decision == TaskStatus::Approved
        && let Some(blocked) = task.blocks_task_id
        && flow
            .task(blocked)
            .is_some_and(|t| t.has_status(TaskStatus::Waiting))
    {
        flow.set_task(blocked, TaskStatus::Pending, None);
        let assignee = flow.task(blocked).map(|t| t.assignee_id);
        let title = format!("待审批：{}", flow.inst.title);
        let body = super::parallel::task_step_name(flow, task);
        engine::notify(
            flow,
            NoticeKind::TaskAssigned,
            assignee.into_iter().collect(),
            title,
            body,
        );
    }
    settle(db, flow).await
}

/// The caller's approval that they may still take back: the latest of this round, with nobody
/// having acted since (decided, returned or transferred). The actions list offers `recall`
/// exactly when this answers `Ok`.
pub(crate) fn recallable(flow: &Flow, me: Uuid) -> Result<TaskRow, ServiceError> {
    if flow.status() != InstanceStatus::Running {
        return Err(conflict(
            "申请已结束或已退回，无法撤回审批",
            "The request is no longer running; the decision cannot be recalled",
        ));
    }
    let cycle = flow.inst.cycle;
    let Some(mine) = flow
        .tasks
        .iter()
        .filter(|t| t.cycle == cycle && t.assignee_id == me && t.is_decision() && t.approved_in_person())
        .max_by_key(|t| t.decided_at)
        .cloned()
    else {
        return Err(conflict("您没有可撤回的审批", "You have no approval to recall"));
    };
    let decided = mine.decided_at;
    let later_acted = flow.tasks.iter().any(|t| {
        t.cycle == cycle
            && t.is_decision()
            && t.id != mine.id
            && t.decided_at >= decided
            && matches!(
                t.status,
                TaskStatus::Approved | TaskStatus::Rejected | TaskStatus::Returned | TaskStatus::Transferred
            )
    });
    if later_acted {
        return Err(conflict(
            "后续审批人已处理，无法撤回",
            "Someone has acted since; the decision cannot be recalled",
        ));
    }
    Ok(mine)
}

/// Whether `task` is in the same branch of a parallel block as `mine`, at a later step of it.
fn later_in_branch(task: &TaskRow, mine: &TaskRow) -> bool {
    mine.branch_index.is_some()
        && task.step_index == mine.step_index
        && task.branch_index == mine.branch_index
        && task.branch_step > mine.branch_step
}

/// Takes back the caller's approval while the next step has not acted: the step reopens, any
/// later tasks are withdrawn, and so are the copies (抄送) the step's passing sent. A rejection,
/// or an approval that ended the request, stays.
pub(crate) fn recall(flow: &mut Flow, me: Uuid) -> Result<(), ServiceError> {
    let mine = recallable(flow, me)?;
    let cycle = flow.inst.cycle;
    let step = mine.step_index;
    let decided = mine.decided_at;
    let later: Vec<Uuid> = flow
        .tasks
        .iter()
        .filter(|t| t.cycle == cycle && t.is_decision())
        .filter(|t| t.step_index > step || later_in_branch(t, &mine))
        .filter(|t| t.status.is_open())
        .map(|t| t.id)
        .collect();
    for id in later {
        flow.set_task(id, TaskStatus::Superseded, None);
    }
    let copies: Vec<Uuid> = flow
        .tasks
        .iter()
        .filter(|t| t.cycle == cycle && t.step_index == step && t.is_copy())
        .filter(|t| t.created_at >= mine.decided_at.unwrap_or(t.created_at))
        .filter(|t| matches!(t.status, TaskStatus::Unread | TaskStatus::Read))
        .map(|t| t.id)
        .collect();
    for id in copies {
        flow.set_task(id, TaskStatus::Superseded, None);
    }
    let closed: Vec<Uuid> = flow
        .step_tasks(step)
        .filter(|t| t.has_status(TaskStatus::Closed) && t.decided_at >= decided)
        .map(|t| t.id)
        .collect();
    for id in closed {
        flow.set_task(id, TaskStatus::Pending, None);
    }
    flow.set_task(mine.id, TaskStatus::Pending, None);
    if let Some(task) = flow.task_mut(mine.id) {
        task.comment = None;
    }
    super::sequential::requeue_after_recall(flow, step, mine.id);
    flow.inst.current_step = Some(step);
    flow.event(
        Some(me),
        EventAction::Recall,
        Some(step),
        Some(mine.id),
        None,
        json!({}),
    );
    Ok(())
}
