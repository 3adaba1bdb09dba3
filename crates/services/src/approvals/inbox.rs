//! The approvals centre's lists: 待办, 已办, 我发起的, 抄送我的, with counts.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use xiaoban_domain::approvals::flow::{InstanceStatus, TaskStatus};
use xiaoban_domain::paging::{Page, PageRequest};
use xiaoban_persistence::approvals::inbox::{self, InboxFilter, PerRequest};
use xiaoban_persistence::approvals::{InstanceRow, TaskRow, instances, people, templates};

use crate::{RequestContext, ServiceError, Services};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Box {
    Pending,
    Done,
    Started,
    Cc,
}

const PENDING: &[TaskStatus] = &[TaskStatus::Pending, TaskStatus::Waiting];
const DONE: &[TaskStatus] = &[
    TaskStatus::Approved,
    TaskStatus::Rejected,
    TaskStatus::Returned,
    TaskStatus::Transferred,
];
const CC: &[TaskStatus] = &[TaskStatus::Unread, TaskStatus::Read];
const LIVE: &[InstanceStatus] = &[InstanceStatus::Running, InstanceStatus::Returned];

#[derive(Debug, Clone, Default)]
pub struct InboxQuery {
    pub q: Option<String>,
    pub template_id: Option<Uuid>,
    pub status: Option<InstanceStatus>,
}

/// The inbox lists' sortable names and default orders: 待办, 已办 and 抄送 (tasks), 我发起的.
pub static OPEN_TASK_LIST: &dyn xiaoban_domain::paging::ListKeys = &inbox::OPEN_TASKS;
pub static DECIDED_TASK_LIST: &dyn xiaoban_domain::paging::ListKeys = &inbox::DECIDED_TASKS;
pub static STARTED_LIST: &dyn xiaoban_domain::paging::ListKeys = &inbox::STARTED;

/// One line of a list: a task (pending, done, cc) or a request (started).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InboxItem {
    pub instance_id: Uuid,
    pub number: String,
    pub title: String,
    pub summary: String,
    pub template_name: String,
    pub applicant_name: String,
    pub instance_status: InstanceStatus,
    pub current_step_name: Option<String>,
    pub task_id: Option<Uuid>,
    pub task_status: Option<TaskStatus>,
    pub step_name: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub overdue: bool,
    pub submitted_at: DateTime<Utc>,
    /// When the task arrived (or the request was submitted, for `started`).
    pub received_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InboxCounts {
    pub pending: u64,
    pub done: u64,
    /// My requests still running or back with me.
    pub started: u64,
    pub cc_unread: u64,
}

impl Services {
    pub async fn approval_inbox(
        &self,
        ctx: &RequestContext,
        which: Box,
        query: InboxQuery,
        page: &PageRequest,
    ) -> Result<Page<InboxItem>, ServiceError> {
        let me = self.approval_viewer(ctx).await?.id;
        let filter = InboxFilter {
            q: query.q,
            template_id: query.template_id,
            status: query.status,
        };
        let db = self.db();
        if which == Box::Started {
            let rows = inbox::started_page(db, me, &filter, page).await?;
            let lookup = Lookup::load(self, &rows.items).await?;
            return Ok(rows.map(|inst| lookup.item(&inst, None, self.now())));
        }
        let (statuses, per_request) = match which {
            Box::Pending => (PENDING, PerRequest::Every),
            Box::Done => (DONE, PerRequest::Latest),
            _ => (CC, PerRequest::Every),
        };
        let rows = inbox::tasks_page(db, me, statuses, per_request, &filter, page).await?;
        let ids: Vec<Uuid> = rows.items.iter().map(|t| t.instance_id).collect();
        let insts = instances::find_many(db, &ids).await?;
        let lookup = Lookup::load(self, &insts).await?;
        let by_id: BTreeMap<Uuid, InstanceRow> = insts.into_iter().map(|i| (i.id, i)).collect();
        let now = self.now();
        Ok(rows.map(|task| match by_id.get(&task.instance_id) {
            Some(inst) => lookup.item(inst, Some(&task), now),
            None => lookup.orphan(&task),
        }))
    }

    pub async fn approval_counts(&self, ctx: &RequestContext) -> Result<InboxCounts, ServiceError> {
        let me = self.approval_viewer(ctx).await?.id;
        let db = self.db();
        Ok(InboxCounts {
            pending: inbox::count_tasks(db, me, PENDING, PerRequest::Every).await?,
            done: inbox::count_tasks(db, me, DONE, PerRequest::Latest).await?,
            started: inbox::count_started(db, me, LIVE).await?,
            cc_unread: inbox::count_tasks(db, me, &[TaskStatus::Unread], PerRequest::Every).await?,
        })
    }
}

/// Names of templates, applicants and steps for a page of rows.
pub(super) struct Lookup {
    templates: BTreeMap<Uuid, String>,
    steps: BTreeMap<Uuid, Vec<xiaoban_domain::approvals::definition::StepDef>>,
    names: BTreeMap<Uuid, String>,
}

impl Lookup {
    pub(super) async fn load(services: &Services, insts: &[InstanceRow]) -> Result<Self, ServiceError> {
        let db = services.db();
        let mut templates_by_id = BTreeMap::new();
        let mut steps = BTreeMap::new();
        for inst in insts {
            if !templates_by_id.contains_key(&inst.template_id)
                && let Some(t) = templates::find(db, inst.template_id).await?
            {
                templates_by_id.insert(t.id, t.name);
            }
            if !steps.contains_key(&inst.template_version_id)
                && let Some(v) = templates::find_version(db, inst.template_version_id).await?
            {
                let def: xiaoban_domain::approvals::definition::Definition =
                    serde_json::from_str(&v.definition).map_err(|e| ServiceError::Internal(e.to_string()))?;
                steps.insert(v.id, def.steps);
            }
        }
        let applicants: Vec<Uuid> = insts.iter().map(|i| i.applicant_id).collect();
        let names = people::names(db, &applicants).await?;
        Ok(Self {
            templates: templates_by_id,
            steps,
            names,
        })
    }

    pub(super) fn template_name(&self, inst: &InstanceRow) -> String {
        self.templates.get(&inst.template_id).cloned().unwrap_or_default()
    }

    pub(super) fn applicant_name(&self, inst: &InstanceRow) -> String {
        self.names.get(&inst.applicant_id).cloned().unwrap_or_default()
    }

    pub(super) fn step_name(&self, inst: &InstanceRow, step: Option<i32>) -> Option<String> {
        let index = usize::try_from(step?).ok()?;
        self.steps
            .get(&inst.template_version_id)?
            .get(index)
            .map(|s| s.name.clone())
    }

    /// A task's step name: "分支名 · 步骤名" for a task in a parallel block's branch.
    fn task_step_name(&self, inst: &InstanceRow, task: &TaskRow) -> Option<String> {
        let index = usize::try_from(task.step_index).ok()?;
        let step = self.steps.get(&inst.template_version_id)?.get(index)?;
        match super::parallel::position(task) {
            Some(pos) => step.branch_step_name(pos),
            None => Some(step.name.clone()),
        }
    }

    fn item(&self, inst: &InstanceRow, task: Option<&TaskRow>, now: DateTime<Utc>) -> InboxItem {
        let open = task.is_some_and(|t| t.status.is_open());
        InboxItem {
            instance_id: inst.id,
            number: inst.number.clone(),
            title: inst.title.clone(),
            summary: inst.summary.clone(),
            template_name: self.template_name(inst),
            applicant_name: self.applicant_name(inst),
            instance_status: inst.status,
            current_step_name: self.step_name(inst, inst.current_step),
            task_id: task.map(|t| t.id),
            task_status: task.map(|t| t.status),
            step_name: task.and_then(|t| self.task_step_name(inst, t)),
            due_at: task.and_then(|t| t.due_at),
            overdue: task
                .is_some_and(|t| t.overdue_at.is_some() || (open && t.due_at.is_some_and(|d| d <= now))),
            submitted_at: inst.submitted_at,
            received_at: task.map_or(inst.submitted_at, |t| t.created_at),
            decided_at: task.and_then(|t| t.decided_at),
        }
    }

    fn orphan(&self, task: &TaskRow) -> InboxItem {
        InboxItem {
            instance_id: task.instance_id,
            number: String::new(),
            title: String::new(),
            summary: String::new(),
            template_name: String::new(),
            applicant_name: String::new(),
            // The request no longer exists: it reads as ended.
            instance_status: InstanceStatus::Cancelled,
            current_step_name: None,
            task_id: Some(task.id),
            task_status: Some(task.status),
            step_name: None,
            due_at: task.due_at,
            overdue: false,
            submitted_at: task.created_at,
            received_at: task.created_at,
            decided_at: task.decided_at,
        }
    }
}
