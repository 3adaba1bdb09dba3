//! Liveness, readiness and what the web app shows before sign-in.

mod dto;
mod handlers;

pub use dto::{HealthOut, ReadinessOut, SiteOut};

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::get_health)
        .service(handlers::get_readiness)
        .service(handlers::get_site);
}
