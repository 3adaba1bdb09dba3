//! Writing and checking the audit log. Every change records a row in its own transaction;
//! sign-ins and refused requests record one in a transaction of their own.

use serde_json::Value;
use xiaoban_persistence::audit::{self, ChainReport, NewAuditEvent};
use xiaoban_persistence::{ConnectionTrait, PersistenceError, begin_write};

use crate::{RequestContext, ServiceError, Services};

/// The audit log's sortable names and default order.
pub static AUDIT_LIST: &dyn xiaoban_domain::paging::ListKeys = &audit::LIST;

/// One audited action.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// `<entity>.<verb>`, e.g. `user.create`, `auth.login_failed`.
    pub action: &'static str,
    pub entity: &'static str,
    pub entity_id: Option<String>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

impl Change {
    pub fn new(action: &'static str, entity: &'static str, entity_id: Option<String>) -> Self {
        Self {
            action,
            entity,
            entity_id,
            before: None,
            after: None,
        }
    }

    pub fn before(mut self, value: Value) -> Self {
        self.before = Some(value);
        self
    }

    pub fn after(mut self, value: Value) -> Self {
        self.after = Some(value);
        self
    }
}

/// Field names (lowercase, without `_`) whose values never reach the audit log.
const SECRET_FIELDS: &[&str] = &[
    "password",
    "oldpassword",
    "newpassword",
    "initialpassword",
    "key",
    "apikey",
    "token",
    "accesstoken",
    "refreshtoken",
];

/// Whether a field holds a secret: a listed name, or any name ending in hash or secret.
fn is_secret(field: &str) -> bool {
    let name: String = field
        .chars()
        .filter(|c| *c != '_')
        .collect::<String>()
        .to_ascii_lowercase();
    SECRET_FIELDS.contains(&name.as_str()) || name.ends_with("hash") || name.ends_with("secret")
}

/// Removes secrets (passwords, hashes, tokens, keys) at any depth.
pub fn scrub(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(k, _)| !is_secret(k))
                .map(|(k, v)| (k, scrub(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(scrub).collect()),
        other => other,
    }
}

/// Records `change` inside the caller's transaction.
pub async fn record(
    db: &impl ConnectionTrait,
    ctx: &RequestContext,
    now: chrono::DateTime<chrono::Utc>,
    change: Change,
) -> Result<(), ServiceError> {
    let (actor_kind, actor_id, actor_name) = ctx.actor.audit_identity();
    let json = |v: Option<Value>| v.map(|v| scrub(v).to_string());
    let event = NewAuditEvent {
        occurred_at: now,
        actor_kind: actor_kind.to_owned(),
        actor_id,
        actor_name,
        action: change.action.to_owned(),
        entity: change.entity.to_owned(),
        entity_id: change.entity_id,
        before: json(change.before),
        after: json(change.after),
        ip: ctx.ip.clone(),
        user_agent: ctx.user_agent.clone(),
        request_id: (!ctx.request_id.is_empty()).then(|| ctx.request_id.clone()),
    };
    audit::append(db, event).await?;
    Ok(())
}

impl Services {
    /// Records an event that is not part of a change (sign-in, refusal) in its own transaction.
    pub async fn record_event(&self, ctx: &RequestContext, change: Change) -> Result<(), ServiceError> {
        let tx = begin_write(self.db()).await?;
        record(&tx, ctx, self.now(), change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(())
    }

    /// Walks the hash chain of the whole audit log.
    pub async fn verify_audit_chain(&self) -> Result<ChainReport, ServiceError> {
        Ok(audit::verify(self.db()).await?)
    }
}

impl Services {
    /// The audit log, for auditors only (`audit.read`).
    pub async fn list_audit_events(
        &self,
        ctx: &RequestContext,
        filter: &audit::AuditFilter,
        request: &xiaoban_domain::paging::PageRequest,
    ) -> Result<xiaoban_domain::paging::Page<audit::AuditRow>, ServiceError> {
        self.authorize(ctx, xiaoban_domain::access::codes::AUDIT_READ)
            .await?;
        Ok(audit::list(self.db(), filter, request).await?)
    }

    /// Checks the chain, for auditors only.
    pub async fn verify_audit_log(&self, ctx: &RequestContext) -> Result<ChainReport, ServiceError> {
        self.authorize(ctx, xiaoban_domain::access::codes::AUDIT_READ)
            .await?;
        self.verify_audit_chain().await
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::scrub;

    #[test]
    fn secrets_are_removed_at_any_depth_and_ordinary_fields_kept() {
        let before = json!({"username": "li", "passwordHash": "$argon2id$…", "mustChangePassword": true,
            "nested": {"refresh_token": "xbr_1", "token_secret": "s", "prefix": "ab12", "key": "xb_ab12_x"}});
        let after = scrub(before);
        assert_eq!(
            after,
            json!({"username": "li", "mustChangePassword": true, "nested": {"prefix": "ab12"}})
        );
    }
}
