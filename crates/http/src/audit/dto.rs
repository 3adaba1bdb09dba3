use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;
use xiaoban_services::audit_log::{AuditFilter, AuditRow, ChainReport};

#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct AuditQuery {
    /// Actor id or name (username, API key name, `system`, `anonymous`).
    pub actor: Option<String>,
    /// Entity type, e.g. `user`, `department`, `permission`.
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    /// Action, e.g. `auth.login_failed`, `user.create`, `access.denied`.
    pub action: Option<String>,
    /// From this instant (inclusive), RFC 3339.
    pub from: Option<DateTime<Utc>>,
    /// Until this instant (exclusive), RFC 3339.
    pub to: Option<DateTime<Utc>>,
}

impl AuditQuery {
    pub fn filter(&self) -> AuditFilter {
        AuditFilter {
            actor: self.actor.clone(),
            entity: self.entity.clone(),
            entity_id: self.entity_id.clone(),
            action: self.action.clone(),
            from: self.from,
            to: self.to,
        }
    }
}

/// One audited action. `before` and `after` hold the record's JSON with secrets removed.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditEventOut {
    /// Consecutive from 1; a gap means a deleted row.
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    /// `user`, `api_key`, `system` or `anonymous`.
    pub actor_kind: String,
    pub actor_id: Option<String>,
    pub actor_name: String,
    #[schema(example = "user.create")]
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
    /// SHA-256 of the previous event (the chain link).
    pub prev_hash: String,
    pub hash: String,
}

impl From<AuditRow> for AuditEventOut {
    fn from(row: AuditRow) -> Self {
        let json = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
        Self {
            id: row.id,
            occurred_at: row.occurred_at,
            actor_kind: row.actor_kind,
            actor_id: row.actor_id,
            actor_name: row.actor_name,
            action: row.action,
            entity: row.entity,
            entity_id: row.entity_id,
            before: json(row.before),
            after: json(row.after),
            ip: row.ip,
            user_agent: row.user_agent,
            request_id: row.request_id,
            prev_hash: row.prev_hash,
            hash: row.hash,
        }
    }
}

/// The result of checking the hash chain.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChainReportOut {
    /// Whether every event is unaltered and none is missing or inserted.
    pub ok: bool,
    /// Events checked before the first break (all of them when `ok`).
    pub checked: u64,
    /// The first altered or inserted event, or where a deleted one was.
    pub first_broken_id: Option<i64>,
}

impl From<ChainReport> for ChainReportOut {
    fn from(r: ChainReport) -> Self {
        Self {
            ok: r.ok,
            checked: r.checked,
            first_broken_id: r.first_broken_id,
        }
    }
}
