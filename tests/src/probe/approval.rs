//! The probe as an approval subject: a module that starts a request for one of its records and
//! records the outcome on the record, inside the decision's transaction.

use sea_orm::{ActiveValue::Set, EntityTrait};
use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::approvals::flow::InstanceStatus;
use xiaoban_persistence::{Tx, begin_write};
use xiaoban_services::approvals::{ApprovalHook, HookFuture, Subject};
use xiaoban_services::{RequestContext, ServiceError, Services};

use super::entity;

pub const MODULE: &str = "probe";

/// The title of a probe whose hook refuses every outcome.
pub const REFUSING: &str = "拒绝审批";

/// Writes the outcome into the probe's title; a probe titled [`REFUSING`] refuses, which must
/// roll the whole decision back.
pub struct ProbeHook;

impl ApprovalHook for ProbeHook {
    fn on_finished<'a>(&'a self, tx: &'a Tx, subject_id: Uuid, outcome: InstanceStatus) -> HookFuture<'a> {
        Box::pin(async move {
            let probe = entity::Entity::find_by_id(subject_id)
                .one(tx)
                .await
                .map_err(|e| ServiceError::Internal(e.to_string()))?
                .ok_or(ServiceError::NotFound { entity: "probe" })?;
            if probe.title == REFUSING {
                return Err(ServiceError::Conflict {
                    zh: "探针拒绝".into(),
                    en: "the probe refuses".into(),
                });
            }
            let change = entity::ActiveModel {
                id: Set(subject_id),
                title: Set(outcome.as_str().to_owned()),
                ..Default::default()
            };
            entity::Entity::update(change)
                .exec(tx)
                .await
                .map_err(|e| ServiceError::Internal(e.to_string()))?;
            Ok(())
        })
    }
}

/// Starts a `certificate` request about the probe in one transaction with the module's own
/// write, as a module would.
pub async fn submit(services: &Services, applicant: Uuid, probe: Uuid) -> Result<Uuid, ServiceError> {
    let tx = begin_write(services.db()).await?;
    let subject = Subject {
        module: MODULE.to_owned(),
        id: probe,
        title: "探针审批".to_owned(),
        summary: "测试主体".to_owned(),
    };
    let form = json!({ "certificateType": "在职证明", "purpose": "探针", "copies": 1 });
    let id = services
        .start_approval_for(
            &tx,
            &RequestContext::system(),
            applicant,
            "certificate",
            subject,
            form,
        )
        .await?;
    tx.commit()
        .await
        .map_err(|e| ServiceError::Internal(e.to_string()))?;
    Ok(id)
}
