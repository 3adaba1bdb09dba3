//! A logical, database-independent snapshot of every table, for `xiaoban backup` and
//! `xiaoban restore` (ADR 0013). Rows travel as JSON objects whose values are typed by a
//! column [`Kind`], so a snapshot taken on SQLite loads into PostgreSQL and back.
//!
//! [`tables`] lists every table in an order where each table comes after the tables its foreign
//! keys point to; a load in that order never sees a missing parent. A new table must be added
//! there: [`unlisted_tables`] reports any table of the schema the list lacks, and the backup
//! refuses to run while one exists.

use sea_orm::DbErr;

use crate::PersistenceError;

mod load;
mod read;
mod table;
mod value;

pub use load::{ensure_empty, load_rows, migrate_to, remove_seeded_rows};
pub use read::{ReadSnapshot, begin_read, schema_tables, unlisted_tables};
pub use table::{ColumnSpec, Kind, Row, Table, tables};

/// Why a snapshot could not be taken or loaded.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// The request cannot be carried out as it stands: a target that holds data, a snapshot of a
    /// newer schema, pending migrations, a malformed row.
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Database(#[from] PersistenceError),
    #[error("cannot write the snapshot: {0}")]
    Write(#[from] std::io::Error),
}

impl From<DbErr> for SnapshotError {
    fn from(err: DbErr) -> Self {
        Self::Database(err.into())
    }
}
