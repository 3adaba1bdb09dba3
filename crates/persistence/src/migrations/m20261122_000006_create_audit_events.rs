use sea_orm_migration::prelude::*;

use super::utc_timestamp;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The append-only audit log. Ids are consecutive (assigned from the chain head, not a
/// sequence), and each row carries the hash of the previous one.
#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Id,
    OccurredAt,
    ActorKind,
    ActorId,
    ActorName,
    Action,
    Entity,
    EntityId,
    Before,
    After,
    Ip,
    UserAgent,
    RequestId,
    PrevHash,
    Hash,
}

/// One row: the id and hash of the last event. Appenders lock it, so the chain never forks.
#[derive(DeriveIden)]
enum AuditHead {
    Table,
    Id,
    LastId,
    LastHash,
}

/// The hash that the first event links to.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let opt = |name: AuditEvents, len: u32| ColumnDef::new(name).string_len(len).null().to_owned();
        manager
            .create_table(
                Table::create()
                    .table(AuditEvents::Table)
                    .col(
                        ColumnDef::new(AuditEvents::Id)
                            .big_integer()
                            .not_null()
                            .primary_key(),
                    )
                    .col(utc_timestamp(AuditEvents::OccurredAt))
                    .col(ColumnDef::new(AuditEvents::ActorKind).string_len(16).not_null())
                    .col(opt(AuditEvents::ActorId, 64))
                    .col(ColumnDef::new(AuditEvents::ActorName).string_len(100).not_null())
                    .col(ColumnDef::new(AuditEvents::Action).string_len(64).not_null())
                    .col(ColumnDef::new(AuditEvents::Entity).string_len(64).not_null())
                    .col(opt(AuditEvents::EntityId, 64))
                    .col(ColumnDef::new(AuditEvents::Before).text().null())
                    .col(ColumnDef::new(AuditEvents::After).text().null())
                    .col(opt(AuditEvents::Ip, 64))
                    .col(opt(AuditEvents::UserAgent, 300))
                    .col(opt(AuditEvents::RequestId, 128))
                    .col(ColumnDef::new(AuditEvents::PrevHash).string_len(64).not_null())
                    .col(ColumnDef::new(AuditEvents::Hash).string_len(64).not_null())
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("idx_audit_events_occurred_at", vec![AuditEvents::OccurredAt]),
            (
                "idx_audit_events_entity",
                vec![AuditEvents::Entity, AuditEvents::EntityId],
            ),
            ("idx_audit_events_actor", vec![AuditEvents::ActorId]),
            ("idx_audit_events_action", vec![AuditEvents::Action]),
        ] {
            let mut index = Index::create();
            index.name(name).table(AuditEvents::Table);
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(AuditHead::Table)
                    .col(ColumnDef::new(AuditHead::Id).integer().not_null().primary_key())
                    .col(ColumnDef::new(AuditHead::LastId).big_integer().not_null())
                    .col(ColumnDef::new(AuditHead::LastHash).string_len(64).not_null())
                    .to_owned(),
            )
            .await?;
        let mut insert = Query::insert();
        insert
            .into_table(AuditHead::Table)
            .columns([AuditHead::Id, AuditHead::LastId, AuditHead::LastHash])
            .values_panic([1.into(), 0_i64.into(), GENESIS_HASH.into()]);
        manager.exec_stmt(insert).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AuditHead::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(AuditEvents::Table).to_owned())
            .await
    }
}
