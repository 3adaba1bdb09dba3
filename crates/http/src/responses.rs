//! Response shapes shared by every module.

use actix_web::HttpResponse;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, LOCATION};
use serde::Serialize;
use xiaoban_services::idempotency::Created;

/// Set on a create's response when it replays an earlier request with the same
/// `Idempotency-Key`.
pub const REPLAYED_HEADER: &str = "Idempotent-Replayed";

/// `201 Created` with `Location`, for a fresh create and its replays alike.
pub fn created<T: Serialize>(location: String, created: Created<T>) -> HttpResponse {
    let replayed = created.is_replay();
    let mut builder = HttpResponse::Created();
    builder.insert_header((LOCATION, location));
    if replayed {
        builder.insert_header((REPLAYED_HEADER, "true"));
    }
    builder.json(created.into_inner())
}

/// `<title>-<today>.xlsx`, today in the school's time zone: an export's file name.
pub fn dated_name(services: &xiaoban_services::Services, title: &str) -> String {
    let day = services
        .now()
        .with_timezone(&services.settings().timezone)
        .format("%Y%m%d");
    format!("{title}-{day}.xlsx")
}

/// An exported register as an `.xlsx` download named `name` (Chinese allowed). Never cached: it
/// holds personal data.
pub fn xlsx(name: &str, bytes: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, xiaoban_services::export::XLSX_CONTENT_TYPE))
        .insert_header((CONTENT_DISPOSITION, crate::files::content_disposition(name)))
        .insert_header((CACHE_CONTROL, "no-store"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(bytes)
}
