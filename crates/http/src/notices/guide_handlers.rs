//! `/guides`: writing, publishing and withdrawing guides and manuals; their versions and the
//! differences between them.

use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use uuid::Uuid;
use xiaoban_services::Services;
use xiaoban_services::notices::{GuideDraft, GuidePatch, GuideQuery, GuideView};

use super::guide_dto::{
    DiffQueryIn, GuideCategoryOut, GuideDiffOut, GuideIn, GuideOut, GuidePatchIn, GuideQueryIn, GuideStepIn,
    GuideVersionOut, GuideVersionsOut,
};
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson, ValidatedQuery, etag, expected_version, stated_version};
use crate::paging::{ListParams, PageOut};
use crate::responses::created;

crate::listing!(GuideList, xiaoban_services::notices::GUIDE_LIST);

fn answer(view: GuideView) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(etag(view.version))
        .json(GuideOut::from(view))
}

/// Guides and manuals by category and title. Readers (`guide.read`) get published ones as
/// published and search what was published; the office (`guide.manage`) every guide's working
/// copy. `q` searches title, category and text.
#[utoipa::path(tag = "guides", params(ListParams<GuideList>, GuideQueryIn), security(("bearerAuth" = ["guide.read"])),
    responses((status = 200, description = "One page of guides", body = PageOut<GuideOut>)))]
#[get("/guides")]
pub async fn list_guides(
    services: web::Data<Services>,
    auth: Auth,
    paging: ValidatedQuery<ListParams<GuideList>>,
    query: ValidatedQuery<GuideQueryIn>,
) -> Result<web::Json<PageOut<GuideOut>>, ApiError> {
    let request = paging.0.to_request()?;
    let query = GuideQuery {
        kind: query.0.kind,
        category: query.0.category,
        status: query.0.status,
        keyword: request.keyword.clone(),
    };
    let page = services.list_guides(&auth.0, query, &request).await?;
    Ok(web::Json(PageOut::from_page(page, GuideOut::from)))
}

/// Writes a guide or manual as a draft (`guide.manage`). Send an `Idempotency-Key` to make
/// retries safe. A title another guide of the same kind has is 409 `conflict`.
#[utoipa::path(tag = "guides", request_body = GuideIn, security(("bearerAuth" = ["guide.manage"])),
    responses(
        (status = 201, description = "Drafted; `Location` names it", body = GuideOut),
        (status = 409, description = "A guide of this kind already has the title"),
    ))]
#[post("/guides")]
pub async fn create_guide(
    services: web::Data<Services>,
    auth: Auth,
    body: ValidatedJson<GuideIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let draft = GuideDraft {
        kind: body.kind,
        category: body.category,
        title: body.title,
        body: body.body,
        is_public: body.is_public,
        owner_id: body.owner_id,
        flowchart_file_id: body.flowchart_file_id,
    };
    let outcome = services.create_guide(&auth.0, draft).await?;
    let view = services.guide(&auth.0, *outcome.get()).await?;
    let location = format!("{}/guides/{}", crate::API_PREFIX, view.id);
    Ok(created(location, outcome.map(|_| GuideOut::from(view))))
}

/// One guide: the working copy for the office, the latest published version for readers
/// (404 for a draft or withdrawn guide).
#[utoipa::path(tag = "guides", security(("bearerAuth" = ["guide.read"])),
    params(("id" = Uuid, Path, description = "The guide's id")),
    responses((status = 200, description = "The guide", body = GuideOut)))]
#[get("/guides/{id}")]
pub async fn get_guide(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(answer(services.guide(&auth.0, id.into_inner()).await?))
}

/// Changes the working copy (`guide.manage`); readers see it after the next publication.
/// Needs the version edited (`version` or `If-Match`). A new title another guide of the same
/// kind has is 409 `conflict`.
#[utoipa::path(tag = "guides", request_body = GuidePatchIn, security(("bearerAuth" = ["guide.manage"])),
    params(("id" = Uuid, Path, description = "The guide's id")),
    responses(
        (status = 200, description = "The guide as it now is", body = GuideOut),
        (status = 409, description = "Stale version (`version_conflict`) or a title taken in its kind (`conflict`)"),
    ))]
#[patch("/guides/{id}")]
pub async fn patch_guide(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    body: ValidatedJson<GuidePatchIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let version = expected_version(&req, body.version)?;
    let patch = GuidePatch {
        category: body.category,
        title: body.title,
        body: body.body,
        is_public: body.is_public,
        owner_id: body.owner_id,
        flowchart_file_id: body.flowchart_file_id,
    };
    Ok(answer(
        services
            .update_guide(&auth.0, id.into_inner(), version, patch)
            .await?,
    ))
}

/// Publishes the working copy as the next version (`guide.manage`); every version is kept.
/// The review falls due six months later, on a working day.
#[utoipa::path(tag = "guides", request_body = GuideStepIn, security(("bearerAuth" = ["guide.manage"])),
    params(("id" = Uuid, Path, description = "The guide's id")),
    responses((status = 200, description = "The guide as it now is", body = GuideOut)))]
#[post("/guides/{id}/publish")]
pub async fn publish_guide(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    body: ValidatedJson<GuideStepIn>,
) -> Result<HttpResponse, ApiError> {
    let version = stated_version(&req, body.0.version)?;
    Ok(answer(
        services.publish_guide(&auth.0, id.into_inner(), version).await?,
    ))
}

/// Takes a guide out of every list (`guide.manage`); publishing it again brings it back.
#[utoipa::path(tag = "guides", request_body = GuideStepIn, security(("bearerAuth" = ["guide.manage"])),
    params(("id" = Uuid, Path, description = "The guide's id")),
    responses((status = 200, description = "The guide as it now is", body = GuideOut)))]
#[post("/guides/{id}/withdraw")]
pub async fn withdraw_guide(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    body: ValidatedJson<GuideStepIn>,
) -> Result<HttpResponse, ApiError> {
    let version = stated_version(&req, body.0.version)?;
    Ok(answer(
        services.withdraw_guide(&auth.0, id.into_inner(), version).await?,
    ))
}

/// Every published version of a guide the caller may see, newest first.
#[utoipa::path(tag = "guides", security(("bearerAuth" = ["guide.read"])),
    params(("id" = Uuid, Path, description = "The guide's id")),
    responses((status = 200, description = "The versions", body = GuideVersionsOut)))]
#[get("/guides/{id}/versions")]
pub async fn list_guide_versions(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<web::Json<GuideVersionsOut>, ApiError> {
    let versions = services.guide_versions(&auth.0, id.into_inner()).await?;
    Ok(web::Json(GuideVersionsOut {
        items: versions.into_iter().map(GuideVersionOut::from).collect(),
    }))
}

/// One published version.
#[utoipa::path(tag = "guides", security(("bearerAuth" = ["guide.read"])),
    params(("id" = Uuid, Path, description = "The guide's id"), ("number" = i32, Path, description = "The version's number, from 1")),
    responses((status = 200, description = "The version", body = GuideVersionOut)))]
#[get("/guides/{id}/versions/{number}")]
pub async fn get_guide_version(
    services: web::Data<Services>,
    auth: Auth,
    path: web::Path<(Uuid, i32)>,
) -> Result<web::Json<GuideVersionOut>, ApiError> {
    let (id, number) = path.into_inner();
    Ok(web::Json(
        services.guide_version(&auth.0, id, number).await?.into(),
    ))
}

/// What changed from version `from` to version `to`, line by line (the title first).
#[utoipa::path(tag = "guides", params(("id" = Uuid, Path, description = "The guide's id"), DiffQueryIn),
    security(("bearerAuth" = ["guide.read"])),
    responses((status = 200, description = "The difference", body = GuideDiffOut)))]
#[get("/guides/{id}/diff")]
pub async fn get_guide_diff(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    query: ValidatedQuery<DiffQueryIn>,
) -> Result<web::Json<GuideDiffOut>, ApiError> {
    let diff = services
        .guide_diff(&auth.0, id.into_inner(), query.0.from, query.0.to)
        .await?;
    Ok(web::Json(diff.into()))
}

/// The categories of the guides the caller may list, by name, with their counts (for a filter):
/// every guide's for the office, the published versions' for readers.
#[utoipa::path(tag = "guides", security(("bearerAuth" = ["guide.read"])), responses(
    (status = 200, description = "Categories by name", body = Vec<GuideCategoryOut>),
))]
#[get("/guides/categories")]
pub async fn list_guide_categories(
    services: web::Data<Services>,
    auth: Auth,
) -> Result<web::Json<Vec<GuideCategoryOut>>, ApiError> {
    let categories = services.guide_categories(&auth.0).await?;
    Ok(web::Json(
        categories
            .into_iter()
            .map(|(category, count)| GuideCategoryOut { category, count })
            .collect(),
    ))
}
