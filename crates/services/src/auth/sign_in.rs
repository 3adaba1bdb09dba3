//! Password sign-in with lockout, rate limits, inactivity and a constant-cost unknown user.

use uuid::Uuid;
use xiaoban_domain::identity::FailureState;
use xiaoban_persistence::identity::users::{self, UserRow};
use xiaoban_persistence::{PersistenceError, begin_write};

use super::passwords::verify_password;
use super::sessions::SignedIn;
use crate::audit::{self, Change};
use crate::{RequestContext, ServiceError, Services};

impl Services {
    pub async fn login(
        &self,
        ctx: &RequestContext,
        username: &str,
        password: &str,
    ) -> Result<SignedIn, ServiceError> {
        let now = self.now();
        let username = username.trim().to_ascii_lowercase();
        if let Err(retry_after_secs) = self.rate_limiter.check(ctx.ip.as_deref(), &username, now) {
            return Err(ServiceError::RateLimited { retry_after_secs });
        }
        let user = users::find_by_username(self.db(), &username).await?;
        let failure_of = |u: &UserRow| FailureState {
            failures: u32::try_from(u.failed_logins).unwrap_or(0),
            window_started: u.failed_window_start,
            locked_until: u.locked_until,
        };
        if let Some(user) = &user {
            let state = failure_of(user);
            if state.is_locked(now) {
                self.record_event(
                    ctx,
                    Change::new("auth.login_locked", "user", Some(user.id.to_string())),
                )
                .await?;
                let until = state.locked_until.unwrap_or(now);
                let retry_after_secs = u64::try_from((until - now).num_seconds()).unwrap_or(0).max(1);
                return Err(ServiceError::AccountLocked {
                    until,
                    retry_after_secs,
                });
            }
        }
        let matches = verify_password(
            user.as_ref().and_then(|u| u.password_hash.clone()),
            password.to_owned(),
        )
        .await?;
        let Some(user) = user else {
            let change = Change::new("auth.login_failed", "user", None)
                .after(serde_json::json!({ "username": username }));
            self.record_event(ctx, change).await?;
            return Err(ServiceError::InvalidCredentials);
        };
        let tx = begin_write(self.db()).await?;
        if !matches {
            let state = failure_of(&user).after_failure(&self.security_policy().await?.lockout(), now);
            let failures = i32::try_from(state.failures).unwrap_or(i32::MAX);
            users::record_failures(&tx, user.id, failures, state.window_started, state.locked_until).await?;
            let id = Some(user.id.to_string());
            audit::record(
                &tx,
                ctx,
                now,
                Change::new("auth.login_failed", "user", id.clone()),
            )
            .await?;
            if state.is_locked(now) {
                audit::record(&tx, ctx, now, Change::new("auth.lockout", "user", id)).await?;
            }
            tx.commit().await.map_err(PersistenceError::from)?;
            return Err(ServiceError::InvalidCredentials);
        }
        let last_seen = user.last_login_at.unwrap_or(user.created_at);
        if user.status == "active" && now - last_seen > self.auth.inactive_after {
            users::disable_inactive(&tx, now - self.auth.inactive_after, now).await?;
            let change = Change::new("user.disabled_inactive", "user", Some(user.id.to_string()));
            audit::record(&tx, ctx, now, change).await?;
            tx.commit().await.map_err(PersistenceError::from)?;
            return Err(ServiceError::AccountDisabled);
        }
        if user.status != "active" {
            drop(tx);
            self.record_event(
                ctx,
                Change::new("auth.login_disabled", "user", Some(user.id.to_string())),
            )
            .await?;
            return Err(ServiceError::AccountDisabled);
        }
        users::record_login(&tx, user.id, now).await?;
        let (access, refresh) = self
            .open_session(&tx, ctx, &user, Uuid::now_v7(), now + self.auth.session_max)
            .await?;
        let signed_in = ctx.with_actor(crate::Actor::Principal(Box::new(
            self.principal_for_user(&user).await?,
        )));
        audit::record(
            &tx,
            &signed_in,
            now,
            Change::new("auth.login", "user", Some(user.id.to_string())),
        )
        .await?;
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
