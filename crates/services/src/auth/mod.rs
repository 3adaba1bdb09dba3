//! Sign-in (with an optional second factor), sessions, tokens and API keys.

mod admin;
mod authenticate;
mod bootstrap;
mod module;
mod password_change;
mod passwords;
mod second_factor;
mod sessions;
mod sign_in;
mod throttle;
mod tokens;
mod totp;

use chrono::Duration;
use secrecy::SecretString;

pub use bootstrap::FirstAdmin;
pub use module::AuthModule;
pub use passwords::{HashPool, random_password};
pub use second_factor::challenge_ttl;
pub use sessions::SignedIn;
pub use sessions::end_all_sessions;
pub use sign_in::LoginOutcome;
pub use totp::SecondFactor;
pub use totp::{RECOVERY_CODES, TotpEnrolment, TotpStatus};

/// How sign-in and sessions behave.
#[derive(Debug, Clone)]
pub struct AuthSettings {
    /// Signs access tokens (HS256).
    pub token_secret: SecretString,
    pub access_ttl: Duration,
    /// A sign-in ends when its refresh token goes unused this long.
    pub idle_timeout: Duration,
    /// A sign-in ends this long after it began, whatever the activity.
    pub session_max: Duration,
    /// Accounts without a sign-in for this long are disabled.
    pub inactive_after: Duration,
    /// The issuer authenticator apps show next to the account (`totp_issuer`).
    pub totp_issuer: String,
    /// Role codes whose holders must use two-step verification (`totp_required_for`).
    pub totp_required_for: Vec<String>,
    /// Where every password hash and check runs (bounded; shared by all requests).
    pub hashing: HashPool,
    /// Password attempts accepted from one client address per minute (`sign_in_per_address`).
    pub sign_in_per_address: i32,
}

impl AuthSettings {
    pub fn new(token_secret: SecretString) -> Self {
        Self {
            token_secret,
            access_ttl: Duration::minutes(15),
            idle_timeout: Duration::minutes(30),
            session_max: Duration::hours(12),
            inactive_after: Duration::days(90),
            totp_issuer: "校办".to_owned(),
            totp_required_for: Vec::new(),
            hashing: HashPool::for_this_machine(),
            sign_in_per_address: 30,
        }
    }
}
