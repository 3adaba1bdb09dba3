use sea_orm::{ConnectionTrait, EntityTrait, QuerySelect};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::department::{Column, Entity};

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
