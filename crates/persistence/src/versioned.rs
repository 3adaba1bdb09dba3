//! Optimistic concurrency: an update names the version it was based on and succeeds only if
//! the row is still at that version. Nothing is overwritten silently.

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, ModelTrait, QueryFilter, Value,
};

use crate::PersistenceError;

/// An entity with an integer `version` column.
pub trait Versioned: EntityTrait {
    fn version_column() -> Self::Column;
}

/// Applies `changes` to the row matching `key` if it is at `expected` version, and bumps the
/// version. Otherwise changes nothing and reports [`PersistenceError::NotFound`] or
/// [`PersistenceError::VersionConflict`] with the current version.
pub async fn update_guarded<E, A>(
    db: &impl ConnectionTrait,
    key: Condition,
    expected: i32,
    changes: A,
) -> Result<(), PersistenceError>
where
    E: Versioned,
    A: ActiveModelTrait<Entity = E> + Send,
{
    let version = E::version_column();
    let result = E::update_many()
        .set(changes)
        .col_expr(version, Expr::col(version).add(1))
        .filter(key.clone())
        .filter(version.eq(expected))
        .exec(db)
        .await?;
    if result.rows_affected == 1 {
        return Ok(());
    }
    Err(conflict_or_missing::<E>(db, key).await?)
}

/// Writes every column of `model` except its primary key and version to the row matching `key`
/// if it is at `expected` version (see [`update_guarded`]). For rows the caller changed in memory.
pub async fn update_model_guarded<E, A>(
    db: &impl ConnectionTrait,
    model: E::Model,
    key: Condition,
    expected: i32,
) -> Result<(), PersistenceError>
where
    E: Versioned,
    E::Model: sea_orm::IntoActiveModel<A>,
    A: ActiveModelTrait<Entity = E> + Send,
{
    use sea_orm::{Iterable, PrimaryKeyToColumn};
    let mut changes = sea_orm::IntoActiveModel::into_active_model(model).reset_all();
    for key_column in E::PrimaryKey::iter() {
        changes.not_set(key_column.into_column());
    }
    changes.not_set(E::version_column());
    update_guarded::<E, A>(db, key, expected, changes).await
}

/// Deletes the row matching `key` if it is at `expected` version.
pub async fn delete_guarded<E: Versioned>(
    db: &impl ConnectionTrait,
    key: Condition,
    expected: i32,
) -> Result<(), PersistenceError> {
    let result = E::delete_many()
        .filter(key.clone())
        .filter(E::version_column().eq(expected))
        .exec(db)
        .await?;
    if result.rows_affected == 1 {
        return Ok(());
    }
    Err(conflict_or_missing::<E>(db, key).await?)
}

async fn conflict_or_missing<E: Versioned>(
    db: &impl ConnectionTrait,
    key: Condition,
) -> Result<PersistenceError, PersistenceError> {
    let Some(current) = E::find().filter(key).one(db).await? else {
        return Ok(PersistenceError::NotFound);
    };
    match current.get(E::version_column()) {
        Value::Int(Some(v)) => Ok(PersistenceError::VersionConflict { current: v }),
        other => Err(PersistenceError::Corrupt(format!(
            "version column holds {other:?}"
        ))),
    }
}
