//! One request loaded for a change: its row, its definition and its tasks. Actions change this in
//! memory; `save` writes it back in the transaction, refusing if anyone changed it meanwhile.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde_json::Value;
use uuid::Uuid;
use xiaoban_domain::WorkingCalendar;
use xiaoban_domain::approvals::condition::applicant::ApplicantFacts;
use xiaoban_domain::approvals::definition::{CopyMoment, Definition, StepDef};
use xiaoban_domain::approvals::flow::{InstanceStatus, TaskKind, TaskOrigin, TaskStatus};
use xiaoban_domain::approvals::request::EventAction;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::approvals::{InstanceRow, TaskRow, instances, tasks, templates};

use super::hooks::{Transition, transitions};
use crate::ServiceError;
use crate::notifications::{self, Notice};
use crate::timeline::{self, Event};

pub(crate) struct Flow {
    pub inst: InstanceRow,
    loaded_version: Option<i32>,
    pub def: Definition,
    pub tasks: Vec<TaskRow>,
    /// Changed tasks with the status they had when loaded.
    changed: BTreeMap<Uuid, TaskStatus>,
    created: Vec<Uuid>,
    events: Vec<Event>,
    /// A status change not yet written on an event: `(from, to)`, `from` `None` for a new request.
    status_change: Option<(Option<String>, String)>,
    pub notices: Vec<Notice>,
    pub now: DateTime<Utc>,
    pub calendar: WorkingCalendar,
    /// Set when this change ended the request, for the subject module's hook.
    pub finished: Option<InstanceStatus>,
    /// Branches of the current parallel block already moved on by this change (a branch is
    /// walked to its next step once, however often the block is settled).
    pub advanced_branches: Vec<i32>,
    /// The applicant's department, roles and position, for conditions on the applicant.
    pub applicant: ApplicantFacts,
}

pub(crate) fn conflict(zh: &str, en: &str) -> ServiceError {
    ServiceError::Conflict {
        zh: zh.to_owned(),
        en: en.to_owned(),
    }
}

impl Flow {
    pub fn new(inst: InstanceRow, def: Definition, now: DateTime<Utc>, calendar: WorkingCalendar) -> Self {
        let inst_status = inst.status.as_str().to_owned();
        Self {
            inst,
            loaded_version: None,
            def,
            tasks: Vec::new(),
            changed: BTreeMap::new(),
            created: Vec::new(),
            events: Vec::new(),
            // Only a request being started is built here (a loaded one clears this): its first
            // event is the one that gave it its status.
            status_change: Some((None, inst_status)),
            notices: Vec::new(),
            now,
            calendar,
            finished: None,
            advanced_branches: Vec::new(),
            applicant: ApplicantFacts::default(),
        }
    }

    pub async fn load(
        db: &impl ConnectionTrait,
        id: Uuid,
        now: DateTime<Utc>,
        calendar: WorkingCalendar,
    ) -> Result<Self, ServiceError> {
        let inst = instances::find(db, id)
            .await?
            .ok_or(ServiceError::NotFound { entity: "approval" })?;
        let version = templates::find_version(db, inst.template_version_id)
            .await?
            .ok_or_else(|| ServiceError::Internal(format!("template version of {id} missing")))?;
        let def: Definition =
            serde_json::from_str(&version.definition).map_err(|e| ServiceError::Internal(e.to_string()))?;
        let mut flow = Self::new(inst, def, now, calendar);
        flow.loaded_version = Some(flow.inst.version);
        flow.status_change = None;
        flow.tasks = tasks::of_instance(db, id).await?;
        flow.applicant = super::applicant::facts(db, flow.inst.applicant_id, flow.inst.department_id).await?;
        Ok(flow)
    }

    /// For reading only: no deadline is computed, so the calendar is a plain one.
    pub async fn read(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> Result<Self, ServiceError> {
        let calendar = WorkingCalendar::new(chrono_tz::UTC, xiaoban_domain::SchoolHours::default(), []);
        Self::load(db, id, now, calendar).await
    }

    pub fn status(&self) -> InstanceStatus {
        self.inst.status
    }

    /// A status change is written on the timeline event recorded with it: the next event, or the
    /// change's last one when the event came first (a return records its event, then sends the
    /// request back).
    pub fn set_status(&mut self, status: InstanceStatus) {
        if status == self.inst.status {
            return;
        }
        let from = match self.status_change.take() {
            Some((from, _)) => from,
            None => Some(self.inst.status.as_str().to_owned()),
        };
        self.status_change = Some((from, status.as_str().to_owned()));
        self.inst.status = status;
    }

    pub fn step(&self, index: i32) -> Option<&StepDef> {
        usize::try_from(index).ok().and_then(|i| self.def.steps.get(i))
    }

    pub fn current_step_is(&self, index: i32) -> bool {
        self.inst.current_step == Some(index)
    }

    /// A step's name; a template-level copy's pseudo step is named after its moment.
    pub fn step_name(&self, index: i32) -> String {
        if let Some(moment) = CopyMoment::from_step_index(index) {
            return moment.label().to_owned();
        }
        self.step(index).map(|s| s.name.clone()).unwrap_or_default()
    }

    pub fn form(&self) -> serde_json::Map<String, Value> {
        serde_json::from_str(&self.inst.form).unwrap_or_default()
    }

    /// What step conditions read: the form's values and the applicant variables.
    pub fn condition_values(&self) -> serde_json::Map<String, Value> {
        self.applicant.add_to(&self.form())
    }

    /// Whether a step's (or branch step's) condition holds for this request.
    pub fn applies(&self, step: &StepDef) -> bool {
        step.condition
            .as_ref()
            .is_none_or(|c| c.evaluate(&self.condition_values()))
    }

    pub fn task(&self, id: Uuid) -> Option<&TaskRow> {
        self.tasks.iter().find(|t| t.id == id)
    }

    /// Changes a task's status (and decision fields), remembering what it was for the guard.
    pub fn set_task(&mut self, id: Uuid, status: TaskStatus, comment: Option<String>) {
        let now = self.now;
        let Some(task) = self.tasks.iter_mut().find(|t| t.id == id) else {
            return;
        };
        if !self.created.contains(&id) {
            self.changed.entry(id).or_insert(task.status);
        }
        task.status = status;
        match status {
            TaskStatus::Pending | TaskStatus::Waiting | TaskStatus::Queued | TaskStatus::Unread => {
                task.decided_at = None;
                task.decided_by_system = false;
            }
            _ => task.decided_at = Some(now),
        }
        if comment.is_some() {
            task.comment = comment;
        }
    }

    pub fn add_task(
        &mut self,
        step: i32,
        assignee: Uuid,
        origin: TaskOrigin,
        due_at: Option<DateTime<Utc>>,
    ) -> Uuid {
        let id = Uuid::now_v7();
        let (kind, status) = if origin == TaskOrigin::Cc {
            (TaskKind::Cc, TaskStatus::Unread)
        } else {
            (TaskKind::Approve, TaskStatus::Pending)
        };
        self.tasks.push(TaskRow {
            id,
            instance_id: self.inst.id,
            step_index: step,
            cycle: self.inst.cycle,
            assignee_id: assignee,
            delegated_from: None,
            kind,
            origin,
            blocks_task_id: None,
            status,
            comment: None,
            decided_by_system: false,
            decided_at: None,
            due_at,
            reminded_at: None,
            overdue_at: None,
            created_at: self.now,
            branch_index: None,
            branch_step: None,
        });
        self.created.push(id);
        id
    }

    /// Whether this change created or changed the task.
    pub fn touched(&self, id: Uuid) -> bool {
        self.created.contains(&id) || self.changed.contains_key(&id)
    }

    pub fn task_mut(&mut self, id: Uuid) -> Option<&mut TaskRow> {
        if !self.created.contains(&id)
            && let Some(task) = self.tasks.iter().find(|t| t.id == id)
        {
            self.changed.entry(id).or_insert(task.status);
        }
        self.tasks.iter_mut().find(|t| t.id == id)
    }

    /// Live decision tasks of a step in the current round.
    pub fn step_tasks(&self, step: i32) -> impl Iterator<Item = &TaskRow> {
        let cycle = self.inst.cycle;
        self.tasks
            .iter()
            .filter(move |t| t.step_index == step && t.cycle == cycle && t.is_decision())
    }

    pub fn event(
        &mut self,
        actor: Option<Uuid>,
        action: EventAction,
        step: Option<i32>,
        task: Option<Uuid>,
        comment: Option<String>,
        mut data: Value,
    ) {
        // An event about a task in a branch of a parallel block says which branch step it is
        // (the timeline names it "分支名 · 步骤名").
        if let Some(task) = task.and_then(|id| self.task(id))
            && let (Some(branch), Some(step)) = (task.branch_index, task.branch_step)
            && let Some(fields) = data.as_object_mut()
            && !fields.contains_key("branch")
        {
            fields.insert("branch".to_owned(), branch.into());
            fields.insert("branchStep".to_owned(), step.into());
        }
        let mut event = Event::new(self.now, actor, action.as_str());
        if let Some((from, to)) = self.status_change.take() {
            event.from_status = from;
            event.to_status = Some(to);
        }
        event.step_index = step;
        event.task_id = task;
        event.comment = comment;
        event.data = data;
        self.events.push(event);
    }

    /// A person's 待审批 (and reminder) notices about this request are done once they hold no
    /// open task in it any more, whoever handled the task. Notices still in the outbox are
    /// delivered unread (the outbox is not searched).
    async fn settle_task_notices(&self, tx: &impl ConnectionTrait) -> Result<(), ServiceError> {
        let open = |t: &TaskRow| t.status.is_open();
        let mut done: Vec<Uuid> = Vec::new();
        for task in &self.tasks {
            let was_open = self.changed.get(&task.id).is_some_and(|s| s.is_open());
            if was_open && !open(task) && !done.contains(&task.assignee_id) {
                done.push(task.assignee_id);
            }
        }
        done.retain(|p| !self.tasks.iter().any(|t| t.assignee_id == *p && open(t)));
        for person in done {
            xiaoban_persistence::notifications::mark_subject_read(
                tx,
                person,
                (super::MODULE_CODE, self.inst.id),
                &["task_assigned", "urged", "deadline_approaching", "overdue"],
                self.now,
            )
            .await?;
        }
        Ok(())
    }

    /// Writes everything back and returns the transitions this change made, for the subject
    /// module's hook. A task changed by someone else since loading, or a request at
    /// another version, refuses the whole change (409) and the transaction rolls back.
    pub async fn save(
        mut self,
        tx: &impl ConnectionTrait,
    ) -> Result<(InstanceRow, Vec<(Transition, Option<String>)>), ServiceError> {
        if let Some(status) = self.finished {
            super::copies::copy_at_end(tx, &mut self, status).await?;
        }
        self.inst.updated_at = self.now;
        if let Some((from, to)) = self.status_change.take()
            && let Some(last) = self.events.last_mut()
        {
            last.from_status = from;
            last.to_status = Some(to);
        }
        let transitions = transitions(&self.events)
            .into_iter()
            .map(|t| {
                let step = match t {
                    Transition::StepEntered { step } | Transition::StepPassed { step } => Some(step),
                    _ => None,
                };
                (t, step.map(|s| self.step_name(s)))
            })
            .collect();
        match self.loaded_version {
            Some(expected) => instances::update_guarded(tx, self.inst.clone(), expected).await?,
            None => instances::insert(tx, self.inst.clone()).await?,
        }
        for task in &self.tasks {
            if self.created.contains(&task.id) {
                tasks::insert(tx, task.clone()).await?;
            } else if let Some(before) = self.changed.get(&task.id)
                && !tasks::update_if_status(tx, task.clone(), *before).await?
            {
                return Err(conflict(
                    "该待办已由他人处理，请刷新",
                    "This task was handled by someone else; reload",
                ));
            }
        }
        self.settle_task_notices(tx).await?;
        for event in self.events.drain(..) {
            timeline::append(tx, super::RECORD_MODULE, self.inst.id, event).await?;
        }
        for notice in self.notices.drain(..) {
            notifications::enqueue(tx, self.now, notice).await?;
        }
        if self.loaded_version.is_some() {
            self.inst.version += 1;
        }
        Ok((self.inst, transitions))
    }
}

/// The caller's open task in the current step, or 409 when there is none (someone else decided,
/// or the request moved on).
pub(crate) fn my_open_task(flow: &Flow, me: Uuid) -> Result<TaskRow, ServiceError> {
    if flow.status() != InstanceStatus::Running {
        return Err(conflict(
            "该申请不在审批中",
            "The request is not awaiting a decision",
        ));
    }
    let step = flow.inst.current_step.unwrap_or(-1);
    let mine: Vec<&TaskRow> = flow.step_tasks(step).filter(|t| t.assignee_id == me).collect();
    if let Some(task) = mine.iter().find(|t| t.has_status(TaskStatus::Pending)) {
        return Ok((*task).clone());
    }
    if mine.iter().any(|t| t.has_status(TaskStatus::Waiting)) {
        return Err(conflict(
            "请等待您加签的人员先审批",
            "Wait for the signer you added before you",
        ));
    }
    Err(conflict(
        "没有需要您处理的待办，可能已由他人处理",
        "You have no open task here; someone else may have decided",
    ))
}

/// A task row read through the domain's enums, so the engine never compares stored text.
pub(crate) trait TaskState {
    fn is_decision(&self) -> bool;
    fn is_copy(&self) -> bool;
    fn has_status(&self, status: TaskStatus) -> bool;
    /// Approved by its assignee in person (not by the system on a timeout).
    fn approved_in_person(&self) -> bool;
}

impl TaskState for TaskRow {
    fn is_decision(&self) -> bool {
        self.kind == TaskKind::Approve
    }

    fn is_copy(&self) -> bool {
        self.kind == TaskKind::Cc
    }

    fn has_status(&self, status: TaskStatus) -> bool {
        self.status == status
    }

    fn approved_in_person(&self) -> bool {
        self.has_status(TaskStatus::Approved) && !self.decided_by_system
    }
}
