use actix_web::{HttpRequest, HttpResponse, get, post, web};
use xiaoban_services::Services;

use super::dto::ChangePasswordIn;
use crate::auth::TokenOut;
use crate::errors::ApiError;
use crate::extract::{AuthPendingPasswordChange, ValidatedJson, etag};
use crate::users::UserOut;

/// The signed-in user with departments, roles, effective permissions and `ETag`. Answers also while an
/// initial password waits to be changed (`mustChangePassword: true`).
#[utoipa::path(tag = "me", security(("bearerAuth" = [])), responses(
    (status = 200, description = "The signed-in user", body = UserOut),
))]
#[get("/me")]
pub async fn get_me(
    services: web::Data<Services>,
    auth: AuthPendingPasswordChange,
) -> Result<HttpResponse, ApiError> {
    let id = services.principal(&auth.0)?.id;
    let user = UserOut::from(services.user_view(id, &auth.0).await?);
    Ok(HttpResponse::Ok().insert_header(etag(user.version)).json(user))
}

/// Changes the signed-in user's password (the current one is required). Every other session
/// ends; the answer is a fresh sign-in.
#[utoipa::path(tag = "me", security(("bearerAuth" = [])), request_body = ChangePasswordIn, responses(
    (status = 200, description = "Changed; a new token pair", body = TokenOut),
    (status = 422, description = "Wrong current password, or the new one breaks the policy (each reason listed)"),
))]
#[post("/me/password")]
pub async fn change_my_password(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: AuthPendingPasswordChange,
    body: ValidatedJson<ChangePasswordIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let signed_in = services
        .change_own_password(&auth.0, &body.old_password, &body.new_password)
        .await?;
    Ok(crate::auth::respond_signed_in(
        &req,
        signed_in,
        body.refresh_token_in_cookie,
    ))
}
