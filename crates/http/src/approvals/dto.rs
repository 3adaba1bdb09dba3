//! Requests and answers of the approvals API.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;
use xiaoban_domain::approvals::definition::StepMode;
use xiaoban_domain::approvals::flow::{InstanceStatus, TaskKind, TaskOrigin, TaskStatus};
use xiaoban_domain::approvals::request::RequestAction;
use xiaoban_services::approvals::StepState;

use super::definition::{DefinitionDto, FormSchemaDto};

/// Who may start a template; both empty means everyone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StartersDto {
    /// Role codes, e.g. `staff`.
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub department_ids: Vec<Uuid>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TemplateOut {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub category: String,
    /// An Element Plus icon name.
    pub icon: String,
    pub description: Option<String>,
    pub starters: StartersDto,
    pub active: bool,
    /// The published version new requests use.
    pub current_version: i32,
    pub definition: DefinitionDto,
    /// For optimistic concurrency of edits.
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    /// False in the slim view that people without `approval.template.manage` get: the ids of
    /// named approvers (`users` rules of steps, copies and the fallback) are left out (`[]`).
    pub full: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TemplateIn {
    #[schema(example = "leave")]
    pub code: String,
    #[schema(example = "请假")]
    pub name: String,
    #[schema(example = "人事")]
    pub category: String,
    pub icon: Option<String>,
    pub description: Option<String>,
    #[serde(default)]
    pub starters: StartersDto,
    pub definition: DefinitionDto,
}

/// Changes to a template. A `definition` publishes a new version; running requests keep theirs.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TemplatePatchIn {
    pub name: Option<String>,
    pub category: Option<String>,
    pub icon: Option<String>,
    #[serde(default, deserialize_with = "crate::departments::nullable")]
    #[schema(value_type = Option<String>)]
    pub description: Option<Option<String>>,
    pub starters: Option<StartersDto>,
    pub active: Option<bool>,
    pub definition: Option<DefinitionDto>,
    /// The version edited (or send `If-Match`).
    pub version: Option<i32>,
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct TemplatesQuery {
    /// Every template, inactive ones too (needs `approval.template.manage`); otherwise the
    /// active templates the caller may start.
    pub manage: Option<bool>,
}

/// Starts a request.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StartIn {
    pub template_id: Uuid,
    /// Values by field key, validated against the template's form.
    #[schema(value_type = std::collections::HashMap<String, serde_json::Value>)]
    pub form: Value,
    /// Approvers for steps of type `applicant_picks`: step index → user ids.
    #[serde(default)]
    pub approvers: BTreeMap<String, Vec<Uuid>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StepOut {
    pub index: i32,
    pub name: String,
    /// The mode the step's decisions are counted by (a manager chain signs in order).
    pub mode: StepMode,
    /// `current`, `passed`, `skipped` or `waiting`.
    pub status: StepState,
    pub entered_at: Option<DateTime<Utc>>,
    pub passed_at: Option<DateTime<Utc>>,
    pub duration_minutes: Option<i64>,
    /// A parallel block's branches (并行分支) and where each stands; empty for an ordinary step.
    pub branches: Vec<BranchOut>,
}

/// One branch of a parallel block in a request's progress.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BranchOut {
    pub index: i32,
    pub name: String,
    /// `current`, `passed` or `waiting`.
    pub status: StepState,
    pub steps: Vec<BranchStepOut>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BranchStepOut {
    pub index: i32,
    pub name: String,
    /// `current`, `passed`, `skipped` or `waiting`.
    pub status: StepState,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TaskOut {
    pub id: Uuid,
    pub step_index: i32,
    /// "分支名 · 步骤名" for a task in a branch of a parallel block.
    pub step_name: String,
    /// The branch of a parallel block the task belongs to, and the step of that branch.
    pub branch_index: Option<i32>,
    pub branch_step: Option<i32>,
    pub cycle: i32,
    pub assignee_id: Uuid,
    pub assignee_name: String,
    /// The approver this task was delegated from (out of office).
    pub delegated_from: Option<Uuid>,
    /// `approve` or `cc`.
    pub kind: TaskKind,
    /// `rule`, `transfer`, `add_before`, `add_after`, `escalation` or `cc`.
    pub origin: TaskOrigin,
    /// `pending`, `waiting`, `approved`, `rejected`, `returned`, `transferred`, `suspended`,
    /// `queued` (a sequential step's later signer, not yet their turn), `closed`, `cancelled`,
    /// `superseded`, `unread`, `read`, `reassigned`, `removed` (减签).
    pub status: TaskStatus,
    pub comment: Option<String>,
    /// The system decided on the assignee's behalf when the step's deadline passed (auto-approve
    /// or auto-reject): not the person's own decision, and never counted as one.
    pub decided_by_system: bool,
    pub decided_at: Option<DateTime<Utc>>,
    pub due_at: Option<DateTime<Utc>>,
    pub overdue: bool,
    pub created_at: DateTime<Utc>,
    /// The signer's handwritten signature (a PNG file of the request, `GET /files/{id}`).
    pub signature_file_id: Option<Uuid>,
}

crate::timeline_out!(
    /// One line of a request's timeline (流转记录): the engine's event, the request's status
    /// before and after.
    ApprovalTimelineEvent,
    xiaoban_domain::approvals::request::EventAction,
    xiaoban_domain::approvals::flow::InstanceStatus
);

/// A request with its steps, tasks, timeline and what the caller may do now.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApprovalOut {
    pub id: Uuid,
    #[schema(example = "SP-2026-00001")]
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
    #[schema(value_type = std::collections::HashMap<String, serde_json::Value>)]
    pub form: Value,
    pub form_schema: FormSchemaDto,
    /// `running`, `returned`, `approved`, `rejected`, `withdrawn`, `cancelled`.
    pub status: InstanceStatus,
    pub current_step: Option<i32>,
    pub current_step_name: Option<String>,
    pub cycle: i32,
    pub subject_module: Option<String>,
    pub subject_id: Option<Uuid>,
    pub submitted_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub steps: Vec<StepOut>,
    pub tasks: Vec<TaskOut>,
    /// The request's 流转记录, oldest first. `action` is one of:
    /// `submit`, `step_entered`, `step_skipped`, `fallback`, `delegated`, `approve`, `reject`,
    /// `return`, `resubmit`, `transfer`, `add_signer`, `comment`, `urge`, `recall`, `withdraw`,
    /// `cancel`, `overdue`, `escalate`, `step_passed`, `step_reopened`, `finished`,
    /// `to_superior` (the applicant was the step's only approver: their superior decides),
    /// `applicant_confirmed` (the applicant's submission confirmed the step, as the template
    /// allows), `superior_required` (no one else had approved: the last step goes to the
    /// superior), `reassign`, `remove_signer` (减签; `data.removed` is the person), `block_entered` (a parallel block: every branch starts),
    /// `branch_passed` (`data.branch` passed its last step), `branch_rejected` (a branch step
    /// failed: the request is rejected, `data.withdrawn` holds whose open tasks in the other
    /// branches were withdrawn), `branch_withdrawn` (a return from a branch closed the other
    /// branches' open tasks, holders in `data.withdrawn`). Events about a branch step carry
    /// `data.branch` and `data.branchStep`, and their `stepName` is "分支名 · 步骤名". `delegated` carries the whole chain in `data.chain` and in words in `comment`.
    /// A change of `status` is on the event that made it (`fromStatus` → `toStatus`).
    pub timeline: Vec<ApprovalTimelineEvent>,
    /// Files attached by the form and by comments, in the order attached.
    pub attachments: Vec<crate::files::FileOut>,
    /// What the caller may do now: `approve`, `reject`, `return`, `transfer`, `add-signer`,
    /// `recall`, `resubmit`, `withdraw`, `urge`, `cancel`, `reassign`, `remove-signer`, `comment`:
    /// those the request's state allows that the caller's part in it allows too.
    pub actions: Vec<RequestAction>,
    /// Form fields the caller's steps hide: their values are left out of `form` and of the
    /// timeline's `changes`.
    pub hidden_fields: Vec<String>,
    /// What approving the caller's open task asks, when they hold one now.
    pub my_decision: Option<DecisionNeedsOut>,
    /// Fields a step fills (e.g. 会计科目 at 财务审核): the applicant is not asked for them and
    /// leaves them out when resubmitting; what the step filled is kept.
    pub step_filled_fields: Vec<String>,
}

/// The field rights and signature switch of the step the caller decides now.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DecisionNeedsOut {
    /// Fields the caller may change in `form` when approving.
    pub editable_fields: Vec<String>,
    /// Fields the caller must fill in `form` when approving (e.g. 会计科目).
    pub required_fields: Vec<String>,
    /// Approving and rejecting need `signatureFileId`.
    pub signature_required: bool,
}

/// An action's input; each action reads the fields it needs.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActionIn {
    /// Opinion (意见); required to reject, return and cancel.
    pub comment: Option<String>,
    /// The request's version seen (or send `If-Match: "N"`); stale → 409 `version_conflict`.
    pub version: Option<i32>,
    /// `return`: the step index to go back to; absent sends it back to the applicant.
    pub target_step: Option<i32>,
    /// `transfer` and `add-signer`: the other person.
    pub user_id: Option<Uuid>,
    /// `add-signer`: `before` (default) or `after` me.
    pub position: Option<PositionDto>,
    /// `resubmit`: changed form values. `approve`: values of the fields the step lets the
    /// approver edit or fill (`myDecision`); any other field is 422 on `form.<key>`.
    #[schema(value_type = Option<std::collections::HashMap<String, serde_json::Value>>)]
    pub form: Option<Value>,
    /// `comment`: ids of uploaded files.
    #[serde(default)]
    pub attachments: Vec<Uuid>,
    /// `approve` / `reject`: the caller's own uploaded PNG signature (手写签名); required where
    /// the step says `signatureRequired`.
    pub signature_file_id: Option<Uuid>,
}

/// 改派: moves an open task to another person (needs `approval.admin` over the request).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReassignIn {
    /// An open task of the request (`tasks[].id`).
    pub task_id: Uuid,
    /// Who gets it: an active person with `approval.use`, not the applicant, without an open
    /// task in the step.
    pub to_user_id: Uuid,
    /// Why (shown on the timeline and to the people concerned).
    pub reason: String,
    /// The request's version seen (or send `If-Match: "N"`); stale → 409 `version_conflict`.
    pub version: Option<i32>,
}

/// 减签: takes an added signer off the step before they act (by whoever added them, or
/// `approval.admin` over the request).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RemoveSignerIn {
    /// The added signer's open task (`tasks[].id`, origin `add_before` or `add_after`).
    pub task_id: Uuid,
    /// Why (shown on the timeline and to the removed person).
    pub reason: String,
    /// The request's version seen (or send `If-Match: "N"`); stale → 409 `version_conflict`.
    pub version: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PositionDto {
    Before,
    After,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BoxDto {
    /// 待办
    Pending,
    /// 已办
    Done,
    /// 我发起的
    Started,
    /// 抄送我的
    Cc,
}

// `box` and `status` are read as text and checked by the handler, so that an unknown value is
// a 422 naming the parameter (a typo must not quietly answer an empty or a different list).
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct InboxQueryIn {
    #[param(inline, value_type = BoxDto)]
    pub r#box: String,
    pub template_id: Option<Uuid>,
    /// The request's status.
    #[param(inline, value_type = Option<InstanceStatus>)]
    pub status: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InboxItemOut {
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
    pub received_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InboxCountsOut {
    pub pending: u64,
    pub done: u64,
    pub started: u64,
    pub cc_unread: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TemplateStatsOut {
    pub template_id: Uuid,
    pub steps: usize,
    pub started: usize,
    pub running: usize,
    pub approved: usize,
    pub rejected: usize,
    pub withdrawn: usize,
    pub cycle_hours_median: Option<f64>,
    pub cycle_hours_p90: Option<f64>,
    pub on_time_rate: Option<f64>,
    pub rejection_rate: Option<f64>,
    pub return_rate: Option<f64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DelegationIn {
    pub delegate_id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DelegationOut {
    pub id: Uuid,
    pub delegate_id: Uuid,
    pub delegate_name: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub reason: Option<String>,
    pub active: bool,
    pub revoked_at: Option<DateTime<Utc>>,
}
