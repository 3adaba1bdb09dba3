//! The tamper-evident audit log: every row stores the hash of the previous row, ids are
//! consecutive, and the head row remembers the last id and hash, so an altered, inserted or
//! deleted row breaks the chain where it happened.

use chrono::{DateTime, SecondsFormat, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use sha2::{Digest, Sha256};

use crate::PersistenceError;
use crate::entities::{audit_event, audit_head};
use crate::migrations::GENESIS_HASH;

pub use audit_event::Model as AuditRow;

/// An event to append; the chain fields are filled in by [`append`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAuditEvent {
    pub occurred_at: DateTime<Utc>,
    pub actor_kind: String,
    pub actor_id: Option<String>,
    pub actor_name: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
}

/// The result of walking the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    pub ok: bool,
    pub checked: u64,
    /// The first row that was altered or inserted, or the id where a row is missing.
    pub first_broken_id: Option<i64>,
}

const HEAD: i32 = 1;
const VERIFY_BATCH: u64 = 500;

/// Appends `event` in the caller's transaction; returns its id. The head row is locked first,
/// so concurrent appenders queue up instead of forking the chain.
pub async fn append(db: &impl ConnectionTrait, event: NewAuditEvent) -> Result<i64, PersistenceError> {
    audit_head::Entity::update_many()
        .col_expr(
            audit_head::Column::LastId,
            Expr::col(audit_head::Column::LastId).add(0),
        )
        .filter(audit_head::Column::Id.eq(HEAD))
        .exec(db)
        .await?;
    let head = audit_head::Entity::find_by_id(HEAD)
        .one(db)
        .await?
        .ok_or_else(|| PersistenceError::Corrupt("the audit head row is missing".into()))?;
    let id = head.last_id + 1;
    let occurred_at = truncate_to_micros(event.occurred_at);
    let row = AuditRow {
        id,
        occurred_at,
        actor_kind: event.actor_kind,
        actor_id: event.actor_id,
        actor_name: event.actor_name,
        action: event.action,
        entity: event.entity,
        entity_id: event.entity_id,
        before: event.before,
        after: event.after,
        ip: event.ip,
        user_agent: event.user_agent,
        request_id: event.request_id,
        prev_hash: head.last_hash,
        hash: String::new(),
    };
    let hash = row_hash(&row);
    let active = audit_event::ActiveModel {
        hash: Set(hash.clone()),
        ..audit_event::ActiveModel::from(row)
    };
    audit_event::Entity::insert(active)
        .exec_without_returning(db)
        .await?;
    let head = audit_head::ActiveModel {
        id: Set(HEAD),
        last_id: Set(id),
        last_hash: Set(hash),
    };
    audit_head::Entity::update(head).exec(db).await?;
    Ok(id)
}

/// Walks the whole chain in id order.
pub async fn verify(db: &impl ConnectionTrait) -> Result<ChainReport, PersistenceError> {
    let mut expected_prev = GENESIS_HASH.to_owned();
    let mut expected_id = 1_i64;
    let mut checked = 0_u64;
    loop {
        let batch = audit_event::Entity::find()
            .filter(audit_event::Column::Id.gte(expected_id))
            .order_by_asc(audit_event::Column::Id)
            .limit(VERIFY_BATCH)
            .all(db)
            .await?;
        let full = batch.len() as u64 == VERIFY_BATCH;
        for row in &batch {
            let intact = row.id == expected_id && row.prev_hash == expected_prev && row.hash == row_hash(row);
            if !intact {
                return Ok(ChainReport {
                    ok: false,
                    checked,
                    first_broken_id: Some(std::cmp::min(row.id, expected_id)),
                });
            }
            checked += 1;
            expected_prev = row.hash.clone();
            expected_id = row.id + 1;
        }
        if !full {
            break;
        }
    }
    let head = audit_head::Entity::find_by_id(HEAD).one(db).await?;
    let head_matches = head.is_some_and(|h| h.last_id == expected_id - 1 && h.last_hash == expected_prev);
    if !head_matches {
        // Rows were removed from the end of the chain.
        return Ok(ChainReport {
            ok: false,
            checked,
            first_broken_id: Some(expected_id),
        });
    }
    Ok(ChainReport {
        ok: true,
        checked,
        first_broken_id: None,
    })
}

/// The hash of a row: SHA-256 over its previous hash and every field, unit-separated.
pub fn row_hash(row: &AuditRow) -> String {
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "\u{0}".to_owned());
    let fields = [
        row.prev_hash.clone(),
        row.id.to_string(),
        row.occurred_at.to_rfc3339_opts(SecondsFormat::Micros, true),
        row.actor_kind.clone(),
        opt(&row.actor_id),
        row.actor_name.clone(),
        row.action.clone(),
        row.entity.clone(),
        opt(&row.entity_id),
        opt(&row.before),
        opt(&row.after),
        opt(&row.ip),
        opt(&row.user_agent),
        opt(&row.request_id),
    ];
    hex::encode(Sha256::digest(fields.join("\u{1f}").as_bytes()))
}

/// Both databases keep microseconds; hashing a finer value would not survive the round trip.
fn truncate_to_micros(at: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(at.timestamp_micros()).unwrap_or(at)
}

/// Filters of the audit log list; all optional, combined with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Actor id or name.
    pub actor: Option<String>,
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub action: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// One page of the log, newest first unless the request sorts otherwise.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &AuditFilter,
    request: &xiaoban_domain::paging::PageRequest,
) -> Result<xiaoban_domain::paging::Page<AuditRow>, PersistenceError> {
    use audit_event::Column;
    let mut select = audit_event::Entity::find();
    if let Some(actor) = &filter.actor {
        select = select.filter(
            sea_orm::Condition::any()
                .add(Column::ActorId.eq(actor))
                .add(Column::ActorName.eq(actor)),
        );
    }
    if let Some(any) = LIST.keyword(request.keyword.as_deref()) {
        select = select.filter(any);
    }
    if let Some(entity) = &filter.entity {
        select = select.filter(Column::Entity.eq(entity));
    }
    if let Some(id) = &filter.entity_id {
        select = select.filter(Column::EntityId.eq(id));
    }
    if let Some(action) = &filter.action {
        select = select.filter(Column::Action.eq(action));
    }
    if let Some(from) = filter.from {
        select = select.filter(Column::OccurredAt.gte(from));
    }
    if let Some(to) = filter.to {
        select = select.filter(Column::OccurredAt.lt(to));
    }
    crate::paging::fetch_page(db, select, request, &LIST).await
}

/// The audit log: newest first; `q` searches actor, action and entity.
pub static LIST: crate::paging::ListSpec<audit_event::Column> = crate::paging::ListSpec {
    sort: &[
        ("id", audit_event::Column::Id),
        ("occurredAt", audit_event::Column::OccurredAt),
    ],
    keyword: &[
        audit_event::Column::ActorName,
        audit_event::Column::Action,
        audit_event::Column::Entity,
        audit_event::Column::EntityId,
    ],
    default_sort: &[(audit_event::Column::Id, xiaoban_domain::paging::Direction::Desc)],
    tiebreak: audit_event::Column::Id,
};
