//! Users as a module: accounts unused for too long are disabled, hourly.

use std::time::Duration;

use crate::modules::{ClockJob, RecordModule};

pub struct UsersModule;

impl RecordModule for UsersModule {
    fn def(&self) -> &'static xiaoban_domain::ModuleDef {
        &xiaoban_domain::identity::MODULE
    }

    fn clock_jobs(&self) -> &'static [ClockJob] {
        JOBS
    }
}

const JOBS: &[ClockJob] = &[ClockJob {
    name: "user.disable_inactive",
    every: Duration::from_secs(3600),
    run: disable_inactive,
}];

fn disable_inactive(services: &crate::Services) -> crate::modules::ModuleFuture<'_, ()> {
    Box::pin(async move {
        let disabled = services.disable_inactive_accounts().await?;
        if disabled > 0 {
            tracing::info!(disabled, "accounts unused for too long were disabled");
        }
        Ok(())
    })
}
