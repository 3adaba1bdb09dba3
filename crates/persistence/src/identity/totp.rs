//! Second factors: authenticator secrets, recovery codes and sign-in challenges. Every "use"
//! is a conditional update, so of two racing requests (or replicas) only one succeeds.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
};
use uuid::Uuid;

use crate::PersistenceError;
use crate::entities::{mfa_challenge, totp_recovery_code, user_totp};

pub use mfa_challenge::Model as ChallengeRow;
pub use user_totp::Model as TotpRow;

pub async fn find(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Option<TotpRow>, PersistenceError> {
    Ok(user_totp::Entity::find_by_id(user_id).one(db).await?)
}

/// Whether the user has a confirmed authenticator.
pub async fn is_enabled(db: &impl ConnectionTrait, user_id: Uuid) -> Result<bool, PersistenceError> {
    Ok(find(db, user_id).await?.is_some_and(|t| t.confirmed_at.is_some()))
}

/// Starts an enrolment with a new secret, replacing an unconfirmed one.
pub async fn start_enrolment(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    secret: String,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    user_totp::Entity::delete_by_id(user_id).exec(db).await?;
    let row = user_totp::ActiveModel {
        user_id: Set(user_id),
        secret: Set(secret),
        created_at: Set(now),
        confirmed_at: Set(None),
        last_used_step: Set(None),
    };
    user_totp::Entity::insert(row).exec_without_returning(db).await?;
    Ok(())
}

/// Marks the enrolment confirmed by the code of `step`.
pub async fn confirm(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    step: i64,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    user_totp::Entity::update_many()
        .col_expr(user_totp::Column::ConfirmedAt, Expr::value(Some(now)))
        .col_expr(user_totp::Column::LastUsedStep, Expr::value(Some(step)))
        .filter(user_totp::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Records `step` as used if no later or equal step was used before; false when another request
/// used it (or a later one) first.
pub async fn use_step(db: &impl ConnectionTrait, user_id: Uuid, step: i64) -> Result<bool, PersistenceError> {
    let result = user_totp::Entity::update_many()
        .col_expr(user_totp::Column::LastUsedStep, Expr::value(Some(step)))
        .filter(user_totp::Column::UserId.eq(user_id))
        .filter(
            Condition::any()
                .add(user_totp::Column::LastUsedStep.is_null())
                .add(user_totp::Column::LastUsedStep.lt(step)),
        )
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Removes the user's authenticator, recovery codes and open challenges.
pub async fn remove(db: &impl ConnectionTrait, user_id: Uuid) -> Result<bool, PersistenceError> {
    mfa_challenge::Entity::delete_many()
        .filter(mfa_challenge::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    totp_recovery_code::Entity::delete_many()
        .filter(totp_recovery_code::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    let removed = user_totp::Entity::delete_by_id(user_id).exec(db).await?;
    Ok(removed.rows_affected > 0)
}

/// Replaces the user's recovery codes by these hashes.
pub async fn replace_recovery_codes(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    hashes: Vec<String>,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    totp_recovery_code::Entity::delete_many()
        .filter(totp_recovery_code::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    let rows = hashes.into_iter().map(|hash| totp_recovery_code::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        code_hash: Set(hash),
        created_at: Set(now),
        used_at: Set(None),
    });
    totp_recovery_code::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Spends an unused recovery code of the user by its hash; false if there is none.
pub async fn use_recovery_code(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<bool, PersistenceError> {
    let result = totp_recovery_code::Entity::update_many()
        .col_expr(totp_recovery_code::Column::UsedAt, Expr::value(Some(now)))
        .filter(totp_recovery_code::Column::UserId.eq(user_id))
        .filter(totp_recovery_code::Column::CodeHash.eq(hash))
        .filter(totp_recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected >= 1)
}

/// How many recovery codes the user has left.
pub async fn recovery_codes_left(db: &impl ConnectionTrait, user_id: Uuid) -> Result<u64, PersistenceError> {
    Ok(totp_recovery_code::Entity::find()
        .filter(totp_recovery_code::Column::UserId.eq(user_id))
        .filter(totp_recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await?)
}

pub async fn insert_challenge(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    token_hash: String,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    let row = mfa_challenge::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        token_hash: Set(token_hash),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
    };
    mfa_challenge::Entity::insert(row)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

pub async fn find_challenge(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<ChallengeRow>, PersistenceError> {
    Ok(mfa_challenge::Entity::find()
        .filter(mfa_challenge::Column::TokenHash.eq(token_hash))
        .one(db)
        .await?)
}

/// Spends a challenge that is unused and unexpired at `now`; false if it was not.
pub async fn use_challenge(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, PersistenceError> {
    let result = mfa_challenge::Entity::update_many()
        .col_expr(mfa_challenge::Column::UsedAt, Expr::value(Some(now)))
        .filter(mfa_challenge::Column::Id.eq(id))
        .filter(mfa_challenge::Column::UsedAt.is_null())
        .filter(mfa_challenge::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Removes challenges that expired before `before`; returns how many.
pub async fn purge_challenges(
    db: &impl ConnectionTrait,
    before: DateTime<Utc>,
) -> Result<u64, PersistenceError> {
    let result = mfa_challenge::Entity::delete_many()
        .filter(mfa_challenge::Column::ExpiresAt.lt(before))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}
