//! Approvals as a module: whoever may see a request reads its attachments, and the engine's
//! clock runs reminders and timeouts every minute.

use std::time::Duration;

use uuid::Uuid;

use crate::modules::{ClockJob, ReadFuture, RecordModule};
use crate::{RequestContext, ServiceError, Services};

pub struct ApprovalsModule;

impl RecordModule for ApprovalsModule {
    fn def(&self) -> &'static xiaoban_domain::ModuleDef {
        &xiaoban_domain::approvals::MODULE
    }

    fn can_read<'a>(&'a self, services: &'a Services, ctx: &'a RequestContext, id: Uuid) -> ReadFuture<'a> {
        Box::pin(async move {
            match services.get_approval(ctx, id).await {
                Ok(_) => Ok(true),
                Err(ServiceError::NotFound { .. } | ServiceError::Forbidden { .. }) => Ok(false),
                Err(err) => Err(err),
            }
        })
    }

    fn clock_jobs(&self) -> &'static [ClockJob] {
        JOBS
    }
}

const JOBS: &[ClockJob] = &[ClockJob {
    name: "approval.timers",
    every: Duration::from_secs(60),
    run: run_timers,
}];

fn run_timers(services: &crate::Services) -> crate::modules::ModuleFuture<'_, ()> {
    Box::pin(async move {
        let report = services.run_approval_timers().await?;
        if report.overdue > 0 || report.reminded > 0 {
            tracing::info!(?report, "approval deadlines handled");
        }
        Ok(())
    })
}
