//! Where each branch of a parallel block stands, for the request's progress view.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use xiaoban_domain::approvals::definition::StepDef;
use xiaoban_domain::approvals::parallel::BranchPos;
use xiaoban_domain::approvals::request::EventAction;
use xiaoban_persistence::approvals::EventRow;

use super::state::Flow;

/// Where a step, a branch or a branch step stands in the request's progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    Current,
    Passed,
    Skipped,
    Waiting,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BranchView {
    pub index: i32,
    pub name: String,
    /// `current`, `passed` or `waiting`.
    pub status: StepState,
    pub steps: Vec<BranchStepView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BranchStepView {
    pub index: i32,
    pub name: String,
    /// `current`, `passed`, `skipped` or `waiting`.
    pub status: StepState,
}

/// The branch step an event is about, from its data (`branch`, `branchStep`).
pub(crate) fn event_position(data: &Value) -> Option<BranchPos> {
    let number = |key: &str| data.get(key)?.as_i64().and_then(|n| i32::try_from(n).ok());
    Some(BranchPos {
        branch: number("branch")?,
        step: number("branchStep")?,
    })
}

/// Whether a timeline row records `action` (the shared timeline stores the engine's words as text).
pub(crate) fn is_action(e: &EventRow, action: EventAction) -> bool {
    EventAction::parse(&e.action) == Some(action)
}

/// Whether the event is about one branch (its steps, or the branch passing), not its block.
pub(crate) fn is_branch_event(e: &EventRow) -> bool {
    is_action(e, EventAction::BranchPassed)
        || serde_json::from_str::<Value>(&e.data)
            .ok()
            .and_then(|d| event_position(&d))
            .is_some()
}

/// The block's branches as of its latest entry; empty for an ordinary step.
pub(crate) fn branches(flow: &Flow, timeline: &[EventRow], index: i32, block: &StepDef) -> Vec<BranchView> {
    let since = timeline
        .iter()
        .rposition(|e| e.step_index == Some(index) && is_action(e, EventAction::BlockEntered));
    let recent: Vec<(EventAction, Value)> = since
        .map(|i| &timeline[i..])
        .unwrap_or_default()
        .iter()
        .filter(|e| e.step_index == Some(index))
        .filter_map(|e| {
            Some((
                EventAction::parse(&e.action)?,
                serde_json::from_str(&e.data).unwrap_or(Value::Null),
            ))
        })
        .collect();
    let open_here = |pos: BranchPos| {
        flow.current_step_is(index)
            && flow
                .step_tasks(index)
                .any(|t| super::parallel::position(t) == Some(pos) && t.status.is_open())
    };
    block
        .branches
        .iter()
        .enumerate()
        .map(|(b, branch)| {
            let b = i32::try_from(b).unwrap_or(i32::MAX);
            let steps: Vec<BranchStepView> = branch
                .steps
                .iter()
                .enumerate()
                .map(|(k, step)| {
                    let pos = BranchPos {
                        branch: b,
                        step: i32::try_from(k).unwrap_or(i32::MAX),
                    };
                    let last = recent
                        .iter()
                        .rev()
                        .find(|(_, d)| event_position(d) == Some(pos))
                        .map(|(a, _)| *a);
                    let status = match last {
                        _ if open_here(pos) => StepState::Current,
                        Some(EventAction::StepPassed | EventAction::ApplicantConfirmed) => StepState::Passed,
                        Some(EventAction::StepSkipped) => StepState::Skipped,
                        _ => StepState::Waiting,
                    };
                    BranchStepView {
                        index: pos.step,
                        name: step.name.clone(),
                        status,
                    }
                })
                .collect();
            let passed = recent.iter().any(|(a, d)| {
                *a == EventAction::BranchPassed
                    && d.get("branch").and_then(Value::as_i64) == Some(i64::from(b))
            });
            let status = if steps.iter().any(|s| s.status == StepState::Current) {
                StepState::Current
            } else if passed {
                StepState::Passed
            } else {
                StepState::Waiting
            };
            BranchView {
                index: b,
                name: branch.name.clone(),
                status,
                steps,
            }
        })
        .collect()
}
