//! Two-factor sign-in with TOTP (issue 10, item 22): each user's authenticator secret, the
//! one-time recovery codes (hashed), and the short-lived challenges that stand between a correct
//! password and the code.

use sea_orm_migration::prelude::*;

use super::utc_timestamp;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One authenticator per user; `confirmed_at` is NULL until a first code proves the enrolment.
#[derive(DeriveIden)]
enum UserTotp {
    Table,
    UserId,
    Secret,
    CreatedAt,
    ConfirmedAt,
    LastUsedStep,
}

#[derive(DeriveIden)]
enum TotpRecoveryCodes {
    Table,
    Id,
    UserId,
    CodeHash,
    CreatedAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum MfaChallenges {
    Table,
    Id,
    UserId,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

fn optional_timestamp<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).timestamp_with_time_zone().null().to_owned()
}

fn owner<T: IntoIden + 'static>(table: T, column: T) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Users::Table, Users::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(UserTotp::Table)
                    .col(ColumnDef::new(UserTotp::UserId).uuid().not_null().primary_key())
                    .col(ColumnDef::new(UserTotp::Secret).string_len(64).not_null())
                    .col(utc_timestamp(UserTotp::CreatedAt))
                    .col(optional_timestamp(UserTotp::ConfirmedAt))
                    .col(ColumnDef::new(UserTotp::LastUsedStep).big_integer().null())
                    .foreign_key(&mut owner(UserTotp::Table, UserTotp::UserId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TotpRecoveryCodes::Table)
                    .col(
                        ColumnDef::new(TotpRecoveryCodes::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(TotpRecoveryCodes::UserId).uuid().not_null())
                    .col(
                        ColumnDef::new(TotpRecoveryCodes::CodeHash)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(utc_timestamp(TotpRecoveryCodes::CreatedAt))
                    .col(optional_timestamp(TotpRecoveryCodes::UsedAt))
                    .foreign_key(&mut owner(TotpRecoveryCodes::Table, TotpRecoveryCodes::UserId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_totp_recovery_codes_user")
                    .table(TotpRecoveryCodes::Table)
                    .col(TotpRecoveryCodes::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MfaChallenges::Table)
                    .col(ColumnDef::new(MfaChallenges::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(MfaChallenges::UserId).uuid().not_null())
                    .col(
                        ColumnDef::new(MfaChallenges::TokenHash)
                            .string_len(64)
                            .not_null()
                            .unique_key(),
                    )
                    .col(utc_timestamp(MfaChallenges::CreatedAt))
                    .col(utc_timestamp(MfaChallenges::ExpiresAt))
                    .col(optional_timestamp(MfaChallenges::UsedAt))
                    .foreign_key(&mut owner(MfaChallenges::Table, MfaChallenges::UserId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_mfa_challenges_expiry")
                    .table(MfaChallenges::Table)
                    .col(MfaChallenges::ExpiresAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            MfaChallenges::Table.into_iden(),
            TotpRecoveryCodes::Table.into_iden(),
            UserTotp::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
