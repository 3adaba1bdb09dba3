//! Database access for Xiaoban. Knows the database, not HTTP.
//!
//! One set of sea-orm entities and migrations serves SQLite (embedded default) and PostgreSQL.
//! Backend differences stay inside named helpers in this crate ([`db::begin_write`], the
//! number counter's upsert), never in the services above.

pub mod approvals;
pub mod audit;
pub mod calendar;
pub mod db;
pub mod entities;
pub mod error;
pub mod files;
pub mod idempotency;
pub mod identity;
pub mod migrations;
pub mod notices;
pub mod notifications;
pub mod numbering;
pub mod paging;
pub mod settings;
pub mod snapshot;
pub mod timeline;
pub mod versioned;

pub use db::{Backend, Db, Tx, begin_write, connect, migrate, pending_migrations, serialize_writers};
pub use error::PersistenceError;
pub use sea_orm::{ConnectionTrait, TransactionTrait};
