//! Uploaded files (附件): upload, metadata, download.

pub(crate) mod download;
mod dto;
mod handlers;

pub use download::content_disposition;
pub use dto::{FileBytes, FileOut};

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::upload_file)
        .service(handlers::get_file)
        .service(handlers::get_file_content);
}
