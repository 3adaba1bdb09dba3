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

/// The column a unique-constraint message names: SQLite says `UNIQUE constraint failed:
/// users.username`, PostgreSQL names the index, e.g. `"users_username_key"`.
pub fn duplicate_column(message: &str) -> Option<String> {
    if let Some(rest) = message.split("UNIQUE constraint failed: ").nth(1) {
        let first = rest.split(',').next()?.trim();
        return first.rsplit('.').next().map(str::to_owned);
    }
    let index = message.split('"').nth(1)?;
    let stem = index.strip_suffix("_key")?;
    const TABLES: &[&str] = &[
        "users",
        "departments",
        "roles",
        "api_keys",
        "number_series",
        "settings",
    ];
    let table = TABLES.iter().find(|t| stem.starts_with(&format!("{t}_")))?;
    Some(stem[table.len() + 1..].to_owned())
}

impl PersistenceError {
    /// True for errors a caller may retry later because another transaction holds a lock
    /// (SQLite's busy lock, PostgreSQL serialization failures, no free connection in the pool).
    /// A unique violation is not one:
    /// retrying it fails the same way.
    pub fn is_contention(&self) -> bool {
        match self {
            Self::Db(err) => {
                let text = err.to_string();
                // Every connection busy for the pool's whole timeout is overload too: the client
                // should come back later (503), not see a server error.
                text.contains("database is locked")
                    || text.contains("could not serialize")
                    || text.to_ascii_lowercase().contains("pool timed out")
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::duplicate_column;

    #[test]
    fn both_databases_unique_messages_name_the_column() {
        assert_eq!(
            duplicate_column("UNIQUE constraint failed: users.username").as_deref(),
            Some("username")
        );
        let pg = "duplicate key value violates unique constraint \"users_number_key\"";
        assert_eq!(duplicate_column(pg).as_deref(), Some("number"));
        assert_eq!(duplicate_column("something else"), None);
    }
}
