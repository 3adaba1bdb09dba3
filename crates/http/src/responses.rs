//! Response shapes shared by every module.

use actix_web::HttpResponse;
use actix_web::http::header::LOCATION;
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
