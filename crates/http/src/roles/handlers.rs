use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use uuid::Uuid;
use xiaoban_services::Services;
use xiaoban_services::roles::{NewRole, RolePatch};

use super::dto::{RoleIn, RoleOut, RolePatchIn, RolesQuery};
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson, ValidatedQuery, etag, expected_version};
use crate::responses::created;

/// Every role, built-in ones first, with permissions and holder counts. Needs `role.read`.
#[utoipa::path(tag = "roles", params(RolesQuery), security(("bearerAuth" = ["role.read"])), responses(
    (status = 200, description = "All roles", body = Vec<RoleOut>),
))]
#[get("/roles")]
pub async fn list_roles(
    services: web::Data<Services>,
    auth: Auth,
    query: ValidatedQuery<RolesQuery>,
) -> Result<web::Json<Vec<RoleOut>>, ApiError> {
    let roles = services.list_roles(&auth.0, query.0.q.as_deref()).await?;
    Ok(web::Json(roles.into_iter().map(RoleOut::from).collect()))
}

/// Creates a custom role. Needs `role.manage`. Unknown permissions and sets that break the
/// separation of duties (三员分立) are 422 under `permissions`; a taken code is 409. Send an
/// `Idempotency-Key` to retry safely.
#[utoipa::path(tag = "roles", security(("bearerAuth" = ["role.manage"])), request_body = RoleIn, responses(
    (status = 201, description = "Created", body = RoleOut),
    (status = 409, description = "The code is taken"),
    (status = 422, description = "Invalid fields, unknown permissions or a duty conflict"),
))]
#[post("/roles")]
pub async fn create_role(
    services: web::Data<Services>,
    auth: Auth,
    body: ValidatedJson<RoleIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let input = NewRole {
        code: body.code,
        name: body.name,
        description: body.description,
        permissions: body.permissions.into_iter().collect(),
    };
    let outcome = services.create_role(&auth.0, input).await?;
    let location = format!("{}/roles/{}", crate::API_PREFIX, outcome.clone().into_inner().id);
    Ok(created(location, outcome.map(RoleOut::from)))
}

/// One role. Needs `role.read`.
#[utoipa::path(tag = "roles", security(("bearerAuth" = ["role.read"])),
    params(("id" = Uuid, Path, description = "The role's id")),
    responses((status = 200, description = "The role", body = RoleOut)),
)]
#[get("/roles/{id}")]
pub async fn get_role(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let role = services.get_role(&auth.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(role.version))
        .json(RoleOut::from(role)))
}

/// Edits a role. Needs `role.manage`. Built-in roles keep their name and permissions (422 under
/// `name`/`permissions`): they are restored from the code at every start. A custom role's new
/// permissions must pass the separation of duties on their own and for every holder's roles
/// together (else 422 under `permissions`).
#[utoipa::path(tag = "roles", security(("bearerAuth" = ["role.manage"])), request_body = RolePatchIn,
    params(("id" = Uuid, Path, description = "The role's id")),
    responses(
        (status = 200, description = "The role as it is now", body = RoleOut),
        (status = 409, description = "`version_conflict`"),
        (status = 422, description = "Invalid fields, a built-in role's name or permissions, or a duty conflict"),
    ),
)]
#[patch("/roles/{id}")]
pub async fn update_role(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    body: ValidatedJson<RolePatchIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let version = expected_version(&req, body.version)?;
    let patch = RolePatch {
        name: body.name,
        description: body.description,
        permissions: body.permissions.map(|p| p.into_iter().collect()),
    };
    let role = services
        .update_role(&auth.0, id.into_inner(), version, patch)
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(role.version))
        .json(RoleOut::from(role)))
}

/// Deletes a custom role. Needs `role.manage`. Built-in roles and roles someone still holds are
/// refused with 409.
#[utoipa::path(tag = "roles", security(("bearerAuth" = ["role.manage"])),
    params(("id" = Uuid, Path, description = "The role's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 409, description = "Built-in, or still held by users"),
    ),
)]
#[delete("/roles/{id}")]
pub async fn delete_role(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    services.delete_role(&auth.0, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
