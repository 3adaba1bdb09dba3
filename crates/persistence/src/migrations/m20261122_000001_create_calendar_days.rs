use sea_orm_migration::prelude::*;
use xiaoban_domain::calendar::parse_holiday_csv;

use super::{utc_timestamp, version_column};

/// The statutory calendar shipped with the product; admins extend it through the API.
const SHIPPED_CALENDAR: &str = include_str!("../../data/cn-holidays.csv");

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CalendarDays {
    Table,
    Date,
    Kind,
    Name,
    Version,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CalendarDays::Table)
                    .col(ColumnDef::new(CalendarDays::Date).date().not_null().primary_key())
                    .col(ColumnDef::new(CalendarDays::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(CalendarDays::Name).string_len(100).not_null())
                    .col(version_column(CalendarDays::Version))
                    .col(utc_timestamp(CalendarDays::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        let days = parse_holiday_csv(SHIPPED_CALENDAR).map_err(|e| DbErr::Migration(e.to_string()))?;
        let now = chrono::Utc::now();
        let mut insert = Query::insert();
        insert.into_table(CalendarDays::Table).columns([
            CalendarDays::Date,
            CalendarDays::Kind,
            CalendarDays::Name,
            CalendarDays::UpdatedAt,
        ]);
        for day in &days {
            insert.values_panic([
                day.date.into(),
                day.kind.as_str().into(),
                day.name.clone().into(),
                now.into(),
            ]);
        }
        manager.exec_stmt(insert).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CalendarDays::Table).to_owned())
            .await
    }
}
