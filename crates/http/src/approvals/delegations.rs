use actix_web::{get, post, web};
use uuid::Uuid;
use xiaoban_services::Services;
use xiaoban_services::approvals::DelegationInput;

use super::dto::{DelegationIn, DelegationOut};
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson};

/// The caller's out-of-office delegations (委托), newest first.
#[utoipa::path(tag = "approvals", security(("bearerAuth" = ["approval.use"])), responses(
    (status = 200, description = "My delegations", body = Vec<DelegationOut>),
))]
#[get("/approval-delegations")]
pub async fn list_delegations(
    services: web::Data<Services>,
    auth: Auth,
) -> Result<web::Json<Vec<DelegationOut>>, ApiError> {
    Ok(web::Json(
        services
            .my_delegations(&auth.0)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// While the delegation is in force, tasks that would come to the caller go to the delegate;
/// the timeline records it. At most 90 days.
#[utoipa::path(tag = "approvals", request_body = DelegationIn, security(("bearerAuth" = ["approval.use"])), responses(
    (status = 200, description = "The delegation", body = DelegationOut),
))]
#[post("/approval-delegations")]
pub async fn create_delegation(
    services: web::Data<Services>,
    auth: Auth,
    body: ValidatedJson<DelegationIn>,
) -> Result<web::Json<DelegationOut>, ApiError> {
    let b = body.0;
    let input = DelegationInput {
        delegate_id: b.delegate_id,
        starts_at: b.starts_at,
        ends_at: b.ends_at,
        reason: b.reason,
    };
    Ok(web::Json(
        services.create_delegation(&auth.0, input).await?.into(),
    ))
}

/// Ends one of the caller's delegations now. Tasks already delegated stay with the delegate.
#[utoipa::path(tag = "approvals", security(("bearerAuth" = ["approval.use"])),
    params(("id" = Uuid, Path, description = "The delegation's id")),
    responses((status = 200, description = "The delegation", body = DelegationOut)))]
#[post("/approval-delegations/{id}/revoke")]
pub async fn revoke_delegation(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<web::Json<DelegationOut>, ApiError> {
    Ok(web::Json(
        services.revoke_delegation(&auth.0, id.into_inner()).await?.into(),
    ))
}
