//! The entry point of every action on a request: authorization, the request's state machine,
//! visibility, idempotency, retry after a lost race, the module hook, the audit row and the
//! answer.

use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::access::codes::APPROVAL_ADMIN;
use xiaoban_domain::approvals::request::{REQUEST, RequestAction};
use xiaoban_persistence::ConnectionTrait;

use super::detail::{self, InstanceDetail};
use super::input::{ActionInput, Viewer};
use super::state::Flow;
use super::{assist, decide, handover, route};
use crate::audit::{self, Change};
use crate::idempotency::Created;
use crate::{RequestContext, ServiceError, Services};

impl Services {
    /// Takes `action` on request `id` as the caller: 409 `invalid_transition` when the
    /// request's state does not allow it, 409 `conflict` when the caller's part in it does not.
    pub async fn act_on_approval(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        action: RequestAction,
        input: ActionInput,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        let viewer = self.approval_viewer(ctx).await?;
        if matches!(action, RequestAction::Cancel | RequestAction::Reassign) && viewer.admin.is_none() {
            self.authorize(ctx, APPROVAL_ADMIN).await?;
        }
        let calendar = self.working_calendar().await?;
        let operation = format!("approval.{}:{id}", action.code());
        let mut attempt = 0;
        loop {
            attempt += 1;
            let (services, ctx2, input2, viewer2, calendar2) = (
                self.clone(),
                ctx.clone(),
                input.clone(),
                viewer.clone(),
                calendar.clone(),
            );
            let now = self.now();
            let result = self
                .create_once(ctx, &operation, &input, move |tx| {
                    Box::pin(async move {
                        let mut flow = Flow::load(tx, id, now, calendar2).await?;
                        if !viewer2.sees(&flow) {
                            return Err(ServiceError::NotFound { entity: "approval" });
                        }
                        if let Some(expected) = input2.version
                            && expected != flow.inst.version
                        {
                            return Err(ServiceError::VersionConflict {
                                current: flow.inst.version,
                            });
                        }
                        REQUEST.apply(flow.status(), action)?;
                        apply(tx, &mut flow, &viewer2, action, &input2).await?;
                        let status = flow.inst.status;
                        let step = flow.inst.current_step;
                        let (inst, transitions) = flow.save(tx).await?;
                        services.run_hooks(tx, &inst, &transitions).await?;
                        let change = Change::new(audit_action(action), "approval", Some(id.to_string()))
                            .after(
                                json!({ "status": status, "currentStep": step, "comment": input2.comment }),
                            );
                        audit::record(tx, &ctx2, now, change).await?;
                        detail::load(tx, id, &viewer2, now).await
                    })
                })
                .await;
            match result {
                Err(ServiceError::VersionConflict { .. }) if input.version.is_none() && attempt < 3 => {
                    continue;
                }
                other => return other,
            }
        }
    }
}

async fn apply(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    viewer: &Viewer,
    action: RequestAction,
    input: &ActionInput,
) -> Result<(), ServiceError> {
    let me = viewer.id;
    match action {
        RequestAction::Approve => decide::approve(db, flow, me, input).await,
        RequestAction::Reject => decide::reject(db, flow, me, input).await,
        RequestAction::Recall => decide::recall(flow, me),
        RequestAction::Return => route::send_back(db, flow, me, input).await,
        RequestAction::Resubmit => route::resubmit(db, flow, me, input).await,
        RequestAction::Withdraw => route::withdraw(flow, me),
        RequestAction::Cancel => route::cancel(flow, me, input),
        RequestAction::Transfer => assist::transfer(db, flow, me, input).await,
        RequestAction::AddSigner => assist::add_signer(db, flow, me, input).await,
        RequestAction::Comment => assist::comment(db, flow, me, input).await,
        RequestAction::Urge => assist::urge(flow, me),
        RequestAction::Reassign => handover::reassign(db, flow, viewer, input).await,
        RequestAction::RemoveSigner => super::remove_signer::remove_signer(db, flow, viewer, input).await,
    }
}

fn audit_action(action: RequestAction) -> &'static str {
    match action {
        RequestAction::Approve => "approval.approve",
        RequestAction::Reject => "approval.reject",
        RequestAction::Return => "approval.return",
        RequestAction::Resubmit => "approval.resubmit",
        RequestAction::Transfer => "approval.transfer",
        RequestAction::AddSigner => "approval.add_signer",
        RequestAction::Comment => "approval.comment",
        RequestAction::Urge => "approval.urge",
        RequestAction::Withdraw => "approval.withdraw",
        RequestAction::Cancel => "approval.cancel",
        RequestAction::Recall => "approval.recall",
        RequestAction::Reassign => "approval.reassign",
        RequestAction::RemoveSigner => "approval.remove_signer",
    }
}
