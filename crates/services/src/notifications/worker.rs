//! The outbox worker: claims due messages, delivers each on its channel, and schedules retries
//! with exponential backoff until it gives up.

use chrono::{DateTime, Duration, Utc};
use xiaoban_persistence::notifications::outbox::{self, FailedAttempt, OutboxRow};
use xiaoban_persistence::{PersistenceError, TransactionTrait, begin_write};

use super::Channel;
use crate::{ServiceError, Services};

/// Failed attempts after which a message is given up (`failed_at` set).
pub const MAX_ATTEMPTS: i32 = 10;

/// What one run of the worker did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub delivered: u64,
    /// Failed this time, tried again later.
    pub retried: u64,
    /// Failed for the last time.
    pub failed: u64,
}

/// The wait after the `attempts`-th failed attempt: 2, 4, 8, 16, 32 minutes, then hourly.
pub fn retry_delay(attempts: i32) -> Duration {
    let exponent = attempts.clamp(0, 6) as u32;
    Duration::minutes(2_i64.pow(exponent).min(60))
}

impl Services {
    /// Delivers due outbox rows (at most `batch`); returns how many were delivered / retried / failed.
    ///
    /// One transaction claims the rows, delivers them and marks them, so a crash leaves every
    /// claimed row due again. Each delivery runs in a savepoint: a failing one is rolled back
    /// alone and recorded as an attempt, and the others still commit.
    pub async fn deliver_outbox(&self, batch: u64) -> Result<DeliveryReport, ServiceError> {
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let due = outbox::claim_due(&tx, now, batch).await?;
        let mut report = DeliveryReport::default();
        for message in due {
            let attempt = tx.begin().await.map_err(PersistenceError::from)?;
            match Channel::deliver(&attempt, &message).await {
                Ok(()) => {
                    attempt.commit().await.map_err(PersistenceError::from)?;
                    outbox::mark_delivered(&tx, message.id, now).await?;
                    report.delivered += 1;
                }
                Err(err) => {
                    attempt.rollback().await.map_err(PersistenceError::from)?;
                    let failure = after_failure(&message, now, err.to_string());
                    if failure.failed_at.is_some() {
                        tracing::error!(outbox_id = %message.id, channel = %message.channel,
                            attempts = failure.attempts, error = %failure.error,
                            "outbox message given up after repeated failures");
                        report.failed += 1;
                    } else {
                        tracing::warn!(outbox_id = %message.id, channel = %message.channel,
                            attempts = failure.attempts, error = %failure.error,
                            "outbox delivery failed; will retry");
                        report.retried += 1;
                    }
                    outbox::record_failure(&tx, message.id, failure).await?;
                }
            }
        }
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(report)
    }
}

fn after_failure(message: &OutboxRow, now: DateTime<Utc>, error: String) -> FailedAttempt {
    let attempts = message.attempts.saturating_add(1);
    FailedAttempt {
        attempts,
        next_attempt_at: now + retry_delay(attempts),
        failed_at: (attempts >= MAX_ATTEMPTS).then_some(now),
        error,
    }
}

#[cfg(test)]
mod tests {
    use super::retry_delay;

    #[test]
    fn the_wait_doubles_from_two_minutes_and_stops_growing_at_an_hour() {
        let minutes: Vec<i64> = (1..=10).map(|n| retry_delay(n).num_minutes()).collect();
        assert_eq!(minutes, [2, 4, 8, 16, 32, 60, 60, 60, 60, 60]);
    }
}
