//! One timeline (流转记录) for every module's records: `record_events` replaces `approval_events`.
//! Every approval event is copied over (module `approval`, the request as the record) before the
//! old table is dropped. The table has no foreign key on `record_id`: it points into the table
//! of whichever module the row names.

use sea_orm_migration::prelude::*;

use super::utc_timestamp;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum RecordEvents {
    Table,
    Id,
    Module,
    RecordId,
    At,
    ActorId,
    Action,
    FromStatus,
    ToStatus,
    StepIndex,
    TaskId,
    Comment,
    Data,
}

#[derive(DeriveIden, Clone, Copy)]
enum ApprovalEvents {
    Table,
    Id,
    InstanceId,
    TaskId,
    ActorId,
    Action,
    StepIndex,
    Comment,
    Data,
    At,
}

#[derive(DeriveIden)]
enum ApprovalInstances {
    Table,
    Id,
}

/// The columns both tables have, new and old: the copy maps one onto the other (the request is
/// the record).
const SHARED: [(RecordEvents, ApprovalEvents); 9] = [
    (RecordEvents::Id, ApprovalEvents::Id),
    (RecordEvents::RecordId, ApprovalEvents::InstanceId),
    (RecordEvents::TaskId, ApprovalEvents::TaskId),
    (RecordEvents::ActorId, ApprovalEvents::ActorId),
    (RecordEvents::Action, ApprovalEvents::Action),
    (RecordEvents::StepIndex, ApprovalEvents::StepIndex),
    (RecordEvents::Comment, ApprovalEvents::Comment),
    (RecordEvents::Data, ApprovalEvents::Data),
    (RecordEvents::At, ApprovalEvents::At),
];

const INDEX: &str = "idx_record_events_record";
const APPROVALS: &str = "approval";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use RecordEvents as R;
        manager
            .create_table(
                Table::create()
                    .table(R::Table)
                    .col(ColumnDef::new(R::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(R::Module).string_len(40).not_null())
                    .col(ColumnDef::new(R::RecordId).uuid().not_null())
                    .col(utc_timestamp(R::At))
                    .col(ColumnDef::new(R::ActorId).uuid().null())
                    .col(ColumnDef::new(R::Action).string_len(40).not_null())
                    .col(ColumnDef::new(R::FromStatus).string_len(40).null())
                    .col(ColumnDef::new(R::ToStatus).string_len(40).null())
                    .col(ColumnDef::new(R::StepIndex).integer().null())
                    .col(ColumnDef::new(R::TaskId).uuid().null())
                    .col(ColumnDef::new(R::Comment).string_len(1000).null())
                    .col(ColumnDef::new(R::Data).text().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(R::Table)
                    .col(R::Module)
                    .col(R::RecordId)
                    .col(R::At)
                    .to_owned(),
            )
            .await?;
        use ApprovalEvents as E;
        let copy = Query::insert()
            .into_table(R::Table)
            .columns([R::Module].into_iter().chain(SHARED.map(|(new, _)| new)))
            .select_from(
                Query::select()
                    // A literal, not a bound value: PostgreSQL cannot type a parameter in a select list.
                    .expr(Expr::cust(format!("'{APPROVALS}'")))
                    .columns(SHARED.map(|(_, old)| old))
                    .from(E::Table)
                    .to_owned(),
            )
            .map_err(|e| DbErr::Migration(e.to_string()))?
            .to_owned();
        manager.exec_stmt(copy).await?;
        manager.drop_table(Table::drop().table(E::Table).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ApprovalEvents as E;
        manager
            .create_table(
                Table::create()
                    .table(E::Table)
                    .col(ColumnDef::new(E::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(E::InstanceId).uuid().not_null())
                    .col(ColumnDef::new(E::TaskId).uuid().null())
                    .col(ColumnDef::new(E::ActorId).uuid().null())
                    .col(ColumnDef::new(E::Action).string_len(30).not_null())
                    .col(ColumnDef::new(E::StepIndex).integer().null())
                    .col(ColumnDef::new(E::Comment).string_len(1000).null())
                    .col(ColumnDef::new(E::Data).text().not_null())
                    .col(utc_timestamp(E::At))
                    .foreign_key(
                        ForeignKey::create()
                            .from(E::Table, E::InstanceId)
                            .to(ApprovalInstances::Table, ApprovalInstances::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_approval_events_instance")
                    .table(E::Table)
                    .col(E::InstanceId)
                    .col(E::At)
                    .to_owned(),
            )
            .await?;
        use RecordEvents as R;
        let back = Query::insert()
            .into_table(E::Table)
            .columns(SHARED.map(|(_, old)| old))
            .select_from(
                Query::select()
                    .columns(SHARED.map(|(new, _)| new))
                    .from(R::Table)
                    .and_where(Expr::col(R::Module).eq(APPROVALS))
                    .to_owned(),
            )
            .map_err(|e| DbErr::Migration(e.to_string()))?
            .to_owned();
        manager.exec_stmt(back).await?;
        manager.drop_table(Table::drop().table(R::Table).to_owned()).await
    }
}
