//! Sending a request back (to the applicant or an earlier step), resubmitting it, withdrawing it
//! and cancelling it.

use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::approvals::flow::{InstanceStatus, TaskStatus};
use xiaoban_domain::approvals::request::EventAction;
use xiaoban_persistence::ConnectionTrait;

use super::engine::{enter, finish, notify};
use super::form::check_form;
use super::input::{ActionInput, required_comment};
use super::state::TaskState;
use super::state::my_open_task;
use super::state::{Flow, conflict};
use crate::ServiceError;
use crate::notifications::NoticeKind;

/// 退回: the caller's task is marked returned; the step's other open tasks are put aside, not
/// lost, and come back when the request returns to this step.
pub(crate) async fn send_back(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    me: Uuid,
    input: &ActionInput,
) -> Result<(), ServiceError> {
    let task = my_open_task(flow, me)?;
    let comment = required_comment(input, "请填写退回理由", "Give a reason for returning")?;
    let step = task.step_index;
    let target = input.target_step;
    if let Some(target) = target {
        return_target(flow, step, target)?;
    }
    flow.set_task(task.id, TaskStatus::Returned, Some(comment.clone()));
    // A return from a branch of a parallel block closes the other branches' open tasks: the
    // block is entered again from scratch when the request comes back to it.
    let pos = super::parallel::position(&task);
    if let Some(pos) = pos {
        let withdrawn = super::parallel::withdraw_other_branches(flow, step, pos.branch);
        flow.event(
            None,
            EventAction::BranchWithdrawn,
            Some(step),
            None,
            None,
            json!({ "branch": pos.branch, "withdrawn": withdrawn }),
        );
    }
    let others: Vec<Uuid> = flow
        .step_tasks(step)
        .filter(|t| t.status.is_open())
        .map(|t| t.id)
        .collect();
    for id in others {
        flow.set_task(id, TaskStatus::Suspended, None);
    }
    flow.inst.returned_from_step = Some(step);
    let mut data = json!({ "targetStep": target });
    if let Some(pos) = pos {
        data["branch"] = json!(pos.branch);
        data["branchStep"] = json!(pos.step);
    }
    flow.event(
        Some(me),
        EventAction::Return,
        Some(step),
        Some(task.id),
        Some(comment.clone()),
        data,
    );
    match target {
        None => {
            flow.set_status(InstanceStatus::Returned);
            flow.inst.current_step = None;
            let applicant = flow.inst.applicant_id;
            let title = format!("{}被退回，请修改后重新提交", flow.inst.title);
            // The applicant should not have to open the request to learn what to change.
            let body = format!(
                "{}退回，理由：{comment}",
                super::parallel::task_step_name(flow, &task)
            );
            notify(flow, NoticeKind::Decision, vec![applicant], title, body);
            Ok(())
        }
        Some(target) => {
            let redo: Vec<Uuid> = flow
                .tasks
                .iter()
                .filter(|t| t.cycle == flow.inst.cycle && t.step_index >= target && t.step_index < step)
                .filter(|t| t.is_decision() && t.has_status(TaskStatus::Approved))
                .map(|t| t.id)
                .collect();
            for id in redo {
                flow.set_task(id, TaskStatus::Superseded, None);
            }
            enter(db, flow, target).await
        }
    }
}

/// The applicant sends a returned request again, possibly with changed values.
pub(crate) async fn resubmit(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    me: Uuid,
    input: &ActionInput,
) -> Result<(), ServiceError> {
    resubmittable(flow, me)?;
    let old_form = flow.form();
    if let Some(values) = &input.form {
        flow.def
            .refuse_step_fields(values)
            .map_err(super::field_edits::form_issues)?;
        let mut checked = check_form(db, &flow.def.form, values).await?;
        super::field_edits::keep_step_filled(flow, &old_form, &mut checked.values);
        super::form::fill_computed(&flow.def.form, &mut checked, &flow.calendar)?;
        let picks = serde_json::from_str(&flow.inst.picked).unwrap_or_default();
        super::own_choice::refuse_self_chosen_approvers(&flow.def, &checked, &picks, me)?;
        super::form::attach(db, me, &checked.files, flow.inst.id, flow.now).await?;
        flow.inst.summary = flow.def.summary(&checked.values);
        flow.inst.form = serde_json::Value::Object(checked.values).to_string();
    }
    flow.set_status(InstanceStatus::Running);
    flow.event(
        Some(me),
        EventAction::Resubmit,
        None,
        None,
        input.comment.clone(),
        json!({ "formChanged": input.form.is_some() }),
    );
    match flow
        .inst
        .returned_from_step
        .filter(|_| flow.def.options.resubmit_to_returning_step)
    {
        Some(step) => {
            let first = reroute_before(flow, &old_form, step);
            enter(db, flow, first.unwrap_or(step)).await
        }
        None => {
            let parked: Vec<Uuid> = flow
                .tasks
                .iter()
                .filter(|t| t.has_status(TaskStatus::Suspended) || t.has_status(TaskStatus::Queued))
                .map(|t| t.id)
                .collect();
            for id in parked {
                flow.set_task(id, TaskStatus::Superseded, None);
            }
            flow.inst.cycle += 1;
            flow.inst.returned_from_step = None;
            enter(db, flow, 0).await
        }
    }
}

/// Whether the caller may resubmit (the actions list asks the same).
pub(crate) fn resubmittable(flow: &Flow, me: Uuid) -> Result<(), ServiceError> {
    if flow.inst.applicant_id != me {
        return Err(conflict(
            "只有申请人可以重新提交",
            "Only the applicant can resubmit",
        ));
    }
    if flow.status() != InstanceStatus::Returned {
        return Err(conflict(
            "只有被退回的申请可以重新提交",
            "Only a returned request can be resubmitted",
        ));
    }
    Ok(())
}

/// Going straight back to the returning step after the values changed: the approvals of an
/// earlier step that no longer applies are dropped, and the first earlier step that applies now
/// (and did not before) is where the request goes; the returning step reopens when reached.
fn reroute_before(
    flow: &mut Flow,
    old: &serde_json::Map<String, serde_json::Value>,
    returning: i32,
) -> Option<i32> {
    let new = flow.condition_values();
    let old = &flow.applicant.add_to(old);
    let applies = |s: &xiaoban_domain::approvals::definition::StepDef, form| {
        s.condition.as_ref().is_none_or(|c| c.evaluate(form))
    };
    let mut first = None;
    let mut dropped = Vec::new();
    for (i, def) in flow.def.steps.iter().enumerate() {
        let index = i32::try_from(i).unwrap_or(i32::MAX);
        if index >= returning {
            break;
        }
        match (applies(def, old), applies(def, &new)) {
            (false, true) => {
                first = first.or(Some(index));
            }
            (true, false) => dropped.push(index),
            _ => {}
        }
    }
    let stale: Vec<Uuid> = flow
        .tasks
        .iter()
        .filter(|t| t.cycle == flow.inst.cycle && dropped.contains(&t.step_index))
        .filter(|t| t.is_decision() && t.has_status(TaskStatus::Approved))
        .map(|t| t.id)
        .collect();
    for id in stale {
        flow.set_task(id, TaskStatus::Superseded, None);
    }
    first
}

/// 撤回: the applicant takes the request back before anyone decided in this round (or while it
/// is back with them).
pub(crate) fn withdraw(flow: &mut Flow, me: Uuid) -> Result<(), ServiceError> {
    withdrawable(flow, me)?;
    flow.event(Some(me), EventAction::Withdraw, None, None, None, json!({}));
    finish(flow, InstanceStatus::Withdrawn);
    Ok(())
}

/// Whether the caller may withdraw (the actions list asks the same).
pub(crate) fn withdrawable(flow: &Flow, me: Uuid) -> Result<(), ServiceError> {
    if flow.inst.applicant_id != me {
        return Err(conflict("只有申请人可以撤回", "Only the applicant can withdraw"));
    }
    let cycle = flow.inst.cycle;
    let decided = flow.tasks.iter().any(|t| {
        t.cycle == cycle
            && t.is_decision()
            && matches!(
                t.status,
                TaskStatus::Approved | TaskStatus::Rejected | TaskStatus::Returned
            )
    });
    match flow.status() {
        InstanceStatus::Returned => {}
        InstanceStatus::Running if !decided => {}
        InstanceStatus::Running => {
            return Err(conflict(
                "已有审批人处理，无法撤回",
                "Someone has already decided; the request cannot be withdrawn",
            ));
        }
        _ => return Err(conflict("该申请已结束", "The request has ended")),
    }
    Ok(())
}

/// 撤销 by an administrator, with a reason.
pub(crate) fn cancel(flow: &mut Flow, me: Uuid, input: &ActionInput) -> Result<(), ServiceError> {
    let reason = required_comment(input, "请填写撤销原因", "Give a reason for cancelling")?;
    cancellable(flow)?;
    flow.event(Some(me), EventAction::Cancel, None, None, Some(reason), json!({}));
    finish(flow, InstanceStatus::Cancelled);
    Ok(())
}

/// Whether the request can still be cancelled (by an administrator).
pub(crate) fn cancellable(flow: &Flow) -> Result<(), ServiceError> {
    if flow.status().is_final() {
        return Err(conflict("该申请已结束", "The request has ended"));
    }
    Ok(())
}

/// A step the request can be sent back to: an earlier step that applies to this request and was
/// decided in this round (not one skipped by its condition or never reached).
fn return_target(flow: &Flow, current: i32, target: i32) -> Result<(), ServiceError> {
    if target < 0 || target >= current {
        return Err(ServiceError::invalid(
            "targetStep",
            "只能退回到之前的步骤",
            "Return only to an earlier step",
        ));
    }
    let applies = flow.step(target).is_some_and(|s| flow.applies(s));
    let reached = flow.step_tasks(target).next().is_some();
    if !applies || !reached {
        return Err(ServiceError::invalid(
            "targetStep",
            "该步骤不适用于本申请，无法退回到该步骤",
            "That step does not apply to this request; it cannot be returned to",
        ));
    }
    Ok(())
}
