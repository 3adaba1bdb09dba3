//! From the service's views to the API's answers, field by field: a renamed or retyped field is
//! a compile error here, not a run-time 500 (see ADR 0015).

use xiaoban_services::approvals::{
    BranchStepView, BranchView, DecisionNeeds, DelegationView, InboxCounts, InboxItem, InstanceDetail,
    StepView, TaskView, TemplateStats,
};

use super::dto::{
    ApprovalOut, BranchOut, BranchStepOut, DecisionNeedsOut, DelegationOut, InboxCountsOut, InboxItemOut,
    StepOut, TaskOut, TemplateStatsOut,
};

impl From<InstanceDetail> for ApprovalOut {
    fn from(d: InstanceDetail) -> Self {
        Self {
            id: d.id,
            number: d.number,
            template_id: d.template_id,
            template_code: d.template_code,
            template_name: d.template_name,
            template_version: d.template_version,
            applicant_id: d.applicant_id,
            applicant_name: d.applicant_name,
            department_id: d.department_id,
            title: d.title,
            summary: d.summary,
            form: d.form,
            form_schema: d.form_schema.into(),
            status: d.status,
            current_step: d.current_step,
            current_step_name: d.current_step_name,
            cycle: d.cycle,
            subject_module: d.subject_module,
            subject_id: d.subject_id,
            submitted_at: d.submitted_at,
            finished_at: d.finished_at,
            version: d.version,
            steps: d.steps.into_iter().map(Into::into).collect(),
            tasks: d.tasks.into_iter().map(Into::into).collect(),
            timeline: d.timeline.into_iter().map(Into::into).collect(),
            attachments: d.attachments.into_iter().map(Into::into).collect(),
            actions: d.actions,
            hidden_fields: d.hidden_fields,
            my_decision: d.my_decision.map(Into::into),
            step_filled_fields: d.step_filled_fields,
        }
    }
}

impl From<DecisionNeeds> for DecisionNeedsOut {
    fn from(n: DecisionNeeds) -> Self {
        Self {
            editable_fields: n.editable_fields,
            required_fields: n.required_fields,
            signature_required: n.signature_required,
        }
    }
}

impl From<StepView> for StepOut {
    fn from(s: StepView) -> Self {
        Self {
            index: s.index,
            name: s.name,
            mode: s.mode,
            status: s.status,
            entered_at: s.entered_at,
            passed_at: s.passed_at,
            duration_minutes: s.duration_minutes,
            branches: s.branches.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<BranchView> for BranchOut {
    fn from(b: BranchView) -> Self {
        Self {
            index: b.index,
            name: b.name,
            status: b.status,
            steps: b.steps.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<BranchStepView> for BranchStepOut {
    fn from(s: BranchStepView) -> Self {
        Self {
            index: s.index,
            name: s.name,
            status: s.status,
        }
    }
}

impl From<TaskView> for TaskOut {
    fn from(t: TaskView) -> Self {
        Self {
            id: t.id,
            step_index: t.step_index,
            step_name: t.step_name,
            branch_index: t.branch_index,
            branch_step: t.branch_step,
            cycle: t.cycle,
            assignee_id: t.assignee_id,
            assignee_name: t.assignee_name,
            delegated_from: t.delegated_from,
            kind: t.kind,
            origin: t.origin,
            status: t.status,
            comment: t.comment,
            decided_by_system: t.decided_by_system,
            decided_at: t.decided_at,
            due_at: t.due_at,
            overdue: t.overdue,
            created_at: t.created_at,
            signature_file_id: t.signature_file_id,
        }
    }
}

impl From<InboxItem> for InboxItemOut {
    fn from(i: InboxItem) -> Self {
        Self {
            instance_id: i.instance_id,
            number: i.number,
            title: i.title,
            summary: i.summary,
            template_name: i.template_name,
            applicant_name: i.applicant_name,
            instance_status: i.instance_status,
            current_step_name: i.current_step_name,
            task_id: i.task_id,
            task_status: i.task_status,
            step_name: i.step_name,
            due_at: i.due_at,
            overdue: i.overdue,
            submitted_at: i.submitted_at,
            received_at: i.received_at,
            decided_at: i.decided_at,
        }
    }
}

impl From<InboxCounts> for InboxCountsOut {
    fn from(c: InboxCounts) -> Self {
        Self {
            pending: c.pending,
            done: c.done,
            started: c.started,
            cc_unread: c.cc_unread,
        }
    }
}

impl From<TemplateStats> for TemplateStatsOut {
    fn from(s: TemplateStats) -> Self {
        Self {
            template_id: s.template_id,
            steps: s.steps,
            started: s.started,
            running: s.running,
            approved: s.approved,
            rejected: s.rejected,
            withdrawn: s.withdrawn,
            cycle_hours_median: s.cycle_hours_median,
            cycle_hours_p90: s.cycle_hours_p90,
            on_time_rate: s.on_time_rate,
            rejection_rate: s.rejection_rate,
            return_rate: s.return_rate,
        }
    }
}

impl From<DelegationView> for DelegationOut {
    fn from(d: DelegationView) -> Self {
        Self {
            id: d.id,
            delegate_id: d.delegate_id,
            delegate_name: d.delegate_name,
            starts_at: d.starts_at,
            ends_at: d.ends_at,
            reason: d.reason,
            active: d.active,
            revoked_at: d.revoked_at,
        }
    }
}

impl From<xiaoban_services::approvals::DraftView> for super::drafts::DraftOut {
    fn from(d: xiaoban_services::approvals::DraftView) -> Self {
        Self {
            id: d.id,
            template_id: d.template_id,
            template_name: d.template_name,
            summary: d.summary,
            form: d.form,
            approvers: d.approvers,
            attachments: d.attachments.into_iter().map(Into::into).collect(),
            created_at: d.created_at,
            updated_at: d.updated_at,
            version: d.version,
        }
    }
}
