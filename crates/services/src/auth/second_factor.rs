//! The second step of signing in: a challenge handed out after a correct password, exchanged
//! once, within five minutes, with an authenticator code or a recovery code for the tokens.
//! Wrong codes are limited and counted like wrong passwords (the same per-username limit and
//! the same lockout), so a stolen password does not allow guessing the six digits.

use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use xiaoban_domain::identity::UserStatus;
use xiaoban_domain::identity::totp::accepted_step;
use xiaoban_persistence::identity::{totp, users};
use xiaoban_persistence::{PersistenceError, Tx, begin_write};

use super::sessions::{SignedIn, hash_token};
use super::throttle::locked;
use super::totp::{SecondFactor, decode_secret, hash_recovery_code};
use crate::audit::{self, Change};
use crate::{RequestContext, ServiceError, Services};

/// How long a challenge may be answered.
pub fn challenge_ttl() -> Duration {
    Duration::minutes(5)
}

impl Services {
    /// Stores a new challenge for `user` in `tx` and returns its token (shown once).
    pub(super) async fn open_challenge(
        &self,
        tx: &Tx,
        ctx: &RequestContext,
        user: &users::UserRow,
        now: DateTime<Utc>,
    ) -> Result<String, ServiceError> {
        let mut bytes = [0_u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        let token = format!("xbm_{}", hex::encode(bytes));
        totp::insert_challenge(tx, user.id, hash_token(&token), now, now + challenge_ttl()).await?;
        let change = Change::new("auth.second_factor_requested", "user", Some(user.id.to_string()));
        audit::record(tx, ctx, now, change).await?;
        Ok(token)
    }

    /// Completes a sign-in: the challenge from `/auth/login` and a second factor.
    pub async fn login_second_factor(
        &self,
        ctx: &RequestContext,
        challenge: &str,
        factor: SecondFactor,
    ) -> Result<SignedIn, ServiceError> {
        let now = self.now();
        let row = totp::find_challenge(self.db(), &hash_token(challenge))
            .await?
            .filter(|c| c.used_at.is_none() && c.expires_at > now)
            .ok_or(ServiceError::MfaChallengeInvalid)?;
        let user = users::find(self.db(), row.user_id)
            .await?
            .ok_or(ServiceError::MfaChallengeInvalid)?;
        self.count_password_attempt(ctx, "login", &user.username).await?;
        let state = self.failure_state(Some(&user), &user.username).await?;
        let subject = Some(user.id.to_string());
        if state.is_locked(now) {
            let change = Change::new("auth.login_locked", "user", subject);
            self.record_event(ctx, change).await?;
            return Err(locked(&state, now));
        }
        let tx = begin_write(self.db()).await?;
        let method = match &factor {
            SecondFactor::Code(_) => "password+totp",
            SecondFactor::RecoveryCode(_) => "password+recovery_code",
        };
        if !self.spend_factor(&tx, user.id, &factor, now).await? {
            let state = self.count_failure(&tx, Some(&user), &user.username, now).await?;
            let change = Change::new("auth.second_factor_failed", "user", subject.clone())
                .after(serde_json::json!({ "method": method }));
            audit::record(&tx, ctx, now, change).await?;
            if state.is_locked(now) {
                audit::record(&tx, ctx, now, Change::new("auth.lockout", "user", subject)).await?;
            }
            tx.commit().await.map_err(PersistenceError::from)?;
            return Err(ServiceError::InvalidSecondFactor);
        }
        // Spent only now, so that a mistyped code can be corrected within the five minutes;
        // two racing requests with good codes: one wins, the other's transaction rolls back.
        if !totp::use_challenge(&tx, row.id, now).await? {
            return Err(ServiceError::MfaChallengeInvalid);
        }
        if !UserStatus::is_active(&user.status) {
            return Err(ServiceError::AccountDisabled);
        }
        users::record_failures(&tx, user.id, 0, None, None).await?;
        self.finish_sign_in(tx, ctx, &user, method).await
    }

    /// Checks and spends a second factor of `user_id` in `tx`; false if it is wrong or used.
    pub(super) async fn spend_factor(
        &self,
        tx: &Tx,
        user_id: uuid::Uuid,
        factor: &SecondFactor,
        now: DateTime<Utc>,
    ) -> Result<bool, ServiceError> {
        match factor {
            SecondFactor::Code(code) => {
                let Some(enrolled) = totp::find(tx, user_id)
                    .await?
                    .filter(|t| t.confirmed_at.is_some())
                else {
                    return Ok(false);
                };
                let secret = decode_secret(&enrolled.secret)?;
                match accepted_step(&secret, code, now.timestamp(), enrolled.last_used_step) {
                    Some(step) => Ok(totp::use_step(tx, user_id, step).await?),
                    None => Ok(false),
                }
            }
            SecondFactor::RecoveryCode(code) => {
                Ok(totp::use_recovery_code(tx, user_id, &hash_recovery_code(code), now).await?)
            }
        }
    }
}
