//! API keys for scripts and integrations.

mod dto;
mod handlers;

pub use dto::{ApiKeyIn, ApiKeyOut, IssuedApiKeyOut};

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::list_api_keys)
        .service(handlers::create_api_key)
        .service(handlers::revoke_api_key);
}
