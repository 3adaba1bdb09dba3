//! The permission catalogue.

mod handlers;

pub use handlers::PermissionOut;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::list_permissions);
}
