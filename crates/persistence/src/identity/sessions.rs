use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::session::{self, Column, Entity};

pub use session::Model as SessionRow;

pub async fn insert(db: &impl ConnectionTrait, row: SessionRow) -> Result<(), PersistenceError> {
    Entity::insert(session::ActiveModel::from(row))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

pub async fn find_by_hash(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<SessionRow>, PersistenceError> {
    Ok(Entity::find()
        .filter(Column::TokenHash.eq(token_hash))
        .one(db)
        .await?)
}

/// Marks a rotated token as spent. Succeeds only for the first caller (a concurrent refresh with
/// the same token finds it spent).
pub async fn mark_replaced(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, PersistenceError> {
    let result = Entity::update_many()
        .col_expr(Column::ReplacedAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .filter(Column::ReplacedAt.is_null())
        .filter(Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Whether the sign-in `family_id` still has a usable token: neither replaced nor revoked, and
/// not past its expiry. (The current token of a racing refresh counts as usable.)
pub async fn family_is_live(
    db: &impl ConnectionTrait,
    family_id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, PersistenceError> {
    Ok(Entity::find()
        .filter(Column::FamilyId.eq(family_id))
        .filter(Column::ReplacedAt.is_null())
        .filter(Column::RevokedAt.is_null())
        .filter(Column::ExpiresAt.gt(now))
        .count(db)
        .await?
        > 0)
}

pub async fn revoke_family(
    db: &impl ConnectionTrait,
    family_id: Uuid,
    now: DateTime<Utc>,
) -> Result<u64, PersistenceError> {
    let result = Entity::update_many()
        .col_expr(Column::RevokedAt, Expr::value(now))
        .filter(Column::FamilyId.eq(family_id))
        .filter(Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

pub async fn revoke_all_for_user(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<u64, PersistenceError> {
    let result = Entity::update_many()
        .col_expr(Column::RevokedAt, Expr::value(now))
        .filter(Column::UserId.eq(user_id))
        .filter(Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

pub fn new_row(
    user_id: Uuid,
    family_id: Uuid,
    token_hash: String,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    ip: Option<String>,
    user_agent: Option<String>,
) -> SessionRow {
    SessionRow {
        id: Uuid::now_v7(),
        user_id,
        family_id,
        token_hash,
        created_at: now,
        last_used_at: now,
        expires_at,
        replaced_at: None,
        revoked_at: None,
        ip,
        user_agent,
    }
}
