//! `POST /approvals/batch/approve|reject` (批量审批): many requests decided at once, each alone.
//! The answer is always 200 with one result per item; an item that failed carries the problem
//! it would have had as a single action (404 when the caller cannot see it, 409 when stale).

use actix_web::http::header::ACCEPT_LANGUAGE;
use actix_web::{HttpRequest, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;
use xiaoban_domain::approvals::flow::InstanceStatus;
use xiaoban_services::Services;
use xiaoban_services::approvals::{BatchDecision, BatchItem, BatchOutcome};

use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson};
use crate::lang::Lang;

/// The requests to decide and the one comment for all of them.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BatchDecisionIn {
    /// 1 to 50 requests, each at most once (a repeat is 422 on `items[i].id`).
    pub items: Vec<BatchItemIn>,
    /// Opinion (意见) recorded on every request; required to reject.
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BatchItemIn {
    /// The request's id.
    pub id: Uuid,
    /// The request's version seen; stale → that item fails with 409 `version_conflict`.
    pub version: Option<i32>,
}

/// Why one item was not decided: the status, code and message a single action would answer.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BatchProblemOut {
    pub status: u16,
    #[schema(example = "version_conflict")]
    pub code: String,
    /// In the client's language; absent on 5xx.
    pub detail: Option<String>,
}

/// One item's result: `ok` with the request's new `status`, or not `ok` with a `problem`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BatchResultOut {
    pub id: Uuid,
    pub ok: bool,
    /// When `ok`: `running` (on to the next step), `approved` or `rejected`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<InstanceStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<BatchProblemOut>,
}

/// The results in the order of the items, and how many went each way.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BatchDecisionOut {
    pub results: Vec<BatchResultOut>,
    pub succeeded: usize,
    pub failed: usize,
}

async fn decide(
    req: &HttpRequest,
    services: &Services,
    auth: &Auth,
    decision: BatchDecision,
    body: BatchDecisionIn,
) -> Result<web::Json<BatchDecisionOut>, ApiError> {
    let items: Vec<BatchItem> = body
        .items
        .iter()
        .map(|item| BatchItem {
            id: item.id,
            version: item.version,
        })
        .collect();
    let outcomes = services
        .decide_approvals_batch(&auth.0, decision, &items, body.comment)
        .await?;
    let lang = req
        .headers()
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::negotiate)
        .unwrap_or_default();
    Ok(web::Json(summarise(outcomes, lang)))
}

fn summarise(outcomes: Vec<BatchOutcome>, lang: Lang) -> BatchDecisionOut {
    let results: Vec<BatchResultOut> = outcomes
        .into_iter()
        .map(|(id, outcome)| match outcome {
            Ok(status) => BatchResultOut {
                id,
                ok: true,
                status: Some(status),
                problem: None,
            },
            Err(err) => {
                let err = ApiError::from(err);
                if let Some(cause) = &err.internal {
                    tracing::error!(%id, cause, "batch decision item failed");
                }
                let problem = err.to_problem(lang, "");
                BatchResultOut {
                    id,
                    ok: false,
                    status: None,
                    problem: Some(BatchProblemOut {
                        status: problem.status,
                        code: problem.code,
                        detail: problem.detail,
                    }),
                }
            }
        })
        .collect();
    let succeeded = results.iter().filter(|r| r.ok).count();
    BatchDecisionOut {
        failed: results.len() - succeeded,
        succeeded,
        results,
    }
}

/// Approves each request (the caller's open task in its current step), each in its own
/// transaction and by the same rules as `POST /approvals/{id}/approve`. With an
/// `Idempotency-Key`, a repeat replays each item that was decided.
#[utoipa::path(tag = "approvals", request_body = BatchDecisionIn, security(("bearerAuth" = ["approval.use"])),
    responses(
        (status = 200, description = "One result per item, in order", body = BatchDecisionOut),
    ))]
#[post("/approvals/batch/approve")]
pub async fn batch_approve_approvals(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    body: ValidatedJson<BatchDecisionIn>,
) -> Result<web::Json<BatchDecisionOut>, ApiError> {
    decide(&req, &services, &auth, BatchDecision::Approve, body.0).await
}

/// Rejects each request (`comment` required as the reason), each in its own transaction and by
/// the same rules as `POST /approvals/{id}/reject`.
#[utoipa::path(tag = "approvals", request_body = BatchDecisionIn, security(("bearerAuth" = ["approval.use"])),
    responses(
        (status = 200, description = "One result per item, in order", body = BatchDecisionOut),
    ))]
#[post("/approvals/batch/reject")]
pub async fn batch_reject_approvals(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    body: ValidatedJson<BatchDecisionIn>,
) -> Result<web::Json<BatchDecisionOut>, ApiError> {
    decide(&req, &services, &auth, BatchDecision::Reject, body.0).await
}
