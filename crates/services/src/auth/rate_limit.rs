//! Sign-in attempts per client address and per username, in fixed one-minute windows. Kept in
//! memory: each replica limits on its own (the account lockout is in the database and global).

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

#[derive(Debug)]
pub struct RateLimiter {
    per_ip: u32,
    per_username: u32,
    windows: Mutex<HashMap<String, (DateTime<Utc>, u32)>>,
}

impl Default for RateLimiter {
    fn default() -> Self {
        Self::new(30, 10)
    }
}

impl RateLimiter {
    pub fn new(per_ip: u32, per_username: u32) -> Self {
        Self {
            per_ip,
            per_username,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Counts an attempt; `Err(seconds)` when either limit is exceeded.
    pub fn check(&self, ip: Option<&str>, username: &str, now: DateTime<Utc>) -> Result<(), u64> {
        let Ok(mut windows) = self.windows.lock() else {
            return Ok(());
        };
        if windows.len() > 10_000 {
            windows.retain(|_, (start, _)| now - *start < Duration::minutes(1));
        }
        let mut wait = 0;
        let keys = [
            (ip.map(|ip| format!("ip:{ip}")), self.per_ip),
            (Some(format!("user:{username}")), self.per_username),
        ];
        for (key, limit) in keys {
            let Some(key) = key else { continue };
            let entry = windows.entry(key).or_insert((now, 0));
            if now - entry.0 >= Duration::minutes(1) {
                *entry = (now, 0);
            }
            entry.1 += 1;
            if entry.1 > limit {
                let left = (entry.0 + Duration::minutes(1) - now).num_seconds().max(1);
                wait = wait.max(u64::try_from(left).unwrap_or(60));
            }
        }
        if wait > 0 { Err(wait) } else { Ok(()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eleventh_attempt_for_one_username_within_a_minute_is_refused() {
        let limiter = RateLimiter::default();
        let now = Utc::now();
        for i in 0..10 {
            assert!(
                limiter
                    .check(Some(&format!("10.0.0.{i}")), "zhangsan", now)
                    .is_ok()
            );
        }
        assert!(limiter.check(Some("10.0.0.99"), "zhangsan", now).is_err());
        assert!(
            limiter
                .check(Some("10.0.0.99"), "zhangsan", now + Duration::seconds(61))
                .is_ok()
        );
    }
}
