//! Liveness and readiness.

mod dto;
mod handlers;

pub use dto::{HealthOut, ReadinessOut};

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::get_health).service(handlers::get_readiness);
}
