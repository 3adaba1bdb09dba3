use actix_web::{get, web};
use xiaoban_services::Services;

use super::dto::{AuditEventOut, AuditQuery, ChainReportOut};
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedQuery};
use crate::paging::{ListParams, PageOut};

crate::listing!(AuditList, xiaoban_services::audit::AUDIT_LIST);

/// The audit log, newest first: every change, sign-in, failed sign-in, lockout and refused
/// request. Needs `audit.read` (the auditor role); nobody can change or delete entries.
#[utoipa::path(tag = "audit", params(ListParams<AuditList>, AuditQuery), security(("bearerAuth" = ["audit.read"])), responses(
    (status = 200, description = "One page of events", body = PageOut<AuditEventOut>),
))]
#[get("/audit-events")]
pub async fn list_audit_events(
    services: web::Data<Services>,
    auth: Auth,
    paging: ValidatedQuery<ListParams<AuditList>>,
    query: ValidatedQuery<AuditQuery>,
) -> Result<web::Json<PageOut<AuditEventOut>>, ApiError> {
    let request = paging.0.to_request()?;
    let page = services
        .list_audit_events(&auth.0, &query.0.filter(), &request)
        .await?;
    Ok(web::Json(PageOut::from_page(page, AuditEventOut::from)))
}

/// Checks the hash chain of the whole log and names the first altered, inserted or deleted
/// event. Needs `audit.read`.
#[utoipa::path(tag = "audit", security(("bearerAuth" = ["audit.read"])), responses(
    (status = 200, description = "The verdict", body = ChainReportOut),
))]
#[get("/audit-events/verify")]
pub async fn verify_audit_events(
    services: web::Data<Services>,
    auth: Auth,
) -> Result<web::Json<ChainReportOut>, ApiError> {
    Ok(web::Json(services.verify_audit_log(&auth.0).await?.into()))
}
