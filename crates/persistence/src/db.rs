use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection, DatabaseTransaction,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use sea_orm_migration::MigratorTrait;

use crate::PersistenceError;
use crate::migrations::Migrator;

pub type Db = DatabaseConnection;
pub type Tx = DatabaseTransaction;

/// The two supported database engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of(db: &impl ConnectionTrait) -> Self {
        match db.get_database_backend() {
            DatabaseBackend::Postgres => Self::Postgres,
            _ => Self::Sqlite,
        }
    }
}

/// Opens a pool. SQLite gets WAL, foreign keys and a busy timeout; neither backend pings the
/// database on every checkout (that halves throughput; stale connections age out instead).
pub async fn connect(url: &str, max_connections: u32) -> Result<Db, PersistenceError> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(max_connections)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .idle_timeout(Duration::from_secs(300))
        .max_lifetime(Duration::from_secs(1800))
        .test_before_acquire(false)
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|opts| {
            opts.create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
        });
    Ok(Database::connect(options).await?)
}

/// Starts a transaction that will write. On SQLite it takes the write lock at `BEGIN`
/// (`BEGIN IMMEDIATE`): a deferred transaction that reads first and writes later can fail with
/// "database is locked" without waiting, which would turn ordinary contention into errors.
pub async fn begin_write(db: &Db) -> Result<Tx, PersistenceError> {
    let options = TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    };
    let tx = match Backend::of(db) {
        Backend::Sqlite => db.begin_with_options(options).await?,
        Backend::Postgres => db.begin().await?,
    };
    Ok(tx)
}

/// Makes writers of `key` (e.g. `guide.import`) take turns until `tx` ends: a check-then-write
/// that no unique index can guard (two imports of the same titles) then sees the other's rows.
/// On PostgreSQL a transaction-level advisory lock; SQLite's `BEGIN IMMEDIATE` already lets one
/// writer in at a time.
pub async fn serialize_writers(tx: &Tx, key: &str) -> Result<(), PersistenceError> {
    if Backend::of(tx) == Backend::Postgres {
        let statement = sea_orm::Statement::from_sql_and_values(
            sea_orm::DatabaseBackend::Postgres,
            "SELECT pg_advisory_xact_lock(hashtext($1))",
            [key.into()],
        );
        tx.execute_raw(statement).await?;
    }
    Ok(())
}

/// Applies every pending migration.
pub async fn migrate(db: &Db) -> Result<(), PersistenceError> {
    Migrator::up(db, None).await?;
    Ok(())
}

/// How many migrations have not been applied yet (0 on a ready database).
pub async fn pending_migrations(db: &Db) -> Result<usize, PersistenceError> {
    Ok(Migrator::get_pending_migrations(db).await?.len())
}

/// Names of all migrations, in order; a fingerprint of the schema for test templates.
pub fn migration_names() -> Vec<String> {
    Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect()
}

/// A trivial round trip to the database.
pub async fn ping(db: &Db) -> Result<(), PersistenceError> {
    db.ping().await?;
    Ok(())
}
