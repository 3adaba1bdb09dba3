//! How other modules take part: they start a request for their record (the subject) and are
//! called back, inside the same transaction, at every transition of that request — a step
//! entered, a step passed, a return, a resubmit, the end. A module starts requests by declaring
//! its hook ([`crate::modules::RecordModule::approval_hook`]); without one its requests are
//! refused when they start, so a forgotten hook never surfaces when someone decides.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use xiaoban_domain::approvals::flow::InstanceStatus;
use xiaoban_domain::approvals::request::EventAction;
use xiaoban_persistence::Tx;
use xiaoban_persistence::approvals::InstanceRow;

use crate::timeline::Event;
use crate::{ServiceError, Services};

/// The record a request is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subject {
    /// The module's code, e.g. `outgoing_document`.
    pub module: String,
    pub id: Uuid,
    pub title: String,
    pub summary: String,
}

/// One move of a request, in the order the engine made them within one action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// The request now waits on this step (also when the returning step is entered again).
    StepEntered { step: i32 },
    /// The step is decided in favour (or confirmed by the applicant).
    StepPassed { step: i32 },
    /// Someone returned the request from `from`; `to` is the step it goes back to, `None` for
    /// the applicant (the module may go back to drafting).
    Returned { from: i32, to: Option<i32> },
    /// The applicant sent the returned request again.
    Resubmitted,
    /// The request ended: approved, rejected, withdrawn or cancelled.
    Finished { outcome: InstanceStatus },
}

/// What a hook is told: which request, about which record, and what happened.
#[derive(Debug, Clone)]
pub struct HookCall<'a> {
    pub request_id: Uuid,
    pub subject_id: Uuid,
    pub transition: Transition,
    /// The step's name in the request's template version (e.g. 签发), when the transition is
    /// about a step.
    pub step_name: Option<&'a str>,
}

pub type HookFuture<'a> = Pin<Box<dyn Future<Output = Result<(), ServiceError>> + Send + 'a>>;

/// Called for every transition of a request about one of the module's records, in the
/// action's transaction. An error rolls the whole action back, so the module and the request
/// never disagree. Refuse with [`ServiceError::Conflict`] (409) when the record cannot follow
/// (the reason reaches the user) or [`ServiceError::Invalid`] (422); any other failure is
/// reported to the client as a 409 naming the module, with the cause in the log.
pub trait ApprovalHook: Send + Sync {
    fn on_transition<'a>(&'a self, tx: &'a Tx, call: HookCall<'a>) -> HookFuture<'a>;
}

/// The transitions the flow's events record, in their order.
pub(crate) fn transitions(events: &[Event]) -> Vec<Transition> {
    events.iter().filter_map(transition).collect()
}

fn transition(event: &Event) -> Option<Transition> {
    let data = &event.data;
    let step = event.step_index.unwrap_or(-1);
    match EventAction::parse(&event.action)? {
        EventAction::StepEntered | EventAction::StepReopened => Some(Transition::StepEntered { step }),
        EventAction::StepPassed => Some(Transition::StepPassed { step }),
        EventAction::Return => Some(Transition::Returned {
            from: step,
            to: data["targetStep"].as_i64().and_then(|t| i32::try_from(t).ok()),
        }),
        EventAction::Resubmit => Some(Transition::Resubmitted),
        EventAction::Finished => data["status"]
            .as_str()
            .and_then(InstanceStatus::parse)
            .map(|outcome| Transition::Finished { outcome }),
        _ => None,
    }
}

impl Services {
    /// Whether `module` was installed; starting a request for an undeclared module fails in
    /// the module's own code (and its tests), never later when someone decides.
    pub(crate) fn approval_module_installed(&self, module: &str) -> bool {
        self.approval_hook(module).is_some()
    }

    fn approval_hook(&self, module: &str) -> Option<Arc<dyn ApprovalHook>> {
        self.module(module).and_then(|m| m.approval_hook())
    }

    /// Tells the subject's module every transition of this action, in order.
    pub(crate) async fn run_hooks(
        &self,
        tx: &Tx,
        inst: &InstanceRow,
        transitions: &[(Transition, Option<String>)],
    ) -> Result<(), ServiceError> {
        let (Some(module), Some(subject_id)) = (inst.subject_module.as_deref(), inst.subject_id) else {
            return Ok(());
        };
        if transitions.is_empty() {
            return Ok(());
        }
        let hook = self
            .approval_hook(module)
            .ok_or_else(|| ServiceError::Internal(format!("module {module} has no approval hook")))?;
        for (transition, step_name) in transitions {
            let call = HookCall {
                request_id: inst.id,
                subject_id,
                transition: *transition,
                step_name: step_name.as_deref(),
            };
            hook.on_transition(tx, call)
                .await
                .map_err(|err| refused_by(module, err))?;
        }
        Ok(())
    }
}

/// A module's own refusals reach the client as they are; anything unexpected becomes a 409
/// that names the module (the action did not happen), with the cause in the log.
fn refused_by(module: &str, err: ServiceError) -> ServiceError {
    match err {
        ServiceError::Internal(cause) => {
            tracing::error!(module, %cause, "an approval hook failed; the action was rolled back");
            ServiceError::Conflict {
                zh: format!("关联的业务记录（{module}）未能随审批更新，操作未生效，请稍后重试或联系管理员"),
                en: format!("the {module} record could not follow this step; nothing was changed"),
            }
        }
        other => other,
    }
}
