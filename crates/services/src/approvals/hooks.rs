//! How other modules take part: they start a request for their record (the subject) and are
//! called back, inside the same transaction, when the request ends.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use xiaoban_domain::approvals::flow::InstanceStatus;
use xiaoban_persistence::Tx;
use xiaoban_persistence::approvals::InstanceRow;

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

pub type HookFuture<'a> = Pin<Box<dyn Future<Output = Result<(), ServiceError>> + Send + 'a>>;

/// Called when a request about one of the module's records is approved, rejected, withdrawn or
/// cancelled. An error rolls the whole decision back, so the module and the request never disagree.
pub trait ApprovalHook: Send + Sync {
    fn on_finished<'a>(&'a self, tx: &'a Tx, subject_id: Uuid, outcome: InstanceStatus) -> HookFuture<'a>;
}

impl Services {
    /// Registers the module's hook; a later registration for the same module replaces it.
    pub fn register_approval_hook(&self, module: &str, hook: Arc<dyn ApprovalHook>) {
        if let Ok(mut hooks) = self.approval_hooks.write() {
            hooks.insert(module.to_owned(), hook);
        }
    }

    pub(crate) async fn run_hook(
        &self,
        tx: &Tx,
        inst: &InstanceRow,
        outcome: Option<InstanceStatus>,
    ) -> Result<(), ServiceError> {
        let (Some(outcome), Some(module), Some(subject)) =
            (outcome, inst.subject_module.as_deref(), inst.subject_id)
        else {
            return Ok(());
        };
        let hook = self
            .approval_hooks
            .read()
            .ok()
            .and_then(|h| h.get(module).cloned());
        match hook {
            Some(hook) => hook.on_finished(tx, subject, outcome).await,
            None => Err(ServiceError::Internal(format!(
                "no approval hook registered for module {module}"
            ))),
        }
    }
}
