use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use uuid::Uuid;
use xiaoban_services::Services;

use super::dto::{DepartmentIn, DepartmentOut, DepartmentPatchIn, DepartmentsQuery};
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson, ValidatedQuery, etag, expected_version};
use crate::responses::created;

/// The whole department tree as one flat list in display order: each department right before
/// its sub-departments, siblings by `sortOrder` then `code`. The tree is small (a school has at
/// most a few hundred departments), so this list has no paging. Needs `department.read`.
#[utoipa::path(tag = "departments", params(DepartmentsQuery), security(("bearerAuth" = ["department.read"])), responses(
    (status = 200, description = "Every department, parents before children", body = Vec<DepartmentOut>),
))]
#[get("/departments")]
pub async fn list_departments(
    services: web::Data<Services>,
    auth: Auth,
    query: ValidatedQuery<DepartmentsQuery>,
) -> Result<web::Json<Vec<DepartmentOut>>, ApiError> {
    let include_inactive = query.0.include_inactive.unwrap_or(false);
    let list = services
        .list_departments(&auth.0, include_inactive, query.0.q.as_deref())
        .await?;
    Ok(web::Json(list.into_iter().map(DepartmentOut::from).collect()))
}

/// Creates a department. Needs `department.manage`. Send an `Idempotency-Key` to make retries
/// safe. A taken code is 409 `conflict`; an unknown or inactive parent or head is 422.
#[utoipa::path(tag = "departments", request_body = DepartmentIn, security(("bearerAuth" = ["department.manage"])), responses(
    (status = 201, description = "Created; `Location` names it", body = DepartmentOut),
    (status = 409, description = "The code is taken"),
))]
#[post("/departments")]
pub async fn create_department(
    services: web::Data<Services>,
    auth: Auth,
    body: ValidatedJson<DepartmentIn>,
) -> Result<HttpResponse, ApiError> {
    let outcome = services.create_department(&auth.0, body.0.into()).await?;
    let location = format!(
        "{}/departments/{}",
        crate::API_PREFIX,
        outcome.clone().into_inner().id
    );
    Ok(created(location, outcome.map(DepartmentOut::from)))
}

/// One department, with its `ETag`. Needs `department.read`.
#[utoipa::path(tag = "departments", security(("bearerAuth" = ["department.read"])),
    params(("id" = Uuid, Path, description = "The department's id")),
    responses((status = 200, description = "The department", body = DepartmentOut)))]
#[get("/departments/{id}")]
pub async fn get_department(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let department = services.get_department(&auth.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(department.version))
        .json(DepartmentOut::from(department)))
}

/// Renames, re-codes, moves (`parentId`), reorders, sets the head of, or (de)activates a
/// department. Needs `department.manage` and the `version` edited (or `If-Match`). A move below
/// itself is 422 on `parentId`; deactivating a department that still has active members or
/// active sub-departments is 422 on `active`.
#[utoipa::path(tag = "departments", request_body = DepartmentPatchIn, security(("bearerAuth" = ["department.manage"])),
    params(("id" = Uuid, Path, description = "The department's id")),
    responses(
        (status = 200, description = "The department as it now is", body = DepartmentOut),
        (status = 409, description = "Stale version (`version_conflict`) or a taken code (`conflict`)"),
    ))]
#[patch("/departments/{id}")]
pub async fn patch_department(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    body: ValidatedJson<DepartmentPatchIn>,
) -> Result<HttpResponse, ApiError> {
    let patch = body.0;
    let version = expected_version(&req, patch.version)?;
    let department = services
        .update_department(&auth.0, id.into_inner(), version, patch.into())
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(department.version))
        .json(DepartmentOut::from(department)))
}
