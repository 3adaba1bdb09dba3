//! `/me/totp`: the signed-in user's own two-step verification. These answer also while a
//! required enrolment is pending (that is how it gets done).

use actix_web::{HttpResponse, delete, get, post, web};
use xiaoban_services::Services;

use super::totp_dto::{RecoveryCodesOut, TotpConfirmIn, TotpDisableIn, TotpEnrolmentOut, TotpStatusOut};
use crate::errors::ApiError;
use crate::extract::{AuthPendingTotp, ValidatedJson};

/// Whether two-step verification is on, pending or required for the signed-in user.
#[utoipa::path(tag = "me", security(("bearerAuth" = [])), responses(
    (status = 200, description = "The status", body = TotpStatusOut),
))]
#[get("/me/totp")]
pub async fn get_totp(
    services: web::Data<Services>,
    auth: AuthPendingTotp,
) -> Result<web::Json<TotpStatusOut>, ApiError> {
    Ok(web::Json(services.totp_status(&auth.0).await?.into()))
}

/// Starts setting up an authenticator app: a new secret and its `otpauth://` URI, shown only
/// here. Nothing changes at sign-in until `POST /me/totp/confirm`. 409 while it is on.
#[utoipa::path(tag = "me", security(("bearerAuth" = [])), responses(
    (status = 200, description = "The secret for the app", body = TotpEnrolmentOut),
    (status = 409, description = "Two-step verification is on already"),
))]
#[post("/me/totp/enrol")]
pub async fn enrol_totp(
    services: web::Data<Services>,
    auth: AuthPendingTotp,
) -> Result<web::Json<TotpEnrolmentOut>, ApiError> {
    Ok(web::Json(services.start_totp_enrolment(&auth.0).await?.into()))
}

/// Turns two-step verification on with a first code from the app; answers ten recovery
/// codes, shown only here.
#[utoipa::path(tag = "me", security(("bearerAuth" = [])), request_body = TotpConfirmIn, responses(
    (status = 200, description = "On; the recovery codes", body = RecoveryCodesOut),
    (status = 409, description = "No enrolment was started"),
    (status = 422, description = "Wrong code"),
))]
#[post("/me/totp/confirm")]
pub async fn confirm_totp(
    services: web::Data<Services>,
    auth: AuthPendingTotp,
    body: ValidatedJson<TotpConfirmIn>,
) -> Result<web::Json<RecoveryCodesOut>, ApiError> {
    let recovery_codes = services.confirm_totp(&auth.0, &body.0.code).await?;
    Ok(web::Json(RecoveryCodesOut { recovery_codes }))
}

/// Turns two-step verification off; needs the current password and a current code. A wrong
/// password counts towards the lockout.
#[utoipa::path(tag = "me", security(("bearerAuth" = [])), request_body = TotpDisableIn, responses(
    (status = 204, description = "Off"),
    (status = 409, description = "It was not on"),
    (status = 422, description = "Wrong password or code"),
))]
#[delete("/me/totp")]
pub async fn disable_totp(
    services: web::Data<Services>,
    auth: AuthPendingTotp,
    body: ValidatedJson<TotpDisableIn>,
) -> Result<HttpResponse, ApiError> {
    services
        .disable_totp(&auth.0, &body.0.current_password, &body.0.code)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
