use sea_orm_migration::prelude::*;

use super::utc_timestamp;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Messages that must leave a transaction (in-app notifications now; DingTalk, WeCom, e-mail and
/// webhooks later). Written with the business change, delivered by the worker.
#[derive(DeriveIden)]
enum OutboxMessages {
    Table,
    Id,
    Channel,
    Payload,
    CreatedAt,
    Attempts,
    NextAttemptAt,
    DeliveredAt,
    FailedAt,
    LastError,
}

/// One in-app notification of one recipient.
#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    RecipientId,
    OutboxId,
    Kind,
    Title,
    Body,
    Link,
    SubjectModule,
    SubjectId,
    Data,
    CreatedAt,
    ReadAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

fn nullable_timestamp<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).timestamp_with_time_zone().null().to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OutboxMessages::Table)
                    .col(ColumnDef::new(OutboxMessages::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(OutboxMessages::Channel).string_len(32).not_null())
                    .col(ColumnDef::new(OutboxMessages::Payload).text().not_null())
                    .col(utc_timestamp(OutboxMessages::CreatedAt))
                    .col(
                        ColumnDef::new(OutboxMessages::Attempts)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(utc_timestamp(OutboxMessages::NextAttemptAt))
                    .col(nullable_timestamp(OutboxMessages::DeliveredAt))
                    .col(nullable_timestamp(OutboxMessages::FailedAt))
                    .col(ColumnDef::new(OutboxMessages::LastError).text().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_messages_due")
                    .table(OutboxMessages::Table)
                    .col(OutboxMessages::DeliveredAt)
                    .col(OutboxMessages::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(ColumnDef::new(Notifications::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Notifications::RecipientId).uuid().not_null())
                    .col(ColumnDef::new(Notifications::OutboxId).uuid().not_null())
                    .col(ColumnDef::new(Notifications::Kind).string_len(32).not_null())
                    .col(ColumnDef::new(Notifications::Title).text().not_null())
                    .col(ColumnDef::new(Notifications::Body).text().not_null())
                    .col(ColumnDef::new(Notifications::Link).text().null())
                    .col(ColumnDef::new(Notifications::SubjectModule).text().null())
                    .col(ColumnDef::new(Notifications::SubjectId).uuid().null())
                    .col(ColumnDef::new(Notifications::Data).text().not_null())
                    .col(utc_timestamp(Notifications::CreatedAt))
                    .col(nullable_timestamp(Notifications::ReadAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Notifications::Table, Notifications::RecipientId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Notifications::Table, Notifications::OutboxId)
                            .to(OutboxMessages::Table, OutboxMessages::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // What makes redelivery harmless: one notification per message and recipient.
        manager
            .create_index(
                Index::create()
                    .name("uq_notifications_outbox_recipient")
                    .table(Notifications::Table)
                    .col(Notifications::OutboxId)
                    .col(Notifications::RecipientId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notifications_inbox")
                    .table(Notifications::Table)
                    .col(Notifications::RecipientId)
                    .col(Notifications::ReadAt)
                    .col(Notifications::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["notifications", "outbox_messages"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
