//! Look-ups of a roster import (its inserts are in [`super::seed`]).

use std::collections::BTreeSet;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::{department, user};

/// Every department code with its id.
pub async fn department_codes(
    db: &impl ConnectionTrait,
) -> Result<std::collections::BTreeMap<String, Uuid>, PersistenceError> {
    Ok(department::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.code, d.id))
        .collect())
}

/// Which of `usernames` and of `numbers` are taken already.
pub async fn taken_names_and_numbers(
    db: &impl ConnectionTrait,
    usernames: Vec<String>,
    numbers: Vec<String>,
) -> Result<(BTreeSet<String>, BTreeSet<String>), PersistenceError> {
    let mut taken_names = BTreeSet::new();
    for chunk in usernames.chunks(500) {
        let rows = user::Entity::find()
            .filter(user::Column::Username.is_in(chunk.iter().cloned()))
            .all(db)
            .await?;
        taken_names.extend(rows.into_iter().map(|u| u.username));
    }
    let mut taken_numbers = BTreeSet::new();
    for chunk in numbers.chunks(500) {
        let rows = user::Entity::find()
            .filter(user::Column::Number.is_in(chunk.iter().cloned()))
            .all(db)
            .await?;
        taken_numbers.extend(rows.into_iter().filter_map(|u| u.number));
    }
    Ok((taken_names, taken_numbers))
}
