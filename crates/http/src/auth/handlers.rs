use actix_web::{HttpRequest, HttpResponse, post, web};
use xiaoban_services::auth::{LoginOutcome, SecondFactor, challenge_ttl};
use xiaoban_services::{ServiceError, Services};

use super::cookie;
use super::dto::{
    LoginIn, LoginOut, LoginSecondFactorIn, RefreshIn, SecondFactorOutcome, SecondFactorRequiredOut, TokenOut,
};
use crate::errors::ApiError;
use crate::extract::{AuthPendingPasswordChange, Ctx, ValidatedJson};

/// Signs in with username and password. Five wrong passwords within 15 minutes lock the account
/// for 15 minutes; attempts are also rate-limited per client address and per username. With an
/// initial or reset password the user must change it (`POST /me/password`) before anything else.
/// An account with two-step verification gets `{mfaRequired: true, challenge}` and no tokens:
/// the sign-in ends at `POST /auth/login/totp`.
#[utoipa::path(tag = "auth", request_body = LoginIn, responses(
    (status = 200, description = "Signed in (tokens), or a second factor is needed (challenge)", body = LoginOut),
    (status = 401, description = "`invalid_credentials`"),
    (status = 403, description = "`account_locked` or `account_disabled`"),
    (status = 429, description = "`rate_limited`"),
))]
#[post("/auth/login")]
pub async fn login(
    req: HttpRequest,
    services: web::Data<Services>,
    ctx: Ctx,
    body: ValidatedJson<LoginIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    match services.login(&ctx.0, &body.username, &body.password).await? {
        LoginOutcome::SignedIn(signed_in) => Ok(respond(&req, *signed_in, body.refresh_token_in_cookie)),
        LoginOutcome::SecondFactorRequired { challenge } => Ok(HttpResponse::Ok().json(
            LoginOut::SecondFactorRequired(SecondFactorRequiredOut {
                outcome: SecondFactorOutcome::SecondFactorRequired,
                mfa_required: true,
                challenge,
                expires_in: challenge_ttl().num_seconds(),
            }),
        )),
    }
}

/// Completes a sign-in on an account with two-step verification: the challenge from
/// `/auth/login` with the authenticator's 6-digit `code`, or one `recoveryCode`. A code works
/// once; wrong codes count towards the same limits and lockout as wrong passwords.
#[utoipa::path(tag = "auth", request_body = LoginSecondFactorIn, responses(
    (status = 200, description = "Signed in", body = TokenOut),
    (status = 401, description = "`mfa_challenge_invalid` (expired, used or unknown) or `invalid_second_factor`"),
    (status = 403, description = "`account_locked` or `account_disabled`"),
    (status = 422, description = "Neither or both of `code` and `recoveryCode`"),
    (status = 429, description = "`rate_limited`"),
))]
#[post("/auth/login/totp")]
pub async fn login_second_factor(
    req: HttpRequest,
    services: web::Data<Services>,
    ctx: Ctx,
    body: ValidatedJson<LoginSecondFactorIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let factor = match (body.code, body.recovery_code) {
        (Some(code), None) => SecondFactor::Code(code),
        (None, Some(code)) => SecondFactor::RecoveryCode(code),
        _ => {
            return Err(ServiceError::invalid(
                "code",
                "请填写验证码或恢复码（二选一）",
                "give either code or recoveryCode",
            )
            .into());
        }
    };
    let signed_in = services
        .login_second_factor(&ctx.0, &body.challenge, factor)
        .await?;
    Ok(respond(&req, signed_in, body.refresh_token_in_cookie))
}

/// Exchanges a refresh token (body or cookie) for a new access token and a new refresh token.
/// The old refresh token is spent: presenting it again ends every session of the user.
#[utoipa::path(tag = "auth", request_body = RefreshIn, responses(
    (status = 200, description = "A new token pair", body = TokenOut),
    (status = 401, description = "Unknown, spent, idle or expired refresh token"),
))]
#[post("/auth/refresh")]
pub async fn refresh_token(
    req: HttpRequest,
    services: web::Data<Services>,
    ctx: Ctx,
    body: Option<ValidatedJson<RefreshIn>>,
) -> Result<HttpResponse, ApiError> {
    let body = body.map(|b| b.0).unwrap_or_default();
    let from_cookie = body.refresh_token.is_none();
    let token = body
        .refresh_token
        .or_else(|| cookie::read(&req))
        .ok_or_else(|| ApiError::from(ServiceError::Unauthenticated))?;
    let signed_in = services.refresh(&ctx.0, &token).await?;
    Ok(respond(
        &req,
        signed_in,
        body.refresh_token_in_cookie || from_cookie,
    ))
}

/// Signs out everywhere: every session and access token of the user ends.
#[utoipa::path(tag = "auth", security(("bearerAuth" = [])), responses(
    (status = 204, description = "Signed out"),
))]
#[post("/auth/logout")]
pub async fn logout(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: AuthPendingPasswordChange,
) -> Result<HttpResponse, ApiError> {
    services.logout(&auth.0).await?;
    Ok(HttpResponse::NoContent().cookie(cookie::clear(&req)).finish())
}

pub(crate) fn respond(
    req: &HttpRequest,
    signed_in: xiaoban_services::auth::SignedIn,
    in_cookie: bool,
) -> HttpResponse {
    let mut res = HttpResponse::Ok();
    if in_cookie {
        res.cookie(cookie::set(req, &signed_in.refresh_token));
    }
    res.json(TokenOut::new(signed_in, !in_cookie))
}
