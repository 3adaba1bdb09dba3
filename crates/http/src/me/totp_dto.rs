use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;
use xiaoban_services::auth::{TotpEnrolment, TotpStatus};

/// Where the signed-in user's two-step verification stands.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TotpStatusOut {
    /// Sign-in asks for a code.
    pub enabled: bool,
    /// An enrolment was started and waits for its first code.
    pub pending: bool,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub recovery_codes_left: u64,
    /// A role of the user requires it (`totp_required_for`); until it is on, only `/me`,
    /// `/me/password`, `/me/totp*` and logout answer.
    pub required: bool,
}

impl From<TotpStatus> for TotpStatusOut {
    fn from(s: TotpStatus) -> Self {
        Self {
            enabled: s.enabled,
            pending: s.pending,
            confirmed_at: s.confirmed_at,
            recovery_codes_left: s.recovery_codes_left,
            required: s.required,
        }
    }
}

/// What the authenticator app needs; shown only in this answer.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TotpEnrolmentOut {
    /// The secret in base32, to type in by hand.
    #[schema(example = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")]
    pub secret: String,
    /// `otpauth://totp/…` for the QR code.
    pub otpauth_uri: String,
}

impl From<TotpEnrolment> for TotpEnrolmentOut {
    fn from(e: TotpEnrolment) -> Self {
        Self {
            secret: e.secret,
            otpauth_uri: e.otpauth_uri,
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TotpConfirmIn {
    /// The 6 digits the authenticator app shows.
    #[validate(length(min = 1, max = 16))]
    #[schema(example = "287082")]
    pub code: String,
}

/// Ten recovery codes, each good for one sign-in without the app. Shown only in this answer.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryCodesOut {
    pub recovery_codes: Vec<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TotpDisableIn {
    #[validate(length(min = 1, max = 256))]
    pub current_password: String,
    /// A current code of the authenticator app.
    #[validate(length(min = 1, max = 16))]
    pub code: String,
}
