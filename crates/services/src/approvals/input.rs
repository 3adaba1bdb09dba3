//! What every action on a request reads: its input, who is acting, and the opinion (意见)
//! rules they share.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;
use xiaoban_domain::access::codes::{APPROVAL_ADMIN, APPROVAL_USE};

use super::state::Flow;
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
