use actix_web::{HttpResponse, post, put, web};
use uuid::Uuid;
use xiaoban_services::Services;

use super::dto::UserOut;
use super::input::{ClearanceIn, PasswordResetOut};
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson, etag};

fn answer(user: xiaoban_services::users::UserView) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(etag(user.version))
        .json(UserOut::from(user))
}

/// Disables a user: every session and token of theirs ends at once. Needs `user.manage`.
/// Nobody can disable themselves (422).
#[utoipa::path(tag = "users", security(("bearerAuth" = ["user.manage"])),
    params(("id" = Uuid, Path, description = "The user's id")),
    responses((status = 200, description = "The user as it now is", body = UserOut)))]
#[post("/users/{id}/disable")]
pub async fn disable_user(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(answer(services.disable_user(&auth.0, id.into_inner()).await?))
}

/// Enables a disabled user again. Needs `user.manage`.
#[utoipa::path(tag = "users", security(("bearerAuth" = ["user.manage"])),
    params(("id" = Uuid, Path, description = "The user's id")),
    responses((status = 200, description = "The user as it now is", body = UserOut)))]
#[post("/users/{id}/enable")]
pub async fn enable_user(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(answer(services.enable_user(&auth.0, id.into_inner()).await?))
}

/// Sets a new random password, shown once, that must be changed at the next sign-in; lifts a
/// lockout and ends the user's sessions. Needs `user.reset_password`.
#[utoipa::path(tag = "users", security(("bearerAuth" = ["user.reset_password"])),
    params(("id" = Uuid, Path, description = "The user's id")),
    responses((status = 200, description = "The new password", body = PasswordResetOut)))]
#[post("/users/{id}/reset-password")]
pub async fn reset_user_password(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<web::Json<PasswordResetOut>, ApiError> {
    let initial_password = services.reset_user_password(&auth.0, id.into_inner()).await?;
    Ok(web::Json(PasswordResetOut { initial_password }))
}

/// Removes the user's two-step verification (a lost phone) and ends their sessions; a role
/// that requires it makes them set it up again at the next sign-in. Needs
/// `user.reset_password`. An administrator's account answers 403 `server_only`: that is done
/// with `xiaoban admin reset-totp` on the server.
#[utoipa::path(tag = "users", security(("bearerAuth" = ["user.reset_password"])),
    params(("id" = Uuid, Path, description = "The user's id")),
    responses(
        (status = 200, description = "The user as it now is", body = UserOut),
        (status = 403, description = "`forbidden`, or `server_only` for an administrator's account"),
    ))]
#[post("/users/{id}/reset-totp")]
pub async fn reset_user_totp(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(answer(services.reset_user_totp(&auth.0, id.into_inner()).await?))
}

/// Lifts a lockout after too many wrong passwords. Needs `user.unlock`.
#[utoipa::path(tag = "users", security(("bearerAuth" = ["user.unlock"])),
    params(("id" = Uuid, Path, description = "The user's id")),
    responses((status = 200, description = "The user as it now is", body = UserOut)))]
#[post("/users/{id}/unlock")]
pub async fn unlock_user(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(answer(services.unlock_user(&auth.0, id.into_inner()).await?))
}

/// Sets the classification level the user may read. Needs `user.set_clearance`.
#[utoipa::path(tag = "users", request_body = ClearanceIn, security(("bearerAuth" = ["user.set_clearance"])),
    params(("id" = Uuid, Path, description = "The user's id")),
    responses((status = 200, description = "The user as it now is", body = UserOut)))]
#[put("/users/{id}/clearance")]
pub async fn set_user_clearance(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    body: ValidatedJson<ClearanceIn>,
) -> Result<HttpResponse, ApiError> {
    let user = services
        .set_user_clearance(&auth.0, id.into_inner(), body.0.clearance)
        .await?;
    Ok(answer(user))
}
