//! Two-step verification of one's own account: status, enrolment with an authenticator app,
//! confirmation with a first code (which yields ten recovery codes, shown once), and
//! disabling with the current password and a code. Whether a role requires it is
//! `totp_required_for`.

use chrono::{DateTime, Utc};
use rand::{Rng, RngCore};
use sha2::{Digest, Sha256};
use uuid::Uuid;
use xiaoban_domain::identity::totp::{SECRET_BYTES, accepted_step, base32_encode, otpauth_uri};
use xiaoban_persistence::identity::grants::StoredGrant;
use xiaoban_persistence::identity::{roles, totp, users};
use xiaoban_persistence::{PersistenceError, begin_write};

use crate::audit::{self, Change};
use crate::{RequestContext, ServiceError, Services};

/// What the user presents as the second factor.
#[derive(Debug, Clone)]
pub enum SecondFactor {
    /// Six digits from the authenticator app.
    Code(String),
    /// One of the ten recovery codes shown at enrolment; each works once.
    RecoveryCode(String),
}

/// Recovery codes made at confirmation.
pub const RECOVERY_CODES: usize = 10;

/// Where the caller's two-step verification stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotpStatus {
    pub enabled: bool,
    /// An enrolment was started and waits for its first code.
    pub pending: bool,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub recovery_codes_left: u64,
    /// A role of the caller requires it.
    pub required: bool,
}

/// A started enrolment: what the authenticator app needs, shown this once.
#[derive(Debug, Clone)]
pub struct TotpEnrolment {
    /// The secret in base32, for typing in by hand.
    pub secret: String,
    /// `otpauth://totp/…`, for the QR code.
    pub otpauth_uri: String,
}

/// Secrets are stored as hex of their bytes.
pub(super) fn decode_secret(stored: &str) -> Result<Vec<u8>, ServiceError> {
    hex::decode(stored).map_err(|e| ServiceError::Internal(format!("stored totp secret: {e}")))
}

/// Recovery codes are compared case-insensitively and without separators or spaces.
pub(super) fn hash_recovery_code(code: &str) -> String {
    let normal: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    hex::encode(Sha256::digest(normal.as_bytes()))
}

/// `xxxxx-xxxxx` from 31 characters without look-alikes (about 50 bits each).
fn new_recovery_code() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    let mut pick = || char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]);
    let first: String = (0..5).map(|_| pick()).collect();
    let second: String = (0..5).map(|_| pick()).collect();
    format!("{first}-{second}")
}

fn wrong_code() -> ServiceError {
    ServiceError::invalid(
        "code",
        "验证码不正确或已使用，请输入验证器应用当前显示的 6 位数字",
        "the code is wrong or was used; enter the 6 digits the authenticator app shows now",
    )
}

impl Services {
    /// Whether a user with these grants must enrol before using the API.
    pub(crate) async fn totp_enrolment_required(
        &self,
        user_id: Uuid,
        grants: &[StoredGrant],
    ) -> Result<bool, ServiceError> {
        if !self.role_requires_totp(grants).await? {
            return Ok(false);
        }
        Ok(!totp::is_enabled(self.db(), user_id).await?)
    }

    async fn role_requires_totp(&self, grants: &[StoredGrant]) -> Result<bool, ServiceError> {
        for code in &self.auth.totp_required_for {
            if let Some(role) = roles::find_by_code(self.db(), code).await?
                && grants.iter().any(|g| g.role_id == role.id)
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    pub async fn totp_status(&self, ctx: &RequestContext) -> Result<TotpStatus, ServiceError> {
        let id = self.principal(ctx)?.id;
        let row = totp::find(self.db(), id).await?;
        let grants = xiaoban_persistence::identity::grants::for_user(self.db(), id).await?;
        Ok(TotpStatus {
            enabled: row.as_ref().is_some_and(|t| t.confirmed_at.is_some()),
            pending: row.as_ref().is_some_and(|t| t.confirmed_at.is_none()),
            confirmed_at: row.and_then(|t| t.confirmed_at),
            recovery_codes_left: totp::recovery_codes_left(self.db(), id).await?,
            required: self.role_requires_totp(&grants).await?,
        })
    }

    /// Starts (or restarts) an enrolment with a new secret. Refused while one is confirmed:
    /// replacing an authenticator means disabling the old one first.
    pub async fn start_totp_enrolment(&self, ctx: &RequestContext) -> Result<TotpEnrolment, ServiceError> {
        let principal = self.principal(ctx)?;
        let now = self.now();
        let mut secret = vec![0_u8; SECRET_BYTES];
        rand::rng().fill_bytes(&mut secret);
        let tx = begin_write(self.db()).await?;
        if totp::is_enabled(&tx, principal.id).await? {
            return Err(ServiceError::Conflict {
                zh: "两步验证已启用；要更换验证器，请先停用再重新设置".into(),
                en: "two-step verification is on; disable it first to change the authenticator".into(),
            });
        }
        totp::start_enrolment(&tx, principal.id, hex::encode(&secret), now).await?;
        let change = Change::new("totp.enrol", "user", Some(principal.id.to_string()));
        audit::record(&tx, ctx, now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(TotpEnrolment {
            secret: base32_encode(&secret),
            otpauth_uri: otpauth_uri(&self.auth.totp_issuer, &principal.name, &secret),
        })
    }

    /// Confirms a started enrolment with a first code; returns the recovery codes (shown once).
    pub async fn confirm_totp(&self, ctx: &RequestContext, code: &str) -> Result<Vec<String>, ServiceError> {
        let id = self.principal(ctx)?.id;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let pending = totp::find(&tx, id)
            .await?
            .filter(|t| t.confirmed_at.is_none())
            .ok_or_else(|| ServiceError::Conflict {
                zh: "没有待确认的两步验证设置，请先开始设置".into(),
                en: "no enrolment waits for confirmation; start one first".into(),
            })?;
        let secret = decode_secret(&pending.secret)?;
        let step = accepted_step(&secret, code, now.timestamp(), None).ok_or_else(wrong_code)?;
        totp::confirm(&tx, id, step, now).await?;
        let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| new_recovery_code()).collect();
        let hashes = codes.iter().map(|c| hash_recovery_code(c)).collect();
        totp::replace_recovery_codes(&tx, id, hashes, now).await?;
        let change = Change::new("totp.confirm", "user", Some(id.to_string()));
        audit::record(&tx, ctx, now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(codes)
    }

    /// Turns two-step verification off: needs the current password and a code. A wrong code
    /// counts towards the lockout like a wrong password (a stolen session that knows the
    /// password must not be able to guess the six digits at leisure).
    pub async fn disable_totp(
        &self,
        ctx: &RequestContext,
        password: &str,
        code: &str,
    ) -> Result<(), ServiceError> {
        let id = self.principal(ctx)?.id;
        let user = users::find(self.db(), id)
            .await?
            .ok_or(ServiceError::Unauthenticated)?;
        if !totp::is_enabled(self.db(), id).await? {
            return Err(ServiceError::Conflict {
                zh: "两步验证未启用".into(),
                en: "two-step verification is not on".into(),
            });
        }
        self.check_current_password(ctx, &user, password, "currentPassword")
            .await?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        if !self
            .spend_factor(&tx, id, &SecondFactor::Code(code.to_owned()), now)
            .await?
        {
            let state = self.count_failure(&tx, Some(&user), &user.username, now).await?;
            let subject = Some(id.to_string());
            audit::record(
                &tx,
                ctx,
                now,
                Change::new("totp.disable_failed", "user", subject.clone()),
            )
            .await?;
            if state.is_locked(now) {
                audit::record(&tx, ctx, now, Change::new("auth.lockout", "user", subject)).await?;
            }
            tx.commit().await.map_err(PersistenceError::from)?;
            return Err(wrong_code());
        }
        totp::remove(&tx, id).await?;
        let change = Change::new("totp.disable", "user", Some(id.to_string()));
        audit::record(&tx, ctx, now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(())
    }
}
