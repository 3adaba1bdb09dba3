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
