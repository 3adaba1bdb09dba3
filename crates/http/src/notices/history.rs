//! `GET /notices/{id}/timeline` and `GET /guides/{id}/timeline`: the office's record of what
//! was done to a notice or guide, in the shared timeline shape.

use actix_web::{get, web};
use uuid::Uuid;
use xiaoban_services::Services;

use crate::errors::ApiError;
use crate::extract::Auth;
use xiaoban_domain::notices::{GuideEvent, GuideState, NoticeEvent, NoticeState};

crate::timeline_out!(
    /// One line of a notice's timeline (流转记录).
    NoticeTimelineEvent,
    NoticeEvent,
    NoticeState
);

crate::timeline_out!(
    /// One line of a guide's or manual's timeline (流转记录).
    GuideTimelineEvent,
    GuideEvent,
    GuideState
);

/// A notice's timeline (流转记录), oldest first. Actions: `create`, `edit`, `publish`, `pin`,
/// `withdraw`, `remind` (`data.reminded`: how many were reminded).
#[utoipa::path(tag = "notices", security(("bearerAuth" = ["notice.manage"])),
    params(("id" = Uuid, Path, description = "The notice's id")),
    responses((status = 200, description = "The timeline", body = Vec<NoticeTimelineEvent>)))]
#[get("/notices/{id}/timeline")]
pub async fn get_notice_timeline(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<NoticeTimelineEvent>>, ApiError> {
    let events = services.notice_timeline(&auth.0, id.into_inner()).await?;
    Ok(web::Json(
        events.into_iter().map(NoticeTimelineEvent::from).collect(),
    ))
}

/// A guide's timeline, oldest first. Actions: `create`, `edit`, `publish`
/// (`data.publishedVersion`), `withdraw`, `review_reminded` (by the system, `data.reviewDue`).
#[utoipa::path(tag = "guides", security(("bearerAuth" = ["guide.manage"])),
    params(("id" = Uuid, Path, description = "The guide's id")),
    responses((status = 200, description = "The timeline", body = Vec<GuideTimelineEvent>)))]
#[get("/guides/{id}/timeline")]
pub async fn get_guide_timeline(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<GuideTimelineEvent>>, ApiError> {
    let events = services.guide_timeline(&auth.0, id.into_inner()).await?;
    Ok(web::Json(
        events.into_iter().map(GuideTimelineEvent::from).collect(),
    ))
}
