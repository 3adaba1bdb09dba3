//! 依次审批 and 连续多级主管: a step whose approvers sign one after the other. All of the order's
//! tasks exist from the step's entry, so everyone sees who is next; only the first is open, the
//! rest are `queued`. Each approval opens the next one (with its own deadline from then, through
//! delegation like any task); a rejection or return acts as in any step.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::approvals::definition::StepDef;
use xiaoban_domain::approvals::flow::{TaskOrigin, TaskStatus};
use xiaoban_domain::approvals::request::EventAction;
use xiaoban_domain::approvals::sequence;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::approvals::TaskRow;

use super::engine::{assign, hand_to_holder, settle};
use super::handover::can_act;
use super::resolve::fallback;
use super::state::{Flow, TaskState};
use super::superior::superior;
use crate::ServiceError;

/// The order the step is signed in: the rule's, with the applicant's place given to their
/// superior (or dropped when the superior is in the order already).
pub(crate) async fn signing_order(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    step: i32,
    named: Vec<Uuid>,
) -> Result<Vec<Uuid>, ServiceError> {
    let applicant = flow.inst.applicant_id;
    if !named.contains(&applicant) {
        return Ok(named);
    }
    let superior = superior(db, flow, step).await?;
    Ok(sequence::signing_order(applicant, &named, &superior))
}

/// With auto-skip on, the people of the order who already approved in this round are not asked
/// again; the step is skipped altogether only when all of them did.
pub(crate) fn not_yet_approved(flow: &Flow, def: &StepDef, order: Vec<Uuid>) -> Vec<Uuid> {
    if !def.signs_in_order() || !flow.def.options.auto_skip {
        return order;
    }
    let approved: BTreeSet<Uuid> = flow
        .tasks
        .iter()
        .filter(|t| t.cycle == flow.inst.cycle && t.is_decision() && t.approved_in_person())
        .map(|t| t.delegated_from.unwrap_or(t.assignee_id))
        .collect();
    let rest: Vec<Uuid> = order.iter().copied().filter(|p| !approved.contains(p)).collect();
    if rest.is_empty() { order } else { rest }
}

/// Opens the first of the order's tasks and queues the others behind it.
pub(crate) async fn queue(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    step: i32,
    order: &[Uuid],
    due: Option<DateTime<Utc>>,
) -> Result<(), ServiceError> {
    let Some((first, rest)) = order.split_first() else {
        return Ok(());
    };
    assign(db, flow, step, *first, TaskOrigin::Rule, due).await?;
    for person in rest {
        let id = flow.add_task(step, *person, TaskOrigin::Rule, None);
        flow.set_task(id, TaskStatus::Queued, None);
    }
    Ok(())
}

/// After a decision that left the step undecided: once nobody holds an open task of the step
/// (added signers included), the next queued person's turn comes.
pub(crate) async fn advance(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    step: i32,
) -> Result<(), ServiceError> {
    let mut passed_over = false;
    loop {
        if flow.step_tasks(step).any(is_open) {
            return Ok(());
        }
        let Some((id, person)) = flow
            .step_tasks(step)
            .filter(|t| t.has_status(TaskStatus::Queued))
            .min_by_key(|t| t.id)
            .map(|t| (t.id, t.assignee_id))
        else {
            // Everyone left in the order had signed already: the step is decided now.
            return if passed_over {
                Box::pin(settle(db, flow)).await
            } else {
                Ok(())
            };
        };
        // A person who already approved this step (a task was transferred to them) signs once.
        let signed = flow
            .step_tasks(step)
            .any(|t| t.assignee_id == person && t.approved_in_person());
        if signed {
            flow.set_task(id, TaskStatus::Closed, None);
            passed_over = true;
            continue;
        }
        return open_turn(db, flow, step, id, person).await;
    }
}

/// The queued task `id` becomes `person`'s open task, due from now. Someone who can no longer
/// act (disabled, lost `approval.use` while waiting) is replaced by the step's fallback.
async fn open_turn(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    step: i32,
    id: Uuid,
    person: Uuid,
) -> Result<(), ServiceError> {
    let applicant = flow.inst.applicant_id;
    let holder = if can_act(db, person).await? {
        person
    } else {
        let mut instead = fallback(db, flow, step).await?;
        instead.extend(superior(db, flow, step).await?);
        let holder = instead.into_iter().find(|p| *p != applicant).unwrap_or(person);
        flow.event(
            None,
            EventAction::Fallback,
            Some(step),
            Some(id),
            None,
            json!({ "approvers": [holder], "unable": person }),
        );
        holder
    };
    let due = flow
        .step(step)
        .and_then(|s| s.deadline_hours)
        .map(|h| flow.calendar.add_working_hours(flow.now, h));
    let now = flow.now;
    flow.set_task(id, TaskStatus::Pending, None);
    if let Some(task) = flow.task_mut(id) {
        task.assignee_id = holder;
        task.due_at = due;
        task.created_at = now;
    }
    flow.event(
        None,
        EventAction::NextInOrder,
        Some(step),
        Some(id),
        None,
        json!({ "approver": holder }),
    );
    hand_to_holder(db, flow, id).await
}

/// A recalled approval in a sequential step: the turn goes back to the recaller, so the tasks
/// it had opened for the next in the order wait in the queue again.
pub(crate) fn requeue_after_recall(flow: &mut Flow, step: i32, recalled: Uuid) {
    if !flow.step(step).is_some_and(StepDef::signs_in_order) {
        return;
    }
    let opened: Vec<Uuid> = flow
        .step_tasks(step)
        .filter(|t| t.id != recalled && t.has_status(TaskStatus::Pending))
        .filter(|t| t.origin == TaskOrigin::Rule)
        .map(|t| t.id)
        .collect();
    for id in opened {
        flow.set_task(id, TaskStatus::Queued, None);
        if let Some(task) = flow.task_mut(id) {
            task.assignee_id = task.delegated_from.take().unwrap_or(task.assignee_id);
            task.due_at = None;
        }
    }
}

/// Whether `person` waits later in the signing order of `task`'s step (the same branch step inside
/// a block): handing them the task, or adding them as a signer, would have them sign twice.
pub(crate) fn queued_later(flow: &Flow, task: &TaskRow, person: Uuid) -> bool {
    flow.step_tasks(task.step_index).any(|t| {
        t.assignee_id == person
            && t.status == TaskStatus::Queued
            && (t.branch_index, t.branch_step) == (task.branch_index, task.branch_step)
    })
}

/// Whether `person` already approved at `task`'s step in this round: a queued turn given to them
/// would be passed over, and the order would lose a signer.
pub(crate) fn approved_at(flow: &Flow, task: &TaskRow, person: Uuid) -> bool {
    flow.step_tasks(task.step_index).any(|t| {
        t.assignee_id == person
            && t.approved_in_person()
            && (t.branch_index, t.branch_step) == (task.branch_index, task.branch_step)
    })
}

/// The 422 for a person already queued later in the order, on `field`.
pub(crate) fn queued_refusal(field: &str) -> ServiceError {
    ServiceError::invalid(
        field,
        "该人员已在本步骤的审批顺序中，稍后将轮到其审批，不能再交给其处理",
        "That person signs later in this step's order; they cannot be given this task as well",
    )
}

/// 改派 of a queued task: the person waiting in the order is replaced in place, so the task keeps
/// its place in the queue (the order is the tasks' creation order) and opens when its turn comes.
pub(crate) fn reassign_queued(flow: &mut Flow, task: &TaskRow, to: Uuid) {
    if let Some(queued) = flow.task_mut(task.id) {
        queued.assignee_id = to;
        queued.delegated_from = None;
    }
}

fn is_open(task: &TaskRow) -> bool {
    task.status.is_open()
}
