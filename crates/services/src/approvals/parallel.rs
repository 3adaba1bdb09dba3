//! Running a parallel block (并行分支): entering every branch at once, moving one branch on when
//! its step passes, rejecting the request when a branch step fails, and the join (汇聚) when every
//! branch has passed its last step. The rules are in [`xiaoban_domain::approvals::parallel`].

use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::approvals::definition::{StepDef, StepMode};
use xiaoban_domain::approvals::flow::{InstanceStatus, Tally, TaskOrigin, TaskStatus};
use xiaoban_domain::approvals::parallel::{BranchPos, StepPos};
use xiaoban_domain::approvals::request::EventAction;
use xiaoban_domain::approvals::self_approval::StepPlan;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::approvals::TaskRow;

use super::engine::{
    already_approved, assign, close_open_among, copy_rules, copy_to, enter, finish, outcome, plan,
};
use super::state::{Flow, TaskState};
use crate::ServiceError;

/// Where a task sits in its block, if it belongs to a branch.
pub(crate) fn position(task: &TaskRow) -> Option<BranchPos> {
    Some(BranchPos {
        branch: task.branch_index?,
        step: task.branch_step?,
    })
}

/// Puts a new task (a transfer, an added signer, an escalation) in the branch step of `like`.
pub(crate) fn place_like(flow: &mut Flow, id: Uuid, like: &TaskRow) {
    if let Some(task) = flow.task_mut(id) {
        task.branch_index = like.branch_index;
        task.branch_step = like.branch_step;
    }
}

/// Where a task's rules live: its branch step inside a block, else its step (none for a
/// template-level copy, whose pseudo step index is negative).
pub(crate) fn task_pos(task: &TaskRow) -> Option<StepPos> {
    Some(StepPos {
        step: usize::try_from(task.step_index).ok()?,
        branch: position(task),
    })
}

/// The step a task answers to: its branch step inside a block, else its step.
pub(crate) fn task_step<'a>(flow: &'a Flow, task: &TaskRow) -> Option<&'a StepDef> {
    flow.def.step_at(task_pos(task)?)
}

/// The name shown for a task's step: "分支名 · 步骤名" inside a block.
pub(crate) fn task_step_name(flow: &Flow, task: &TaskRow) -> String {
    name_at(flow, task.step_index, position(task))
}

/// The name of a step, or of a branch step ("分支名 · 步骤名").
pub(crate) fn name_at(flow: &Flow, step: i32, pos: Option<BranchPos>) -> String {
    match (flow.step(step), pos) {
        (Some(def), Some(pos)) => def.branch_step_name(pos).unwrap_or_else(|| def.name.clone()),
        _ => flow.step_name(step),
    }
}

fn branch_data(pos: BranchPos) -> serde_json::Value {
    json!({ "branch": pos.branch, "branchStep": pos.step })
}

/// Enters the block at `step`: every branch's first applicable step at once. Answers whether the
/// block now waits for someone; a block none of whose branches has a step to decide passes.
pub(crate) async fn enter_block(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    step: i32,
    block: &StepDef,
) -> Result<bool, ServiceError> {
    flow.inst.current_step = Some(step);
    flow.advanced_branches.clear();
    let names: Vec<&str> = block.branches.iter().map(|b| b.name.as_str()).collect();
    flow.event(
        None,
        EventAction::BlockEntered,
        Some(step),
        None,
        None,
        json!({ "branches": names }),
    );
    let mut waiting = false;
    for branch in 0..block.branches.len() {
        let branch = i32::try_from(branch).unwrap_or(i32::MAX);
        waiting |= walk(db, flow, step, block, BranchPos { branch, step: 0 }).await?;
    }
    if !waiting {
        join(db, flow, step).await?;
    }
    Ok(waiting)
}

/// Walks a branch from `from` to the first of its steps that needs someone (tasks created:
/// true), or past its last step (the branch has passed: false).
async fn walk(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    step: i32,
    block: &StepDef,
    from: BranchPos,
) -> Result<bool, ServiceError> {
    let mut pos = from;
    while let Some(def) = block.branch_step(pos).cloned() {
        let data = branch_data(pos);
        if !flow.applies(&def) {
            flow.event(
                None,
                EventAction::StepSkipped,
                Some(step),
                None,
                None,
                with(&data, "reason", "condition"),
            );
            pos.step += 1;
            continue;
        }
        let approvers = match plan(db, flow, step, &def).await? {
            StepPlan::Assign(approvers) => approvers,
            StepPlan::ApplicantConfirmed => {
                let applicant = flow.inst.applicant_id;
                flow.event(
                    Some(applicant),
                    EventAction::ApplicantConfirmed,
                    Some(step),
                    None,
                    None,
                    data.clone(),
                );
                pass_branch_step(db, flow, step, &def, pos).await?;
                pos.step += 1;
                continue;
            }
            StepPlan::Skipped => {
                flow.event(
                    None,
                    EventAction::StepSkipped,
                    Some(step),
                    None,
                    None,
                    with(&data, "reason", "applicant"),
                );
                pos.step += 1;
                continue;
            }
        };
        if approvers.is_empty() {
            return Err(ServiceError::Internal(format!(
                "no approver for branch step {pos:?} of step {step} other than the applicant"
            )));
        }
        if flow.def.options.auto_skip && already_approved(flow, def.mode, &approvers) {
            flow.event(
                None,
                EventAction::StepSkipped,
                Some(step),
                None,
                None,
                with(&data, "reason", "already_approved"),
            );
            pos.step += 1;
            continue;
        }
        let due = def
            .deadline_hours
            .map(|h| flow.calendar.add_working_hours(flow.now, h));
        flow.event(
            None,
            EventAction::StepEntered,
            Some(step),
            None,
            None,
            with(&data, "approvers", json!(approvers)),
        );
        for approver in approvers {
            let id = assign(db, flow, step, approver, TaskOrigin::Rule, due).await?;
            if let Some(task) = flow.task_mut(id) {
                task.branch_index = Some(pos.branch);
                task.branch_step = Some(pos.step);
            }
        }
        return Ok(true);
    }
    flow.event(
        None,
        EventAction::BranchPassed,
        Some(step),
        None,
        None,
        json!({ "branch": pos.branch }),
    );
    Ok(false)
}

fn with(data: &serde_json::Value, key: &str, value: impl Into<serde_json::Value>) -> serde_json::Value {
    let mut data = data.clone();
    data[key] = value.into();
    data
}

async fn pass_branch_step(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    step: i32,
    def: &StepDef,
    pos: BranchPos,
) -> Result<(), ServiceError> {
    flow.event(
        None,
        EventAction::StepPassed,
        Some(step),
        None,
        None,
        branch_data(pos),
    );
    let name = name_at(flow, step, Some(pos));
    copy_rules(db, flow, step, &def.cc, name).await
}

/// The branch step a branch stands at in this round: the latest one with live tasks.
fn standing(flow: &Flow, step: i32, branch: i32) -> Option<BranchPos> {
    flow.step_tasks(step)
        .filter(|t| !t.has_status(TaskStatus::Superseded))
        .filter_map(position)
        .filter(|p| p.branch == branch)
        .max()
}

fn at(pos: BranchPos) -> impl Fn(&TaskRow) -> bool {
    move |t| position(t) == Some(pos)
}

/// After a decision in the block: a branch step that passed moves its branch on, one that failed
/// rejects the request (the other branches' open tasks are withdrawn, and the timeline names
/// them), and once no branch waits for anyone the block passes.
pub(crate) async fn settle_block(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    step: i32,
    block: &StepDef,
) -> Result<(), ServiceError> {
    for branch in 0..block.branches.len() {
        let branch = i32::try_from(branch).unwrap_or(i32::MAX);
        let Some(pos) = standing(flow, step, branch) else {
            continue;
        };
        let Some(def) = block.branch_step(pos).cloned() else {
            continue;
        };
        let live = |t: &&TaskRow| position(t) == Some(pos) && !t.has_status(TaskStatus::Superseded);
        let (tally, counts) = outcome(&def, flow.step_tasks(step).filter(live));
        let decided_now = flow.step_tasks(step).filter(live).any(|t| {
            flow.touched(t.id) && (t.has_status(TaskStatus::Approved) || t.has_status(TaskStatus::Rejected))
        });
        match tally {
            Tally::Rejected if decided_now => {
                reject_block(flow, step, pos);
                return Ok(());
            }
            Tally::Passed if decided_now && !flow.advanced_branches.contains(&branch) => {
                flow.advanced_branches.push(branch);
                close_open_among(flow, at(pos), |_| true);
                pass_branch_step(db, flow, step, &def, pos).await?;
                let next = BranchPos {
                    branch,
                    step: pos.step + 1,
                };
                walk(db, flow, step, block, next).await?;
            }
            Tally::Undecided if def.mode == StepMode::Or && counts.approved > 0 => {
                close_open_among(flow, at(pos), |origin| !origin.is_added_signer());
            }
            _ => {}
        }
    }
    let waiting = flow.step_tasks(step).any(|t| t.status.is_open());
    if !waiting {
        join(db, flow, step).await?;
        return Box::pin(enter(db, flow, step + 1)).await;
    }
    Ok(())
}

/// 汇聚: every branch has passed its last step.
async fn join(db: &impl ConnectionTrait, flow: &mut Flow, step: i32) -> Result<(), ServiceError> {
    flow.event(
        None,
        EventAction::StepPassed,
        Some(step),
        None,
        None,
        json!({ "joined": true }),
    );
    copy_to(db, flow, step).await
}

/// A branch step failed: the request is rejected and the other branches' open tasks are
/// withdrawn; the timeline says whose.
fn reject_block(flow: &mut Flow, step: i32, pos: BranchPos) {
    let withdrawn = withdraw_other_branches(flow, step, pos.branch);
    flow.event(
        None,
        EventAction::BranchRejected,
        Some(step),
        None,
        None,
        json!({ "branch": pos.branch, "branchStep": pos.step, "withdrawn": withdrawn }),
    );
    finish(flow, InstanceStatus::Rejected);
}

/// Closes the open tasks of every branch but `branch` (a rejection or a return from it);
/// answers their holders.
pub(crate) fn withdraw_other_branches(flow: &mut Flow, step: i32, branch: i32) -> Vec<Uuid> {
    let open: Vec<(Uuid, Uuid)> = flow
        .step_tasks(step)
        .filter(|t| t.branch_index.is_some_and(|b| b != branch))
        .filter(|t| t.status.is_open())
        .map(|t| (t.id, t.assignee_id))
        .collect();
    let mut holders = Vec::new();
    for (id, holder) in open {
        flow.set_task(id, TaskStatus::Closed, None);
        if !holders.contains(&holder) {
            holders.push(holder);
        }
    }
    holders
}
