//! Notices and guides as modules: who reads their attachments, and the guides' review clock.

use std::time::Duration;

use uuid::Uuid;

use crate::modules::{ClockJob, ModuleFuture, ReadFuture, RecordModule};
use crate::{RequestContext, ServiceError, Services};

pub struct NoticesModule;

impl RecordModule for NoticesModule {
    fn def(&self) -> &'static xiaoban_domain::ModuleDef {
        &xiaoban_domain::notices::NOTICE
    }

    /// Whoever may open the notice (its audience once published, the office always).
    fn can_read<'a>(&'a self, services: &'a Services, ctx: &'a RequestContext, id: Uuid) -> ReadFuture<'a> {
        Box::pin(async move { readable(services.notice(ctx, id).await) })
    }
}

pub struct GuidesModule;

impl RecordModule for GuidesModule {
    fn def(&self) -> &'static xiaoban_domain::ModuleDef {
        &xiaoban_domain::notices::GUIDE
    }

    fn can_read<'a>(&'a self, services: &'a Services, ctx: &'a RequestContext, id: Uuid) -> ReadFuture<'a> {
        Box::pin(async move { readable(services.guide(ctx, id).await) })
    }

    /// The office reads every file of a guide; a reader only the flowcharts of published
    /// versions, never the working copy's (a draft is not published by uploading it).
    fn can_read_file<'a>(
        &'a self,
        services: &'a Services,
        ctx: &'a RequestContext,
        id: Uuid,
        file: Uuid,
    ) -> ReadFuture<'a> {
        Box::pin(async move { services.may_read_guide_file(ctx, id, file).await })
    }

    fn clock_jobs(&self) -> &'static [ClockJob] {
        GUIDE_JOBS
    }
}

/// The module's read check as the answer to "may the caller read its attachments".
fn readable<T>(outcome: Result<T, ServiceError>) -> Result<bool, ServiceError> {
    match outcome {
        Ok(_) => Ok(true),
        Err(ServiceError::NotFound { .. } | ServiceError::Forbidden { .. }) => Ok(false),
        Err(err) => Err(err),
    }
}

/// Review dates are days, so once an hour is often enough.
const GUIDE_JOBS: &[ClockJob] = &[ClockJob {
    name: "guide.review",
    every: Duration::from_secs(3600),
    run: remind_reviews,
}];

fn remind_reviews(services: &Services) -> ModuleFuture<'_, ()> {
    Box::pin(async move {
        let report = services.remind_guide_reviews().await?;
        if report.reminded > 0 {
            tracing::info!(?report, "guide owners reminded of reviews");
        }
        Ok(())
    })
}
