//! Sign-in as a module: it forgets old sign-in counters.

use std::time::Duration;

use crate::modules::{ClockJob, RecordModule};

pub struct AuthModule;

impl RecordModule for AuthModule {
    fn def(&self) -> &'static xiaoban_domain::ModuleDef {
        &xiaoban_domain::module::platform::AUTH
    }

    fn clock_jobs(&self) -> &'static [ClockJob] {
        JOBS
    }
}

const JOBS: &[ClockJob] = &[ClockJob {
    name: "auth.throttle_purge",
    every: Duration::from_secs(3600),
    run: purge_throttle,
}];

fn purge_throttle(services: &crate::Services) -> crate::modules::ModuleFuture<'_, ()> {
    Box::pin(async move {
        let purged = services.purge_sign_in_throttle().await?;
        if purged > 0 {
            tracing::info!(purged, "old sign-in counters removed");
        }
        Ok(())
    })
}
