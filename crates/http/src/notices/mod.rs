//! 通知公告, 办事指南 and 操作手册: `/notices` (with receipts), `/guides` (with versions) and
//! their public reads under `/public/`.

mod guide_dto;
mod guide_handlers;
mod guide_import;
mod history;
mod notice_dto;
mod notice_handlers;
mod public;
mod receipt_handlers;

pub use guide_dto::{GuideOut, PublicGuideOut};
pub use notice_dto::{NoticeOut, PublicNoticeOut};

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(notice_handlers::list_notices)
        .service(notice_handlers::create_notice)
        .service(notice_handlers::get_notice)
        .service(notice_handlers::patch_notice)
        .service(notice_handlers::publish_notice)
        .service(notice_handlers::withdraw_notice)
        .service(notice_handlers::pin_notice)
        .service(notice_handlers::read_notice)
        .service(history::get_notice_timeline)
        .service(receipt_handlers::list_notice_receipts)
        .service(receipt_handlers::remind_notice_readers)
        .service(receipt_handlers::export_notice_receipts)
        .service(guide_import::import_guides)
        .service(guide_import::get_guides_import_template)
        .service(guide_handlers::list_guide_categories)
        .service(guide_handlers::list_guides)
        .service(guide_handlers::create_guide)
        .service(guide_handlers::get_guide)
        .service(guide_handlers::patch_guide)
        .service(guide_handlers::publish_guide)
        .service(guide_handlers::withdraw_guide)
        .service(guide_handlers::list_guide_versions)
        .service(guide_handlers::get_guide_version)
        .service(guide_handlers::get_guide_diff)
        .service(history::get_guide_timeline)
        .service(public::list_public_notices)
        .service(public::get_public_notice)
        .service(public::list_public_guides)
        .service(public::get_public_guide)
        .service(public::get_public_guide_flowchart);
}
