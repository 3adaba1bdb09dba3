//! The signed-in user: profile and own password.

mod dto;
mod handlers;

pub use dto::ChangePasswordIn;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::get_me)
        .service(handlers::change_my_password);
}
