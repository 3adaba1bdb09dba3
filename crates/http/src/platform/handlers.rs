use actix_web::{HttpResponse, get, web};
use xiaoban_services::Services;

use super::dto::{HealthOut, ReadinessOut, SiteOut};
use crate::errors::ApiError;

/// Liveness: the process answers. Does not touch the database.
#[utoipa::path(tag = "platform", responses((status = 200, description = "The process is up", body = HealthOut)))]
#[get("/health")]
pub async fn get_health() -> web::Json<HealthOut> {
    web::Json(HealthOut {
        status: "ok".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
    })
}

/// Readiness: the database answers and every migration is applied. Load balancers route
/// traffic only to ready instances.
#[utoipa::path(tag = "platform", responses(
    (status = 200, description = "Ready", body = ReadinessOut),
    (status = 503, description = "Not ready", body = ReadinessOut),
))]
#[get("/ready")]
pub async fn get_readiness(services: web::Data<Services>) -> Result<HttpResponse, ApiError> {
    let readiness = services.readiness().await?;
    let body = ReadinessOut {
        status: if readiness.is_ready() {
            "ready"
        } else {
            "not_ready"
        }
        .to_owned(),
        database_reachable: readiness.database_reachable,
        pending_migrations: readiness.pending_migrations as u64,
    };
    Ok(if readiness.is_ready() {
        HttpResponse::Ok().json(body)
    } else {
        HttpResponse::ServiceUnavailable().json(body)
    })
}

/// Facts about this installation for the web app, public: whether it is the demo school.
#[utoipa::path(tag = "platform", responses((status = 200, description = "This installation", body = SiteOut)))]
#[get("/site")]
pub async fn get_site(services: web::Data<Services>) -> Result<web::Json<SiteOut>, ApiError> {
    Ok(web::Json(SiteOut {
        demo: services.demo_seeded().await?,
    }))
}
