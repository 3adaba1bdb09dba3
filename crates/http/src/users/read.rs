use actix_web::{HttpResponse, get, web};
use uuid::Uuid;
use xiaoban_services::Services;

use super::dto::UserOut;
use super::input::UsersQuery;
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedQuery, etag};
use crate::paging::{KeywordParam, KeywordQuery, ListParams, PageOut};

crate::listing!(UserList, xiaoban_services::users::USER_LIST);

/// The users the caller may see (`user.read`; a department-scoped grant sees the members of
/// its departments and their sub-departments). `q` matches username, name and number (and the
/// phone number for callers with `user.view_sensitive`). Sortable: `username` (default), `name`,
/// `number`, `createdAt`, `lastLoginAt`. Phone and ID numbers are masked unless the caller
/// holds `user.view_sensitive`.
#[utoipa::path(tag = "users", params(ListParams<UserList>, UsersQuery), security(("bearerAuth" = ["user.read"])), responses(
    (status = 200, description = "One page of users", body = PageOut<UserOut>),
))]
#[get("/users")]
pub async fn list_users(
    services: web::Data<Services>,
    auth: Auth,
    params: ValidatedQuery<ListParams<UserList>>,
    filter: ValidatedQuery<UsersQuery>,
) -> Result<web::Json<PageOut<UserOut>>, ApiError> {
    let request = params.0.to_request()?;
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

/// The user list as an Excel file (用户名单.xlsx) with the list's `q` and filters, by username,
/// at most 20,000 rows (more is a 422: narrow the filters). Same reach and masking as the list:
/// phone and ID numbers are masked unless the caller holds `user.view_sensitive`. Audited.
#[utoipa::path(tag = "users", params(KeywordParam, UsersQuery), security(("bearerAuth" = ["user.read"])),
    responses((status = 200, description = "The workbook",
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body = crate::files::FileBytes)))]
#[get("/users/export.xlsx")]
pub async fn export_users(
    services: web::Data<Services>,
    auth: Auth,
    keyword: ValidatedQuery<KeywordQuery>,
    filter: ValidatedQuery<UsersQuery>,
) -> Result<HttpResponse, ApiError> {
    let bytes = services
        .export_users(&auth.0, keyword.0.keyword(), filter.0.into())
        .await?;
    Ok(crate::responses::xlsx(
        &crate::responses::dated_name(&services, "用户名单"),
        bytes,
    ))
}
