//! Who is calling: the bearer credential checked once per request, plus the request's id,
//! client address, user agent and idempotency key.

use actix_web::dev::Payload;
use actix_web::http::header::{AUTHORIZATION, USER_AGENT};
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use xiaoban_services::{Actor, RequestContext, ServiceError, Services};

use crate::errors::{ApiError, ErrorCode};
use crate::middleware::LoggedUser;

/// The id of the current request (from `X-Request-Id` or generated), in request extensions.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// Longest `Idempotency-Key` accepted.
const MAX_KEY_LEN: usize = 200;

/// Any caller, signed in or not (public endpoints). A bearer credential, when sent, must be valid.
#[derive(Debug, Clone)]
pub struct Ctx(pub RequestContext);

/// A signed-in caller whose password is not waiting to be changed.
#[derive(Debug, Clone)]
pub struct Auth(pub RequestContext);

/// A signed-in caller whose password is not waiting to be changed, also while a required
/// two-step verification waits to be set up (for `/me/totp*`).
#[derive(Debug, Clone)]
pub struct AuthPendingTotp(pub RequestContext);

/// A signed-in caller, also while an initial password waits to be changed (for the few
/// endpoints that make the change possible: `/me`, `/me/password`, `/auth/logout`).
#[derive(Debug, Clone)]
pub struct AuthPendingPasswordChange(pub RequestContext);

impl FromRequest for Ctx {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { resolve(&req).await.map(Ctx) })
    }
}

impl FromRequest for Auth {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let ctx = signed_in(&req).await?;
            if ctx.actor.principal().is_some_and(|p| p.must_change_password) {
                return Err(ServiceError::PasswordChangeRequired.into());
            }
            if ctx.actor.principal().is_some_and(|p| p.totp_enrolment_required) {
                return Err(ServiceError::TotpEnrolmentRequired.into());
            }
            Ok(Auth(ctx))
        })
    }
}

impl FromRequest for AuthPendingTotp {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let ctx = signed_in(&req).await?;
            if ctx.actor.principal().is_some_and(|p| p.must_change_password) {
                return Err(ServiceError::PasswordChangeRequired.into());
            }
            Ok(AuthPendingTotp(ctx))
        })
    }
}

impl FromRequest for AuthPendingPasswordChange {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { signed_in(&req).await.map(AuthPendingPasswordChange) })
    }
}

async fn signed_in(req: &HttpRequest) -> Result<RequestContext, ApiError> {
    let ctx = resolve(req).await?;
    if ctx.actor.principal().is_none() {
        return Err(ServiceError::Unauthenticated.into());
    }
    Ok(ctx)
}

/// Builds the context once per request and keeps it in the request's extensions.
async fn resolve(req: &HttpRequest) -> Result<RequestContext, ApiError> {
    let cached = req.extensions().get::<RequestContext>().cloned();
    if let Some(ctx) = cached {
        return Ok(ctx);
    }
    // Separate statements: each borrow of the request's extensions must end before the next.
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let ip = match req.app_data::<web::Data<crate::TrustedProxies>>() {
        Some(proxies) => proxies.client_of(req),
        None => req.peer_addr().map(|a| a.ip().to_string()),
    };
    let user_agent = req
        .headers()
        .get(USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|ua| ua.chars().take(300).collect());
    let mut ctx = RequestContext {
        actor: Actor::Anonymous,
        request_id,
        idempotency_key: None,
        ip,
        user_agent,
    };
    if let Some(token) = bearer(req)? {
        let services = req
            .app_data::<web::Data<Services>>()
            .ok_or_else(|| ApiError::internal("Services missing from app data"))?;
        let principal = services.authenticate(&token).await?;
        req.extensions_mut().insert(LoggedUser(principal.name.clone()));
        ctx.actor = Actor::Principal(Box::new(principal));
    }
    // After authentication: a caller without credentials hears 401, not about a header it may
    // not use anyway; an anonymous caller's malformed key is ignored.
    ctx.idempotency_key = match idempotency_key(req) {
        Ok(key) => key,
        Err(_) if matches!(ctx.actor, Actor::Anonymous) => None,
        Err(err) => return Err(err),
    };
    req.extensions_mut().insert(ctx.clone());
    Ok(ctx)
}

fn bearer(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    let Some(value) = req.headers().get(AUTHORIZATION) else {
        return Ok(None);
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .filter(|t| !t.is_empty());
    match token {
        Some(token) => Ok(Some(token.to_owned())),
        None => Err(ApiError::new(ErrorCode::Unauthorized).with_detail(
            "Authorization 须为 \"Bearer <令牌>\"",
            "Authorization must be \"Bearer <token>\"",
        )),
    }
}

fn idempotency_key(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    let Some(value) = req.headers().get("Idempotency-Key") else {
        return Ok(None);
    };
    let key = value
        .to_str()
        .ok()
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= MAX_KEY_LEN && k.bytes().all(|b| b.is_ascii_graphic()));
    match key {
        Some(key) => Ok(Some(key.to_owned())),
        None => Err(ApiError::new(ErrorCode::InvalidHeader).with_detail(
            format!("Idempotency-Key 须为 1 到 {MAX_KEY_LEN} 个可见 ASCII 字符"),
            format!("Idempotency-Key must be 1 to {MAX_KEY_LEN} visible ASCII characters"),
        )),
    }
}
