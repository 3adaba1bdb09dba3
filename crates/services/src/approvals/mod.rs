//! The approvals engine (审批): templates, requests, decisions, the inbox and the hooks other
//! modules use. Every change goes through [`state::Flow`] inside one transaction.

mod act;
mod applicant;
mod assist;
mod batch;
mod builtin;
mod chain;
mod copies;
mod decide;
mod delegation;
mod detail;
mod drafts;
mod engine;
mod field_edits;
mod form;
mod handover;
mod hooks;
mod inbox;
mod input;
mod manager_chain;
mod module;
mod numbers;
mod offers;
mod oversight;
mod own_choice;
mod parallel;
mod progress;
mod remove_signer;
mod resolve;
mod route;
mod sequential;
mod start;
mod state;
mod stats;
mod superior;
mod templates;
mod timers;
mod visibility;

pub use batch::{BatchDecision, BatchItem, BatchOutcome, MAX_BATCH_ITEMS};
pub use delegation::{DelegationInput, DelegationView};
pub use detail::{InstanceDetail, StepView, TaskView};
pub use drafts::{DraftInput, DraftPatch, DraftView};
pub use hooks::{ApprovalHook, HookCall, HookFuture, Subject, Transition};
pub use inbox::{
    Box as InboxBox, DECIDED_TASK_LIST, InboxCounts, InboxItem, InboxQuery, OPEN_TASK_LIST, STARTED_LIST,
};
pub use input::{ActionInput, AddSignerInput, Position};
pub use module::ApprovalsModule;
pub use oversight::{REGISTER_LIST, RegisterItem, RegisterQuery, status_label};
pub use progress::{BranchStepView, BranchView, StepState};
pub use start::StartInput;
pub use stats::TemplateStats;
pub use templates::{Starters, TemplateInput, TemplatePatch, TemplateView};
pub use timers::TimerReport;
pub use visibility::DecisionNeeds;

/// The module's code, as its records' files are linked under.
pub const MODULE_CODE: &str = xiaoban_domain::approvals::MODULE.code.as_str();

/// The numbering series of requests: `SP-2026-00001`.
pub const NUMBER_SERIES: &str = xiaoban_domain::approvals::module::NUMBER_SERIES.key;
/// The module code of requests on the shared record timeline.
pub const RECORD_MODULE: &str = MODULE_CODE;
