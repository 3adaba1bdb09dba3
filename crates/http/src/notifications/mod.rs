//! The signed-in user's notifications (通知): the list, the unread count, marking read.

mod dto;
mod handlers;

pub use dto::{NoticeKindOut, NotificationOut, NotificationQuery, ReadAllOut, UnreadCountOut};

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::list_notifications)
        .service(handlers::get_unread_notification_count)
        .service(handlers::mark_all_notifications_read)
        .service(handlers::mark_notification_read);
}
