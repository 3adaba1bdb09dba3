//! Moving a request through its steps: entering a step (conditions, approver rules, fallback,
//! the applicant's own steps, auto-skip, delegation, deadlines), settling a step once decisions come in, and finishing.

use std::collections::BTreeSet;

use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::approvals::definition::{StepDef, StepMode};
use xiaoban_domain::approvals::flow::{InstanceStatus, StepCounts, Tally, TaskOrigin, TaskStatus, tally};
use xiaoban_domain::approvals::request::EventAction;
use xiaoban_domain::approvals::self_approval::{
    Elsewhere, StepPlan, delegated_assignee, needs_someone_else, plan_step,
};
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::approvals::delegations;

use super::chain::{chain_text, delegation_chain};
use super::resolve::{fallback, resolve};
use super::sequential;
use super::state::Flow;
use super::state::TaskState;
use super::superior::{approved_by_someone_else, approvers_in_round, later_step_applies, superior};
use crate::ServiceError;
use crate::notifications::{Notice, NoticeKind};

/// Enters `step`, or the first later step that applies; past the last step the request is
/// approved, unless nobody but the applicant approved it: then the last step goes to the
/// applicant's superior (the engine's guarantee, whatever the template says).
pub(crate) async fn enter(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    mut step: i32,
) -> Result<(), ServiceError> {
    let applicant = flow.inst.applicant_id;
    let mut to_superior = false;
    loop {
        let Some(def) = flow.step(step).cloned() else {
            let last = i32::try_from(flow.def.steps.len()).unwrap_or(1) - 1;
            if !to_superior
                && last >= 0
                && needs_someone_else(
                    applicant,
                    &approvers_in_round(flow),
                    flow.def.every_step_confirms(),
                )
            {
                flow.event(
                    None,
                    EventAction::SuperiorRequired,
                    Some(last),
                    None,
                    None,
                    json!({}),
                );
                step = last;
                to_superior = true;
                continue;
            }
            finish(flow, InstanceStatus::Approved);
            return Ok(());
        };
        if !to_superior && !flow.applies(&def) {
            flow.event(
                None,
                EventAction::StepSkipped,
                Some(step),
                None,
                None,
                json!({ "reason": "condition" }),
            );
            step += 1;
            continue;
        }
        if !to_superior && def.is_block() {
            // A block is entered from scratch, also when it returned the request: every
            // branch starts again at its first applicable step.
            if flow.inst.returned_from_step == Some(step) {
                flow.inst.returned_from_step = None;
            }
            supersede_earlier_visit(flow, step);
            if super::parallel::enter_block(db, flow, step, &def).await? {
                return Ok(());
            }
            step += 1;
            continue;
        }
        if !to_superior && flow.inst.returned_from_step == Some(step) {
            reopen(flow, step);
            return Ok(());
        }
        supersede_earlier_visit(flow, step);
        let plan = if to_superior {
            StepPlan::Assign(superior(db, flow, step).await?)
        } else {
            plan(db, flow, step, &def).await?
        };
        let approvers = match plan {
            StepPlan::Assign(approvers) => approvers,
            StepPlan::ApplicantConfirmed => {
                flow.event(
                    Some(applicant),
                    EventAction::ApplicantConfirmed,
                    Some(step),
                    None,
                    None,
                    json!({}),
                );
                flow.event(None, EventAction::StepPassed, Some(step), None, None, json!({}));
                copy_to(db, flow, step).await?;
                step += 1;
                continue;
            }
            StepPlan::Skipped => {
                flow.event(
                    None,
                    EventAction::StepSkipped,
                    Some(step),
                    None,
                    None,
                    json!({ "reason": "applicant" }),
                );
                step += 1;
                continue;
            }
        };
        if approvers.is_empty() {
            return Err(ServiceError::Internal(format!(
                "no approver for step {step} other than the applicant"
            )));
        }
        if flow.def.options.auto_skip && already_approved(flow, def.effective_mode(), &approvers) {
            flow.event(
                None,
                EventAction::StepSkipped,
                Some(step),
                None,
                None,
                json!({ "reason": "already_approved" }),
            );
            step += 1;
            continue;
        }
        let approvers = sequential::not_yet_approved(flow, &def, approvers);
        let due = def
            .deadline_hours
            .map(|h| flow.calendar.add_working_hours(flow.now, h));
        flow.inst.current_step = Some(step);
        flow.event(
            None,
            EventAction::StepEntered,
            Some(step),
            None,
            None,
            json!({ "approvers": approvers }),
        );
        if def.signs_in_order() {
            return sequential::queue(db, flow, step, &approvers, due).await;
        }
        for approver in approvers {
            assign(db, flow, step, approver, TaskOrigin::Rule, due).await?;
        }
        return Ok(());
    }
}

/// Whom the step's rule names (or the fallback, when it names nobody), and what the step's
/// setting makes of it when that is the applicant alone.
pub(crate) async fn plan(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    step: i32,
    def: &StepDef,
) -> Result<StepPlan, ServiceError> {
    let applicant = flow.inst.applicant_id;
    let mut approvers = resolve(db, flow, step, &def.rule).await?;
    if approvers.is_empty() {
        approvers = fallback(db, flow, step).await?;
        flow.event(
            None,
            EventAction::Fallback,
            Some(step),
            None,
            None,
            json!({ "approvers": approvers }),
        );
    }
    if def.signs_in_order() {
        approvers = sequential::signing_order(db, flow, step, approvers).await?;
    }
    if approvers.iter().any(|a| *a != applicant) {
        return Ok(plan_step(
            applicant,
            def.applicant_is_approver,
            &approvers,
            &[],
            Elsewhere::default(),
        ));
    }
    let superior = superior(db, flow, step).await?;
    let elsewhere = Elsewhere {
        approved_by_someone_else: approved_by_someone_else(flow),
        later_step_applies: later_step_applies(flow, step),
        every_step_confirms: flow.def.every_step_confirms(),
    };
    let plan = plan_step(
        applicant,
        def.applicant_is_approver,
        &approvers,
        &superior,
        elsewhere,
    );
    if matches!(plan, StepPlan::Assign(_)) {
        flow.event(
            None,
            EventAction::ToSuperior,
            Some(step),
            None,
            None,
            json!({ "approvers": superior }),
        );
    }
    Ok(plan)
}

/// Creates an open task for `approver`, or for their delegate while they are away.
pub(crate) async fn assign(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    step: i32,
    approver: Uuid,
    origin: TaskOrigin,
    due: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<Uuid, ServiceError> {
    let id = flow.add_task(step, approver, origin, due);
    hand_to_holder(db, flow, id).await?;
    Ok(id)
}

/// Puts the open task `id` in the hands of whoever should hold it (the applicant's superior
/// instead of the applicant, the end of the delegation chain while its approver is away) and
/// tells them. A sequential step's next task goes through here when its turn comes.
pub(crate) async fn hand_to_holder(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    id: Uuid,
) -> Result<(), ServiceError> {
    let Some((step, approver)) = flow.task(id).map(|t| (t.step_index, t.assignee_id)) else {
        return Ok(());
    };
    let applicant = flow.inst.applicant_id;
    let approver = if approver == applicant {
        superior(db, flow, step)
            .await?
            .first()
            .copied()
            .unwrap_or(approver)
    } else {
        approver
    };
    let mut chain = delegation_chain(db, approver, applicant, flow.now).await?;
    let last = chain.last().copied().unwrap_or(approver);
    // A delegation that would hand the task to the applicant goes to their superior instead;
    // the timeline shows who got it.
    let to_applicant = delegations::active_for(db, last, flow.now)
        .await?
        .is_some_and(|d| d.delegate_id == applicant);
    if to_applicant {
        let superior = superior(db, flow, step).await?;
        let instead = delegated_assignee(applicant, last, Some(applicant), &superior);
        if !chain.contains(&instead) {
            chain.push(instead);
        }
    }
    let assignee = chain.last().copied().unwrap_or(approver);
    if let Some(task) = flow.task_mut(id) {
        task.assignee_id = assignee;
        if assignee != approver {
            task.delegated_from = Some(approver);
        }
    }
    if assignee != approver {
        let words = chain_text(db, &chain).await?;
        flow.event(
            None,
            EventAction::Delegated,
            Some(step),
            Some(id),
            Some(words),
            json!({ "from": approver, "to": assignee, "chain": chain }),
        );
    }
    let title = format!("待审批：{}", flow.inst.title);
    notify(
        flow,
        NoticeKind::TaskAssigned,
        vec![assignee],
        title,
        flow.step_name(step),
    );
    Ok(())
}

/// Whether the step's approvers already approved in this round (one is enough for an or-sign
/// step), so that asking them again would only repeat a decision.
pub(crate) fn already_approved(flow: &Flow, mode: StepMode, approvers: &[Uuid]) -> bool {
    let approved: BTreeSet<Uuid> = flow
        .tasks
        .iter()
        .filter(|t| t.cycle == flow.inst.cycle && t.approved_in_person())
        .map(|t| t.delegated_from.unwrap_or(t.assignee_id))
        .collect();
    match mode {
        StepMode::Or => approvers.iter().any(|a| approved.contains(a)),
        StepMode::All | StepMode::Ratio | StepMode::Sequential => {
            approvers.iter().all(|a| approved.contains(a))
        }
    }
}

/// A step entered again in the same round (after a return to an earlier step) starts afresh.
pub(crate) fn supersede_earlier_visit(flow: &mut Flow, step: i32) {
    let stale: Vec<Uuid> = flow.step_tasks(step).map(|t| t.id).collect();
    for id in stale {
        flow.set_task(id, TaskStatus::Superseded, None);
    }
}

/// The step that returned the request, entered again: approvals given stand, put-aside tasks
/// reopen, and whoever returned it decides again.
fn reopen(flow: &mut Flow, step: i32) {
    flow.inst.returned_from_step = None;
    flow.inst.current_step = Some(step);
    let due = flow
        .step(step)
        .and_then(|s| s.deadline_hours)
        .map(|h| flow.calendar.add_working_hours(flow.now, h));
    let tasks: Vec<(Uuid, TaskStatus, Uuid, TaskOrigin)> = flow
        .step_tasks(step)
        .map(|t| (t.id, t.status, t.assignee_id, t.origin))
        .collect();
    let mut reopened = Vec::new();
    for (id, status, assignee, origin) in tasks {
        if status == TaskStatus::Suspended {
            flow.set_task(id, TaskStatus::Pending, None);
            if let Some(task) = flow.task_mut(id) {
                task.due_at = due;
            }
            reopened.push(assignee);
        } else if status == TaskStatus::Returned && !followed_up(flow, step, id, assignee) {
            flow.add_task(step, assignee, origin, due);
            reopened.push(assignee);
        }
    }
    flow.event(
        None,
        EventAction::StepReopened,
        Some(step),
        None,
        None,
        json!({ "approvers": reopened }),
    );
    let title = format!("待审批：{}", flow.inst.title);
    notify(
        flow,
        NoticeKind::TaskAssigned,
        reopened,
        title,
        flow.step_name(step),
    );
}

/// Whether the returner already got a task after this return (an earlier return of the round,
/// reopened before): only the latest return of a person gives them a new task. Task ids are
/// time-ordered (UUID v7, monotonic within the process).
fn followed_up(flow: &Flow, step: i32, returned: Uuid, assignee: Uuid) -> bool {
    flow.step_tasks(step)
        .any(|t| t.assignee_id == assignee && t.id > returned)
}

/// Counts the current step's decisions and moves on when it is decided.
pub(crate) async fn settle(db: &impl ConnectionTrait, flow: &mut Flow) -> Result<(), ServiceError> {
    let Some(step) = flow.inst.current_step else {
        return Ok(());
    };
    let Some(def) = flow.step(step).cloned() else {
        return Ok(());
    };
    // A block's tasks sit in its branches; only a superior's task (the engine's last resort
    // when nobody but the applicant approved) sits on the block itself.
    if def.is_block()
        && !flow
            .step_tasks(step)
            .any(|t| t.branch_index.is_none() && !t.has_status(TaskStatus::Superseded))
    {
        return super::parallel::settle_block(db, flow, step, &def).await;
    }
    let (outcome, counts) = outcome(&def, flow.step_tasks(step));
    match outcome {
        Tally::Passed => {
            close_open(flow, step, |_| true);
            flow.event(None, EventAction::StepPassed, Some(step), None, None, json!({}));
            copy_to(db, flow, step).await?;
            Box::pin(enter(db, flow, step + 1)).await
        }
        Tally::Rejected => {
            finish(flow, InstanceStatus::Rejected);
            Ok(())
        }
        Tally::Undecided => {
            if def.effective_mode() == StepMode::Or && counts.approved > 0 {
                close_open(flow, step, |origin| !origin.is_added_signer());
            }
            if def.signs_in_order() {
                sequential::advance(db, flow, step).await?;
            }
            Ok(())
        }
    }
}

/// How a step (or a branch step) stands given its live decision tasks of this round.
pub(crate) fn outcome<'a>(
    def: &StepDef,
    tasks: impl Iterator<Item = &'a xiaoban_persistence::approvals::TaskRow>,
) -> (Tally, StepCounts) {
    let mut counts = StepCounts::default();
    // Whoever a step was escalated to decides it alone: their approval passes it, their
    // rejection rejects it, and while they have not acted they are no extra required signer.
    let mut escalated = None;
    for task in tasks {
        if task.origin == TaskOrigin::Escalation {
            match task.status {
                TaskStatus::Approved => escalated = escalated.or(Some(Tally::Passed)),
                TaskStatus::Rejected => escalated = escalated.or(Some(Tally::Rejected)),
                _ => {}
            }
            continue;
        }
        match (task.status, task.origin.is_added_signer()) {
            (TaskStatus::Approved, false) => counts.approved += 1,
            (TaskStatus::Rejected, false) => counts.rejected += 1,
            (TaskStatus::Pending | TaskStatus::Waiting | TaskStatus::Queued, false) => {
                counts.open += 1;
            }
            (TaskStatus::Rejected, true) => counts.added_rejected += 1,
            (TaskStatus::Pending | TaskStatus::Waiting, true) => counts.added_open += 1,
            _ => {}
        }
    }
    let tally = escalated.unwrap_or_else(|| tally(def.effective_mode(), def.pass_ratio, counts));
    (tally, counts)
}

pub(crate) fn close_open(flow: &mut Flow, step: i32, which: impl Fn(TaskOrigin) -> bool) {
    close_open_among(flow, |t| t.step_index == step, which);
}

/// Closes the open decision tasks of this round that `among` picks and `which` accepts.
pub(crate) fn close_open_among(
    flow: &mut Flow,
    among: impl Fn(&xiaoban_persistence::approvals::TaskRow) -> bool,
    which: impl Fn(TaskOrigin) -> bool,
) {
    let cycle = flow.inst.cycle;
    let open: Vec<Uuid> = flow
        .tasks
        .iter()
        .filter(|t| t.cycle == cycle && t.is_decision() && among(t))
        .filter(|t| t.status.is_open() || t.status == TaskStatus::Queued)
        .filter(|t| which(t.origin))
        .map(|t| t.id)
        .collect();
    for id in open {
        flow.set_task(id, TaskStatus::Closed, None);
    }
}

pub(crate) async fn copy_to(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    step: i32,
) -> Result<(), ServiceError> {
    let rules = flow.step(step).map(|s| s.cc.clone()).unwrap_or_default();
    let name = flow.step_name(step);
    copy_rules(db, flow, step, &rules, name).await
}

/// Copies (抄送) to the people `rules` name, for the step (or branch step) called `name`.
pub(crate) async fn copy_rules(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    step: i32,
    rules: &[xiaoban_domain::approvals::definition::ApproverRule],
    name: String,
) -> Result<(), ServiceError> {
    // Someone who still holds a copy of this step (from an earlier round, before a return and
    // resubmit) or a template-level copy (negative pseudo steps) is not copied twice.
    let mut people: Vec<Uuid> = flow
        .tasks
        .iter()
        .filter(|t| (t.step_index == step || t.step_index < 0) && t.is_copy())
        .filter(|t| matches!(t.status, TaskStatus::Unread | TaskStatus::Read))
        .map(|t| t.assignee_id)
        .collect();
    let held = people.len();
    for rule in rules {
        for id in resolve(db, flow, step, rule).await? {
            if !people.contains(&id) && id != flow.inst.applicant_id {
                people.push(id);
            }
        }
    }
    let people = people.split_off(held);
    for person in &people {
        flow.add_task(step, *person, TaskOrigin::Cc, None);
    }
    let title = format!("抄送：{}", flow.inst.title);
    notify(flow, NoticeKind::Cc, people, title, name);
    Ok(())
}

/// Ends the request: every open or put-aside task is cancelled and the applicant is told.
pub(crate) fn finish(flow: &mut Flow, status: InstanceStatus) {
    flow.set_status(status);
    flow.inst.current_step = None;
    flow.inst.returned_from_step = None;
    flow.inst.finished_at = Some(flow.now);
    let open: Vec<Uuid> = flow
        .tasks
        .iter()
        .filter(|t| {
            matches!(
                t.status,
                TaskStatus::Pending | TaskStatus::Waiting | TaskStatus::Suspended | TaskStatus::Queued
            )
        })
        .map(|t| t.id)
        .collect();
    for id in open {
        flow.set_task(id, TaskStatus::Cancelled, None);
    }
    flow.event(
        None,
        EventAction::Finished,
        None,
        None,
        None,
        json!({ "status": status }),
    );
    flow.finished = Some(status);
    let word = match status {
        InstanceStatus::Approved => "已通过",
        InstanceStatus::Rejected => "已驳回",
        InstanceStatus::Withdrawn => "已撤回",
        _ => "已撤销",
    };
    let applicant = flow.inst.applicant_id;
    let title = format!("{}{}", flow.inst.title, word);
    notify(
        flow,
        NoticeKind::Decision,
        vec![applicant],
        title,
        flow.inst.number.clone(),
    );
}

/// Queues an in-app notice about this request; it is written with the change, in its transaction.
pub(crate) fn notify(flow: &mut Flow, kind: NoticeKind, recipients: Vec<Uuid>, title: String, body: String) {
    if recipients.is_empty() {
        return;
    }
    let id = flow.inst.id;
    flow.notices.push(Notice {
        kind,
        recipients,
        title,
        body,
        link: Some(format!("/approvals/{id}")),
        subject: Some((super::MODULE_CODE.to_owned(), id)),
        data: json!({ "instanceId": id, "number": flow.inst.number }),
    });
}
