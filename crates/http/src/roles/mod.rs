//! Roles: the built-in ones and custom bundles of permissions.

mod dto;
mod handlers;

pub use dto::{RoleIn, RoleOut, RolePatchIn};

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::list_roles)
        .service(handlers::create_role)
        .service(handlers::get_role)
        .service(handlers::update_role)
        .service(handlers::delete_role);
}
