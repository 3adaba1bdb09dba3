use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use xiaoban_services::Clock;

/// A clock tests move by hand.
#[derive(Debug)]
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn at(rfc3339: &str) -> Self {
        let start = DateTime::parse_from_rfc3339(rfc3339)
            .expect("an RFC 3339 time")
            .to_utc();
        Self(Mutex::new(start))
    }

    pub fn advance(&self, by: Duration) {
        let mut now = self.0.lock().expect("clock lock");
        *now += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().expect("clock lock")
    }
}
