//! Drafts (草稿) of requests: only their author sees them (anyone else gets 404), they notify
//! nobody and take no number until submitted.

use std::collections::BTreeMap;

use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;
use xiaoban_services::Services;
use xiaoban_services::approvals::{DraftInput, DraftPatch};

use super::dto::ApprovalOut;
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson, etag, expected_version, stated_version};
use crate::responses::created;

/// Saves a draft of a request.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DraftIn {
    pub template_id: Uuid,
    /// Values by field key, checked field by field; required fields may still be empty.
    #[schema(value_type = std::collections::HashMap<String, serde_json::Value>)]
    pub form: Value,
    /// Approvers picked so far for steps of type `applicant_picks`: step index → user ids.
    #[serde(default)]
    pub approvers: BTreeMap<String, Vec<Uuid>>,
}

/// Changes to a draft; what is given replaces what was saved.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DraftPatchIn {
    #[schema(value_type = Option<std::collections::HashMap<String, serde_json::Value>>)]
    pub form: Option<Value>,
    pub approvers: Option<BTreeMap<String, Vec<Uuid>>>,
    /// The draft's version edited (or send `If-Match: "N"`); stale → 409 `version_conflict`.
    pub version: Option<i32>,
}

/// A draft of a request, as its author sees it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DraftOut {
    pub id: Uuid,
    pub template_id: Uuid,
    pub template_name: String,
    /// The form's summary line so far.
    pub summary: String,
    #[schema(value_type = std::collections::HashMap<String, serde_json::Value>)]
    pub form: Value,
    pub approvers: BTreeMap<String, Vec<Uuid>>,
    /// The uploads the form's attachment fields name.
    pub attachments: Vec<crate::files::FileOut>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

/// Saves a draft (needs `approval.use` and the template's starter rule). Values are checked as
/// when starting, except that required fields may be empty: a wrong value is 422 on
/// `form.<key>`. No number is taken and nobody is told. Send an `Idempotency-Key` to make
/// retries safe.
#[utoipa::path(tag = "approvals", request_body = DraftIn, security(("bearerAuth" = ["approval.use"])), responses(
    (status = 201, description = "Saved; `Location` names it", body = DraftOut),
))]
#[post("/approval-drafts")]
pub async fn create_approval_draft(
    services: web::Data<Services>,
    auth: Auth,
    body: ValidatedJson<DraftIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let input = DraftInput {
        template_id: body.template_id,
        form: body.form,
        approvers: body.approvers,
    };
    let outcome = services
        .create_approval_draft(&auth.0, input)
        .await?
        .map(DraftOut::from);
    let location = format!("{}/approval-drafts/{}", crate::API_PREFIX, outcome.get().id);
    Ok(created(location, outcome))
}

/// The caller's drafts (草稿箱), most recently saved first. Nobody sees anyone else's.
#[utoipa::path(tag = "approvals", security(("bearerAuth" = ["approval.use"])), responses(
    (status = 200, description = "The caller's drafts", body = Vec<DraftOut>),
))]
#[get("/approval-drafts")]
pub async fn list_approval_drafts(
    services: web::Data<Services>,
    auth: Auth,
) -> Result<web::Json<Vec<DraftOut>>, ApiError> {
    Ok(web::Json(
        services
            .list_approval_drafts(&auth.0)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// One of the caller's drafts, with its `ETag`; anyone else's is 404.
#[utoipa::path(tag = "approvals", security(("bearerAuth" = ["approval.use"])),
    params(("id" = Uuid, Path, description = "The draft's id")),
    responses((status = 200, description = "The draft", body = DraftOut)))]
#[get("/approval-drafts/{id}")]
pub async fn get_approval_draft(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let draft = services.get_approval_draft(&auth.0, id.into_inner()).await?;
    let out = DraftOut::from(draft);
    Ok(HttpResponse::Ok().insert_header(etag(out.version)).json(out))
}

/// Edits the caller's draft (needs `version` or `If-Match`; stale → 409).
#[utoipa::path(tag = "approvals", request_body = DraftPatchIn, security(("bearerAuth" = ["approval.use"])),
    params(("id" = Uuid, Path, description = "The draft's id")),
    responses(
        (status = 200, description = "The draft as it now is", body = DraftOut),
        (status = 409, description = "Stale version"),
    ))]
#[patch("/approval-drafts/{id}")]
pub async fn patch_approval_draft(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    body: ValidatedJson<DraftPatchIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let version = expected_version(&req, body.version)?;
    let patch = DraftPatch {
        form: body.form,
        approvers: body.approvers,
    };
    let draft = services
        .update_approval_draft(&auth.0, id.into_inner(), version, patch)
        .await?;
    let out = DraftOut::from(draft);
    Ok(HttpResponse::Ok().insert_header(etag(out.version)).json(out))
}

/// Deletes the caller's draft (with `If-Match`, only at that version).
#[utoipa::path(tag = "approvals", security(("bearerAuth" = ["approval.use"])),
    params(("id" = Uuid, Path, description = "The draft's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 409, description = "Stale version"),
    ))]
#[delete("/approval-drafts/{id}")]
pub async fn delete_approval_draft(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let version = stated_version(&req, None)?;
    services
        .delete_approval_draft(&auth.0, id.into_inner(), version)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Submits the caller's draft as a request: the same checks as `POST /approvals` (required
/// fields are 422 on `form.<key>`, the draft stays), the number is taken now and the draft is
/// gone. With `If-Match`, only at that version. Send an `Idempotency-Key` to make retries safe.
#[utoipa::path(tag = "approvals", security(("bearerAuth" = ["approval.use"])),
    params(("id" = Uuid, Path, description = "The draft's id")),
    responses(
        (status = 201, description = "Submitted; `Location` names the request", body = ApprovalOut),
        (status = 409, description = "Stale version"),
    ))]
#[post("/approval-drafts/{id}/submit")]
pub async fn submit_approval_draft(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let version = stated_version(&req, None)?;
    let outcome = services
        .submit_approval_draft(&auth.0, id.into_inner(), version)
        .await?
        .map(ApprovalOut::from);
    let location = format!("{}/approvals/{}", crate::API_PREFIX, outcome.get().id);
    Ok(created(location, outcome))
}
