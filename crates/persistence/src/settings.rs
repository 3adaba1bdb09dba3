//! Settings admins change at run time, stored as JSON under a key.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait};

use crate::PersistenceError;
use crate::entities::setting::{self, Column, Entity};
use crate::versioned::{self, Versioned};

pub use setting::Model as SettingRow;

impl Versioned for Entity {
    fn version_column() -> Column {
        Column::Version
    }
}

pub async fn find(db: &impl ConnectionTrait, key: &str) -> Result<Option<SettingRow>, PersistenceError> {
    Ok(Entity::find_by_id(key.to_owned()).one(db).await?)
}

/// Stores `value` under `key`: a first write needs no version, later ones the current version.
pub async fn put(
    db: &impl ConnectionTrait,
    key: &str,
    value: String,
    expected_version: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    match (find(db, key).await?, expected_version) {
        (None, _) => {
            let row = setting::ActiveModel {
                key: Set(key.to_owned()),
                value: Set(value),
                version: Set(1),
                updated_at: Set(now),
            };
            Entity::insert(row).exec_without_returning(db).await?;
            Ok(())
        }
        (Some(row), None) => Err(PersistenceError::VersionConflict { current: row.version }),
        (Some(_), Some(version)) => {
            let changes = setting::ActiveModel {
                value: Set(value),
                updated_at: Set(now),
                ..Default::default()
            };
            versioned::update_guarded(db, Condition::all().add(Column::Key.eq(key)), version, changes).await
        }
    }
}
