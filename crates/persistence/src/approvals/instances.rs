//! Requests (审批实例).

use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::InstanceRow;
use crate::PersistenceError;
use crate::entities::approval_instance::{self as instance, Column, Entity};
use crate::versioned::{self, Versioned};

impl Versioned for Entity {
    fn version_column() -> Column {
        Column::Version
    }
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<InstanceRow>, PersistenceError> {
    Ok(Entity::find_by_id(id).one(db).await?)
}

pub async fn find_many(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<Vec<InstanceRow>, PersistenceError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(Entity::find()
        .filter(Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?)
}

pub async fn insert(db: &impl ConnectionTrait, row: InstanceRow) -> Result<(), PersistenceError> {
    Entity::insert(instance::ActiveModel::from(row))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Writes every field of `row` if the stored row is still at `expected` version; this guard is
/// what lets exactly one of two simultaneous decisions win.
pub async fn update_guarded(
    db: &impl ConnectionTrait,
    row: InstanceRow,
    expected: i32,
) -> Result<(), PersistenceError> {
    let key = Condition::all().add(Column::Id.eq(row.id));
    versioned::update_model_guarded::<Entity, instance::ActiveModel>(db, row, key, expected).await
}

/// Finished requests of a template, for its statistics.
pub async fn of_template(
    db: &impl ConnectionTrait,
    template_id: Uuid,
) -> Result<Vec<InstanceRow>, PersistenceError> {
    Ok(Entity::find()
        .filter(Column::TemplateId.eq(template_id))
        .order_by_asc(Column::SubmittedAt)
        .all(db)
        .await?)
}

pub async fn for_subject(
    db: &impl ConnectionTrait,
    module: &str,
    subject_id: Uuid,
) -> Result<Vec<InstanceRow>, PersistenceError> {
    Ok(Entity::find()
        .filter(Column::SubjectModule.eq(module))
        .filter(Column::SubjectId.eq(subject_id))
        .order_by_asc(Column::CreatedAt)
        .all(db)
        .await?)
}
