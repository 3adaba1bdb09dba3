use sea_orm_migration::prelude::*;

use super::{utc_timestamp, version_column};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A numbering series: how numbers of one kind look, and which counter they draw from
/// (several series may share one counter).
#[derive(DeriveIden)]
enum NumberSeries {
    Table,
    Code,
    Name,
    Pattern,
    Counter,
    Version,
    UpdatedAt,
}

/// The last value handed out per counter and year. Rows are updated inside the caller's
/// transaction, so a rollback returns the number and no gap appears.
#[derive(DeriveIden)]
enum NumberCounters {
    Table,
    Counter,
    Year,
    LastValue,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(NumberSeries::Table)
                    .col(
                        ColumnDef::new(NumberSeries::Code)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(NumberSeries::Name).string_len(100).not_null())
                    .col(ColumnDef::new(NumberSeries::Pattern).string_len(100).not_null())
                    .col(ColumnDef::new(NumberSeries::Counter).string_len(64).not_null())
                    .col(version_column(NumberSeries::Version))
                    .col(utc_timestamp(NumberSeries::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(NumberCounters::Table)
                    .col(ColumnDef::new(NumberCounters::Counter).string_len(64).not_null())
                    .col(ColumnDef::new(NumberCounters::Year).integer().not_null())
                    .col(ColumnDef::new(NumberCounters::LastValue).big_integer().not_null())
                    .primary_key(
                        Index::create()
                            .col(NumberCounters::Counter)
                            .col(NumberCounters::Year),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(NumberCounters::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(NumberSeries::Table).to_owned())
            .await
    }
}
