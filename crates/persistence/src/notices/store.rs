//! Notices: insert, read with their targets, list by who may see them.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::NotSet;
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;
use xiaoban_domain::notices::{AudienceKind, NoticeState};
use xiaoban_domain::paging::{Direction, Page, PageRequest};

use super::entity::{notice, notice_receipt, notice_target};
use crate::paging::ListSpec;
use crate::{PersistenceError, paging, versioned};

/// Which notices a list shows.
#[derive(Debug, Clone, Default)]
pub struct NoticeFilter {
    pub status: Option<NoticeState>,
    /// Only those addressed to everyone or to one of these target words (a reader's list);
    /// `None` for the office, which sees every notice.
    pub reaching: Option<Vec<String>>,
    pub public_only: bool,
    /// Only those this user has (`true`) or has not (`false`) read.
    pub read_by: Option<(Uuid, bool)>,
    pub keyword: Option<String>,
}

/// The notice lists: sort keys, keyword columns, pinned first, then the newest publication,
/// then the newest draft.
pub static SPEC: ListSpec<notice::Column> = ListSpec {
    sort: &[
        ("publishedAt", notice::Column::PublishedAt),
        ("createdAt", notice::Column::CreatedAt),
        ("title", notice::Column::Title),
    ],
    keyword: &[notice::Column::Title, notice::Column::Body],
    default_sort: &[
        (notice::Column::Pinned, Direction::Desc),
        (notice::Column::PublishedAt, Direction::Desc),
        (notice::Column::CreatedAt, Direction::Desc),
    ],
    tiebreak: notice::Column::Id,
};

pub async fn insert(
    db: &impl ConnectionTrait,
    row: notice::Model,
    targets: &[String],
) -> Result<(), PersistenceError> {
    let id = row.id;
    notice::Entity::insert(notice::ActiveModel::from(row))
        .exec(db)
        .await?;
    add_targets(db, id, targets).await
}

/// Replaces the notice's targets with `targets`.
pub async fn replace_targets(
    db: &impl ConnectionTrait,
    id: Uuid,
    targets: &[String],
) -> Result<(), PersistenceError> {
    notice_target::Entity::delete_many()
        .filter(notice_target::Column::NoticeId.eq(id))
        .exec(db)
        .await?;
    add_targets(db, id, targets).await
}

async fn add_targets(
    db: &impl ConnectionTrait,
    id: Uuid,
    targets: &[String],
) -> Result<(), PersistenceError> {
    if targets.is_empty() {
        return Ok(());
    }
    let rows = targets.iter().map(|t| notice_target::ActiveModel {
        notice_id: Set(id),
        target: Set(t.clone()),
    });
    notice_target::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<notice::Model>, PersistenceError> {
    Ok(notice::Entity::find_by_id(id).one(db).await?)
}

/// The target words of a notice, sorted.
pub async fn targets_of(db: &impl ConnectionTrait, id: Uuid) -> Result<Vec<String>, PersistenceError> {
    let rows = notice_target::Entity::find()
        .filter(notice_target::Column::NoticeId.eq(id))
        .order_by_asc(notice_target::Column::Target)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|r| r.target).collect())
}

/// The target words of each of `ids`.
pub async fn targets_of_many(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<BTreeMap<Uuid, Vec<String>>, PersistenceError> {
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let rows = notice_target::Entity::find()
        .filter(notice_target::Column::NoticeId.is_in(ids.iter().copied()))
        .order_by_asc(notice_target::Column::Target)
        .all(db)
        .await?;
    let mut out: BTreeMap<Uuid, Vec<String>> = BTreeMap::new();
    for row in rows {
        out.entry(row.notice_id).or_default().push(row.target);
    }
    Ok(out)
}

/// One page of notices: pinned first, then the newest publication, then the newest draft.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &NoticeFilter,
    request: &PageRequest,
) -> Result<Page<notice::Model>, PersistenceError> {
    use notice::Column as C;
    let mut select = notice::Entity::find();
    if let Some(status) = &filter.status {
        select = select.filter(C::Status.eq(*status));
    }
    if filter.public_only {
        select = select.filter(C::IsPublic.eq(true));
    }
    if let Some(words) = &filter.reaching {
        let addressed = Query::select()
            .column(notice_target::Column::NoticeId)
            .from(notice_target::Entity)
            .and_where(notice_target::Column::Target.is_in(words.iter().cloned()))
            .to_owned();
        select = select.filter(
            Condition::any()
                .add(C::AudienceKind.eq("all"))
                .add(C::Id.in_subquery(addressed)),
        );
    }
    if let Some((user, read)) = filter.read_by {
        let receipts = Query::select()
            .column(notice_receipt::Column::NoticeId)
            .from(notice_receipt::Entity)
            .and_where(notice_receipt::Column::UserId.eq(user))
            .to_owned();
        select = select.filter(if read {
            C::Id.in_subquery(receipts)
        } else {
            C::Id.not_in_subquery(receipts)
        });
    }
    if let Some(keyword) = SPEC.keyword(filter.keyword.as_deref()) {
        select = select.filter(keyword);
    }
    paging::fetch_page(db, select, request, &SPEC).await
}

/// What a step changes on a notice; `None` keeps the column.
#[derive(Debug, Clone, Default)]
pub struct NoticeChange {
    pub status: Option<NoticeState>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub audience_kind: Option<AudienceKind>,
    pub pinned: Option<bool>,
    pub is_public: Option<bool>,
    pub published_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
}

/// Applies `change` if the notice is still at `expected` version, bumping it (else
/// `VersionConflict`, changing nothing).
pub async fn update_guarded(
    db: &impl ConnectionTrait,
    id: Uuid,
    expected: i32,
    change: NoticeChange,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    let row = notice::ActiveModel {
        status: keep(change.status),
        title: keep(change.title),
        body: keep(change.body),
        audience_kind: keep(change.audience_kind),
        pinned: keep(change.pinned),
        is_public: keep(change.is_public),
        published_at: change.published_at.map_or(NotSet, |t| Set(Some(t))),
        withdrawn_at: change.withdrawn_at.map_or(NotSet, |t| Set(Some(t))),
        updated_at: Set(now),
        ..Default::default()
    };
    let key = Condition::all().add(notice::Column::Id.eq(id));
    versioned::update_guarded(db, key, expected, row).await
}

/// Notes when the office last reminded the notice's unread audience.
pub async fn mark_reminded(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    let row = notice::ActiveModel {
        id: Set(id),
        reminded_at: Set(Some(now)),
        ..Default::default()
    };
    notice::Entity::update(row).exec(db).await?;
    Ok(())
}

fn keep<T: Into<sea_orm::Value>>(value: Option<T>) -> sea_orm::ActiveValue<T> {
    value.map_or(NotSet, Set)
}
