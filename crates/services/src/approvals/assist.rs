//! Transfer, add a signer, comment and urge.

use chrono::Duration;
use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::approvals::flow::{InstanceStatus, TaskOrigin, TaskStatus};
use xiaoban_domain::approvals::request::EventAction;
use xiaoban_persistence::ConnectionTrait;

use super::engine::{assign, notify, settle};
use super::input::{ActionInput, Position, optional_comment};
use super::state::TaskState;
use super::state::my_open_task;
use super::state::{Flow, conflict};
use crate::ServiceError;
use crate::notifications::NoticeKind;

/// How long the applicant waits between two urges of one request.
const URGE_INTERVAL_MINUTES: i64 = 30;

async fn other_person(
    db: &impl ConnectionTrait,
    flow: &Flow,
    me: Uuid,
    input: &ActionInput,
) -> Result<Uuid, ServiceError> {
    let Some(user) = input.user_id else {
        return Err(ServiceError::invalid("userId", "请选择人员", "Choose a person"));
    };
    if user == me {
        return Err(ServiceError::invalid(
            "userId",
            "不能选择自己",
            "Choose someone other than yourself",
        ));
    }
    if user == flow.inst.applicant_id {
        return Err(ServiceError::invalid(
            "userId",
            "不能交给申请人本人审批",
            "The applicant cannot decide their own request",
        ));
    }
    if !super::handover::can_act(db, user).await? {
        return Err(ServiceError::invalid(
            "userId",
            "该人员不存在、已停用或没有审批权限",
            "That person does not exist, is disabled or cannot act on approvals",
        ));
    }
    let step = flow.inst.current_step.unwrap_or(-1);
    if flow
        .step_tasks(step)
        .any(|t| t.assignee_id == user && t.status.is_open())
    {
        return Err(ServiceError::invalid(
            "userId",
            "该人员已在本步骤待办中",
            "That person already has a task in this step",
        ));
    }
    if let Ok(task) = my_open_task(flow, me)
        && super::sequential::queued_later(flow, &task, user)
    {
        return Err(super::sequential::queued_refusal("userId"));
    }
    Ok(user)
}

/// 转交: the task moves to another person, keeping its step, deadline and kind.
pub(crate) async fn transfer(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    me: Uuid,
    input: &ActionInput,
) -> Result<(), ServiceError> {
    let task = my_open_task(flow, me)?;
    let to = other_person(db, flow, me, input).await?;
    let comment = optional_comment(input)?;
    flow.set_task(task.id, TaskStatus::Transferred, comment.clone());
    let origin = if task.origin.is_added_signer() {
        task.origin
    } else {
        TaskOrigin::Transfer
    };
    let new_id = assign(db, flow, task.step_index, to, origin, task.due_at).await?;
    super::parallel::place_like(flow, new_id, &task);
    if let Some(new_task) = flow.task_mut(new_id) {
        new_task.blocks_task_id = task.blocks_task_id;
    }
    flow.event(
        Some(me),
        EventAction::Transfer,
        Some(task.step_index),
        Some(task.id),
        comment,
        json!({ "to": to }),
    );
    Ok(())
}

/// 加签: before me (I wait for them), or after me (I approve now; they must approve too).
pub(crate) async fn add_signer(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    me: Uuid,
    input: &ActionInput,
) -> Result<(), ServiceError> {
    let task = my_open_task(flow, me)?;
    let to = other_person(db, flow, me, input).await?;
    let comment = optional_comment(input)?;
    let position = input.position.unwrap_or(Position::Before);
    let step = task.step_index;
    match position {
        Position::Before => {
            flow.set_task(task.id, TaskStatus::Waiting, None);
            let added = assign(db, flow, step, to, TaskOrigin::AddBefore, task.due_at).await?;
            super::parallel::place_like(flow, added, &task);
            if let Some(added) = flow.task_mut(added) {
                added.blocks_task_id = Some(task.id);
            }
            flow.event(
                Some(me),
                EventAction::AddSigner,
                Some(step),
                Some(task.id),
                comment,
                json!({ "to": to, "position": "before", "addedTask": added }),
            );
            Ok(())
        }
        Position::After => {
            flow.set_task(task.id, TaskStatus::Approved, comment.clone());
            let added = assign(db, flow, step, to, TaskOrigin::AddAfter, task.due_at).await?;
            super::parallel::place_like(flow, added, &task);
            flow.event(
                Some(me),
                EventAction::AddSigner,
                Some(step),
                Some(task.id),
                comment,
                json!({ "to": to, "position": "after", "addedTask": added }),
            );
            settle(db, flow).await
        }
    }
}

/// A remark on the timeline, possibly with attachments; everyone involved is told.
pub(crate) async fn comment(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    me: Uuid,
    input: &ActionInput,
) -> Result<(), ServiceError> {
    let text = optional_comment(input)?;
    if text.is_none() && input.attachments.is_empty() {
        return Err(ServiceError::invalid(
            "comment",
            "请填写评论内容",
            "Write a comment",
        ));
    }
    crate::files::link_files(
        db,
        me,
        &input.attachments,
        super::MODULE_CODE,
        flow.inst.id,
        flow.now,
        "attachments",
    )
    .await?;
    flow.event(
        Some(me),
        EventAction::Comment,
        flow.inst.current_step,
        None,
        text.clone(),
        json!({ "attachments": input.attachments }),
    );
    let mut people: Vec<Uuid> = flow
        .tasks
        .iter()
        .filter(|t| t.status.is_open())
        .map(|t| t.assignee_id)
        .collect();
    people.push(flow.inst.applicant_id);
    people.sort();
    people.dedup();
    people.retain(|p| *p != me);
    let title = format!("新评论：{}", flow.inst.title);
    notify(flow, NoticeKind::Comment, people, title, text.unwrap_or_default());
    Ok(())
}

/// 催办: reminds the people who still have to act; at most once every 30 minutes.
pub(crate) fn urge(flow: &mut Flow, me: Uuid) -> Result<(), ServiceError> {
    urgeable(flow, me)?;
    flow.inst.last_urged_at = Some(flow.now);
    remind_open_approvers(flow, me);
    Ok(())
}

/// Whether the caller may urge now, the 30-minute interval included (the actions list asks the
/// same, so `urge` is not offered while it would answer 429).
pub(crate) fn urgeable(flow: &Flow, me: Uuid) -> Result<(), ServiceError> {
    if flow.inst.applicant_id != me {
        return Err(conflict("只有申请人可以催办", "Only the applicant can urge"));
    }
    if flow.status() != InstanceStatus::Running {
        return Err(conflict(
            "该申请不在审批中",
            "The request is not awaiting a decision",
        ));
    }
    if let Some(last) = flow.inst.last_urged_at {
        let next = last + Duration::minutes(URGE_INTERVAL_MINUTES);
        if next > flow.now {
            let wait = (next - flow.now).num_seconds().max(1);
            return Err(ServiceError::RateLimited {
                retry_after_secs: u64::try_from(wait).unwrap_or(1),
            });
        }
    }
    Ok(())
}

fn remind_open_approvers(flow: &mut Flow, me: Uuid) {
    let people: Vec<Uuid> = flow
        .tasks
        .iter()
        .filter(|t| t.has_status(TaskStatus::Pending))
        .map(|t| t.assignee_id)
        .collect();
    flow.event(
        Some(me),
        EventAction::Urge,
        flow.inst.current_step,
        None,
        None,
        json!({ "to": people }),
    );
    let title = format!("催办：{}", flow.inst.title);
    notify(
        flow,
        NoticeKind::Urged,
        people,
        title,
        "申请人提醒您尽快处理".to_owned(),
    );
}
