//! Templates and their immutable versions.

use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{TemplateRow, TemplateVersionRow};
use crate::PersistenceError;
use crate::entities::approval_template::{self as template, Column, Entity};
use crate::entities::approval_template_version as version;
use crate::versioned::{self, Versioned};

impl Versioned for Entity {
    fn version_column() -> Column {
        Column::Version
    }
}

pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<TemplateRow>, PersistenceError> {
    Ok(Entity::find()
        .order_by_asc(Column::Category)
        .order_by_asc(Column::Code)
        .all(db)
        .await?)
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<TemplateRow>, PersistenceError> {
    Ok(Entity::find_by_id(id).one(db).await?)
}

pub async fn find_by_code(
    db: &impl ConnectionTrait,
    code: &str,
) -> Result<Option<TemplateRow>, PersistenceError> {
    Ok(Entity::find().filter(Column::Code.eq(code)).one(db).await?)
}

pub async fn insert(db: &impl ConnectionTrait, row: TemplateRow) -> Result<(), PersistenceError> {
    Entity::insert(template::ActiveModel::from(row))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Writes every field of `row` if the stored row is still at `expected` version.
pub async fn update_guarded(
    db: &impl ConnectionTrait,
    row: TemplateRow,
    expected: i32,
) -> Result<(), PersistenceError> {
    let key = Condition::all().add(Column::Id.eq(row.id));
    versioned::update_model_guarded::<Entity, template::ActiveModel>(db, row, key, expected).await
}

pub async fn insert_version(
    db: &impl ConnectionTrait,
    row: TemplateVersionRow,
) -> Result<(), PersistenceError> {
    version::Entity::insert(version::ActiveModel::from(row))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

pub async fn find_version(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<TemplateVersionRow>, PersistenceError> {
    Ok(version::Entity::find_by_id(id).one(db).await?)
}

pub async fn version_number(
    db: &impl ConnectionTrait,
    template_id: Uuid,
    number: i32,
) -> Result<Option<TemplateVersionRow>, PersistenceError> {
    Ok(version::Entity::find()
        .filter(version::Column::TemplateId.eq(template_id))
        .filter(version::Column::Number.eq(number))
        .one(db)
        .await?)
}

pub async fn versions(
    db: &impl ConnectionTrait,
    template_id: Uuid,
) -> Result<Vec<TemplateVersionRow>, PersistenceError> {
    Ok(version::Entity::find()
        .filter(version::Column::TemplateId.eq(template_id))
        .order_by_desc(version::Column::Number)
        .all(db)
        .await?)
}
