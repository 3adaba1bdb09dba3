//! Marks a decision the system took on an approver's behalf (a timeout's auto-approve or
//! auto-reject), so that the engine never counts it as that person's independent approval.
//! Earlier system decisions are recognised by the reasons the timer wrote.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApprovalTasks {
    Table,
    DecidedBySystem,
    Comment,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ApprovalTasks::Table)
                    .add_column(
                        ColumnDef::new(ApprovalTasks::DecidedBySystem)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .to_owned(),
            )
            .await?;
        let backfill = Query::update()
            .table(ApprovalTasks::Table)
            .value(ApprovalTasks::DecidedBySystem, true)
            .and_where(Expr::col(ApprovalTasks::Comment).is_in(["超时自动通过", "超时自动驳回"]))
            .to_owned();
        manager.exec_stmt(backfill).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ApprovalTasks::Table)
                    .drop_column(ApprovalTasks::DecidedBySystem)
                    .to_owned(),
            )
            .await
    }
}
