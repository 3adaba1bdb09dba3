use xiaoban_persistence::db;

use crate::{ServiceError, Services};

/// Whether this instance can serve traffic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    pub database_reachable: bool,
    pub pending_migrations: usize,
}

impl Readiness {
    pub fn is_ready(&self) -> bool {
        self.database_reachable && self.pending_migrations == 0
    }
}

impl Services {
    pub async fn readiness(&self) -> Result<Readiness, ServiceError> {
        if db::ping(self.db()).await.is_err() {
            return Ok(Readiness {
                database_reachable: false,
                pending_migrations: 0,
            });
        }
        let pending = db::pending_migrations(self.db()).await?;
        Ok(Readiness {
            database_reachable: true,
            pending_migrations: pending,
        })
    }
}

/// The platform as a module: it forgets idempotency keys once they expire.
pub struct PlatformModule;

impl crate::modules::RecordModule for PlatformModule {
    fn def(&self) -> &'static xiaoban_domain::ModuleDef {
        &xiaoban_domain::module::platform::PLATFORM
    }

    fn clock_jobs(&self) -> &'static [crate::modules::ClockJob] {
        JOBS
    }
}

const JOBS: &[crate::modules::ClockJob] = &[crate::modules::ClockJob {
    name: "platform.idempotency_purge",
    every: std::time::Duration::from_secs(3600),
    run: purge_idempotency_keys,
}];

fn purge_idempotency_keys(services: &crate::Services) -> crate::modules::ModuleFuture<'_, ()> {
    Box::pin(async move {
        let purged = services.purge_expired_idempotency_keys().await?;
        if purged > 0 {
            tracing::info!(purged, "expired idempotency keys removed");
        }
        Ok(())
    })
}
