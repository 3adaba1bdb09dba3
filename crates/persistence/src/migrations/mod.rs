//! Schema migrations, one file per migration (sea-orm names a migration after its file).
//! Migrations never use the entity types: entities change, a migration must not.

use sea_orm_migration::prelude::*;

mod m20261122_000001_create_calendar_days;
mod m20261122_000002_create_idempotency_keys;
mod m20261122_000003_create_number_sequences;
mod m20261122_000004_create_identity;
mod m20261122_000005_create_sessions_and_api_keys;
mod m20261122_000006_create_audit_events;
mod m20261122_000007_create_notifications;
mod m20261122_000008_create_approvals;
mod m20261122_000009_create_files;
mod m20261203_000010_unique_grants_and_sign_in_throttle;
mod m20261203_000011_department_leaders;
mod m20261203_000012_create_totp;
mod m20261203_000014_task_branches;
mod m20261203_000015_create_approval_drafts;
mod m20261203_000018_system_decisions;
mod m20261203_000021_record_events;
mod m20261203_000025_create_notices;

pub use m20261122_000006_create_audit_events::GENESIS_HASH;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_calendar_days::Migration),
            Box::new(m20261122_000002_create_idempotency_keys::Migration),
            Box::new(m20261122_000003_create_number_sequences::Migration),
            Box::new(m20261122_000004_create_identity::Migration),
            Box::new(m20261122_000005_create_sessions_and_api_keys::Migration),
            Box::new(m20261122_000006_create_audit_events::Migration),
            Box::new(m20261122_000007_create_notifications::Migration),
            Box::new(m20261122_000008_create_approvals::Migration),
            Box::new(m20261122_000009_create_files::Migration),
            Box::new(m20261203_000010_unique_grants_and_sign_in_throttle::Migration),
            Box::new(m20261203_000011_department_leaders::Migration),
            Box::new(m20261203_000012_create_totp::Migration),
            Box::new(m20261203_000014_task_branches::Migration),
            Box::new(m20261203_000015_create_approval_drafts::Migration),
            Box::new(m20261203_000018_system_decisions::Migration),
            Box::new(m20261203_000021_record_events::Migration),
            Box::new(m20261203_000025_create_notices::Migration),
        ]
    }
}

/// A UTC timestamp column: `timestamptz` on PostgreSQL, ISO text on SQLite.
pub(crate) fn utc_timestamp<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

/// The optimistic-concurrency column every mutable record carries.
pub(crate) fn version_column<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).integer().not_null().default(1).to_owned()
}
