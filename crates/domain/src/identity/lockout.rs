//! Account lockout after repeated sign-in failures, as pure state transitions.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// How many failures, within what window, lock an account for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockoutPolicy {
    /// Failures within `window` that lock the account (default 5).
    pub max_failures: u32,
    /// Window measured from the first failure of a run (default 15 minutes).
    pub window: Duration,
    /// How long the lock lasts (default 15 minutes).
    pub lock_for: Duration,
}

impl Default for LockoutPolicy {
    fn default() -> Self {
        Self {
            max_failures: 5,
            window: Duration::minutes(15),
            lock_for: Duration::minutes(15),
        }
    }
}

/// Sign-in failure bookkeeping of one account.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FailureState {
    /// Failures in the current window.
    pub failures: u32,
    /// When the current window began (the first failure of the run).
    pub window_started: Option<DateTime<Utc>>,
    /// The account is locked until this instant (exclusive).
    pub locked_until: Option<DateTime<Utc>>,
}

impl FailureState {
    /// Whether sign-in must be refused at `now`, even with the right password.
    pub fn is_locked(&self, now: DateTime<Utc>) -> bool {
        self.locked_until.is_some_and(|until| now < until)
    }

    /// Records a wrong password at `now`. A failure inside the window adds to the count, one after
    /// it (or after an expired lock) starts a new window at 1; reaching `max_failures` locks until
    /// `now + lock_for`. Attempts while locked change nothing (the lock is not extended).
    pub fn after_failure(self, policy: &LockoutPolicy, now: DateTime<Utc>) -> FailureState {
        if self.is_locked(now) {
            return self;
        }
        let in_window = self.locked_until.is_none()
            && self
                .window_started
                .is_some_and(|start| now < start + policy.window);
        let (failures, window_started) = match self.window_started {
            Some(start) if in_window => (self.failures.saturating_add(1), start),
            _ => (1, now),
        };
        let locked_until = (failures >= policy.max_failures).then(|| now + policy.lock_for);
        FailureState {
            failures,
            window_started: Some(window_started),
            locked_until,
        }
    }

    /// Records a successful sign-in: everything is forgotten. Check [`Self::is_locked`] first.
    pub fn after_success(self) -> FailureState {
        FailureState::default()
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(minute: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap() + Duration::minutes(minute)
    }

    fn fail_at(minutes: &[i64]) -> FailureState {
        let policy = LockoutPolicy::default();
        minutes
            .iter()
            .fold(FailureState::default(), |s, m| s.after_failure(&policy, at(*m)))
    }

    #[test]
    fn the_fifth_failure_within_fifteen_minutes_locks_the_account() {
        let four = fail_at(&[0, 1, 2, 3]);
        assert!(!four.is_locked(at(4)));
        let five = fail_at(&[0, 1, 2, 3, 14]);
        assert_eq!(five.failures, 5);
        assert_eq!(five.locked_until, Some(at(29)));
        assert!(
            five.is_locked(at(14)),
            "the sixth attempt is refused even with the right password"
        );
    }

    #[test]
    fn failures_spread_beyond_fifteen_minutes_do_not_lock() {
        let state = fail_at(&[0, 5, 10, 14, 15]);
        assert_eq!((state.failures, state.window_started), (1, Some(at(15))));
        assert!(!state.is_locked(at(15)));
        let spread = fail_at(&[0, 4, 8, 12, 16, 20, 24, 28]);
        assert!(!spread.is_locked(at(28)));
    }

    #[test]
    fn the_lock_expires_after_fifteen_minutes() {
        let locked = fail_at(&[0, 1, 2, 3, 4]);
        assert!(locked.is_locked(at(18)));
        assert!(!locked.is_locked(at(19)));
    }

    #[test]
    fn attempts_while_locked_do_not_extend_the_lock() {
        let locked = fail_at(&[0, 1, 2, 3, 4]);
        let again = locked.after_failure(&LockoutPolicy::default(), at(10));
        assert_eq!(again, locked);
    }

    #[test]
    fn a_failure_after_the_lock_expires_starts_a_new_run() {
        let state = fail_at(&[0, 1, 2, 3, 4, 20]);
        assert_eq!((state.failures, state.locked_until), (1, None));
    }

    #[test]
    fn success_resets_the_count() {
        let policy = LockoutPolicy::default();
        let state = fail_at(&[0, 1, 2, 3]).after_success();
        assert_eq!(state, FailureState::default());
        assert!(!state.after_failure(&policy, at(5)).is_locked(at(5)));
    }
}
