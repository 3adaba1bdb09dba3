//! Where a task sits inside a parallel block (并行分支): the branch and the step of that branch.
//! Both null for a task of an ordinary step.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApprovalTasks {
    Table,
    BranchIndex,
    BranchStep,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds only one column per ALTER TABLE.
        for column in [ApprovalTasks::BranchIndex, ApprovalTasks::BranchStep] {
            manager
                .alter_table(
                    Table::alter()
                        .table(ApprovalTasks::Table)
                        .add_column(ColumnDef::new(column).integer().null())
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [ApprovalTasks::BranchStep, ApprovalTasks::BranchIndex] {
            manager
                .alter_table(
                    Table::alter()
                        .table(ApprovalTasks::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
