//! Guides and manuals with their published versions.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ActiveValue::NotSet;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;
use xiaoban_domain::notices::{GuideKind, GuideState};
use xiaoban_domain::paging::{Direction, Page, PageRequest};

use super::entity::{guide, guide_version};
use crate::paging::ListSpec;
use crate::{PersistenceError, paging, versioned};

/// Which guides a list shows.
#[derive(Debug, Clone, Default)]
pub struct GuideFilter {
    pub kind: Option<GuideKind>,
    pub category: Option<String>,
    pub status: Option<GuideState>,
    pub public_only: bool,
    pub keyword: Option<String>,
}

/// The guide lists: by category and title.
pub static SPEC: ListSpec<guide::Column> = ListSpec {
    sort: &[
        ("title", guide::Column::Title),
        ("category", guide::Column::Category),
        ("updatedAt", guide::Column::UpdatedAt),
        ("reviewDue", guide::Column::ReviewDue),
    ],
    keyword: &[guide::Column::Title, guide::Column::Body, guide::Column::Category],
    default_sort: &[
        (guide::Column::Category, Direction::Asc),
        (guide::Column::Title, Direction::Asc),
    ],
    tiebreak: guide::Column::Id,
};

pub async fn insert(db: &impl ConnectionTrait, row: guide::Model) -> Result<(), PersistenceError> {
    guide::Entity::insert(guide::ActiveModel::from(row))
        .exec(db)
        .await?;
    Ok(())
}

/// The kinds and titles among `titles` that a guide already has (an import refuses a second
/// guide of the same kind and title).
pub async fn titles_taken(
    db: &impl ConnectionTrait,
    titles: &[String],
) -> Result<std::collections::BTreeSet<(GuideKind, String)>, PersistenceError> {
    let mut out = std::collections::BTreeSet::new();
    for chunk in titles.chunks(500) {
        let found: Vec<(GuideKind, String)> = guide::Entity::find()
            .select_only()
            .column(guide::Column::Kind)
            .column(guide::Column::Title)
            .filter(guide::Column::Title.is_in(chunk.iter().cloned()))
            .into_tuple()
            .all(db)
            .await?;
        out.extend(found);
    }
    Ok(out)
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<guide::Model>, PersistenceError> {
    Ok(guide::Entity::find_by_id(id).one(db).await?)
}

/// One page of guides by category and title. The keyword searches the working copy's title and
/// text; readers' lists hold only published guides, whose working copy they never see, so they
/// search it only through what was published (see [`published_matching`]).
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &GuideFilter,
    request: &PageRequest,
) -> Result<Page<guide::Model>, PersistenceError> {
    use guide::Column as C;
    let mut select = guide::Entity::find();
    if let Some(kind) = &filter.kind {
        select = select.filter(C::Kind.eq(*kind));
    }
    if let Some(category) = &filter.category {
        select = select.filter(C::Category.eq(category.as_str()));
    }
    if let Some(status) = &filter.status {
        select = select.filter(C::Status.eq(*status));
    }
    if filter.public_only {
        select = select.filter(C::IsPublic.eq(true));
    }
    if let Some(keyword) =
        paging::keyword_condition(filter.keyword.as_deref(), &[C::Title, C::Body, C::Category])
    {
        select = select.filter(keyword);
    }
    paging::fetch_page(db, select, request, &SPEC).await
}

/// The public guide list: nothing internal (such as review dates) to sort by.
pub static PUBLIC_SPEC: ListSpec<guide::Column> = ListSpec {
    sort: &[
        ("title", guide::Column::Title),
        ("category", guide::Column::Category),
    ],
    keyword: &[],
    default_sort: &[
        (guide::Column::Category, Direction::Asc),
        (guide::Column::Title, Direction::Asc),
    ],
    tiebreak: guide::Column::Id,
};

/// Ids of guides whose latest published version contains `keyword` in its title, category or text.
pub async fn published_matching(
    db: &impl ConnectionTrait,
    keyword: &str,
) -> Result<Vec<Uuid>, PersistenceError> {
    use guide_version::Column as V;
    let Some(matches) = paging::keyword_condition(Some(keyword), &[V::Title, V::Body, V::Category]) else {
        return Ok(Vec::new());
    };
    let hits: Vec<(Uuid, i32)> = guide_version::Entity::find()
        .select_only()
        .column(V::GuideId)
        .column(V::Number)
        .filter(matches)
        .into_tuple()
        .all(db)
        .await?;
    let current: Vec<(Uuid, i32)> = guide::Entity::find()
        .select_only()
        .column(guide::Column::Id)
        .column(guide::Column::PublishedVersion)
        .filter(guide::Column::Id.is_in(hits.iter().map(|(id, _)| *id)))
        .into_tuple()
        .all(db)
        .await?;
    Ok(current
        .into_iter()
        .filter(|pair| hits.contains(pair))
        .map(|(id, _)| id)
        .collect())
}

/// One page of published guides, optionally only public ones and only `ids` (a search's hits).
pub async fn list_published(
    db: &impl ConnectionTrait,
    filter: &GuideFilter,
    ids: Option<Vec<Uuid>>,
    request: &PageRequest,
) -> Result<Page<guide::Model>, PersistenceError> {
    use guide::Column as C;
    let mut select = guide::Entity::find().filter(C::Status.eq(GuideState::Published));
    if let Some(ids) = ids {
        select = select.filter(C::Id.is_in(ids));
    }
    if let Some(kind) = &filter.kind {
        select = select.filter(C::Kind.eq(*kind));
    }
    if let Some(category) = &filter.category {
        select = select.filter(C::Category.eq(category.as_str()));
    }
    if filter.public_only {
        select = select.filter(C::IsPublic.eq(true));
    }
    let spec = if filter.public_only { &PUBLIC_SPEC } else { &SPEC };
    paging::fetch_page(db, select, request, spec).await
}

pub async fn insert_version(
    db: &impl ConnectionTrait,
    row: guide_version::Model,
) -> Result<(), PersistenceError> {
    guide_version::Entity::insert(guide_version::ActiveModel::from(row))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Every published version of a guide, newest first.
pub async fn versions_of(
    db: &impl ConnectionTrait,
    guide: Uuid,
) -> Result<Vec<guide_version::Model>, PersistenceError> {
    Ok(guide_version::Entity::find()
        .filter(guide_version::Column::GuideId.eq(guide))
        .order_by_desc(guide_version::Column::Number)
        .all(db)
        .await?)
}

pub async fn version(
    db: &impl ConnectionTrait,
    guide: Uuid,
    number: i32,
) -> Result<Option<guide_version::Model>, PersistenceError> {
    Ok(guide_version::Entity::find_by_id((guide, number)).one(db).await?)
}

/// Each published guide's id with the category of its latest version (what readers see).
pub async fn published_categories(
    db: &impl ConnectionTrait,
    public_only: bool,
) -> Result<Vec<(Uuid, String)>, PersistenceError> {
    let mut select = guide::Entity::find()
        .select_only()
        .column(guide::Column::Id)
        .column(guide::Column::PublishedVersion)
        .filter(guide::Column::Status.eq(GuideState::Published));
    if public_only {
        select = select.filter(guide::Column::IsPublic.eq(true));
    }
    let current: Vec<(Uuid, i32)> = select.into_tuple().all(db).await?;
    let mut out = Vec::with_capacity(current.len());
    for chunk in current.chunks(500) {
        let versions: Vec<(Uuid, i32, String)> = guide_version::Entity::find()
            .select_only()
            .column(guide_version::Column::GuideId)
            .column(guide_version::Column::Number)
            .column(guide_version::Column::Category)
            .filter(guide_version::Column::GuideId.is_in(chunk.iter().map(|(id, _)| *id)))
            .into_tuple()
            .all(db)
            .await?;
        out.extend(
            versions
                .into_iter()
                .filter(|(id, number, _)| chunk.contains(&(*id, *number)))
                .map(|(id, _, category)| (id, category)),
        );
    }
    Ok(out)
}

/// Every guide's working-copy category (the office's view), one per guide.
pub async fn working_categories(db: &impl ConnectionTrait) -> Result<Vec<String>, PersistenceError> {
    Ok(guide::Entity::find()
        .select_only()
        .column(guide::Column::Category)
        .into_tuple()
        .all(db)
        .await?)
}

/// The latest published versions of `guides`.
pub async fn current_versions(
    db: &impl ConnectionTrait,
    guides: &[guide::Model],
) -> Result<Vec<guide_version::Model>, PersistenceError> {
    let pairs = guides
        .iter()
        .filter(|g| g.published_version > 0)
        .fold(Condition::any(), |any, g| {
            any.add(
                Condition::all()
                    .add(guide_version::Column::GuideId.eq(g.id))
                    .add(guide_version::Column::Number.eq(g.published_version)),
            )
        });
    if guides.iter().all(|g| g.published_version == 0) {
        return Ok(Vec::new());
    }
    Ok(guide_version::Entity::find().filter(pairs).all(db).await?)
}

/// Published guides whose review fell due on or before `today` and whose owner was not yet
/// reminded of that date.
pub async fn due_for_review(
    db: &impl ConnectionTrait,
    today: NaiveDate,
) -> Result<Vec<guide::Model>, PersistenceError> {
    use guide::Column as C;
    let rows = guide::Entity::find()
        .filter(C::Status.eq(GuideState::Published))
        .filter(C::ReviewDue.lte(today))
        .order_by_asc(C::ReviewDue)
        .order_by_asc(C::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter(|g| g.review_reminded_for != g.review_due)
        .collect())
}

/// Notes that the owner was reminded of the review due on `due`.
pub async fn mark_review_reminded(
    db: &impl ConnectionTrait,
    id: Uuid,
    due: NaiveDate,
) -> Result<(), PersistenceError> {
    let change = guide::ActiveModel {
        id: Set(id),
        review_reminded_for: Set(Some(due)),
        ..Default::default()
    };
    guide::Entity::update(change).exec(db).await?;
    Ok(())
}

/// What a step changes on a guide; `None` keeps the column.
#[derive(Debug, Clone, Default)]
pub struct GuideChange {
    pub category: Option<String>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub status: Option<GuideState>,
    pub is_public: Option<bool>,
    pub owner_id: Option<Uuid>,
    /// `Some(None)` removes the flowchart.
    pub flowchart_file_id: Option<Option<Uuid>>,
    pub published_version: Option<i32>,
    pub review_due: Option<NaiveDate>,
}

/// Applies `change` if the guide is still at `expected` version, bumping it.
pub async fn update_guarded(
    db: &impl ConnectionTrait,
    id: Uuid,
    expected: i32,
    change: GuideChange,
    now: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    let row = guide::ActiveModel {
        category: keep(change.category),
        title: keep(change.title),
        body: keep(change.body),
        status: keep(change.status),
        is_public: keep(change.is_public),
        owner_id: keep(change.owner_id),
        flowchart_file_id: keep(change.flowchart_file_id),
        published_version: keep(change.published_version),
        review_due: change.review_due.map_or(NotSet, |d| Set(Some(d))),
        updated_at: Set(now),
        ..Default::default()
    };
    let key = Condition::all().add(guide::Column::Id.eq(id));
    versioned::update_guarded(db, key, expected, row).await
}

fn keep<T: Into<sea_orm::Value>>(value: Option<T>) -> sea_orm::ActiveValue<T> {
    value.map_or(NotSet, Set)
}
