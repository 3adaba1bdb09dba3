//! The signed-in user: profile, own password and own two-step verification.

mod dto;
mod handlers;
mod totp;
mod totp_dto;

pub use dto::ChangePasswordIn;
pub use totp_dto::{RecoveryCodesOut, TotpConfirmIn, TotpDisableIn, TotpEnrolmentOut, TotpStatusOut};

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::get_me)
        .service(handlers::change_my_password)
        .service(totp::get_totp)
        .service(totp::enrol_totp)
        .service(totp::confirm_totp)
        .service(totp::disable_totp);
}
