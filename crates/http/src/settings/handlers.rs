use actix_web::{get, put, web};
use xiaoban_services::Services;

use super::dto::SecurityPolicyDto;
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson};

/// The password and lockout policy in force. Needs `security.manage`.
#[utoipa::path(tag = "settings", security(("bearerAuth" = ["security.manage"])), responses(
    (status = 200, description = "The policy", body = SecurityPolicyDto),
))]
#[get("/settings/security")]
pub async fn get_security_policy(
    services: web::Data<Services>,
    auth: Auth,
) -> Result<web::Json<SecurityPolicyDto>, ApiError> {
    Ok(web::Json(services.get_security_policy(&auth.0).await?.into()))
}

/// Changes the password and lockout policy, within the 等保2.0 floor (each violation listed).
/// Needs `security.manage`; applies to the next password set and the next failed sign-in.
#[utoipa::path(tag = "settings", request_body = SecurityPolicyDto, security(("bearerAuth" = ["security.manage"])), responses(
    (status = 200, description = "The policy now in force", body = SecurityPolicyDto),
))]
#[put("/settings/security")]
pub async fn update_security_policy(
    services: web::Data<Services>,
    auth: Auth,
    body: ValidatedJson<SecurityPolicyDto>,
) -> Result<web::Json<SecurityPolicyDto>, ApiError> {
    let version = body.0.version;
    let policy = services
        .update_security_policy(&auth.0, body.0.into(), version)
        .await?;
    Ok(web::Json(policy.into()))
}
