use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::api_key::{self, Column, Entity};

pub use api_key::Model as ApiKeyRow;

pub async fn find_by_prefix(
    db: &impl ConnectionTrait,
    prefix: &str,
) -> Result<Option<ApiKeyRow>, PersistenceError> {
    Ok(Entity::find().filter(Column::Prefix.eq(prefix)).one(db).await?)
}

/// Records a use, at most once a minute per key, so busy integrations do not write on every call.
pub async fn touch(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> Result<(), PersistenceError> {
    let a_minute_ago = now - chrono::Duration::minutes(1);
    Entity::update_many()
        .col_expr(Column::LastUsedAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .filter(
            sea_orm::Condition::any()
                .add(Column::LastUsedAt.is_null())
                .add(Column::LastUsedAt.lt(a_minute_ago)),
        )
        .exec(db)
        .await?;
    Ok(())
}
