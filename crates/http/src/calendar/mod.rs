//! The working calendar: days and deadlines.

mod dto;
mod handlers;

pub use dto::{CalendarDayOut, CalendarDaysOut, DayTypeOut, DeadlineOut, SetDayIn};

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::list_calendar_days)
        .service(handlers::get_deadline)
        .service(handlers::set_calendar_day);
}
