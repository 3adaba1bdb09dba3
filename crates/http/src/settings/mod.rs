//! Run-time settings: the security policy (security administrator).

mod dto;
mod handlers;

pub use dto::{PasswordPolicyDto, SecurityPolicyDto, SecurityPolicyIn};

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::get_security_policy)
        .service(handlers::update_security_policy);
}
