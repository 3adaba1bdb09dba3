use chrono::{DateTime, Datelike, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use xiaoban_domain::paging::{Direction, Page, PageRequest};
use xiaoban_persistence::{paging, versioned};
use xiaoban_services::idempotency::Created;
use xiaoban_services::{RequestContext, ServiceError, Services, numbering};

use super::entity::{self, Column, Entity};

pub const NUMBER_SERIES: &str = "probe";
/// The probe list's keys for the HTTP layer.
pub static LIST_KEYS: &dyn xiaoban_domain::paging::ListKeys = &LIST;

/// The probe list: one definition for the sort names, the keyword columns and the order.
pub static LIST: paging::ListSpec<Column> = paging::ListSpec {
    sort: &[
        ("number", Column::Number),
        ("title", Column::Title),
        ("quantity", Column::Quantity),
        ("createdAt", Column::CreatedAt),
    ],
    keyword: &[Column::Title, Column::Number],
    default_sort: &[(Column::CreatedAt, Direction::Desc)],
    tiebreak: Column::Id,
};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ProbeView {
    pub id: Uuid,
    pub number: String,
    pub title: String,
    pub quantity: i32,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NewProbe {
    pub title: String,
    pub quantity: i32,
}

impl From<entity::Model> for ProbeView {
    fn from(m: entity::Model) -> Self {
        Self {
            id: m.id,
            number: m.number,
            title: m.title,
            quantity: m.quantity,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

pub async fn create(
    services: &Services,
    ctx: &RequestContext,
    input: NewProbe,
) -> Result<Created<ProbeView>, ServiceError> {
    let now = services.now();
    let year = now.with_timezone(&services.settings().timezone).year();
    let fields = input.clone();
    services
        .create_once(ctx, "probe.create", &input, move |tx| {
            Box::pin(async move {
                let number = numbering::allocate(tx, NUMBER_SERIES, year).await?;
                let row = entity::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    number: Set(number),
                    title: Set(fields.title),
                    quantity: Set(fields.quantity),
                    version: Set(1),
                    created_at: Set(now),
                    updated_at: Set(now),
                };
                let saved = Entity::insert(row)
                    .exec_with_returning(tx)
                    .await
                    .map_err(db_err)?;
                Ok(ProbeView::from(saved))
            })
        })
        .await
}

pub async fn get(services: &Services, id: Uuid) -> Result<ProbeView, ServiceError> {
    Entity::find_by_id(id)
        .one(services.db())
        .await
        .map_err(db_err)?
        .map(ProbeView::from)
        .ok_or(ServiceError::NotFound { entity: "probe" })
}

pub async fn list(services: &Services, request: &PageRequest) -> Result<Page<ProbeView>, ServiceError> {
    let mut select = Entity::find();
    if let Some(keyword) = &request.keyword {
        select = select.filter(
            Condition::any()
                .add(Column::Title.contains(keyword))
                .add(Column::Number.contains(keyword)),
        );
    }
    let page = paging::fetch_page(services.db(), select, request, &LIST).await?;
    Ok(page.map(ProbeView::from))
}

pub async fn update(
    services: &Services,
    id: Uuid,
    expected_version: i32,
    title: Option<String>,
    quantity: Option<i32>,
) -> Result<ProbeView, ServiceError> {
    let mut changes = entity::ActiveModel {
        updated_at: Set(services.now()),
        ..Default::default()
    };
    if let Some(title) = title {
        changes.title = Set(title);
    }
    if let Some(quantity) = quantity {
        changes.quantity = Set(quantity);
    }
    let key = Condition::all().add(Column::Id.eq(id));
    versioned::update_guarded(services.db(), key, expected_version, changes)
        .await
        .map_err(|err| match err {
            xiaoban_persistence::PersistenceError::NotFound => ServiceError::NotFound { entity: "probe" },
            other => other.into(),
        })?;
    get(services, id).await
}

fn db_err(err: sea_orm::DbErr) -> ServiceError {
    xiaoban_persistence::PersistenceError::from(err).into()
}
