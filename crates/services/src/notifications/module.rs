//! Notifications as a module: the outbox worker delivers every 2 seconds.

use std::time::Duration;

use crate::modules::{ClockJob, RecordModule};

/// The outbox worker's job; tests pause it and deliver by calling it themselves.
pub const OUTBOX_JOB: &str = "notification.outbox";

/// Messages the outbox worker takes per run.
const OUTBOX_BATCH: u64 = 100;

pub struct NotificationsModule;

impl RecordModule for NotificationsModule {
    fn def(&self) -> &'static xiaoban_domain::ModuleDef {
        &xiaoban_domain::notifications::MODULE
    }

    /// Every replica runs the worker: the claim skips rows another replica holds, so no message
    /// is delivered twice. A full batch runs again at once.
    fn clock_jobs(&self) -> &'static [ClockJob] {
        JOBS
    }
}

const JOBS: &[ClockJob] = &[ClockJob {
    name: OUTBOX_JOB,
    every: Duration::from_secs(2),
    run: deliver,
}];

fn deliver(services: &crate::Services) -> crate::modules::ModuleFuture<'_, ()> {
    Box::pin(async move {
        loop {
            let report = services.deliver_outbox(OUTBOX_BATCH).await?;
            if report.delivered + report.retried + report.failed < OUTBOX_BATCH {
                return Ok(());
            }
        }
    })
}
