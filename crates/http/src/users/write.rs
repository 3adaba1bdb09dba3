use actix_web::{HttpRequest, HttpResponse, patch, post, web};
use uuid::Uuid;
use xiaoban_services::Services;

use super::dto::UserOut;
use super::input::{CreatedUserOut, UserIn, UserPatchIn};
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson, etag, expected_version};
use crate::responses::created;

/// Creates a user who must change the password at first sign-in. Needs `user.manage` (and
/// `role.assign` when `roles` are given; together they must respect the separation of duties
/// 三员分立). Without `password` a random one is generated and returned once as
/// `initialPassword`. Send an `Idempotency-Key` to make retries safe. A taken username or number
/// is 409 `conflict`.
#[utoipa::path(tag = "users", request_body = UserIn, security(("bearerAuth" = ["user.manage"])), responses(
    (status = 201, description = "Created; `Location` names the user", body = CreatedUserOut),
    (status = 409, description = "The username or number is taken"),
))]
#[post("/users")]
pub async fn create_user(
    services: web::Data<Services>,
    auth: Auth,
    body: ValidatedJson<UserIn>,
) -> Result<HttpResponse, ApiError> {
    let outcome = services.create_user(&auth.0, body.0.into()).await?;
    let location = format!(
        "{}/users/{}",
        crate::API_PREFIX,
        outcome.clone().into_inner().user.id
    );
    Ok(created(
        location,
        outcome.map(|c| CreatedUserOut {
            user: c.user.into(),
            initial_password: c.initial_password,
        }),
    ))
}

/// Edits a user's profile or departments. Needs `user.manage` reaching the user and the
/// `version` edited (or `If-Match`).
#[utoipa::path(tag = "users", request_body = UserPatchIn, security(("bearerAuth" = ["user.manage"])),
    params(("id" = Uuid, Path, description = "The user's id")),
    responses(
        (status = 200, description = "The user as it now is", body = UserOut),
        (status = 409, description = "Stale version (`version_conflict`) or a taken number (`conflict`)"),
    ))]
#[patch("/users/{id}")]
pub async fn patch_user(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    body: ValidatedJson<UserPatchIn>,
) -> Result<HttpResponse, ApiError> {
    let patch = body.0;
    let version = expected_version(&req, patch.version)?;
    let user = services
        .update_user(&auth.0, id.into_inner(), version, patch.into())
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(user.version))
        .json(UserOut::from(user)))
}
