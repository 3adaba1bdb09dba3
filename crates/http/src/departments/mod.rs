//! The department tree (部门): list, create, read and change departments.

mod dto;
mod handlers;

pub(crate) use dto::nullable;
pub use dto::{DepartmentIn, DepartmentOut, DepartmentPatchIn, DepartmentsQuery};

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::list_departments)
        .service(handlers::create_department)
        .service(handlers::get_department)
        .service(handlers::patch_department);
}
