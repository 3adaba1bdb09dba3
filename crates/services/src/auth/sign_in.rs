//! Password sign-in with lockout, rate limits, inactivity and a constant-cost unknown user;
//! accounts with two-step verification get a challenge instead of tokens.

use uuid::Uuid;
use xiaoban_domain::identity::UserStatus;
use xiaoban_persistence::identity::{totp, users};
use xiaoban_persistence::{PersistenceError, Tx, begin_write};

use super::sessions::SignedIn;
use super::throttle::locked;
use crate::audit::{self, Change};
use crate::{RequestContext, ServiceError, Services};

/// What a correct password leads to.
#[derive(Debug, Clone)]
pub enum LoginOutcome {
    SignedIn(Box<SignedIn>),
    /// The account has two-step verification: present a code with this challenge at
    /// `/auth/login/totp` within five minutes.
    SecondFactorRequired {
        challenge: String,
    },
}

impl Services {
    /// Signs in. A username that does not exist is answered exactly like a real account with a
    /// wrong password, lockout included: same status, code, message and `Retry-After`, and the
    /// same work (a dummy hash is verified).
    pub async fn login(
        &self,
        ctx: &RequestContext,
        username: &str,
        password: &str,
    ) -> Result<LoginOutcome, ServiceError> {
        let now = self.now();
        let username = username.trim().to_ascii_lowercase();
        self.count_password_attempt(ctx, "login", &username).await?;
        let user = users::find_by_username(self.db(), &username).await?;
        let subject = user.as_ref().map(|u| u.id.to_string());
        let state = self.failure_state(user.as_ref(), &username).await?;
        if state.is_locked(now) {
            let change = Change::new("auth.login_locked", "user", subject)
                .after(serde_json::json!({ "username": username }));
            self.record_event(ctx, change).await?;
            return Err(locked(&state, now));
        }
        let matches = self
            .auth_settings()
            .hashing
            .verify(
                user.as_ref().and_then(|u| u.password_hash.clone()),
                password.to_owned(),
            )
            .await?;
        let tx = begin_write(self.db()).await?;
        let user = match user {
            Some(user) if matches => user,
            user => {
                let state = self.count_failure(&tx, user.as_ref(), &username, now).await?;
                let change = Change::new("auth.login_failed", "user", subject.clone())
                    .after(serde_json::json!({ "username": username }));
                audit::record(&tx, ctx, now, change).await?;
                if state.is_locked(now) {
                    let change = Change::new("auth.lockout", "user", subject)
                        .after(serde_json::json!({ "username": username }));
                    audit::record(&tx, ctx, now, change).await?;
                }
                tx.commit().await.map_err(PersistenceError::from)?;
                return Err(ServiceError::InvalidCredentials);
            }
        };
        let last_seen = user.last_login_at.unwrap_or(user.created_at);
        if UserStatus::is_active(&user.status) && now - last_seen > self.auth.inactive_after {
            users::disable_inactive(&tx, now - self.auth.inactive_after, now).await?;
            let change = Change::new("user.disabled_inactive", "user", Some(user.id.to_string()));
            audit::record(&tx, ctx, now, change).await?;
            tx.commit().await.map_err(PersistenceError::from)?;
            return Err(ServiceError::AccountDisabled);
        }
        if !UserStatus::is_active(&user.status) {
            drop(tx);
            self.record_event(
                ctx,
                Change::new("auth.login_disabled", "user", Some(user.id.to_string())),
            )
            .await?;
            return Err(ServiceError::AccountDisabled);
        }
        if totp::is_enabled(&tx, user.id).await? {
            let challenge = self.open_challenge(&tx, ctx, &user, now).await?;
            tx.commit().await.map_err(PersistenceError::from)?;
            return Ok(LoginOutcome::SecondFactorRequired { challenge });
        }
        let signed_in = self.finish_sign_in(tx, ctx, &user, "password").await?;
        Ok(LoginOutcome::SignedIn(Box::new(signed_in)))
    }

    /// Ends a sign-in whose every factor has been checked, in `tx`: records the sign-in, opens
    /// a session and commits. `method` goes into the audit row.
    pub(super) async fn finish_sign_in(
        &self,
        tx: Tx,
        ctx: &RequestContext,
        user: &users::UserRow,
        method: &str,
    ) -> Result<SignedIn, ServiceError> {
        let now = self.now();
        users::record_login(&tx, user.id, now).await?;
        let (access, refresh) = self
            .open_session(&tx, ctx, user, Uuid::now_v7(), now + self.auth.session_max)
            .await?;
        let signed_in = ctx.with_actor(crate::Actor::Principal(Box::new(
            self.principal_for_user(user).await?,
        )));
        let change = Change::new("auth.login", "user", Some(user.id.to_string()))
            .after(serde_json::json!({ "method": method }));
        audit::record(&tx, &signed_in, now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        let view = self.user_view(user.id, &signed_in).await?;
        Ok(SignedIn {
            access_token: access,
            refresh_token: refresh,
            expires_in: self.auth.access_ttl.num_seconds(),
            user: view,
        })
    }
}
