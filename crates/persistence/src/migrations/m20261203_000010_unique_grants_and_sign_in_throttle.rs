//! Role assignments become unique per (user, role, scope): exact duplicates that concurrent
//! grants could leave behind are removed first (the oldest row stays; permissions do not change).
//! And the sign-in throttle: per-minute attempt counters per address and per username, and the
//! lockout of usernames that do not exist, shared by every replica through the database.

use sea_orm_migration::prelude::*;

use super::utc_timestamp;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SignInThrottle {
    Table,
    Key,
    Hits,
    WindowStart,
    LockedUntil,
}

/// Keeps the oldest of each set of identical assignments (ids are time-ordered UUID v7).
const REMOVE_DUPLICATE_ASSIGNMENTS: &str = "DELETE FROM role_assignments WHERE EXISTS (
    SELECT 1 FROM role_assignments AS older
    WHERE older.user_id = role_assignments.user_id
      AND older.role_id = role_assignments.role_id
      AND older.scope_kind = role_assignments.scope_kind
      AND (older.scope_department_id = role_assignments.scope_department_id
           OR (older.scope_department_id IS NULL AND role_assignments.scope_department_id IS NULL))
      AND older.id < role_assignments.id)";

/// Two partial indexes, because a unique index treats NULL departments as all different.
const UNIQUE_ASSIGNMENTS: [&str; 2] = [
    "CREATE UNIQUE INDEX uq_role_assignments_unscoped ON role_assignments (user_id, role_id, scope_kind) \
     WHERE scope_department_id IS NULL",
    "CREATE UNIQUE INDEX uq_role_assignments_department ON role_assignments (user_id, role_id, scope_department_id) \
     WHERE scope_department_id IS NOT NULL",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(REMOVE_DUPLICATE_ASSIGNMENTS).await?;
        for statement in UNIQUE_ASSIGNMENTS {
            db.execute_unprepared(statement).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(SignInThrottle::Table)
                    .col(
                        ColumnDef::new(SignInThrottle::Key)
                            .string_len(320)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(SignInThrottle::Hits).integer().not_null())
                    .col(utc_timestamp(SignInThrottle::WindowStart))
                    .col(
                        ColumnDef::new(SignInThrottle::LockedUntil)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sign_in_throttle_window")
                    .table(SignInThrottle::Table)
                    .col(SignInThrottle::WindowStart)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SignInThrottle::Table).to_owned())
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared("DROP INDEX uq_role_assignments_unscoped")
            .await?;
        db.execute_unprepared("DROP INDEX uq_role_assignments_department")
            .await?;
        Ok(())
    }
}
