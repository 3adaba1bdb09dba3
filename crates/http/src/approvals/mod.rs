//! The approvals engine's API: templates, requests, actions on a request, the inbox and
//! out-of-office delegations.

mod actions;
mod batch;
mod definition;
mod definition_wire;
mod delegations;
mod drafts;
mod dto;
mod register;
mod requests;
mod templates;
mod wire;

pub use definition::DefinitionDto;
pub use dto::*;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(templates::list_approval_templates)
        .service(templates::create_approval_template)
        .service(templates::get_approval_template)
        .service(templates::patch_approval_template)
        .service(templates::get_approval_template_stats)
        .service(requests::start_approval)
        // Before `/approvals/{id}/…`, which would otherwise take `batch` for an id.
        .service(batch::batch_approve_approvals)
        .service(batch::batch_reject_approvals)
        .service(register::list_approvals)
        // Before `/approvals/{id}`, which would otherwise take `export.xlsx` for an id.
        .service(register::export_approvals)
        .service(requests::get_approval)
        .service(requests::get_approval_timeline)
        .service(requests::list_approval_tasks)
        .service(requests::get_approval_counts)
        .service(delegations::list_delegations)
        .service(delegations::create_delegation)
        .service(delegations::revoke_delegation)
        .service(drafts::list_approval_drafts)
        .service(drafts::create_approval_draft)
        .service(drafts::get_approval_draft)
        .service(drafts::patch_approval_draft)
        .service(drafts::delete_approval_draft)
        .service(drafts::submit_approval_draft);
    actions::routes(cfg);
}
