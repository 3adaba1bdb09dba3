//! Roster import (花名册导入): departments and users from a spreadsheet.

mod dto;
mod handlers;

pub use dto::RosterImportOut;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::import_roster)
        .service(handlers::get_roster_template);
}
