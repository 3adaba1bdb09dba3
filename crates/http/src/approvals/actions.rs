//! `POST /approvals/{id}/{action}`: one operation per action, all answering the request as it
//! now is. An `Idempotency-Key` makes a repeat change nothing and replay the first answer.

use actix_web::{HttpRequest, HttpResponse, post, web};
use uuid::Uuid;
use xiaoban_domain::approvals::request::RequestAction;
use xiaoban_services::Services;
use xiaoban_services::approvals::{ActionInput, Position};
use xiaoban_services::idempotency::Created;

use super::dto::{ActionIn, ApprovalOut, PositionDto, ReassignIn, RemoveSignerIn};
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson, etag, stated_version};
use crate::responses::REPLAYED_HEADER;

fn input(req: &HttpRequest, body: ActionIn) -> Result<ActionInput, ApiError> {
    Ok(ActionInput {
        comment: body.comment,
        version: stated_version(req, body.version)?,
        target_step: body.target_step,
        user_id: body.user_id,
        position: body.position.map(|p| match p {
            PositionDto::Before => Position::Before,
            PositionDto::After => Position::After,
        }),
        form: body.form,
        attachments: body.attachments,
        task_id: None,
        signature_file_id: body.signature_file_id,
    })
}

fn answer(outcome: Created<xiaoban_services::approvals::InstanceDetail>) -> Result<HttpResponse, ApiError> {
    let outcome = outcome.map(ApprovalOut::from);
    let replay = outcome.is_replay();
    let out = outcome.into_inner();
    let mut response = HttpResponse::Ok();
    response.insert_header(etag(out.version));
    if replay {
        response.insert_header((REPLAYED_HEADER, "true"));
    }
    Ok(response.json(out))
}

macro_rules! action {
    ($name:ident, $path:literal, $action:ident, $permission:literal, $doc:literal) => {
        #[doc = $doc]
        #[utoipa::path(tag = "approvals", request_body = ActionIn, security(("bearerAuth" = [$permission])),
            params(("id" = Uuid, Path, description = "The request's id")),
            responses(
                (status = 200, description = "The request as it now is", body = ApprovalOut),
                (status = 409, description = "`invalid_transition` when the request's state does not allow the action (the problem names `state` and `action`); `conflict` when the caller's part does not, or someone else acted first; a stale `version` or `If-Match` is `version_conflict`"),
            ))]
        #[post($path)]
        pub async fn $name(
            req: HttpRequest,
            services: web::Data<Services>,
            auth: Auth,
            id: web::Path<Uuid>,
            body: ValidatedJson<ActionIn>,
        ) -> Result<HttpResponse, ApiError> {
            let input = input(&req, body.0)?;
            answer(
                services
                    .act_on_approval(&auth.0, id.into_inner(), RequestAction::$action, input)
                    .await?,
            )
        }
    };
}

action!(
    approve_approval,
    "/approvals/{id}/approve",
    Approve,
    "approval.use",
    "Approves: the caller's open task in the current step. Or-sign: the first decision decides the step; countersign: everyone; ratio: the pass ratio."
);
action!(
    reject_approval,
    "/approvals/{id}/reject",
    Reject,
    "approval.use",
    "Rejects the request (`comment` required as the reason); it ends as `rejected`."
);
action!(
    return_approval,
    "/approvals/{id}/return",
    Return,
    "approval.use",
    "Sends the request back (`comment` required): to the applicant, or with `targetStep` to an earlier step. Other open tasks of the step are put aside and reopen when the request comes back."
);
action!(
    resubmit_approval,
    "/approvals/{id}/resubmit",
    Resubmit,
    "approval.use",
    "The applicant resubmits a returned request, optionally with changed `form` values. Depending on the template it restarts or goes straight back to the returning step."
);
action!(
    transfer_approval,
    "/approvals/{id}/transfer",
    Transfer,
    "approval.use",
    "Hands the caller's task to `userId` (转交)."
);
action!(
    add_approval_signer,
    "/approvals/{id}/add-signer",
    AddSigner,
    "approval.use",
    "Adds `userId` as a signer (加签) `before` the caller (who then waits) or `after` (the caller approves now; the added signer must approve too)."
);
action!(
    comment_approval,
    "/approvals/{id}/comment",
    Comment,
    "approval.use",
    "Adds a comment (with optional `attachments`) to the timeline; participants are notified."
);
action!(
    urge_approval,
    "/approvals/{id}/urge",
    Urge,
    "approval.use",
    "The applicant reminds the open approvers (催办); at most once every 30 minutes, else 429."
);
action!(
    withdraw_approval,
    "/approvals/{id}/withdraw",
    Withdraw,
    "approval.use",
    "The applicant withdraws (撤回) the request before anyone decided in this round, or while it is back with them."
);
action!(
    cancel_approval,
    "/approvals/{id}/cancel",
    Cancel,
    "approval.admin",
    "An administrator (`approval.admin`) cancels (撤销) a request that has not ended; `comment` required."
);
action!(
    recall_approval,
    "/approvals/{id}/recall",
    Recall,
    "approval.use",
    "The caller takes back their approval while nobody has acted after it; the step reopens."
);

/// An approvals administrator (`approval.admin` over the request) moves an open task to
/// another person (改派) with a reason; both are told and the timeline records it.
#[utoipa::path(tag = "approvals", request_body = ReassignIn, security(("bearerAuth" = ["approval.admin"])),
    params(("id" = Uuid, Path, description = "The request's id")),
    responses(
        (status = 200, description = "The request as it now is", body = ApprovalOut),
        (status = 409, description = "The task was handled meanwhile; a stale `version` or `If-Match` is `version_conflict`"),
    ))]
#[post("/approvals/{id}/reassign")]
pub async fn reassign_approval_task(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    body: ValidatedJson<ReassignIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let input = ActionInput {
        comment: Some(body.reason),
        version: stated_version(&req, body.version)?,
        user_id: Some(body.to_user_id),
        task_id: Some(body.task_id),
        ..ActionInput::default()
    };
    answer(
        services
            .act_on_approval(&auth.0, id.into_inner(), RequestAction::Reassign, input)
            .await?,
    )
}

/// 减签: whoever added a signer, or an approvals administrator over the request, takes the
/// added signer off the step before they act, with a reason. The step settles as if they had
/// never been added; they are told and their task leaves their inbox. The step's last
/// remaining approver cannot be removed (422 on `taskId`).
#[utoipa::path(tag = "approvals", request_body = RemoveSignerIn, security(("bearerAuth" = ["approval.use"])),
    params(("id" = Uuid, Path, description = "The request's id")),
    responses(
        (status = 200, description = "The request as it now is", body = ApprovalOut),
        (status = 409, description = "The signer acted meanwhile, or the caller neither added them nor administers the request; a stale `version` or `If-Match` is `version_conflict`"),
        (status = 422, description = "`taskId` is not an added signer of the request, or is the step's last remaining approver; `reason` missing"),
    ))]
#[post("/approvals/{id}/remove-signer")]
pub async fn remove_approval_signer(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    body: ValidatedJson<RemoveSignerIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let input = ActionInput {
        comment: Some(body.reason),
        version: stated_version(&req, body.version)?,
        task_id: Some(body.task_id),
        ..ActionInput::default()
    };
    answer(
        services
            .act_on_approval(&auth.0, id.into_inner(), RequestAction::RemoveSigner, input)
            .await?,
    )
}

pub(super) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(approve_approval)
        .service(reject_approval)
        .service(return_approval)
        .service(resubmit_approval)
        .service(transfer_approval)
        .service(add_approval_signer)
        .service(comment_approval)
        .service(urge_approval)
        .service(withdraw_approval)
        .service(cancel_approval)
        .service(recall_approval)
        .service(reassign_approval_task)
        .service(remove_approval_signer);
}
