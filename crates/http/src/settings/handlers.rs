use actix_web::{HttpRequest, HttpResponse, get, put, web};
use xiaoban_services::Services;

use super::dto::{SecurityPolicyDto, SecurityPolicyIn};
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson, etag, expected_version};

/// The password and lockout policy in force, with its `ETag`. Needs `security.manage`.
#[utoipa::path(tag = "settings", security(("bearerAuth" = ["security.manage"])), responses(
    (status = 200, description = "The policy", body = SecurityPolicyDto),
))]
#[get("/settings/security")]
pub async fn get_security_policy(
    services: web::Data<Services>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    Ok(answer(services.get_security_policy(&auth.0).await?.into()))
}

/// Changes the password and lockout policy, within the 等保2.0 floor (each violation listed).
/// Needs `security.manage` and the `version` edited (or `If-Match`); applies to the next
/// password set and the next failed sign-in.
#[utoipa::path(tag = "settings", request_body = SecurityPolicyIn, security(("bearerAuth" = ["security.manage"])), responses(
    (status = 200, description = "The policy now in force", body = SecurityPolicyDto),
))]
#[put("/settings/security")]
pub async fn update_security_policy(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    body: ValidatedJson<SecurityPolicyIn>,
) -> Result<HttpResponse, ApiError> {
    let version = expected_version(&req, body.0.version)?;
    let policy = services
        .update_security_policy(&auth.0, body.0.into_policy(version), version)
        .await?;
    Ok(answer(policy.into()))
}

fn answer(policy: SecurityPolicyDto) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(etag(policy.version))
        .json(policy)
}
