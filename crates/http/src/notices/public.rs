//! `/public/notices` and `/public/guides`: what anyone may read without signing in — only what
//! is published and marked public, in shapes without internal fields.

use actix_web::{HttpRequest, HttpResponse, get, web};
use uuid::Uuid;
use xiaoban_services::Services;
use xiaoban_services::notices::GuideQuery;

use super::guide_dto::{PublicGuideOut, PublicGuideQueryIn};
use super::notice_dto::PublicNoticeOut;
use crate::errors::ApiError;
use crate::extract::ValidatedQuery;
use crate::paging::{ListParams, PageOut};

crate::listing!(PublicNoticeList, xiaoban_services::notices::NOTICE_LIST);
crate::listing!(PublicGuideList, xiaoban_services::notices::PUBLIC_GUIDE_LIST);

/// Published public notices, pinned first, newest first. No sign-in.
#[utoipa::path(tag = "public", params(ListParams<PublicNoticeList>),
    responses((status = 200, description = "One page of public notices", body = PageOut<PublicNoticeOut>)))]
#[get("/public/notices")]
pub async fn list_public_notices(
    services: web::Data<Services>,
    paging: ValidatedQuery<ListParams<PublicNoticeList>>,
) -> Result<web::Json<PageOut<PublicNoticeOut>>, ApiError> {
    let request = paging.0.to_request()?;
    let page = services.public_notices(request.keyword.clone(), &request).await?;
    Ok(web::Json(PageOut::from_page(page, PublicNoticeOut::from)))
}

/// One published public notice; anything else is 404. No sign-in.
#[utoipa::path(tag = "public", params(("id" = Uuid, Path, description = "The notice's id")),
    responses((status = 200, description = "The notice", body = PublicNoticeOut)))]
#[get("/public/notices/{id}")]
pub async fn get_public_notice(
    services: web::Data<Services>,
    id: web::Path<Uuid>,
) -> Result<web::Json<PublicNoticeOut>, ApiError> {
    Ok(web::Json(services.public_notice(id.into_inner()).await?.into()))
}

/// Published public guides and manuals, as published. No sign-in.
#[utoipa::path(tag = "public", params(ListParams<PublicGuideList>, PublicGuideQueryIn),
    responses((status = 200, description = "One page of public guides", body = PageOut<PublicGuideOut>)))]
#[get("/public/guides")]
pub async fn list_public_guides(
    services: web::Data<Services>,
    paging: ValidatedQuery<ListParams<PublicGuideList>>,
    query: ValidatedQuery<PublicGuideQueryIn>,
) -> Result<web::Json<PageOut<PublicGuideOut>>, ApiError> {
    let request = paging.0.to_request()?;
    let query = GuideQuery {
        kind: query.0.kind,
        category: query.0.category,
        status: None,
        keyword: request.keyword.clone(),
    };
    let page = services.public_guides(query, &request).await?;
    Ok(web::Json(PageOut::from_page(page, PublicGuideOut::from)))
}

/// One published public guide, as published; anything else is 404. No sign-in.
#[utoipa::path(tag = "public", params(("id" = Uuid, Path, description = "The guide's id")),
    responses((status = 200, description = "The guide", body = PublicGuideOut)))]
#[get("/public/guides/{id}")]
pub async fn get_public_guide(
    services: web::Data<Services>,
    id: web::Path<Uuid>,
) -> Result<web::Json<PublicGuideOut>, ApiError> {
    Ok(web::Json(services.public_guide(id.into_inner()).await?.into()))
}

/// The flowchart of a published public guide, as published (for the hall's display screen).
/// No sign-in.
#[utoipa::path(tag = "public", params(("id" = Uuid, Path, description = "The guide's id")),
    responses(
        (status = 200, description = "The image or PDF", content_type = "*/*", body = crate::files::FileBytes),
        (status = 304, description = "Not modified (`If-None-Match` matched)"),
    ))]
#[get("/public/guides/{id}/flowchart")]
pub async fn get_public_guide_flowchart(
    req: HttpRequest,
    services: web::Data<Services>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let (view, path) = services.public_guide_flowchart(id.into_inner()).await?;
    crate::files::download::respond(&req, &view, path).await
}
