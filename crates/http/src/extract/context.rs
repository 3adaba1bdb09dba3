use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use futures_util::future::{Ready, ready};
use xiaoban_services::{Actor, RequestContext};

use crate::errors::{ApiError, ErrorCode};

/// The id of the current request (from `X-Request-Id` or generated), in request extensions.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// Longest `Idempotency-Key` accepted.
const MAX_KEY_LEN: usize = 200;

/// The services' view of this request: who acts, the request id, the idempotency key.
#[derive(Debug, Clone)]
pub struct Ctx(pub RequestContext);

impl FromRequest for Ctx {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(context(req))
    }
}

fn context(req: &HttpRequest) -> Result<Ctx, ApiError> {
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let actor = req
        .extensions()
        .get::<Actor>()
        .cloned()
        .unwrap_or(Actor::Anonymous);
    let idempotency_key = match req.headers().get("Idempotency-Key") {
        None => None,
        Some(value) => {
            let key = value.to_str().ok().map(str::trim).filter(|k| {
                !k.is_empty() && k.len() <= MAX_KEY_LEN && k.bytes().all(|b| b.is_ascii_graphic())
            });
            match key {
                Some(key) => Some(key.to_owned()),
                None => {
                    return Err(ApiError::new(ErrorCode::InvalidHeader).with_detail(
                        format!("Idempotency-Key 须为 1 到 {MAX_KEY_LEN} 个可见 ASCII 字符"),
                        format!("Idempotency-Key must be 1 to {MAX_KEY_LEN} visible ASCII characters"),
                    ));
                }
            }
        }
    };
    Ok(Ctx(RequestContext {
        actor,
        request_id,
        idempotency_key,
    }))
}
