use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;
use xiaoban_services::auth::SignedIn;

use crate::users::UserOut;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LoginIn {
    #[validate(length(min = 1, max = 64))]
    #[schema(example = "zhangsan")]
    pub username: String,
    #[validate(length(min = 1, max = 256))]
    #[schema(example = "Xiaoban#2026")]
    pub password: String,
    /// For the web app: put the refresh token in an httpOnly SameSite=Strict cookie instead of
    /// the body.
    #[serde(default)]
    pub refresh_token_in_cookie: bool,
}

#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RefreshIn {
    /// The refresh token; omit it when the web app's cookie carries it.
    #[validate(length(min = 1, max = 200))]
    pub refresh_token: Option<String>,
    /// Keep the new refresh token in the cookie (web app).
    #[serde(default)]
    pub refresh_token_in_cookie: bool,
}

/// The second step of a sign-in: the challenge and either an authenticator code or a
/// recovery code.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LoginSecondFactorIn {
    /// From the `mfaRequired` answer of `/auth/login`; valid for 5 minutes, works once.
    #[validate(length(min = 1, max = 200))]
    pub challenge: String,
    /// The 6 digits the authenticator app shows.
    #[validate(length(min = 1, max = 16))]
    #[schema(example = "287082")]
    pub code: Option<String>,
    /// One of the recovery codes shown at enrolment (each works once), instead of `code`.
    #[validate(length(min = 1, max = 32))]
    pub recovery_code: Option<String>,
    #[serde(default)]
    pub refresh_token_in_cookie: bool,
}

/// A correct password on an account with two-step verification: no tokens yet.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SecondFactorRequiredOut {
    #[schema(inline)]
    pub outcome: SecondFactorOutcome,
    /// Always true.
    pub mfa_required: bool,
    /// Send to `/auth/login/totp` with a code within 5 minutes.
    pub challenge: String,
    /// Seconds the challenge stays valid.
    #[schema(example = 300)]
    pub expires_in: i64,
}

/// `outcome` of tokens (`signed_in`), which tells them from a second-factor challenge.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SignedInOutcome {
    SignedIn,
}

/// `outcome` of a second-factor challenge (`second_factor_required`).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SecondFactorOutcome {
    SecondFactorRequired,
}

/// What `/auth/login` answers: tokens, or (two-step verification) a challenge.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum LoginOut {
    SecondFactorRequired(SecondFactorRequiredOut),
    Tokens(Box<TokenOut>),
}

/// A signed-in session: a short-lived access token and a rotating refresh token.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TokenOut {
    #[schema(inline)]
    pub outcome: SignedInOutcome,
    /// Send as `Authorization: Bearer <accessToken>`.
    pub access_token: String,
    /// Exchange at `/auth/refresh` before the session goes idle; absent when set as a cookie.
    /// Each refresh token works once: a repeat ends the sign-in.
    pub refresh_token: Option<String>,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: i64,
    pub user: UserOut,
}

impl TokenOut {
    pub fn new(signed_in: SignedIn, body_refresh_token: bool) -> Self {
        Self {
            outcome: SignedInOutcome::SignedIn,
            access_token: signed_in.access_token,
            refresh_token: body_refresh_token.then_some(signed_in.refresh_token),
            expires_in: signed_in.expires_in,
            user: signed_in.user.into(),
        }
    }
}
