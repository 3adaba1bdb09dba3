use actix_web::{HttpResponse, get, web};
use uuid::Uuid;
use xiaoban_services::Services;
use xiaoban_services::users::USER_SORTABLE;

use super::dto::UserOut;
use super::input::UsersQuery;
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedQuery, etag};
use crate::paging::{ListParams, PageOut};

/// The users the caller may see (`user.read`; a department-scoped grant sees the members of
/// its departments and their sub-departments). `q` matches username, name and number (and the
/// phone number for callers with `user.view_sensitive`). Sortable: `username` (default), `name`,
/// `number`, `createdAt`, `lastLoginAt`. Phone and ID numbers are masked unless the caller
/// holds `user.view_sensitive`.
#[utoipa::path(tag = "users", params(ListParams, UsersQuery), security(("bearerAuth" = ["user.read"])), responses(
    (status = 200, description = "One page of users", body = PageOut<UserOut>),
))]
#[get("/users")]
pub async fn list_users(
    services: web::Data<Services>,
    auth: Auth,
    params: ValidatedQuery<ListParams>,
    filter: ValidatedQuery<UsersQuery>,
) -> Result<web::Json<PageOut<UserOut>>, ApiError> {
    let request = params.0.to_request(USER_SORTABLE)?;
    let page = services.list_users(&auth.0, &request, filter.0.into()).await?;
    Ok(web::Json(PageOut::from_page(page, UserOut::from)))
}

/// One user, with its `ETag`. Needs `user.read` reaching the user (else 404).
#[utoipa::path(tag = "users", security(("bearerAuth" = ["user.read"])),
    params(("id" = Uuid, Path, description = "The user's id")),
    responses((status = 200, description = "The user", body = UserOut)))]
#[get("/users/{id}")]
pub async fn get_user(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let user = services.get_user(&auth.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(user.version))
        .json(UserOut::from(user)))
}
