use sea_orm_migration::prelude::*;

use super::{utc_timestamp, version_column};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Username,
    Number,
    Name,
    Phone,
    Email,
    IdNumber,
    Position,
    Status,
    Clearance,
    PasswordHash,
    MustChangePassword,
    TokenVersion,
    FailedLogins,
    FailedWindowStart,
    LockedUntil,
    LastLoginAt,
    PasswordChangedAt,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Departments {
    Table,
    Id,
    Code,
    Name,
    ParentId,
    HeadUserId,
    SortOrder,
    Active,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum UserDepartments {
    Table,
    UserId,
    DepartmentId,
    IsPrimary,
}

#[derive(DeriveIden)]
enum Roles {
    Table,
    Id,
    Code,
    Name,
    Description,
    Builtin,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RolePermissions {
    Table,
    RoleId,
    Permission,
}

#[derive(DeriveIden)]
enum RoleAssignments {
    Table,
    Id,
    UserId,
    RoleId,
    ScopeKind,
    ScopeDepartmentId,
    CreatedAt,
}

fn uuid_pk<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).uuid().not_null().primary_key().to_owned()
}

fn text<T: IntoIden>(name: T, len: u32) -> ColumnDef {
    ColumnDef::new(name).string_len(len).not_null().to_owned()
}

fn optional_text<T: IntoIden>(name: T, len: u32) -> ColumnDef {
    ColumnDef::new(name).string_len(len).null().to_owned()
}

fn optional_time<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).timestamp_with_time_zone().null().to_owned()
}

fn index(name: &str, table: impl IntoIden, cols: &[&str]) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table);
    for col in cols {
        index.col(Alias::new(*col));
    }
    index.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(uuid_pk(Users::Id))
                    .col(text(Users::Username, 32).unique_key())
                    .col(optional_text(Users::Number, 32).unique_key())
                    .col(text(Users::Name, 50))
                    .col(optional_text(Users::Phone, 20))
                    .col(optional_text(Users::Email, 100))
                    .col(optional_text(Users::IdNumber, 20))
                    .col(optional_text(Users::Position, 50))
                    .col(text(Users::Status, 16))
                    .col(
                        ColumnDef::new(Users::Clearance)
                            .small_integer()
                            .not_null()
                            .default(0),
                    )
                    .col(ColumnDef::new(Users::PasswordHash).text().null())
                    .col(
                        ColumnDef::new(Users::MustChangePassword)
                            .boolean()
                            .not_null()
                            .default(true),
                    )
                    .col(
                        ColumnDef::new(Users::TokenVersion)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(
                        ColumnDef::new(Users::FailedLogins)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(optional_time(Users::FailedWindowStart))
                    .col(optional_time(Users::LockedUntil))
                    .col(optional_time(Users::LastLoginAt))
                    .col(optional_time(Users::PasswordChangedAt))
                    .col(version_column(Users::Version))
                    .col(utc_timestamp(Users::CreatedAt))
                    .col(utc_timestamp(Users::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index("idx_users_status", Users::Table, &["status"]))
            .await?;
        manager
            .create_index(index("idx_users_name", Users::Table, &["name"]))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Departments::Table)
                    .col(uuid_pk(Departments::Id))
                    .col(text(Departments::Code, 32).unique_key())
                    .col(text(Departments::Name, 100))
                    .col(ColumnDef::new(Departments::ParentId).uuid().null())
                    .col(ColumnDef::new(Departments::HeadUserId).uuid().null())
                    .col(
                        ColumnDef::new(Departments::SortOrder)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(
                        ColumnDef::new(Departments::Active)
                            .boolean()
                            .not_null()
                            .default(true),
                    )
                    .col(version_column(Departments::Version))
                    .col(utc_timestamp(Departments::CreatedAt))
                    .col(utc_timestamp(Departments::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Departments::Table, Departments::ParentId)
                            .to(Departments::Table, Departments::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Departments::Table, Departments::HeadUserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_departments_parent",
                Departments::Table,
                &["parent_id"],
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(UserDepartments::Table)
                    .col(ColumnDef::new(UserDepartments::UserId).uuid().not_null())
                    .col(ColumnDef::new(UserDepartments::DepartmentId).uuid().not_null())
                    .col(
                        ColumnDef::new(UserDepartments::IsPrimary)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .primary_key(
                        Index::create()
                            .col(UserDepartments::UserId)
                            .col(UserDepartments::DepartmentId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(UserDepartments::Table, UserDepartments::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(UserDepartments::Table, UserDepartments::DepartmentId)
                            .to(Departments::Table, Departments::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_user_departments_department",
                UserDepartments::Table,
                &["department_id"],
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Roles::Table)
                    .col(uuid_pk(Roles::Id))
                    .col(text(Roles::Code, 64).unique_key())
                    .col(text(Roles::Name, 100))
                    .col(ColumnDef::new(Roles::Description).text().not_null().default(""))
                    .col(ColumnDef::new(Roles::Builtin).boolean().not_null().default(false))
                    .col(version_column(Roles::Version))
                    .col(utc_timestamp(Roles::CreatedAt))
                    .col(utc_timestamp(Roles::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RolePermissions::Table)
                    .col(ColumnDef::new(RolePermissions::RoleId).uuid().not_null())
                    .col(text(RolePermissions::Permission, 64))
                    .primary_key(
                        Index::create()
                            .col(RolePermissions::RoleId)
                            .col(RolePermissions::Permission),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(RolePermissions::Table, RolePermissions::RoleId)
                            .to(Roles::Table, Roles::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RoleAssignments::Table)
                    .col(uuid_pk(RoleAssignments::Id))
                    .col(ColumnDef::new(RoleAssignments::UserId).uuid().not_null())
                    .col(ColumnDef::new(RoleAssignments::RoleId).uuid().not_null())
                    .col(text(RoleAssignments::ScopeKind, 16))
                    .col(ColumnDef::new(RoleAssignments::ScopeDepartmentId).uuid().null())
                    .col(utc_timestamp(RoleAssignments::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RoleAssignments::Table, RoleAssignments::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(RoleAssignments::Table, RoleAssignments::RoleId)
                            .to(Roles::Table, Roles::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(RoleAssignments::Table, RoleAssignments::ScopeDepartmentId)
                            .to(Departments::Table, Departments::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_role_assignments_user",
                RoleAssignments::Table,
                &["user_id"],
            ))
            .await?;
        manager
            .create_index(index(
                "idx_role_assignments_role",
                RoleAssignments::Table,
                &["role_id"],
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "role_assignments",
            "role_permissions",
            "roles",
            "user_departments",
            "departments",
            "users",
        ] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
