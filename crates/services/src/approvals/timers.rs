//! The approvals clock: reminders before a deadline, then the step's timeout action once it
//! passes. Run every minute by the server; tests call it with an injected clock.

use std::collections::BTreeSet;

use chrono::Duration;
use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::approvals::definition::{ApproverRule, TimeoutAction};
use xiaoban_domain::approvals::flow::{TaskOrigin, TaskStatus};
use xiaoban_domain::approvals::request::EventAction;
use xiaoban_persistence::approvals::tasks;
use xiaoban_persistence::{PersistenceError, begin_write};

use super::decide::decide;
use super::engine::{assign, notify};
use super::resolve::resolve;
use super::state::Flow;
use super::state::TaskState;
use crate::audit::{self, Change};
use crate::notifications::NoticeKind;
use crate::{RequestContext, ServiceError, Services};

/// How long before a deadline the approver is reminded.
const REMIND_BEFORE_HOURS: i64 = 2;
const BATCH: u64 = 200;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimerReport {
    pub reminded: usize,
    pub overdue: usize,
    pub escalated: usize,
    pub auto_approved: usize,
    pub auto_rejected: usize,
}

impl Services {
    /// Applies reminders and timeout actions that are due now. Each request is handled in its
    /// own transaction; one that someone is changing at the same moment waits for the next run.
    pub async fn run_approval_timers(&self) -> Result<TimerReport, ServiceError> {
        let now = self.now();
        let due =
            tasks::needing_timer(self.db(), now, now + Duration::hours(REMIND_BEFORE_HOURS), BATCH).await?;
        let instances: BTreeSet<Uuid> = due.iter().map(|t| t.instance_id).collect();
        let mut report = TimerReport::default();
        let calendar = self.working_calendar().await?;
        for id in instances {
            match self.run_timers_of(id, calendar.clone(), &mut report).await {
                Ok(()) | Err(ServiceError::VersionConflict { .. }) | Err(ServiceError::Conflict { .. }) => {}
                Err(err) => tracing::warn!(%err, instance = %id, "approval timers failed for a request"),
            }
        }
        Ok(report)
    }

    async fn run_timers_of(
        &self,
        id: Uuid,
        calendar: xiaoban_domain::WorkingCalendar,
        report: &mut TimerReport,
    ) -> Result<(), ServiceError> {
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let mut flow = Flow::load(&tx, id, now, calendar).await?;
        let open: Vec<_> = flow
            .tasks
            .iter()
            .filter(|t| t.status.is_open() && t.due_at.is_some())
            .cloned()
            .collect();
        let mut local = TimerReport::default();
        for task in open {
            let Some(due) = task.due_at else { continue };
            if due > now {
                if task.reminded_at.is_none() {
                    if let Some(t) = flow.task_mut(task.id) {
                        t.reminded_at = Some(now);
                    }
                    let title = format!("即将超时：{}", flow.inst.title);
                    notify(
                        &mut flow,
                        NoticeKind::DeadlineApproaching,
                        vec![task.assignee_id],
                        title,
                        format!(
                            "请于 {} 前处理",
                            due.with_timezone(&self.settings().timezone).format("%m-%d %H:%M")
                        ),
                    );
                    local.reminded += 1;
                }
                continue;
            }
            if task.overdue_at.is_some() || flow.task(task.id).is_none_or(|t| !t.status.is_open()) {
                continue;
            }
            if let Some(t) = flow.task_mut(task.id) {
                t.overdue_at = Some(now);
                t.reminded_at.get_or_insert(now);
            }
            local.overdue += 1;
            let title = format!("已超时：{}", flow.inst.title);
            let step_name = super::parallel::task_step_name(&flow, &task);
            notify(
                &mut flow,
                NoticeKind::Overdue,
                vec![task.assignee_id],
                title,
                step_name,
            );
            flow.event(
                None,
                EventAction::Overdue,
                Some(task.step_index),
                Some(task.id),
                None,
                json!({ "assignee": task.assignee_id }),
            );
            let action = super::parallel::task_step(&flow, &task)
                .map(|s| s.timeout.clone())
                .unwrap_or_default();
            match action {
                TimeoutAction::Remind => {}
                TimeoutAction::Escalate { role } => {
                    let holders = resolve(
                        &tx,
                        &flow,
                        task.step_index,
                        &ApproverRule::Role { role: role.clone() },
                    )
                    .await?;
                    let busy: Vec<Uuid> = flow
                        .step_tasks(task.step_index)
                        .filter(|t| t.status.is_open())
                        .map(|t| t.assignee_id)
                        .collect();
                    // The escalated tasks get a deadline of their own, as long as the step's.
                    let due = super::parallel::task_step(&flow, &task)
                        .and_then(|s| s.deadline_hours)
                        .map(|h| flow.calendar.add_working_hours(now, h));
                    let applicant = flow.inst.applicant_id;
                    for holder in holders
                        .into_iter()
                        .filter(|h| !busy.contains(h) && *h != applicant)
                    {
                        let id = assign(
                            &tx,
                            &mut flow,
                            task.step_index,
                            holder,
                            TaskOrigin::Escalation,
                            due,
                        )
                        .await?;
                        super::parallel::place_like(&mut flow, id, &task);
                        local.escalated += 1;
                    }
                    flow.event(
                        None,
                        EventAction::Escalate,
                        Some(task.step_index),
                        Some(task.id),
                        None,
                        json!({ "role": role }),
                    );
                }
                TimeoutAction::AutoApprove | TimeoutAction::AutoReject => {
                    let (decision, reason) = if action == TimeoutAction::AutoApprove {
                        (TaskStatus::Approved, "超时自动通过")
                    } else {
                        (TaskStatus::Rejected, "超时自动驳回")
                    };
                    if let Some(current) = flow.task(task.id).cloned()
                        && current.has_status(TaskStatus::Pending)
                        && flow.inst.current_step == Some(current.step_index)
                    {
                        decide(&tx, &mut flow, &current, decision, Some(reason.to_owned()), None).await?;
                        if decision == TaskStatus::Approved {
                            local.auto_approved += 1;
                        } else {
                            local.auto_rejected += 1;
                        }
                    }
                }
            }
        }
        if local == TimerReport::default() {
            return Ok(());
        }
        let (inst, transitions) = flow.save(&tx).await?;
        self.run_hooks(&tx, &inst, &transitions).await?;
        if local.overdue > 0 {
            let change = Change::new("approval.timeout", "approval", Some(id.to_string()))
                .after(json!({ "overdue": local.overdue, "escalated": local.escalated, "autoApproved": local.auto_approved, "autoRejected": local.auto_rejected }));
            audit::record(&tx, &RequestContext::system(), now, change).await?;
        }
        tx.commit().await.map_err(PersistenceError::from)?;
        report.reminded += local.reminded;
        report.overdue += local.overdue;
        report.escalated += local.escalated;
        report.auto_approved += local.auto_approved;
        report.auto_rejected += local.auto_rejected;
        Ok(())
    }
}
