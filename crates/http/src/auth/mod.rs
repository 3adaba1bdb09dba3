//! Sign-in, token refresh and sign-out.

mod cookie;
mod dto;
mod handlers;

pub use dto::{LoginIn, LoginOut, LoginSecondFactorIn, RefreshIn, SecondFactorRequiredOut, TokenOut};
pub(crate) use handlers::respond as respond_signed_in;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::login)
        .service(handlers::login_second_factor)
        .service(handlers::refresh_token)
        .service(handlers::logout);
}
