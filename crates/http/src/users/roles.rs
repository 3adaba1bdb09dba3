use actix_web::{HttpResponse, delete, post, web};
use uuid::Uuid;
use xiaoban_services::Services;

use super::dto::UserOut;
use super::input::RoleGrantIn;
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson, etag};

/// Gives the user a role in a data scope. Needs `role.assign`. The user's roles together must
/// respect the separation of duties (三员分立): a conflict is 422 on `roleCode`. A `department`
/// scope needs an existing `departmentId`.
#[utoipa::path(tag = "users", request_body = RoleGrantIn, security(("bearerAuth" = ["role.assign"])),
    params(("id" = Uuid, Path, description = "The user's id")),
    responses((status = 201, description = "Assigned; the user as it now is", body = UserOut,
        headers(("ETag" = String, description = "The user's version, `\"3\"`: send it back as `If-Match`")))))]
#[post("/users/{id}/roles")]
pub async fn assign_user_role(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    body: ValidatedJson<RoleGrantIn>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let user = services.assign_user_role(&auth.0, id, body.0.into()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("{}/users/{id}", crate::API_PREFIX)))
        .insert_header(etag(user.version))
        .json(UserOut::from(user)))
}

/// Takes a role assignment away. Needs `role.assign`. The last active system administrator
/// keeps the `sysadmin` role (422).
#[utoipa::path(tag = "users", security(("bearerAuth" = ["role.assign"])),
    params(
        ("id" = Uuid, Path, description = "The user's id"),
        ("assignmentId" = Uuid, Path, description = "The assignment's id (`roles[].assignmentId`)"),
    ),
    responses((status = 204, description = "Removed")))]
#[delete("/users/{id}/roles/{assignmentId}")]
pub async fn remove_user_role(
    services: web::Data<Services>,
    auth: Auth,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (id, assignment_id) = path.into_inner();
    services.remove_user_role(&auth.0, id, assignment_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
