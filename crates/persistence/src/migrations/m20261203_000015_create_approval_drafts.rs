//! Drafts (草稿) of requests: saved by their author before submitting, with partial form values.
//! A separate table, so registers, statistics, exports and inboxes never see a draft, and a
//! draft never takes a number (the request gets one when the draft is submitted).

use sea_orm_migration::prelude::*;

use super::{utc_timestamp, version_column};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApprovalDrafts {
    Table,
    Id,
    TemplateId,
    AuthorId,
    Summary,
    Form,
    Picked,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum ApprovalTemplates {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ApprovalDrafts as D;
        manager
            .create_table(
                Table::create()
                    .table(D::Table)
                    .col(ColumnDef::new(D::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(D::TemplateId).uuid().not_null())
                    .col(ColumnDef::new(D::AuthorId).uuid().not_null())
                    .col(ColumnDef::new(D::Summary).string_len(500).not_null())
                    .col(ColumnDef::new(D::Form).text().not_null())
                    .col(ColumnDef::new(D::Picked).text().not_null())
                    .col(utc_timestamp(D::CreatedAt))
                    .col(utc_timestamp(D::UpdatedAt))
                    .col(version_column(D::Version))
                    .foreign_key(
                        ForeignKey::create()
                            .from(D::Table, D::TemplateId)
                            .to(ApprovalTemplates::Table, ApprovalTemplates::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(D::Table, D::AuthorId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_approval_drafts_author")
                    .table(D::Table)
                    .col(D::AuthorId)
                    .col(D::UpdatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ApprovalDrafts::Table).to_owned())
            .await
    }
}
