//! 批量审批: approve or reject many requests from the inbox at once. Each request is decided in
//! its own transaction through [`Services::act`], exactly as a single decision, so one that
//! fails (decided meanwhile, stale, not visible) leaves the others as they went.

use std::collections::HashSet;

use uuid::Uuid;
use xiaoban_domain::approvals::flow::InstanceStatus;
use xiaoban_domain::approvals::request::RequestAction;

use super::input::{ActionInput, required_comment};
use crate::error::FieldIssue;
use crate::{RequestContext, ServiceError, Services};

/// The most requests one batch may decide.
pub const MAX_BATCH_ITEMS: usize = 50;

/// Which decision a batch makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchDecision {
    Approve,
    Reject,
}

/// One request of a batch, with the version the caller saw (stale → that item fails with 409).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchItem {
    pub id: Uuid,
    pub version: Option<i32>,
}

/// What became of one item: the request's new status, or why it was not decided.
pub type BatchOutcome = (Uuid, Result<InstanceStatus, ServiceError>);

impl Services {
    /// Decides each item in order. The whole batch is refused (nothing decided) when the caller
    /// may not decide at all or the input is malformed; after that every item stands alone.
    pub async fn decide_approvals_batch(
        &self,
        ctx: &RequestContext,
        decision: BatchDecision,
        items: &[BatchItem],
        comment: Option<String>,
    ) -> Result<Vec<BatchOutcome>, ServiceError> {
        self.approval_viewer(ctx).await?;
        check_items(items)?;
        let action = match decision {
            BatchDecision::Approve => RequestAction::Approve,
            BatchDecision::Reject => RequestAction::Reject,
        };
        let probe = ActionInput {
            comment: comment.clone(),
            ..ActionInput::default()
        };
        if decision == BatchDecision::Reject {
            required_comment(&probe, "请填写驳回理由", "Give a reason for rejecting")?;
        } else {
            super::input::optional_comment(&probe)?;
        }
        let mut outcomes = Vec::with_capacity(items.len());
        for item in items {
            let input = ActionInput {
                comment: comment.clone(),
                version: item.version,
                ..ActionInput::default()
            };
            let outcome = self
                .act_on_approval(ctx, item.id, action, input)
                .await
                .map(|done| done.into_inner().status);
            outcomes.push((item.id, outcome));
        }
        Ok(outcomes)
    }
}

/// 1 to 50 items, each request at most once (`items[i].id` names the repeat).
fn check_items(items: &[BatchItem]) -> Result<(), ServiceError> {
    if items.is_empty() || items.len() > MAX_BATCH_ITEMS {
        return Err(ServiceError::invalid(
            "items",
            format!("请选择 1 到 {MAX_BATCH_ITEMS} 条申请"),
            format!("Choose between 1 and {MAX_BATCH_ITEMS} requests"),
        ));
    }
    let mut seen = HashSet::new();
    let repeats: Vec<FieldIssue> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| !seen.insert(item.id))
        .map(|(i, _)| {
            FieldIssue::new(
                format!("items[{i}].id"),
                "同一申请在批量中出现了多次",
                "The same request appears more than once in the batch",
            )
        })
        .collect();
    if repeats.is_empty() {
        Ok(())
    } else {
        Err(ServiceError::Invalid(repeats))
    }
}
