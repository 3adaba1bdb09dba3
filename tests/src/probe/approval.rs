//! The probe as an approval subject: a module that starts a request for one of its records and
//! records the outcome on the record, inside the decision's transaction.

use sea_orm::{ActiveValue::Set, EntityTrait};
use serde_json::json;
use uuid::Uuid;
use xiaoban_persistence::{Tx, begin_write};

use xiaoban_services::approvals::{ApprovalHook, HookCall, HookFuture, Subject, Transition};
use xiaoban_services::{RequestContext, ServiceError, Services};

use super::{entity, ledger};

pub const MODULE: &str = "probe";

/// The title of a probe whose hook refuses the request's end (approved, rejected, …).
pub const REFUSING: &str = "拒绝审批";

/// The title of a probe whose hook refuses a return (its draft cannot go back).
pub const REFUSING_RETURN: &str = "拒绝退回";

/// The title of a probe whose hook fails unexpectedly at the end (as a broken module would).
pub const FAILING: &str = "钩子故障";

/// Writes every transition into the probe's ledger and the outcome into its title, as a
/// module would (发文 acts at 签发 and goes back to drafting on a return); a probe titled
/// [`REFUSING`] or [`REFUSING_RETURN`] refuses, which must roll the whole action back.
pub struct ProbeHook;

impl ApprovalHook for ProbeHook {
    fn on_transition<'a>(&'a self, tx: &'a Tx, call: HookCall<'a>) -> HookFuture<'a> {
        Box::pin(async move {
            let internal = |e: sea_orm::DbErr| ServiceError::Internal(e.to_string());
            let probe = entity::Entity::find_by_id(call.subject_id)
                .one(tx)
                .await
                .map_err(internal)?
                .ok_or(ServiceError::NotFound { entity: "probe" })?;
            let refuses = match call.transition {
                Transition::Finished { .. } => probe.title == REFUSING,
                Transition::Returned { .. } => probe.title == REFUSING_RETURN,
                _ => false,
            };
            if probe.title == FAILING && matches!(call.transition, Transition::Finished { .. }) {
                return Err(ServiceError::Internal("the probe's store is unavailable".into()));
            }
            if refuses {
                return Err(ServiceError::Conflict {
                    zh: "探针拒绝".into(),
                    en: "the probe refuses".into(),
                });
            }
            ledger::append(tx, call.subject_id, &describe(&call)).await?;
            if let Transition::Finished { outcome } = call.transition {
                let change = entity::ActiveModel {
                    id: Set(call.subject_id),
                    title: Set(outcome.as_str().to_owned()),
                    ..Default::default()
                };
                entity::Entity::update(change).exec(tx).await.map_err(internal)?;
            }
            Ok(())
        })
    }
}

/// One line per transition: `entered 0 签发`, `passed 0 签发`, `returned 1 to 0` (or `to
/// applicant`), `resubmitted`, `finished approved`.
fn describe(call: &HookCall<'_>) -> String {
    let name = call.step_name.unwrap_or_default();
    match call.transition {
        Transition::StepEntered { step } => format!("entered {step} {name}"),
        Transition::StepPassed { step } => format!("passed {step} {name}"),
        Transition::Returned { from, to: Some(to) } => format!("returned {from} to {to}"),
        Transition::Returned { from, to: None } => format!("returned {from} to applicant"),
        Transition::Resubmitted => "resubmitted".to_owned(),
        Transition::Finished { outcome } => format!("finished {}", outcome.as_str()),
    }
}

/// What the probe's hook was told about the probe, in order.
pub async fn hook_calls(services: &Services, probe: Uuid) -> Vec<String> {
    ledger::of(services.db(), probe).await
}

/// Starts a `certificate` request about the probe in one transaction with the module's own
/// write, as a module would.
pub async fn submit(services: &Services, applicant: Uuid, probe: Uuid) -> Result<Uuid, ServiceError> {
    let form = json!({ "certificateType": "在职证明", "purpose": "探针", "copies": 1 });
    submit_to(services, applicant, probe, "certificate", MODULE, form).await
}

/// Starts a request with `template` about the probe, as module `module` (a test may name a
/// module that was never installed).
pub async fn submit_to(
    services: &Services,
    applicant: Uuid,
    probe: Uuid,
    template: &str,
    module: &str,
    form: serde_json::Value,
) -> Result<Uuid, ServiceError> {
    let tx = begin_write(services.db()).await?;
    let subject = Subject {
        module: module.to_owned(),
        id: probe,
        title: "探针审批".to_owned(),
        summary: "测试主体".to_owned(),
    };
    let id = services
        .start_approval_for(&tx, &RequestContext::system(), applicant, template, subject, form)
        .await?;
    tx.commit()
        .await
        .map_err(|e| ServiceError::Internal(e.to_string()))?;
    Ok(id)
}
