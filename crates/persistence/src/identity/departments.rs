//! The department tree: reads, inserts and version-guarded updates of `departments`.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect,
};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::department::{self, Column, Entity};
use crate::entities::{user, user_department};
use crate::versioned::{self, Versioned};

pub use department::{ActiveModel as DepartmentChanges, Model as DepartmentRow};

impl Versioned for Entity {
    fn version_column() -> Column {
        Column::Version
    }
}

/// Every department's id and parent, for computing subtrees (a school has a few hundred at most).
pub async fn parent_links(db: &impl ConnectionTrait) -> Result<Vec<(Uuid, Option<Uuid>)>, PersistenceError> {
    Ok(Entity::find()
        .select_only()
        .column(Column::Id)
        .column(Column::ParentId)
        .into_tuple::<(Uuid, Option<Uuid>)>()
        .all(db)
        .await?)
}

/// Every department, in no particular order (the tree is small).
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<DepartmentRow>, PersistenceError> {
    Ok(Entity::find().all(db).await?)
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<DepartmentRow>, PersistenceError> {
    Ok(Entity::find_by_id(id).one(db).await?)
}

/// The departments among `ids` that exist.
pub async fn existing(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<Vec<DepartmentRow>, PersistenceError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(Entity::find()
        .filter(Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?)
}

pub async fn insert(db: &impl ConnectionTrait, row: DepartmentRow) -> Result<(), PersistenceError> {
    Entity::insert(department::ActiveModel::from(row))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Fields of a department to change; `None` leaves a field alone.
#[derive(Debug, Clone, Default)]
pub struct DepartmentEdit {
    pub code: Option<String>,
    pub name: Option<String>,
    pub parent_id: Option<Option<Uuid>>,
    pub head_user_id: Option<Option<Uuid>>,
    pub leader_user_id: Option<Option<Uuid>>,
    pub sort_order: Option<i32>,
    pub active: Option<bool>,
}

/// Applies `edit` if the department is still at `expected` version, and bumps the version.
pub async fn update_guarded(
    db: &impl ConnectionTrait,
    id: Uuid,
    expected: i32,
    edit: DepartmentEdit,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    let mut changes = DepartmentChanges {
        updated_at: Set(now),
        ..Default::default()
    };
    if let Some(v) = edit.code {
        changes.code = Set(v);
    }
    if let Some(v) = edit.name {
        changes.name = Set(v);
    }
    if let Some(v) = edit.parent_id {
        changes.parent_id = Set(v);
    }
    if let Some(v) = edit.head_user_id {
        changes.head_user_id = Set(v);
    }
    if let Some(v) = edit.leader_user_id {
        changes.leader_user_id = Set(v);
    }
    if let Some(v) = edit.sort_order {
        changes.sort_order = Set(v);
    }
    if let Some(v) = edit.active {
        changes.active = Set(v);
    }
    versioned::update_guarded(db, Condition::all().add(Column::Id.eq(id)), expected, changes).await
}

/// How many active users belong to each department (departments without any are absent).
pub async fn active_member_counts(
    db: &impl ConnectionTrait,
) -> Result<BTreeMap<Uuid, u64>, PersistenceError> {
    let rows = user_department::Entity::find()
        .select_only()
        .column(user_department::Column::DepartmentId)
        .column_as(user_department::Column::UserId.count(), "members")
        .filter(user_department::Column::UserId.in_subquery(active_user_ids()))
        .group_by(user_department::Column::DepartmentId)
        .into_tuple::<(Uuid, i64)>()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, n)| (id, u64::try_from(n).unwrap_or_default()))
        .collect())
}

/// Whether any active user belongs to the department.
pub async fn has_active_members(db: &impl ConnectionTrait, id: Uuid) -> Result<bool, PersistenceError> {
    let found = user_department::Entity::find()
        .filter(user_department::Column::DepartmentId.eq(id))
        .filter(user_department::Column::UserId.in_subquery(active_user_ids()))
        .one(db)
        .await?;
    Ok(found.is_some())
}

/// Whether the department has an active sub-department.
pub async fn has_active_children(db: &impl ConnectionTrait, id: Uuid) -> Result<bool, PersistenceError> {
    let found = Entity::find()
        .filter(Column::ParentId.eq(id))
        .filter(Column::Active.eq(true))
        .one(db)
        .await?;
    Ok(found.is_some())
}

fn active_user_ids() -> SelectStatement {
    Query::select()
        .column(user::Column::Id)
        .from(user::Entity)
        .and_where(user::Column::Status.eq("active"))
        .to_owned()
}

/// Names of users by id, for showing department heads.
pub async fn user_names(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<BTreeMap<Uuid, String>, PersistenceError> {
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let rows = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::Name)
        .filter(user::Column::Id.is_in(ids.iter().copied()))
        .into_tuple::<(Uuid, String)>()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}
