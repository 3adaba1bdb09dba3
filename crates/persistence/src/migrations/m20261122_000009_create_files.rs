use sea_orm_migration::prelude::*;

use super::utc_timestamp;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// An uploaded file. The bytes live on disk under their SHA-256 (`<files_dir>/<sha[0..2]>/<sha>`),
/// so two rows with the same bytes share one blob.
#[derive(DeriveIden)]
enum Files {
    Table,
    Id,
    OwnerId,
    Name,
    ContentType,
    Size,
    Sha256,
    CreatedAt,
}

/// A file attached to a record of a module (`approval`, …).
#[derive(DeriveIden)]
enum FileLinks {
    Table,
    FileId,
    Module,
    RecordId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Files::Table)
                    .col(ColumnDef::new(Files::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Files::OwnerId).uuid().not_null())
                    .col(ColumnDef::new(Files::Name).string_len(200).not_null())
                    .col(ColumnDef::new(Files::ContentType).string_len(100).not_null())
                    .col(ColumnDef::new(Files::Size).big_integer().not_null())
                    .col(ColumnDef::new(Files::Sha256).string_len(64).not_null())
                    .col(utc_timestamp(Files::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Files::Table, Files::OwnerId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_files_owner", Files::OwnerId),
            ("idx_files_sha256", Files::Sha256),
        ] {
            manager
                .create_index(Index::create().name(name).table(Files::Table).col(col).to_owned())
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(FileLinks::Table)
                    .col(ColumnDef::new(FileLinks::FileId).uuid().not_null())
                    .col(ColumnDef::new(FileLinks::Module).string_len(40).not_null())
                    .col(ColumnDef::new(FileLinks::RecordId).uuid().not_null())
                    .col(utc_timestamp(FileLinks::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(FileLinks::FileId)
                            .col(FileLinks::Module)
                            .col(FileLinks::RecordId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(FileLinks::Table, FileLinks::FileId)
                            .to(Files::Table, Files::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_file_links_record")
                    .table(FileLinks::Table)
                    .col(FileLinks::Module)
                    .col(FileLinks::RecordId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["file_links", "files"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
