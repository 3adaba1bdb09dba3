//! Reading every table in one consistent view of the database.

use sea_orm::{AccessMode, ConnectionTrait, IsolationLevel, Statement, TransactionTrait};
use sea_orm_migration::MigratorTrait;

use super::SnapshotError;
use super::tables;
use crate::migrations::Migrator;
use crate::{Backend, Db, Tx};

/// The table sea-orm keeps its applied migrations in; migrations recreate it, so it is not data.
const MIGRATIONS_TABLE: &str = "seaql_migrations";

/// A read transaction that sees the database as of its first statement, and what it saw of the
/// schema.
pub struct ReadSnapshot {
    pub tx: Tx,
    pub backend: Backend,
    /// Applied migrations, oldest first: the schema version of every row read through `tx`.
    pub migrations: Vec<String>,
}

/// Starts the snapshot: `REPEATABLE READ, READ ONLY` on PostgreSQL; on SQLite a deferred read
/// transaction, which in WAL mode keeps reading the state of its first read while writers go on.
/// Refuses a database whose schema is not this binary's (pending migrations).
pub async fn begin_read(db: &Db) -> Result<ReadSnapshot, SnapshotError> {
    let backend = Backend::of(db);
    let tx = match backend {
        Backend::Postgres => {
            db.begin_with_config(Some(IsolationLevel::RepeatableRead), Some(AccessMode::ReadOnly))
                .await?
        }
        Backend::Sqlite => db.begin().await?,
    };
    let pending = Migrator::get_pending_migrations_read_only(&tx).await?;
    if !pending.is_empty() {
        return Err(SnapshotError::Refused(format!(
            "{} migrations are pending: run `xiaoban migrate` first",
            pending.len()
        )));
    }
    let migrations = Migrator::get_applied_migrations_read_only(&tx)
        .await?
        .iter()
        .map(|m| m.name().to_owned())
        .collect();
    Ok(ReadSnapshot {
        tx,
        backend,
        migrations,
    })
}

/// The data tables of the connected database's schema, by name.
pub async fn schema_tables(db: &impl ConnectionTrait) -> Result<Vec<String>, SnapshotError> {
    let backend = db.get_database_backend();
    let sql = match Backend::of(db) {
        Backend::Sqlite => {
            "SELECT name AS name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        Backend::Postgres => {
            "SELECT tablename::text AS name FROM pg_catalog.pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
        }
    };
    let rows = db.query_all_raw(Statement::from_string(backend, sql)).await?;
    let mut names = Vec::with_capacity(rows.len());
    for row in rows {
        let name: String = row.try_get("", "name")?;
        if name != MIGRATIONS_TABLE {
            names.push(name);
        }
    }
    Ok(names)
}

/// Tables of the schema that [`tables`] does not list: a backup would silently miss them.
pub async fn unlisted_tables(db: &impl ConnectionTrait) -> Result<Vec<String>, SnapshotError> {
    let listed: Vec<&str> = tables().iter().map(|t| t.name()).collect();
    Ok(schema_tables(db)
        .await?
        .into_iter()
        .filter(|name| !listed.contains(&name.as_str()))
        .collect())
}
