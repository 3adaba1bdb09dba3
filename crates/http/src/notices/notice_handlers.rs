//! `/notices`: drafting, publishing, pinning and withdrawing notices; reading them.

use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use uuid::Uuid;
use xiaoban_services::Services;
use xiaoban_services::notices::{NoticeDraft, NoticePatch, NoticeQuery, NoticeView};

use super::notice_dto::{NoticeIn, NoticeOut, NoticePatchIn, NoticeQueryIn, NoticeStepIn, PinIn};
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson, ValidatedQuery, etag, expected_version, stated_version};
use crate::paging::{ListParams, PageOut};
use crate::responses::created;

crate::listing!(NoticeList, xiaoban_services::notices::NOTICE_LIST);

fn answer(view: NoticeView) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(etag(view.version))
        .json(NoticeOut::from(view))
}

/// Notices, pinned first, newest first. Readers (`notice.read`) get the published notices that
/// reach them; the office (`notice.manage`) every notice, filtered by `status`. `q` searches
/// title and text.
#[utoipa::path(tag = "notices", params(ListParams<NoticeList>, NoticeQueryIn), security(("bearerAuth" = ["notice.read"])),
    responses((status = 200, description = "One page of notices", body = PageOut<NoticeOut>)))]
#[get("/notices")]
pub async fn list_notices(
    services: web::Data<Services>,
    auth: Auth,
    paging: ValidatedQuery<ListParams<NoticeList>>,
    query: ValidatedQuery<NoticeQueryIn>,
) -> Result<web::Json<PageOut<NoticeOut>>, ApiError> {
    let request = paging.0.to_request()?;
    let query = NoticeQuery {
        status: query.0.status,
        read: query.0.read,
        keyword: request.keyword.clone(),
    };
    let page = services.list_notices(&auth.0, query, &request).await?;
    Ok(web::Json(PageOut::from_page(page, NoticeOut::from)))
}

/// Drafts a notice (`notice.manage`). Departments and roles of the audience must exist;
/// attachments must be the caller's uploads. Send an `Idempotency-Key` to make retries safe.
#[utoipa::path(tag = "notices", request_body = NoticeIn, security(("bearerAuth" = ["notice.manage"])),
    responses((status = 201, description = "Drafted; `Location` names it", body = NoticeOut)))]
#[post("/notices")]
pub async fn create_notice(
    services: web::Data<Services>,
    auth: Auth,
    body: ValidatedJson<NoticeIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let draft = NoticeDraft {
        title: body.title,
        body: body.body,
        audience_kind: body.audience.kind,
        department_ids: body.audience.department_ids,
        role_codes: body.audience.role_codes,
        pinned: body.pinned,
        is_public: body.is_public,
        attachment_ids: body.attachment_ids,
    };
    let outcome = services.create_notice(&auth.0, draft).await?;
    let view = services.notice(&auth.0, *outcome.get()).await?;
    let location = format!("{}/notices/{}", crate::API_PREFIX, view.id);
    Ok(created(location, outcome.map(|_| NoticeOut::from(view))))
}

/// One notice with its attachments; 404 for a notice the caller may not see (a reader sees
/// only published notices that reach them).
#[utoipa::path(tag = "notices", security(("bearerAuth" = ["notice.read"])),
    params(("id" = Uuid, Path, description = "The notice's id")),
    responses((status = 200, description = "The notice", body = NoticeOut)))]
#[get("/notices/{id}")]
pub async fn get_notice(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(answer(services.notice(&auth.0, id.into_inner()).await?))
}

/// Changes a draft (`notice.manage`; published notices are not edited). Needs the version
/// edited (`version` or `If-Match`).
#[utoipa::path(tag = "notices", request_body = NoticePatchIn, security(("bearerAuth" = ["notice.manage"])),
    params(("id" = Uuid, Path, description = "The notice's id")),
    responses((status = 200, description = "The notice as it now is", body = NoticeOut)))]
#[patch("/notices/{id}")]
pub async fn patch_notice(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    body: ValidatedJson<NoticePatchIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let version = expected_version(&req, body.version)?;
    let patch = NoticePatch {
        title: body.title,
        body: body.body,
        audience: body.audience.map(|a| (a.kind, a.department_ids, a.role_codes)),
        is_public: body.is_public,
        attachment_ids: body.attachment_ids,
    };
    Ok(answer(
        services
            .update_notice(&auth.0, id.into_inner(), version, patch)
            .await?,
    ))
}

/// Publishes a draft (`notice.manage`); its audience is notified.
#[utoipa::path(tag = "notices", request_body = NoticeStepIn, security(("bearerAuth" = ["notice.manage"])),
    params(("id" = Uuid, Path, description = "The notice's id")),
    responses((status = 200, description = "The notice as it now is", body = NoticeOut)))]
#[post("/notices/{id}/publish")]
pub async fn publish_notice(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    body: ValidatedJson<NoticeStepIn>,
) -> Result<HttpResponse, ApiError> {
    let version = stated_version(&req, body.0.version)?;
    Ok(answer(
        services.publish_notice(&auth.0, id.into_inner(), version).await?,
    ))
}

/// Withdraws a published notice (`notice.manage`): it leaves every reader's list.
#[utoipa::path(tag = "notices", request_body = NoticeStepIn, security(("bearerAuth" = ["notice.manage"])),
    params(("id" = Uuid, Path, description = "The notice's id")),
    responses((status = 200, description = "The notice as it now is", body = NoticeOut)))]
#[post("/notices/{id}/withdraw")]
pub async fn withdraw_notice(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    body: ValidatedJson<NoticeStepIn>,
) -> Result<HttpResponse, ApiError> {
    let version = stated_version(&req, body.0.version)?;
    Ok(answer(
        services
            .withdraw_notice(&auth.0, id.into_inner(), version)
            .await?,
    ))
}

/// Pins a draft or published notice to the top of the lists, or unpins it (`notice.manage`).
#[utoipa::path(tag = "notices", request_body = PinIn, security(("bearerAuth" = ["notice.manage"])),
    params(("id" = Uuid, Path, description = "The notice's id")),
    responses((status = 200, description = "The notice as it now is", body = NoticeOut)))]
#[post("/notices/{id}/pin")]
pub async fn pin_notice(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    body: ValidatedJson<PinIn>,
) -> Result<HttpResponse, ApiError> {
    let version = stated_version(&req, body.0.version)?;
    Ok(answer(
        services
            .pin_notice(&auth.0, id.into_inner(), body.0.pinned, version)
            .await?,
    ))
}

/// Marks a notice read by the caller (已读); again changes nothing. Only a published notice
/// that reaches the caller can be read.
#[utoipa::path(tag = "notices", security(("bearerAuth" = ["notice.read"])),
    params(("id" = Uuid, Path, description = "The notice's id")),
    responses((status = 200, description = "The notice as it now is", body = NoticeOut)))]
#[post("/notices/{id}/read")]
pub async fn read_notice(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    services.mark_notice_read(&auth.0, id).await?;
    Ok(answer(services.notice(&auth.0, id).await?))
}
