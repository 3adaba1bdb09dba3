//! The working calendar: days and deadlines.

mod dto;
mod handlers;
mod years;

pub use dto::{CalendarDayOut, CalendarDaysOut, DayTypeOut, DeadlineOut, SetDayIn};
pub use years::{CalendarYearOut, CalendarYearsOut, ImportYearIn, ScheduleDayIn};

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::list_calendar_days)
        .service(handlers::get_deadline)
        .service(handlers::set_calendar_day)
        .service(years::list_calendar_years)
        .service(years::import_calendar_year);
}
