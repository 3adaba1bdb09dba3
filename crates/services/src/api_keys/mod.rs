//! API keys for scripts and integrations. A key is `xb_<prefix>_<secret>`; only the prefix and a
//! SHA-256 of the whole key are stored, so the key is shown once, at creation. Keys act with
//! their scopes over all records, never read the audit log, never manage keys, and expire within
//! a year. A key carries only what its creator holds over all records, checked when it is
//! issued and again at every use (`auth::authenticate`), so it never outgrows its creator.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;
use xiaoban_domain::access::codes::API_KEY_MANAGE;
use xiaoban_domain::access::{check_duties, check_key_scopes, held_over_all};
use xiaoban_persistence::identity::api_keys::{self, ApiKeyRow};
use xiaoban_persistence::{PersistenceError, begin_write};

use crate::audit::{self, Change};

use crate::{FieldIssue, Principal, PrincipalKind, RequestContext, ServiceError, Services};

/// Every key starts with this (see `auth::authenticate`).
const API_KEY_PREFIX: &str = "xb_";

/// The longest a key may live, and its lifetime when the request names none.
pub const MAX_LIFETIME_DAYS: i64 = 365;

/// A key as lists show it: never the secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeyView {
    pub id: Uuid,
    pub name: String,
    pub prefix: String,
    pub scopes: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<Uuid>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A freshly created key with its secret, shown this once.
#[derive(Debug, Clone)]
pub struct IssuedApiKey {
    pub view: ApiKeyView,
    pub key: String,
}

/// What a new key may do.
#[derive(Debug, Clone)]
pub struct NewApiKey {
    pub name: String,
    pub scopes: BTreeSet<String>,
    pub expires_at: Option<DateTime<Utc>>,
}

fn view(row: ApiKeyRow) -> Result<ApiKeyView, ServiceError> {
    let scopes: Vec<String> = serde_json::from_str(&row.scopes)
        .map_err(|e| ServiceError::Internal(format!("api key scopes: {e}")))?;
    Ok(ApiKeyView {
        id: row.id,
        name: row.name,
        prefix: row.prefix,
        scopes,
        created_at: row.created_at,
        created_by: row.created_by,
        expires_at: row.expires_at,
        last_used_at: row.last_used_at,
        revoked_at: row.revoked_at,
    })
}

/// The fields the audit log keeps (no secret, no hash).
fn audit_json(v: &ApiKeyView) -> serde_json::Value {
    serde_json::json!({
        "name": v.name,
        "prefix": v.prefix,
        "scopes": v.scopes,
        "expiresAt": v.expires_at,
        "revokedAt": v.revoked_at,
    })
}

/// The scopes must be known, within one duty, and held by the creator over all records.
fn check_scopes(scopes: &BTreeSet<String>, creator: &Principal) -> Result<(), ServiceError> {
    if scopes.is_empty() {
        return Err(ServiceError::invalid(
            "scopes",
            "至少需要一项权限",
            "give at least one permission",
        ));
    }
    check_duties(scopes.iter().map(String::as_str))
        .map_err(|conflict| ServiceError::invalid("scopes", conflict.zh(), conflict.to_string()))?;
    let problems = check_key_scopes(scopes, &held_over_all(&creator.grants));
    if problems.is_empty() {
        return Ok(());
    }
    Err(ServiceError::Invalid(
        problems
            .iter()
            .map(|p| FieldIssue::new("scopes", p.zh(), p.en()))
            .collect(),
    ))
}

fn check_expiry(
    expires_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, ServiceError> {
    let latest = now + Duration::days(MAX_LIFETIME_DAYS);
    match expires_at {
        None => Ok(latest),
        Some(at) if at <= now => Err(ServiceError::invalid(
            "expiresAt",
            "到期时间须晚于当前时间",
            "must be in the future",
        )),
        Some(at) if at > latest => Err(ServiceError::invalid(
            "expiresAt",
            format!("有效期最长 {MAX_LIFETIME_DAYS} 天"),
            format!("may be at most {MAX_LIFETIME_DAYS} days ahead"),
        )),
        Some(at) => Ok(at),
    }
}

/// A new `(prefix, key)`: 8 hex characters and 32 random bytes in hex.
fn generate() -> (String, String) {
    let mut rng = rand::rng();
    let mut prefix = [0_u8; 4];
    let mut secret = [0_u8; 32];
    rng.fill_bytes(&mut prefix);
    rng.fill_bytes(&mut secret);
    let prefix = hex::encode(prefix);
    let key = format!("{API_KEY_PREFIX}{prefix}_{}", hex::encode(secret));
    (prefix, key)
}

impl Services {
    /// Issues a key. `Idempotency-Key` is not honoured: replaying would mean storing the secret.
    pub async fn create_api_key(
        &self,
        ctx: &RequestContext,
        input: NewApiKey,
    ) -> Result<IssuedApiKey, ServiceError> {
        self.authorize(ctx, API_KEY_MANAGE).await?;
        let creator = self.principal(ctx)?;
        // Keys never carry api_key.manage, so only a person reaches this; checked anyway.
        if creator.kind != PrincipalKind::User {
            return Err(ServiceError::Forbidden {
                permission: API_KEY_MANAGE,
            });
        }
        let now = self.now();
        check_scopes(&input.scopes, creator)?;
        let expires_at = check_expiry(input.expires_at, now)?;
        let created_by = Some(creator.id);
        let (prefix, key) = generate();
        let scopes: Vec<&String> = input.scopes.iter().collect();
        let row = ApiKeyRow {
            id: Uuid::now_v7(),
            name: input.name,
            prefix,
            key_hash: hex::encode(Sha256::digest(key.as_bytes())),
            scopes: serde_json::to_string(&scopes).map_err(|e| ServiceError::Internal(e.to_string()))?,
            created_by,
            created_at: now,
            expires_at: Some(expires_at),
            last_used_at: None,
            revoked_at: None,
            version: 1,
        };
        let tx = begin_write(self.db()).await?;
        api_keys::insert(&tx, row.clone()).await?;
        let view = view(row)?;
        let change =
            Change::new("api_key.create", "api_key", Some(view.id.to_string())).after(audit_json(&view));
        audit::record(&tx, ctx, now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(IssuedApiKey { view, key })
    }

    /// Every key, newest first, without secrets.
    pub async fn list_api_keys(&self, ctx: &RequestContext) -> Result<Vec<ApiKeyView>, ServiceError> {
        self.authorize(ctx, API_KEY_MANAGE).await?;
        api_keys::list_all(self.db())
            .await?
            .into_iter()
            .map(view)
            .collect()
    }

    /// Revokes a key at once. Revoking a revoked key changes nothing and answers the same.
    pub async fn revoke_api_key(&self, ctx: &RequestContext, id: Uuid) -> Result<ApiKeyView, ServiceError> {
        self.authorize(ctx, API_KEY_MANAGE).await?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let before = api_keys::find(&tx, id)
            .await?
            .ok_or(ServiceError::NotFound { entity: "api_key" })?;
        if api_keys::revoke(&tx, id, now).await? {
            let before = view(before)?;
            let after = ApiKeyView {
                revoked_at: Some(now),
                ..before.clone()
            };
            let change = Change::new("api_key.revoke", "api_key", Some(id.to_string()))
                .before(audit_json(&before))
                .after(audit_json(&after));
            audit::record(&tx, ctx, now, change).await?;
        }
        let current = api_keys::find(&tx, id)
            .await?
            .ok_or(ServiceError::NotFound { entity: "api_key" })?;
        tx.commit().await.map_err(PersistenceError::from)?;
        view(current)
    }
}
