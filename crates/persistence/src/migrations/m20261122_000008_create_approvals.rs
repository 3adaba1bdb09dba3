//! The approvals engine: templates with immutable versions, instances, tasks, the timeline and
//! out-of-office delegations. Form values and definitions are JSON text, read only by the engine.

use sea_orm_migration::prelude::*;

use super::{utc_timestamp, version_column};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApprovalTemplates {
    Table,
    Id,
    Code,
    Name,
    Category,
    Icon,
    Description,
    Starters,
    CurrentVersion,
    Active,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum ApprovalTemplateVersions {
    Table,
    Id,
    TemplateId,
    Number,
    Definition,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ApprovalInstances {
    Table,
    Id,
    Number,
    TemplateId,
    TemplateVersionId,
    ApplicantId,
    DepartmentId,
    Title,
    Summary,
    Form,
    Picked,
    Status,
    CurrentStep,
    Cycle,
    ReturnedFromStep,
    SubjectModule,
    SubjectId,
    CreatedAt,
    SubmittedAt,
    FinishedAt,
    LastUrgedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum ApprovalTasks {
    Table,
    Id,
    InstanceId,
    StepIndex,
    Cycle,
    AssigneeId,
    DelegatedFrom,
    Kind,
    Origin,
    BlocksTaskId,
    Status,
    Comment,
    DecidedAt,
    DueAt,
    RemindedAt,
    OverdueAt,
    CreatedAt,
}

#[derive(DeriveIden)]
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
enum ApprovalDelegations {
    Table,
    Id,
    UserId,
    DelegateId,
    StartsAt,
    EndsAt,
    Reason,
    CreatedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

fn id<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).uuid().not_null().primary_key().to_owned()
}

fn uuid<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).uuid().not_null().to_owned()
}

fn opt_uuid<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).uuid().null().to_owned()
}

fn text<T: IntoIden>(name: T, len: u32) -> ColumnDef {
    ColumnDef::new(name).string_len(len).not_null().to_owned()
}

fn opt_time<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).timestamp_with_time_zone().null().to_owned()
}

fn fk(from: (impl IntoIden, impl IntoIden), to: (impl IntoIden, impl IntoIden)) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .to_owned()
}

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    cols: Vec<DynIden>,
) -> Result<(), DbErr> {
    let mut stmt = Index::create().name(name).table(table).to_owned();
    for col in cols {
        stmt.col(col);
    }
    manager.create_index(stmt).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ApprovalTemplates as T;
        manager
            .create_table(
                Table::create()
                    .table(T::Table)
                    .col(id(T::Id))
                    .col(ColumnDef::new(T::Code).string_len(40).not_null().unique_key())
                    .col(text(T::Name, 60))
                    .col(text(T::Category, 40))
                    .col(text(T::Icon, 40))
                    .col(ColumnDef::new(T::Description).string_len(500).null())
                    .col(ColumnDef::new(T::Starters).text().not_null())
                    .col(ColumnDef::new(T::CurrentVersion).integer().not_null())
                    .col(ColumnDef::new(T::Active).boolean().not_null().default(true))
                    .col(utc_timestamp(T::CreatedAt))
                    .col(utc_timestamp(T::UpdatedAt))
                    .col(version_column(T::Version))
                    .to_owned(),
            )
            .await?;
        use ApprovalTemplateVersions as V;
        manager
            .create_table(
                Table::create()
                    .table(V::Table)
                    .col(id(V::Id))
                    .col(uuid(V::TemplateId))
                    .col(ColumnDef::new(V::Number).integer().not_null())
                    .col(ColumnDef::new(V::Definition).text().not_null())
                    .col(opt_uuid(V::CreatedBy))
                    .col(utc_timestamp(V::CreatedAt))
                    .foreign_key(&mut fk((V::Table, V::TemplateId), (T::Table, T::Id)))
                    .index(Index::create().unique().col(V::TemplateId).col(V::Number))
                    .to_owned(),
            )
            .await?;
        use ApprovalInstances as I;
        manager
            .create_table(
                Table::create()
                    .table(I::Table)
                    .col(id(I::Id))
                    .col(ColumnDef::new(I::Number).string_len(40).not_null().unique_key())
                    .col(uuid(I::TemplateId))
                    .col(uuid(I::TemplateVersionId))
                    .col(uuid(I::ApplicantId))
                    .col(opt_uuid(I::DepartmentId))
                    .col(text(I::Title, 200))
                    .col(text(I::Summary, 500))
                    .col(ColumnDef::new(I::Form).text().not_null())
                    .col(ColumnDef::new(I::Picked).text().not_null())
                    .col(text(I::Status, 20))
                    .col(ColumnDef::new(I::CurrentStep).integer().null())
                    .col(ColumnDef::new(I::Cycle).integer().not_null().default(1))
                    .col(ColumnDef::new(I::ReturnedFromStep).integer().null())
                    .col(ColumnDef::new(I::SubjectModule).string_len(40).null())
                    .col(opt_uuid(I::SubjectId))
                    .col(utc_timestamp(I::CreatedAt))
                    .col(utc_timestamp(I::SubmittedAt))
                    .col(opt_time(I::FinishedAt))
                    .col(opt_time(I::LastUrgedAt))
                    .col(utc_timestamp(I::UpdatedAt))
                    .col(version_column(I::Version))
                    .foreign_key(&mut fk((I::Table, I::TemplateId), (T::Table, T::Id)))
                    .foreign_key(&mut fk((I::Table, I::TemplateVersionId), (V::Table, V::Id)))
                    .foreign_key(&mut fk((I::Table, I::ApplicantId), (Users::Table, Users::Id)))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_approval_instances_applicant",
            I::Table,
            vec![I::ApplicantId.into_iden(), I::Status.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_approval_instances_subject",
            I::Table,
            vec![I::SubjectModule.into_iden(), I::SubjectId.into_iden()],
        )
        .await?;
        use ApprovalTasks as K;
        manager
            .create_table(
                Table::create()
                    .table(K::Table)
                    .col(id(K::Id))
                    .col(uuid(K::InstanceId))
                    .col(ColumnDef::new(K::StepIndex).integer().not_null())
                    .col(ColumnDef::new(K::Cycle).integer().not_null())
                    .col(uuid(K::AssigneeId))
                    .col(opt_uuid(K::DelegatedFrom))
                    .col(text(K::Kind, 10))
                    .col(text(K::Origin, 20))
                    .col(opt_uuid(K::BlocksTaskId))
                    .col(text(K::Status, 20))
                    .col(ColumnDef::new(K::Comment).string_len(1000).null())
                    .col(opt_time(K::DecidedAt))
                    .col(opt_time(K::DueAt))
                    .col(opt_time(K::RemindedAt))
                    .col(opt_time(K::OverdueAt))
                    .col(utc_timestamp(K::CreatedAt))
                    .foreign_key(&mut fk((K::Table, K::InstanceId), (I::Table, I::Id)))
                    .foreign_key(&mut fk((K::Table, K::AssigneeId), (Users::Table, Users::Id)))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_approval_tasks_assignee",
            K::Table,
            vec![K::AssigneeId.into_iden(), K::Status.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_approval_tasks_instance",
            K::Table,
            vec![K::InstanceId.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_approval_tasks_due",
            K::Table,
            vec![K::Status.into_iden(), K::DueAt.into_iden()],
        )
        .await?;
        use ApprovalEvents as E;
        manager
            .create_table(
                Table::create()
                    .table(E::Table)
                    .col(id(E::Id))
                    .col(uuid(E::InstanceId))
                    .col(opt_uuid(E::TaskId))
                    .col(opt_uuid(E::ActorId))
                    .col(text(E::Action, 30))
                    .col(ColumnDef::new(E::StepIndex).integer().null())
                    .col(ColumnDef::new(E::Comment).string_len(1000).null())
                    .col(ColumnDef::new(E::Data).text().not_null())
                    .col(utc_timestamp(E::At))
                    .foreign_key(&mut fk((E::Table, E::InstanceId), (I::Table, I::Id)))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_approval_events_instance",
            E::Table,
            vec![E::InstanceId.into_iden(), E::At.into_iden()],
        )
        .await?;
        use ApprovalDelegations as D;
        manager
            .create_table(
                Table::create()
                    .table(D::Table)
                    .col(id(D::Id))
                    .col(uuid(D::UserId))
                    .col(uuid(D::DelegateId))
                    .col(utc_timestamp(D::StartsAt))
                    .col(utc_timestamp(D::EndsAt))
                    .col(ColumnDef::new(D::Reason).string_len(200).null())
                    .col(utc_timestamp(D::CreatedAt))
                    .col(opt_time(D::RevokedAt))
                    .foreign_key(&mut fk((D::Table, D::UserId), (Users::Table, Users::Id)))
                    .foreign_key(&mut fk((D::Table, D::DelegateId), (Users::Table, Users::Id)))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_approval_delegations_user",
            D::Table,
            vec![D::UserId.into_iden()],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ApprovalDelegations::Table.into_iden(),
            ApprovalEvents::Table.into_iden(),
            ApprovalTasks::Table.into_iden(),
            ApprovalInstances::Table.into_iden(),
            ApprovalTemplateVersions::Table.into_iden(),
            ApprovalTemplates::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
