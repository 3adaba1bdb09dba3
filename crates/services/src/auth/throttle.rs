//! Limits on password attempts, shared by every replica through the database: per client
//! address and per username in fixed one-minute windows, and the lockout after repeated wrong
//! passwords. Known accounts keep their failures on the user row; a username that does not
//! exist gets a `sign_in_throttle` row instead, so that its answers (and its lockout) are the
//! same as a real account's and nobody learns which usernames exist.

use chrono::{DateTime, Duration, Utc};
use xiaoban_domain::identity::FailureState;
use xiaoban_persistence::identity::throttle::{self, ThrottleRow};
use xiaoban_persistence::identity::totp;
use xiaoban_persistence::identity::users::{self, UserRow};
use xiaoban_persistence::{PersistenceError, Tx, begin_write};

use crate::{RequestContext, ServiceError, Services};

/// Attempts for one username per minute.
const PER_USERNAME: i32 = 10;
/// Counters whose window began this long ago (and whose lock has ended) are purged.
const KEEP_FOR_HOURS: i64 = 24;

fn window() -> Duration {
    Duration::minutes(1)
}

fn failures_key(username: &str) -> String {
    format!("lock:{username}")
}

fn state_of_user(user: &UserRow) -> FailureState {
    FailureState {
        failures: u32::try_from(user.failed_logins).unwrap_or(0),
        window_started: user.failed_window_start,
        locked_until: user.locked_until,
    }
}

fn state_of_row(row: &ThrottleRow) -> FailureState {
    FailureState {
        failures: u32::try_from(row.hits).unwrap_or(0),
        window_started: (row.hits > 0).then_some(row.window_start),
        locked_until: row.locked_until,
    }
}

impl Services {
    /// Counts a password attempt from the caller's address for `username` (normalised);
    /// [`ServiceError::RateLimited`] beyond either limit. `purpose` keeps the per-username
    /// counts of signing in (`login`) and of changing the password (`change`) apart; the
    /// address counts both.
    pub(super) async fn count_password_attempt(
        &self,
        ctx: &RequestContext,
        purpose: &str,
        username: &str,
    ) -> Result<(), ServiceError> {
        let now = self.now();
        let keys = [
            ctx.ip
                .as_ref()
                .map(|ip| (format!("ip:{ip}"), self.auth.sign_in_per_address)),
            Some((format!("{purpose}:{username}"), PER_USERNAME)),
        ];
        let tx = begin_write(self.db()).await?;
        let mut wait = 0_i64;
        for (key, limit) in keys.into_iter().flatten() {
            let row = throttle::count_attempt(&tx, &key, now, window()).await?;
            if row.hits > limit {
                wait = wait.max((row.window_start + window() - now).num_seconds().max(1));
            }
        }
        tx.commit().await.map_err(PersistenceError::from)?;
        match u64::try_from(wait) {
            Ok(0) | Err(_) => Ok(()),
            Ok(retry_after_secs) => Err(ServiceError::RateLimited { retry_after_secs }),
        }
    }

    /// The failure state of an account, or of a username nobody has, before a password is tried.
    pub(super) async fn failure_state(
        &self,
        user: Option<&UserRow>,
        username: &str,
    ) -> Result<FailureState, ServiceError> {
        Ok(match user {
            Some(user) => state_of_user(user),
            None => throttle::find(self.db(), &failures_key(username))
                .await?
                .map(|row| state_of_row(&row))
                .unwrap_or_default(),
        })
    }

    /// Counts a wrong password in `tx` against the account (or the unknown username) and
    /// returns the new state. The record is locked before it is read, so concurrent failures
    /// all count.
    pub(super) async fn count_failure(
        &self,
        tx: &Tx,
        user: Option<&UserRow>,
        username: &str,
        now: DateTime<Utc>,
    ) -> Result<FailureState, ServiceError> {
        let policy = self.security_policy().await?.lockout();
        match user {
            Some(user) => {
                let current = users::find_for_update(tx, user.id)
                    .await?
                    .ok_or(ServiceError::NotFound { entity: "user" })?;
                let state = state_of_user(&current).after_failure(&policy, now);
                let failures = i32::try_from(state.failures).unwrap_or(i32::MAX);
                users::record_failures(tx, user.id, failures, state.window_started, state.locked_until)
                    .await?;
                Ok(state)
            }
            None => {
                let key = failures_key(username);
                let current = throttle::lock_failures(tx, &key, now).await?;
                let state = state_of_row(&current).after_failure(&policy, now);
                let failures = i32::try_from(state.failures).unwrap_or(i32::MAX);
                let started = state.window_started.unwrap_or(now);
                throttle::store_failures(tx, &key, failures, started, state.locked_until).await?;
                Ok(state)
            }
        }
    }

    /// Forgets counters that no longer limit anything, and expired sign-in challenges; returns
    /// how many. Run hourly.
    pub async fn purge_sign_in_throttle(&self) -> Result<u64, ServiceError> {
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let purged = throttle::purge(&tx, now - Duration::hours(KEEP_FOR_HOURS), now).await?;
        // Sign-in challenges of two-step verification are dead after five minutes.
        let purged = purged + totp::purge_challenges(&tx, now - Duration::hours(1)).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(purged)
    }
}

/// The answer to an attempt on a locked account (or locked unknown username).
pub(super) fn locked(state: &FailureState, now: DateTime<Utc>) -> ServiceError {
    let until = state.locked_until.unwrap_or(now);
    let retry_after_secs = u64::try_from((until - now).num_seconds()).unwrap_or(0).max(1);
    ServiceError::AccountLocked {
        until,
        retry_after_secs,
    }
}
