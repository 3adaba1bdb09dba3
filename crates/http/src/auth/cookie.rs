//! The web app's refresh token lives in a cookie scripts cannot read (httpOnly) and other sites
//! cannot send (SameSite=Strict), scoped to the auth endpoints.

use actix_web::HttpRequest;
use actix_web::cookie::time::Duration;
use actix_web::cookie::{Cookie, SameSite};

pub const REFRESH_COOKIE: &str = "xiaoban_refresh";
const COOKIE_PATH: &str = "/api/v1/auth";

pub fn set(req: &HttpRequest, token: &str) -> Cookie<'static> {
    Cookie::build(REFRESH_COOKIE, token.to_owned())
        .path(COOKIE_PATH)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(req.connection_info().scheme() == "https")
        .finish()
}

pub fn clear(req: &HttpRequest) -> Cookie<'static> {
    let mut cookie = set(req, "");
    cookie.set_max_age(Duration::ZERO);
    cookie
}

pub fn read(req: &HttpRequest) -> Option<String> {
    req.cookie(REFRESH_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty())
}
