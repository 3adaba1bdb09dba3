//! Read receipts: who read which notice when.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::entity::notice_receipt;
use crate::PersistenceError;

/// Records that `user` read `notice` at `now`, unless they had already.
pub async fn mark_read(
    db: &impl ConnectionTrait,
    notice: Uuid,
    user: Uuid,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    let row = notice_receipt::ActiveModel {
        notice_id: Set(notice),
        user_id: Set(user),
        read_at: Set(now),
    };
    let keep_first = OnConflict::columns([notice_receipt::Column::NoticeId, notice_receipt::Column::UserId])
        .do_nothing()
        .to_owned();
    notice_receipt::Entity::insert(row)
        .on_conflict(keep_first)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// When each reader of `notice` read it.
pub async fn of_notice(
    db: &impl ConnectionTrait,
    notice: Uuid,
) -> Result<BTreeMap<Uuid, DateTime<Utc>>, PersistenceError> {
    let rows = notice_receipt::Entity::find()
        .filter(notice_receipt::Column::NoticeId.eq(notice))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|r| (r.user_id, r.read_at)).collect())
}

/// Which of `notices` `user` has read, and when.
pub async fn of_user(
    db: &impl ConnectionTrait,
    user: Uuid,
    notices: &BTreeSet<Uuid>,
) -> Result<BTreeMap<Uuid, DateTime<Utc>>, PersistenceError> {
    if notices.is_empty() {
        return Ok(BTreeMap::new());
    }
    let rows = notice_receipt::Entity::find()
        .filter(notice_receipt::Column::UserId.eq(user))
        .filter(notice_receipt::Column::NoticeId.is_in(notices.iter().copied()))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|r| (r.notice_id, r.read_at)).collect())
}
