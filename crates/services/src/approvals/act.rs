//! The entry point of every action on a request: authorization, visibility, idempotency, retry
//! after a lost race, the module hook, the audit row and the answer.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use uuid::Uuid;
use xiaoban_domain::access::codes::{APPROVAL_ADMIN, APPROVAL_USE};
use xiaoban_persistence::ConnectionTrait;

use super::detail::{self, InstanceDetail};
use super::state::Flow;
use super::{assist, decide, handover, route};
use crate::audit::{self, Change};
use crate::idempotency::Created;
use crate::{RequestContext, ServiceError, Services};

/// Where an added signer goes relative to the one adding them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    Before,
    After,
}

/// What an action carries; each action reads the fields it needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionInput {
    pub comment: Option<String>,
    /// The request's version the caller saw; stale → 409. Without it a lost race is retried.
    pub version: Option<i32>,
    /// `return`: the step to go back to; `None` sends the request back to the applicant.
    pub target_step: Option<i32>,
    /// `transfer` / `add-signer`: the other person.
    pub user_id: Option<Uuid>,
    pub position: Option<Position>,
    /// `resubmit`: changed form values.
    pub form: Option<Value>,
    /// `comment`: uploaded file ids.
    pub attachments: Vec<Uuid>,
    /// `reassign`: the open task to move (to `user_id`, with `comment` as the reason);
    /// `remove-signer`: the added signer's task to remove (with `comment` as the reason).
    #[serde(default)]
    pub task_id: Option<Uuid>,
    /// `approve` / `reject`: the signer's uploaded PNG signature (手写签名).
    #[serde(default)]
    pub signature_file_id: Option<Uuid>,
}

/// An added signer.
pub type AddSignerInput = ActionInput;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    Approve,
    Reject,
    Return,
    Resubmit,
    Transfer,
    AddSigner,
    Comment,
    Urge,
    Withdraw,
    Cancel,
    Recall,
    Reassign,
    RemoveSigner,
}

impl Action {
    pub fn name(self) -> &'static str {
        match self {
            Self::Approve => "approve",
            Self::Reject => "reject",
            Self::Return => "return",
            Self::Resubmit => "resubmit",
            Self::Transfer => "transfer",
            Self::AddSigner => "add_signer",
            Self::Comment => "comment",
            Self::Urge => "urge",
            Self::Withdraw => "withdraw",
            Self::Cancel => "cancel",
            Self::Recall => "recall",
            Self::Reassign => "reassign",
            Self::RemoveSigner => "remove_signer",
        }
    }
}

/// Who is acting and what they may see.
#[derive(Debug, Clone)]
pub(crate) struct Viewer {
    pub id: Uuid,
    pub admin: Option<xiaoban_domain::access::Reach>,
}

impl Viewer {
    pub fn sees(&self, flow: &Flow) -> bool {
        flow.inst.applicant_id == self.id
            || flow
                .tasks
                .iter()
                .any(|t| t.assignee_id == self.id || t.delegated_from == Some(self.id))
            || self.admin.as_ref().is_some_and(|reach| {
                let departments: Vec<Uuid> = flow.inst.department_id.into_iter().collect();
                reach.allows(&departments, Some(flow.inst.applicant_id), self.id)
            })
    }
}

impl Services {
    /// The caller as a person, with the reach of `approval.admin` when they hold it.
    pub(crate) async fn approval_viewer(&self, ctx: &RequestContext) -> Result<Viewer, ServiceError> {
        self.authorize(ctx, APPROVAL_USE).await?;
        let principal = self.principal(ctx)?;
        if principal.kind != crate::PrincipalKind::User {
            return Err(ServiceError::Forbidden {
                permission: APPROVAL_USE,
            });
        }
        let admin = if principal.has(APPROVAL_ADMIN) {
            Some(self.authorize(ctx, APPROVAL_ADMIN).await?)
        } else {
            None
        };
        Ok(Viewer {
            id: principal.id,
            admin,
        })
    }

    pub(crate) async fn act(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        action: Action,
        input: ActionInput,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        let viewer = self.approval_viewer(ctx).await?;
        if matches!(action, Action::Cancel | Action::Reassign) && viewer.admin.is_none() {
            self.authorize(ctx, APPROVAL_ADMIN).await?;
        }
        let calendar = self.working_calendar().await?;
        let operation = format!("approval.{}:{id}", action.name());
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
                        apply(tx, &mut flow, &viewer2, action, &input2).await?;
                        let status = flow.inst.status.clone();
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
    action: Action,
    input: &ActionInput,
) -> Result<(), ServiceError> {
    let me = viewer.id;
    match action {
        Action::Approve => decide::approve(db, flow, me, input).await,
        Action::Reject => decide::reject(db, flow, me, input).await,
        Action::Recall => decide::recall(flow, me),
        Action::Return => route::send_back(db, flow, me, input).await,
        Action::Resubmit => route::resubmit(db, flow, me, input).await,
        Action::Withdraw => route::withdraw(flow, me),
        Action::Cancel => route::cancel(flow, me, input),
        Action::Transfer => assist::transfer(db, flow, me, input).await,
        Action::AddSigner => assist::add_signer(db, flow, me, input).await,
        Action::Comment => assist::comment(db, flow, me, input).await,
        Action::Urge => assist::urge(flow, me),
        Action::Reassign => handover::reassign(db, flow, viewer, input).await,
        Action::RemoveSigner => super::remove_signer::remove_signer(db, flow, viewer, input).await,
    }
}

fn audit_action(action: Action) -> &'static str {
    match action {
        Action::Approve => "approval.approve",
        Action::Reject => "approval.reject",
        Action::Return => "approval.return",
        Action::Resubmit => "approval.resubmit",
        Action::Transfer => "approval.transfer",
        Action::AddSigner => "approval.add_signer",
        Action::Comment => "approval.comment",
        Action::Urge => "approval.urge",
        Action::Withdraw => "approval.withdraw",
        Action::Cancel => "approval.cancel",
        Action::Recall => "approval.recall",
        Action::Reassign => "approval.reassign",
        Action::RemoveSigner => "approval.remove_signer",
    }
}

/// A required comment, trimmed, at most 1000 characters.
pub(crate) fn required_comment(input: &ActionInput, zh: &str, en: &str) -> Result<String, ServiceError> {
    let comment = optional_comment(input)?;
    comment.ok_or_else(|| ServiceError::invalid("comment", zh.to_owned(), en.to_owned()))
}

pub(crate) fn optional_comment(input: &ActionInput) -> Result<Option<String>, ServiceError> {
    let comment = input.comment.as_deref().map(str::trim).filter(|c| !c.is_empty());
    if comment.is_some_and(|c| c.chars().count() > 1000) {
        return Err(ServiceError::invalid(
            "comment",
            "意见不能超过 1000 字",
            "The comment must not exceed 1000 characters",
        ));
    }
    Ok(comment.map(str::to_owned))
}

/// Public entry points, one per action.
impl Services {
    pub async fn approve_approval(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        input: ActionInput,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        self.act(ctx, id, Action::Approve, input).await
    }
    pub async fn reject_approval(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        input: ActionInput,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        self.act(ctx, id, Action::Reject, input).await
    }
    pub async fn return_approval(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        input: ActionInput,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        self.act(ctx, id, Action::Return, input).await
    }
    pub async fn resubmit_approval(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        input: ActionInput,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        self.act(ctx, id, Action::Resubmit, input).await
    }
    pub async fn transfer_approval(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        input: ActionInput,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        self.act(ctx, id, Action::Transfer, input).await
    }
    pub async fn add_approval_signer(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        input: ActionInput,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        self.act(ctx, id, Action::AddSigner, input).await
    }
    pub async fn comment_approval(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        input: ActionInput,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        self.act(ctx, id, Action::Comment, input).await
    }
    pub async fn urge_approval(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        input: ActionInput,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        self.act(ctx, id, Action::Urge, input).await
    }
    pub async fn withdraw_approval(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        input: ActionInput,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        self.act(ctx, id, Action::Withdraw, input).await
    }
    pub async fn cancel_approval(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        input: ActionInput,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        self.act(ctx, id, Action::Cancel, input).await
    }
    /// 改派 (needs `approval.admin` over the request): `task_id` to `user_id`, `comment` the reason.
    pub async fn reassign_approval_task(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        input: ActionInput,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        self.act(ctx, id, Action::Reassign, input).await
    }
    /// 减签: `task_id` (an open added signer's task) is removed, `comment` the reason; by
    /// whoever added that signer or an approvals administrator over the request.
    pub async fn remove_approval_signer(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        input: ActionInput,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        self.act(ctx, id, Action::RemoveSigner, input).await
    }
    pub async fn recall_approval(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        input: ActionInput,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        self.act(ctx, id, Action::Recall, input).await
    }
}
