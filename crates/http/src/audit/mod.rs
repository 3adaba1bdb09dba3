//! The audit log, for the auditor (审计管理员) only. There is no route that changes it.

mod dto;
mod handlers;

pub use dto::{AuditEventOut, AuditQuery, ChainReportOut};

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::verify_audit_events)
        .service(handlers::list_audit_events);
}
