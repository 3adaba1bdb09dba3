//! One request as its participants see it: values, steps with durations, tasks, the timeline,
//! and the actions the viewer may take now.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;
use xiaoban_domain::approvals::FormSchema;
use xiaoban_domain::approvals::flow::TaskStatus;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::approvals::{EventRow, TaskRow, events, people, templates};

use super::act::Viewer;
use super::state::Flow;
use crate::{RequestContext, ServiceError, Services};

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
    pub status: String,
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
    pub timeline: Vec<EventView>,
    /// Files attached by the form and by comments, in the order attached.
    pub attachments: Vec<crate::files::FileView>,
    /// What the viewer may do now: `approve`, `reject`, `return`, `transfer`, `add-signer`,
    /// `recall`, `resubmit`, `withdraw`, `urge`, `cancel`, `comment`.
    pub actions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StepView {
    pub index: i32,
    pub name: String,
    pub mode: String,
    /// `current`, `passed`, `skipped` or `waiting`.
    pub status: String,
    pub entered_at: Option<DateTime<Utc>>,
    pub passed_at: Option<DateTime<Utc>>,
    pub duration_minutes: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskView {
    pub id: Uuid,
    pub step_index: i32,
    pub step_name: String,
    pub cycle: i32,
    pub assignee_id: Uuid,
    pub assignee_name: String,
    pub delegated_from: Option<Uuid>,
    pub kind: String,
    pub origin: String,
    pub status: String,
    pub comment: Option<String>,
    pub decided_by_system: bool,
    pub decided_at: Option<DateTime<Utc>>,
    pub due_at: Option<DateTime<Utc>>,
    pub overdue: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventView {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    /// `None` for the system (routing, skips, timeouts).
    pub actor_name: Option<String>,
    pub action: String,
    pub step_index: Option<i32>,
    pub step_name: Option<String>,
    pub comment: Option<String>,
    pub data: Value,
}

impl Services {
    /// A request the caller takes part in (or oversees with `approval.admin`); otherwise 404.
    pub async fn get_approval(&self, ctx: &RequestContext, id: Uuid) -> Result<InstanceDetail, ServiceError> {
        let viewer = self.approval_viewer(ctx).await?;
        let mut detail = load(self.db(), id, &viewer, self.now()).await?;
        let mut unread = detail
            .tasks
            .iter_mut()
            .filter(|t| t.assignee_id == viewer.id && t.status == "unread")
            .peekable();
        if unread.peek().is_none() {
            return Ok(detail);
        }
        // Opening a copy is what reading it means; like a notification's read mark it is the
        // reader's own state, so it is not audited and does not change the request's version.
        xiaoban_persistence::approvals::tasks::mark_copies_read(self.db(), id, viewer.id).await?;
        for task in unread {
            task.status = "read".to_owned();
        }
        Ok(detail)
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
    let timeline = events::of_instance(db, id).await?;
    let mut ids: Vec<Uuid> = flow.tasks.iter().map(|t| t.assignee_id).collect();
    ids.extend(timeline.iter().filter_map(|e| e.actor_id));
    ids.push(flow.inst.applicant_id);
    ids.sort();
    ids.dedup();
    let names = people::names(db, &ids).await?;
    let name = |id: &Uuid| names.get(id).cloned().unwrap_or_default();
    let inst = &flow.inst;
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
        form: serde_json::from_str(&inst.form).unwrap_or(Value::Null),
        form_schema: flow.def.form.clone(),
        status: inst.status.clone(),
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
            .map(|t| task_view(&flow, t, &name, now))
            .collect(),
        timeline: timeline
            .iter()
            .map(|e| EventView {
                id: e.id,
                at: e.at,
                actor_id: e.actor_id,
                actor_name: e.actor_id.map(|a| name(&a)),
                action: e.action.clone(),
                step_index: e.step_index,
                step_name: e.step_index.map(|s| flow.step_name(s)),
                comment: e.comment.clone(),
                data: serde_json::from_str(&e.data).unwrap_or(Value::Null),
            })
            .collect(),
        actions: super::remove_signer::offer(super::offers::actions(&flow, viewer), &flow, viewer, &timeline),
        attachments: crate::files::linked_files(db, "approval", id).await?,
    })
}

pub(crate) fn task_view(
    flow: &Flow,
    t: &TaskRow,
    name: &impl Fn(&Uuid) -> String,
    now: DateTime<Utc>,
) -> TaskView {
    let open = TaskStatus::parse(&t.status).is_some_and(TaskStatus::is_open);
    TaskView {
        id: t.id,
        step_index: t.step_index,
        step_name: flow.step_name(t.step_index),
        cycle: t.cycle,
        assignee_id: t.assignee_id,
        assignee_name: name(&t.assignee_id),
        delegated_from: t.delegated_from,
        kind: t.kind.clone(),
        origin: t.origin.clone(),
        status: t.status.clone(),
        comment: t.comment.clone(),
        decided_by_system: t.decided_by_system,
        decided_at: t.decided_at,
        due_at: t.due_at,
        overdue: t.overdue_at.is_some() || (open && t.due_at.is_some_and(|d| d <= now)),
        created_at: t.created_at,
    }
}

/// Each step's state, and when it was last entered and passed.
fn steps(flow: &Flow, timeline: &[EventRow]) -> Vec<StepView> {
    let mut entered: BTreeMap<i32, DateTime<Utc>> = BTreeMap::new();
    let mut last: BTreeMap<i32, (&str, DateTime<Utc>)> = BTreeMap::new();
    for e in timeline {
        let Some(step) = e.step_index else { continue };
        match e.action.as_str() {
            "step_entered" | "step_reopened" => {
                entered.entry(step).or_insert(e.at);
                last.insert(step, ("entered", e.at));
            }
            "step_passed" => {
                last.insert(step, ("passed", e.at));
            }
            "step_skipped" => {
                last.insert(step, ("skipped", e.at));
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
                .filter(|(k, _)| *k == "passed")
                .map(|(_, at)| *at);
            let status = if flow.inst.current_step == Some(index) {
                "current"
            } else {
                match last.get(&index) {
                    Some(("passed", _)) => "passed",
                    Some(("skipped", _)) => "skipped",
                    _ => "waiting",
                }
            };
            let entered_at = entered.get(&index).copied();
            StepView {
                index,
                name: s.name.clone(),
                mode: serde_json::to_value(s.mode)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                status: status.to_owned(),
                entered_at,
                passed_at,
                duration_minutes: entered_at.zip(passed_at).map(|(a, b)| (b - a).num_minutes()),
            }
        })
        .collect()
}
