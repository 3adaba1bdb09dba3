//! One request as its participants see it: values, steps with durations, tasks, the timeline,
//! and the actions the viewer may take now.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;
use xiaoban_domain::approvals::FormSchema;
use xiaoban_domain::approvals::definition::StepMode;
use xiaoban_domain::approvals::flow::{InstanceStatus, TaskKind, TaskOrigin, TaskStatus};
use xiaoban_domain::approvals::request::{EventAction, RequestAction};
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::approvals::{EventRow, TaskRow, people, templates};

use super::input::Viewer;
use super::progress::StepState;
use super::state::Flow;
use super::visibility::{self, DecisionNeeds};
use crate::timeline::{self, TimelineEvent};
use crate::{RequestContext, ServiceError, Services};

/// A line of a request's timeline: the engine's event words and the request's states.
pub type RequestEvent = TimelineEvent<EventAction, InstanceStatus>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InstanceDetail {
    pub id: Uuid,
    pub number: String,
    pub template_id: Uuid,
    pub template_code: String,
    pub template_name: String,
    pub template_version: i32,
    pub applicant_id: Uuid,
    pub applicant_name: String,
    pub department_id: Option<Uuid>,
    pub title: String,
    pub summary: String,
    pub form: Value,
    pub form_schema: FormSchema,
    pub status: InstanceStatus,
    pub current_step: Option<i32>,
    pub current_step_name: Option<String>,
    pub cycle: i32,
    pub subject_module: Option<String>,
    pub subject_id: Option<Uuid>,
    pub submitted_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub steps: Vec<StepView>,
    pub tasks: Vec<TaskView>,
    pub timeline: Vec<RequestEvent>,
    /// Files attached by the form and by comments, in the order attached.
    pub attachments: Vec<crate::files::FileView>,
    /// What the viewer may do now: the request's state allows it and the viewer's part in it
    /// does (see `REQUEST` in the domain).
    pub actions: Vec<RequestAction>,
    /// Form fields whose values the viewer's steps hide (left out of `form` and the timeline).
    pub hidden_fields: Vec<String>,
    /// What deciding the viewer's open task asks of them, when they hold one now.
    pub my_decision: Option<DecisionNeeds>,
    /// Fields a step fills (not asked of the applicant, kept on resubmit).
    pub step_filled_fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StepView {
    pub index: i32,
    pub name: String,
    pub mode: StepMode,
    /// `current`, `passed`, `skipped` or `waiting`.
    pub status: StepState,
    pub entered_at: Option<DateTime<Utc>>,
    pub passed_at: Option<DateTime<Utc>>,
    pub duration_minutes: Option<i64>,
    /// A parallel block's branches and where each stands; empty for an ordinary step.
    pub branches: Vec<super::progress::BranchView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskView {
    pub id: Uuid,
    pub step_index: i32,
    /// "分支名 · 步骤名" for a task in a parallel block's branch.
    pub step_name: String,
    /// The branch of a parallel block and the step of that branch (both `None` otherwise).
    pub branch_index: Option<i32>,
    pub branch_step: Option<i32>,
    pub cycle: i32,
    pub assignee_id: Uuid,
    pub assignee_name: String,
    pub delegated_from: Option<Uuid>,
    pub kind: TaskKind,
    pub origin: TaskOrigin,
    pub status: TaskStatus,
    pub comment: Option<String>,
    pub decided_by_system: bool,
    pub decided_at: Option<DateTime<Utc>>,
    pub due_at: Option<DateTime<Utc>>,
    pub overdue: bool,
    pub created_at: DateTime<Utc>,
    /// The handwritten signature of the decision (an image file of the request), if signed.
    pub signature_file_id: Option<Uuid>,
}

impl Services {
    /// A request the caller takes part in (or oversees with `approval.admin`); otherwise 404.
    pub async fn get_approval(&self, ctx: &RequestContext, id: Uuid) -> Result<InstanceDetail, ServiceError> {
        let viewer = self.approval_viewer(ctx).await?;
        let mut detail = load(self.db(), id, &viewer, self.now()).await?;
        let mut unread = detail
            .tasks
            .iter_mut()
            .filter(|t| t.assignee_id == viewer.id && t.status == TaskStatus::Unread)
            .peekable();
        if unread.peek().is_none() {
            return Ok(detail);
        }
        // Opening a copy is what reading it means; like a notification's read mark it is the
        // reader's own state, so it is not audited and does not change the request's version.
        xiaoban_persistence::approvals::tasks::mark_copies_read(self.db(), id, viewer.id).await?;
        for task in unread {
            task.status = TaskStatus::Read;
        }
        Ok(detail)
    }
}

impl Services {
    /// A request's timeline as its detail shows it (same masking and step names); 404 to whoever
    /// may not see the request. Reading it alone does not mark the caller's copy read.
    pub async fn approval_timeline(
        &self,
        ctx: &RequestContext,
        id: Uuid,
    ) -> Result<Vec<RequestEvent>, ServiceError> {
        let viewer = self.approval_viewer(ctx).await?;
        Ok(load(self.db(), id, &viewer, self.now()).await?.timeline)
    }
}

pub(crate) async fn load(
    db: &impl ConnectionTrait,
    id: Uuid,
    viewer: &Viewer,
    now: DateTime<Utc>,
) -> Result<InstanceDetail, ServiceError> {
    let flow = Flow::read(db, id, now).await?;
    if !viewer.sees(&flow) {
        return Err(ServiceError::NotFound { entity: "approval" });
    }
    let template = templates::find(db, flow.inst.template_id).await?;
    let version = templates::find_version(db, flow.inst.template_version_id).await?;
    let timeline = timeline::rows(db, super::RECORD_MODULE, id).await?;
    let mut ids: Vec<Uuid> = flow.tasks.iter().map(|t| t.assignee_id).collect();
    ids.extend(timeline.iter().filter_map(|e| e.actor_id));
    ids.push(flow.inst.applicant_id);
    ids.sort();
    ids.dedup();
    let names = people::names(db, &ids).await?;
    let name = |id: &Uuid| names.get(id).cloned().unwrap_or_default();
    let inst = &flow.inst;
    let hidden = visibility::hidden_for(&flow, viewer.id);
    let signatures = visibility::signatures(&timeline);
    let mut form: Value = serde_json::from_str(&inst.form).unwrap_or(Value::Null);
    // The files of a hidden attachments field are as hidden as its value.
    let unseen = visibility::hidden_files(&form, &hidden);
    visibility::mask_values(&mut form, &hidden);
    let mut attachments = crate::files::linked_files(db, super::MODULE_CODE, id).await?;
    attachments.retain(|f| !signatures.values().any(|s| *s == f.id) && !unseen.contains(&f.id));
    Ok(InstanceDetail {
        id,
        number: inst.number.clone(),
        template_id: inst.template_id,
        template_code: template.as_ref().map(|t| t.code.clone()).unwrap_or_default(),
        template_name: template.as_ref().map(|t| t.name.clone()).unwrap_or_default(),
        template_version: version.map(|v| v.number).unwrap_or(1),
        applicant_id: inst.applicant_id,
        applicant_name: name(&inst.applicant_id),
        department_id: inst.department_id,
        title: inst.title.clone(),
        summary: inst.summary.clone(),
        form,
        form_schema: flow.def.form.clone(),
        status: inst.status,
        current_step: inst.current_step,
        current_step_name: inst.current_step.map(|s| flow.step_name(s)),
        cycle: inst.cycle,
        subject_module: inst.subject_module.clone(),
        subject_id: inst.subject_id,
        submitted_at: inst.submitted_at,
        finished_at: inst.finished_at,
        version: inst.version,
        steps: steps(&flow, &timeline),
        tasks: flow
            .tasks
            .iter()
            .map(|t| TaskView {
                signature_file_id: signatures.get(&t.id).copied(),
                ..task_view(&flow, t, &name, now)
            })
            .collect(),
        timeline: timeline
            .iter()
            .map(|e| {
                let mut event: RequestEvent = timeline::view(e, &names)?;
                let pos = super::progress::event_position(&event.data);
                event.step_name = e.step_index.map(|s| super::parallel::name_at(&flow, s, pos));
                event.data = visibility::masked_data(event.data, &hidden);
                Ok(event)
            })
            .collect::<Result<_, ServiceError>>()?,
        actions: super::offers::actions(&flow, viewer, &timeline),
        attachments,
        my_decision: visibility::decision_needs(&flow, viewer.id),
        hidden_fields: hidden.into_iter().collect(),
        step_filled_fields: flow
            .def
            .filled_at_steps()
            .into_iter()
            .map(str::to_owned)
            .collect(),
    })
}

pub(crate) fn task_view(
    flow: &Flow,
    t: &TaskRow,
    name: &impl Fn(&Uuid) -> String,
    now: DateTime<Utc>,
) -> TaskView {
    let open = t.status.is_open();
    TaskView {
        id: t.id,
        step_index: t.step_index,
        step_name: super::parallel::task_step_name(flow, t),
        branch_index: t.branch_index,
        branch_step: t.branch_step,
        cycle: t.cycle,
        assignee_id: t.assignee_id,
        assignee_name: name(&t.assignee_id),
        delegated_from: t.delegated_from,
        kind: t.kind,
        origin: t.origin,
        status: t.status,
        comment: t.comment.clone(),
        decided_by_system: t.decided_by_system,
        decided_at: t.decided_at,
        due_at: t.due_at,
        overdue: t.overdue_at.is_some() || (open && t.due_at.is_some_and(|d| d <= now)),
        created_at: t.created_at,
        signature_file_id: None,
    }
}

/// Each step's state, and when it was last entered and passed.
fn steps(flow: &Flow, timeline: &[EventRow]) -> Vec<StepView> {
    let mut entered: BTreeMap<i32, DateTime<Utc>> = BTreeMap::new();
    // How each step last moved, and when; entering it leaves it waiting unless it is current.
    let mut last: BTreeMap<i32, (StepState, DateTime<Utc>)> = BTreeMap::new();
    for e in timeline {
        let Some(step) = e.step_index else { continue };
        // A branch step's events are the branch's progress, not the block's.
        if super::progress::is_branch_event(e) {
            continue;
        }
        match EventAction::parse(&e.action) {
            Some(EventAction::StepEntered | EventAction::StepReopened | EventAction::BlockEntered) => {
                entered.entry(step).or_insert(e.at);
                last.insert(step, (StepState::Waiting, e.at));
            }
            Some(EventAction::StepPassed) => {
                last.insert(step, (StepState::Passed, e.at));
            }
            Some(EventAction::StepSkipped) => {
                last.insert(step, (StepState::Skipped, e.at));
            }
            _ => {}
        }
    }
    flow.def
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let index = i32::try_from(i).unwrap_or(i32::MAX);
            let passed_at = last
                .get(&index)
                .filter(|(k, _)| *k == StepState::Passed)
                .map(|(_, at)| *at);
            let status = if flow.inst.current_step == Some(index) {
                StepState::Current
            } else {
                last.get(&index).map_or(StepState::Waiting, |(state, _)| *state)
            };
            let entered_at = entered.get(&index).copied();
            StepView {
                index,
                name: s.name.clone(),
                mode: s.effective_mode(),
                status,
                entered_at,
                passed_at,
                duration_minutes: entered_at.zip(passed_at).map(|(a, b)| (b - a).num_minutes()),
                branches: super::progress::branches(flow, timeline, index, s),
            }
        })
        .collect()
}
