//! Security headers on every response, whoever produced it: the API, the SPA, the landing page,
//! the API reference and every error.

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;

/// Only this origin's scripts, styles, fonts and connections; no inline script or style, no
/// plugins, never framed. Images may also be `data:` URIs (the API reference's icons are) and
/// `blob:` URLs the page made itself (a signature is fetched with the in-memory token, then shown).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; \
     base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The headers set on every response unless a handler set its own.
const ALWAYS: [(&str, &str); 4] = [
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    // For browsers that predate `frame-ancestors`.
    ("x-frame-options", "DENY"),
    // Links out of the app must not carry its paths (request ids, record ids) to other sites.
    ("referrer-policy", "no-referrer"),
    ("x-content-type-options", "nosniff"),
];

pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    // API answers carry personal data: no browser or proxy may keep a copy. The SPA's files and
    // the reference page keep their own caching rules (hashed assets are immutable).
    let is_api = req.path().starts_with("/api/v1/") || req.path() == "/api/v1";
    let mut res = next.call(req).await?;
    let headers = res.headers_mut();
    for (name, value) in ALWAYS {
        let name = HeaderName::from_static(name);
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
    if is_api {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(res)
}
