use sea_orm::{DbErr, SqlErr};

/// What can go wrong below the services layer. Services turn these into user-facing errors.
#[derive(Debug, thiserror::Error)]
pub enum PersistenceError {
    #[error("record not found")]
    NotFound,
    #[error("stale version: the record is now at version {current}")]
    VersionConflict { current: i32 },
    #[error("unique constraint violated: {0}")]
    Duplicate(String),
    #[error("database error: {0}")]
    Db(DbErr),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
}

impl From<DbErr> for PersistenceError {
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(msg)) => Self::Duplicate(msg),
            _ => Self::Db(err),
        }
    }
}

impl PersistenceError {
    /// True for errors a caller may retry later because another transaction holds a lock
    /// (SQLite's busy lock, PostgreSQL serialization failures). A unique violation is not one:
    /// retrying it fails the same way.
    pub fn is_contention(&self) -> bool {
        match self {
            Self::Db(err) => {
                let text = err.to_string();
                text.contains("database is locked") || text.contains("could not serialize")
            }
            _ => false,
        }
    }
}
