//! A resource that exists only in the test build. It exercises every shared mechanism the way a
//! module will: validated JSON, the list convention, optimistic concurrency with `version` or
//! `If-Match`, idempotent creates, gapless numbers, and opaque 500s.

pub mod approval;
mod entity;
mod handlers;
mod ledger;
mod module;
mod service;

pub use handlers::routes;
pub use module::ProbeModule;
pub use service::{NUMBER_SERIES, ProbeView};

use sea_orm::{ConnectionTrait, Schema};
use xiaoban_persistence::Db;

/// Creates the probe's tables (its numbering series is registered with every module's).
pub async fn install(db: &Db) {
    let backend = db.get_database_backend();
    let create = Schema::new(backend)
        .create_table_from_entity(entity::Entity)
        .if_not_exists()
        .to_owned();
    db.execute(&create).await.expect("create the probe table");
    ledger::install(db).await;
}
