//! 通知公告 (notices with their audiences and read receipts) and 办事指南 / 操作手册 (guides with
//! every published version kept).

use sea_orm_migration::prelude::*;

use super::{utc_timestamp, version_column};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Notices {
    Table,
    Id,
    Title,
    Body,
    Status,
    AudienceKind,
    Pinned,
    IsPublic,
    AuthorId,
    PublishedAt,
    WithdrawnAt,
    RemindedAt,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum NoticeTargets {
    Table,
    NoticeId,
    Target,
}

#[derive(DeriveIden)]
enum NoticeReceipts {
    Table,
    NoticeId,
    UserId,
    ReadAt,
}

#[derive(DeriveIden)]
enum Guides {
    Table,
    Id,
    Kind,
    Category,
    Title,
    Body,
    Status,
    IsPublic,
    OwnerId,
    FlowchartFileId,
    PublishedVersion,
    ReviewDue,
    ReviewRemindedFor,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum GuideVersions {
    Table,
    GuideId,
    Number,
    Category,
    Title,
    Body,
    FlowchartFileId,
    PublishedAt,
    PublishedBy,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Files {
    Table,
    Id,
}

fn fk(from: (impl IntoIden, impl IntoIden), to: (impl IntoIden, impl IntoIden)) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .to_owned()
}

fn index(
    name: &str,
    table: impl IntoIden,
    columns: impl IntoIterator<Item = impl IntoIden>,
) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).to_owned();
    for column in columns {
        index.col(column);
    }
    index
}

async fn create_notices(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use Notices as N;
    manager
        .create_table(
            Table::create()
                .table(N::Table)
                .col(ColumnDef::new(N::Id).uuid().not_null().primary_key())
                .col(ColumnDef::new(N::Title).string_len(200).not_null())
                .col(ColumnDef::new(N::Body).text().not_null())
                .col(ColumnDef::new(N::Status).string_len(20).not_null())
                .col(ColumnDef::new(N::AudienceKind).string_len(20).not_null())
                .col(ColumnDef::new(N::Pinned).boolean().not_null().default(false))
                .col(ColumnDef::new(N::IsPublic).boolean().not_null().default(false))
                .col(ColumnDef::new(N::AuthorId).uuid().not_null())
                .col(ColumnDef::new(N::PublishedAt).timestamp_with_time_zone().null())
                .col(ColumnDef::new(N::WithdrawnAt).timestamp_with_time_zone().null())
                .col(ColumnDef::new(N::RemindedAt).timestamp_with_time_zone().null())
                .col(utc_timestamp(N::CreatedAt))
                .col(utc_timestamp(N::UpdatedAt))
                .col(version_column(N::Version))
                .foreign_key(&mut fk((N::Table, N::AuthorId), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
    // The readers' list: published, pinned first, newest first; the public list also by flag.
    manager
        .create_index(index(
            "idx_notices_listing",
            N::Table,
            [N::Status, N::Pinned, N::PublishedAt],
        ))
        .await?;
    manager
        .create_index(index(
            "idx_notices_public",
            N::Table,
            [N::IsPublic, N::Status, N::PublishedAt],
        ))
        .await?;
    use NoticeTargets as T;
    manager
        .create_table(
            Table::create()
                .table(T::Table)
                .col(ColumnDef::new(T::NoticeId).uuid().not_null())
                .col(ColumnDef::new(T::Target).string_len(64).not_null())
                .primary_key(Index::create().col(T::NoticeId).col(T::Target))
                .foreign_key(&mut fk((T::Table, T::NoticeId), (N::Table, N::Id)))
                .to_owned(),
        )
        .await?;
    manager
        .create_index(index(
            "idx_notice_targets_target",
            T::Table,
            [T::Target, T::NoticeId],
        ))
        .await?;
    use NoticeReceipts as R;
    manager
        .create_table(
            Table::create()
                .table(R::Table)
                .col(ColumnDef::new(R::NoticeId).uuid().not_null())
                .col(ColumnDef::new(R::UserId).uuid().not_null())
                .col(utc_timestamp(R::ReadAt))
                .primary_key(Index::create().col(R::NoticeId).col(R::UserId))
                .foreign_key(&mut fk((R::Table, R::NoticeId), (N::Table, N::Id)))
                .foreign_key(&mut fk((R::Table, R::UserId), (Users::Table, Users::Id)))
                .to_owned(),
        )
        .await?;
    manager
        .create_index(index(
            "idx_notice_receipts_user",
            R::Table,
            [R::UserId, R::NoticeId],
        ))
        .await
}

async fn create_guides(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use Guides as G;
    manager
        .create_table(
            Table::create()
                .table(G::Table)
                .col(ColumnDef::new(G::Id).uuid().not_null().primary_key())
                .col(ColumnDef::new(G::Kind).string_len(10).not_null())
                .col(ColumnDef::new(G::Category).string_len(50).not_null())
                .col(ColumnDef::new(G::Title).string_len(200).not_null())
                .col(ColumnDef::new(G::Body).text().not_null())
                .col(ColumnDef::new(G::Status).string_len(20).not_null())
                .col(ColumnDef::new(G::IsPublic).boolean().not_null().default(false))
                .col(ColumnDef::new(G::OwnerId).uuid().not_null())
                .col(ColumnDef::new(G::FlowchartFileId).uuid().null())
                .col(
                    ColumnDef::new(G::PublishedVersion)
                        .integer()
                        .not_null()
                        .default(0),
                )
                .col(ColumnDef::new(G::ReviewDue).date().null())
                .col(ColumnDef::new(G::ReviewRemindedFor).date().null())
                .col(utc_timestamp(G::CreatedAt))
                .col(utc_timestamp(G::UpdatedAt))
                .col(version_column(G::Version))
                .foreign_key(&mut fk((G::Table, G::OwnerId), (Users::Table, Users::Id)))
                .foreign_key(&mut fk((G::Table, G::FlowchartFileId), (Files::Table, Files::Id)))
                .to_owned(),
        )
        .await?;
    manager
        .create_index(index(
            "idx_guides_listing",
            G::Table,
            [G::Kind, G::Status, G::Category],
        ))
        .await?;
    manager
        .create_index(index("idx_guides_review", G::Table, [G::Status, G::ReviewDue]))
        .await?;
    use GuideVersions as V;
    manager
        .create_table(
            Table::create()
                .table(V::Table)
                .col(ColumnDef::new(V::GuideId).uuid().not_null())
                .col(ColumnDef::new(V::Number).integer().not_null())
                .col(ColumnDef::new(V::Category).string_len(50).not_null())
                .col(ColumnDef::new(V::Title).string_len(200).not_null())
                .col(ColumnDef::new(V::Body).text().not_null())
                .col(ColumnDef::new(V::FlowchartFileId).uuid().null())
                .col(utc_timestamp(V::PublishedAt))
                .col(ColumnDef::new(V::PublishedBy).uuid().not_null())
                .primary_key(Index::create().col(V::GuideId).col(V::Number))
                .foreign_key(&mut fk((V::Table, V::GuideId), (G::Table, G::Id)))
                .foreign_key(&mut fk((V::Table, V::PublishedBy), (Users::Table, Users::Id)))
                .foreign_key(&mut fk((V::Table, V::FlowchartFileId), (Files::Table, Files::Id)))
                .to_owned(),
        )
        .await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_notices(manager).await?;
        create_guides(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            GuideVersions::Table.into_iden(),
            Guides::Table.into_iden(),
            NoticeReceipts::Table.into_iden(),
            NoticeTargets::Table.into_iden(),
            Notices::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
