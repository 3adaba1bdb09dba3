use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;
use xiaoban_http::ApiError;
use xiaoban_http::extract::{Ctx, ValidatedJson, ValidatedQuery, etag, expected_version};
use xiaoban_http::paging::{ListParams, PageOut};

xiaoban_http::listing!(ProbeList, crate::probe::service::LIST_KEYS);
use xiaoban_http::responses::created;
use xiaoban_services::Services;

use super::service::{self, NewProbe, ProbeView};

pub const PATH: &str = "/api/v1/test-probes";

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ProbeIn {
    #[validate(length(min = 1, max = 50))]
    title: String,
    #[validate(range(min = 0, max = 1000))]
    quantity: i32,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ProbePatch {
    #[validate(length(min = 1, max = 50))]
    title: Option<String>,
    #[validate(range(min = 0, max = 1000))]
    quantity: Option<i32>,
    version: Option<i32>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ProbeOut {
    id: Uuid,
    number: String,
    title: String,
    quantity: i32,
    version: i32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<ProbeView> for ProbeOut {
    fn from(v: ProbeView) -> Self {
        Self {
            id: v.id,
            number: v.number,
            title: v.title,
            quantity: v.quantity,
            version: v.version,
            created_at: v.created_at,
            updated_at: v.updated_at,
        }
    }
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource(PATH)
            .route(web::get().to(list_probes))
            .route(web::post().to(create_probe)),
    )
    .service(web::resource(format!("{PATH}/explode")).route(web::post().to(explode)))
    .service(
        web::resource(format!("{PATH}/{{id}}"))
            .route(web::get().to(get_probe))
            .route(web::patch().to(patch_probe)),
    );
}

async fn create_probe(
    services: web::Data<Services>,
    ctx: Ctx,
    body: ValidatedJson<ProbeIn>,
) -> Result<HttpResponse, ApiError> {
    let input = NewProbe {
        title: body.0.title,
        quantity: body.0.quantity,
    };
    let outcome = service::create(&services, &ctx.0, input).await?;
    let location = format!("{PATH}/{}", outcome.clone().into_inner().id);
    Ok(created(location, outcome.map(ProbeOut::from)))
}

async fn list_probes(
    services: web::Data<Services>,
    params: ValidatedQuery<ListParams<ProbeList>>,
) -> Result<web::Json<PageOut<ProbeOut>>, ApiError> {
    let request = params.0.to_request()?;
    let page = service::list(&services, &request).await?;
    Ok(web::Json(PageOut::from_page(page, ProbeOut::from)))
}

async fn get_probe(services: web::Data<Services>, id: web::Path<Uuid>) -> Result<HttpResponse, ApiError> {
    let probe = service::get(&services, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(probe.version))
        .json(ProbeOut::from(probe)))
}

async fn patch_probe(
    req: HttpRequest,
    services: web::Data<Services>,
    id: web::Path<Uuid>,
    body: ValidatedJson<ProbePatch>,
) -> Result<HttpResponse, ApiError> {
    let patch = body.0;
    let version = expected_version(&req, patch.version)?;
    let probe = service::update(&services, id.into_inner(), version, patch.title, patch.quantity).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(probe.version))
        .json(ProbeOut::from(probe)))
}

/// Fails the way an unexpected bug would, with a secret in the cause.
async fn explode() -> Result<HttpResponse, ApiError> {
    Err(ApiError::internal("database password is hunter2"))
}
