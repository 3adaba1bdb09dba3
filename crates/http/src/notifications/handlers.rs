use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;
use xiaoban_services::Services;

use super::dto::{NotificationOut, NotificationQuery, ReadAllOut, UnreadCountOut};
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedQuery};
use crate::paging::{ListParams, PageOut};

crate::listing!(
    NotificationList,
    xiaoban_services::notifications::NOTIFICATION_LIST
);

/// The signed-in user's notifications, newest first; `unread=true` for unread ones only.
/// Needs `notification.read` (every role has it).
#[utoipa::path(tag = "notifications", params(ListParams<NotificationList>, NotificationQuery),
    security(("bearerAuth" = ["notification.read"])), responses(
    (status = 200, description = "One page of notifications", body = PageOut<NotificationOut>),
))]
#[get("/notifications")]
pub async fn list_notifications(
    services: web::Data<Services>,
    auth: Auth,
    paging: ValidatedQuery<ListParams<NotificationList>>,
    query: ValidatedQuery<NotificationQuery>,
) -> Result<web::Json<PageOut<NotificationOut>>, ApiError> {
    let request = paging.0.to_request()?;
    let unread_only = query.0.unread.unwrap_or(false);
    let page = services
        .list_notifications(&auth.0, unread_only, &request)
        .await?;
    Ok(web::Json(PageOut::from_page(page, NotificationOut::from)))
}

/// How many of the signed-in user's notifications are unread (the badge on the bell).
#[utoipa::path(tag = "notifications", security(("bearerAuth" = ["notification.read"])), responses(
    (status = 200, description = "The unread count", body = UnreadCountOut),
))]
#[get("/notifications/unread-count")]
pub async fn get_unread_notification_count(
    services: web::Data<Services>,
    auth: Auth,
) -> Result<web::Json<UnreadCountOut>, ApiError> {
    let count = services.unread_notification_count(&auth.0).await?;
    Ok(web::Json(UnreadCountOut { count }))
}

/// Marks one of the signed-in user's notifications read. Marking a read one again changes
/// nothing; someone else's notification is 404.
#[utoipa::path(tag = "notifications", security(("bearerAuth" = ["notification.read"])),
    params(("id" = Uuid, Path, description = "The notification's id")),
    responses((status = 204, description = "Read")),
)]
#[post("/notifications/{id}/read")]
pub async fn mark_notification_read(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    services.mark_notification_read(&auth.0, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Marks every unread notification of the signed-in user read.
#[utoipa::path(tag = "notifications", security(("bearerAuth" = ["notification.read"])), responses(
    (status = 200, description = "How many were marked", body = ReadAllOut),
))]
#[post("/notifications/read-all")]
pub async fn mark_all_notifications_read(
    services: web::Data<Services>,
    auth: Auth,
) -> Result<web::Json<ReadAllOut>, ApiError> {
    let updated = services.mark_all_notifications_read(&auth.0).await?;
    Ok(web::Json(ReadAllOut { updated }))
}
