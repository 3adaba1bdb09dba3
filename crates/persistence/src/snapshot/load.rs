//! Loading a snapshot into an empty database.

use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::{ConnectionTrait, Statement};
use sea_orm_migration::MigratorTrait;

use super::SnapshotError;
use super::value::from_json;
use super::{ColumnSpec, Row, schema_tables};
use crate::Db;
use crate::migrations::Migrator;

/// Tables that migrations fill (the shipped calendar, the audit chain's head); a snapshot
/// replaces their rows, and they do not make a database count as used.
const SEEDED_BY_MIGRATIONS: &[&str] = &["calendar_days", "audit_head"];

/// Bind parameters per INSERT, well below both databases' limits.
const PARAMETERS_PER_INSERT: usize = 4000;

/// Refuses a database that holds data: any row in a table other than those migrations fill.
pub async fn ensure_empty(db: &impl ConnectionTrait) -> Result<(), SnapshotError> {
    let mut used = Vec::new();
    for name in schema_tables(db).await? {
        if SEEDED_BY_MIGRATIONS.contains(&name.as_str()) {
            continue;
        }
        let sql = format!("SELECT COUNT(*) AS n FROM {}", quoted(&name));
        let row = db
            .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
            .await?;
        let count: i64 = match row {
            Some(row) => row.try_get("", "n")?,
            None => 0,
        };
        if count > 0 {
            used.push(format!("{name} ({count} rows)"));
        }
    }
    if used.is_empty() {
        Ok(())
    } else {
        Err(SnapshotError::Refused(format!(
            "the target database is not empty: {}",
            used.join(", ")
        )))
    }
}

/// Brings an empty database to exactly the schema version `migrations` (a snapshot's list):
/// refuses a snapshot from a newer binary and a target that is already further along.
pub async fn migrate_to(db: &Db, migrations: &[String]) -> Result<(), SnapshotError> {
    let known: Vec<String> = crate::db::migration_names();
    if let Some((i, name)) = migrations
        .iter()
        .enumerate()
        .find(|(i, name)| known.get(*i) != Some(*name))
    {
        return Err(SnapshotError::Refused(format!(
            "migration {} of the backup ({name}) is not this version's migration {}: restore with the Xiaoban version that made the backup or a newer one",
            i + 1,
            known.get(i).map_or("(none)", String::as_str)
        )));
    }
    let applied = Migrator::get_applied_migrations(db).await?;
    if applied.len() > migrations.len()
        || applied
            .iter()
            .zip(migrations)
            .any(|(applied, wanted)| applied.name() != wanted)
    {
        return Err(SnapshotError::Refused(
            "the target database is migrated beyond the backup's schema: restore into a new, empty database"
                .into(),
        ));
    }
    let steps = migrations.len() - applied.len();
    if steps > 0 {
        let steps = u32::try_from(steps).map_err(|_| SnapshotError::Refused("too many migrations".into()))?;
        Migrator::up(db, Some(steps)).await?;
    }
    Ok(())
}

/// Deletes what migrations put into the tables a snapshot replaces; run inside the load's
/// transaction, after [`ensure_empty`] there.
pub async fn remove_seeded_rows(db: &impl ConnectionTrait) -> Result<(), SnapshotError> {
    let present = schema_tables(db).await?;
    for name in SEEDED_BY_MIGRATIONS {
        if present.iter().any(|p| p == name) {
            db.execute_unprepared(&format!("DELETE FROM {}", quoted(name)))
                .await?;
        }
    }
    Ok(())
}

/// Inserts `rows` of `table`, each holding exactly `columns`; returns how many.
pub async fn load_rows(
    db: &impl ConnectionTrait,
    table: &str,
    columns: &[ColumnSpec],
    rows: &[Row],
) -> Result<u64, SnapshotError> {
    if rows.is_empty() {
        return Ok(0);
    }
    let per_insert = (PARAMETERS_PER_INSERT / columns.len().max(1)).max(1);
    for chunk in rows.chunks(per_insert) {
        let mut insert = Query::insert();
        insert
            .into_table(Alias::new(table))
            .columns(columns.iter().map(|c| Alias::new(c.name.as_str())));
        for row in chunk {
            if row.len() != columns.len() {
                return Err(bad_row(table, "its columns are not the manifest's"));
            }
            let mut values = Vec::with_capacity(columns.len());
            for column in columns {
                let json = row
                    .get(&column.name)
                    .ok_or_else(|| bad_row(table, &format!("no {}", column.name)))?;
                let value = from_json(column.kind, json)
                    .map_err(|e| bad_row(table, &format!("{}: {e}", column.name)))?;
                values.push(Expr::val(value));
            }
            insert
                .values(values)
                .map_err(|e| bad_row(table, &e.to_string()))?;
        }
        db.execute(&insert).await?;
    }
    Ok(u64::try_from(rows.len()).unwrap_or(u64::MAX))
}

fn bad_row(table: &str, why: &str) -> SnapshotError {
    SnapshotError::Refused(format!("a row of {table} cannot be loaded: {why}"))
}

/// A table name from the schema or the list, quoted for both databases.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}
