use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;
use xiaoban_services::api_keys::{ApiKeyView, IssuedApiKey};

/// A key to issue.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApiKeyIn {
    /// What the key is for, e.g. the integration's name.
    #[validate(length(min = 1, max = 100))]
    #[schema(example = "钉钉通讯录同步")]
    pub name: String,
    /// Permission codes the key acts with (over all records). `audit.read` is never allowed, and
    /// the set must respect the separation of duties.
    #[validate(length(min = 1, max = 100))]
    #[schema(example = json!(["department.read", "user.read"]))]
    pub scopes: Vec<String>,
    /// When the key stops working: in the future and at most 365 days ahead. Default: 365 days.
    #[schema(value_type = Option<String>, format = DateTime, example = "2027-06-30T00:00:00+08:00")]
    pub expires_at: Option<DateTime<FixedOffset>>,
}

/// A key as lists show it. The secret is never shown again after creation.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiKeyOut {
    pub id: Uuid,
    /// What the key is for.
    pub name: String,
    /// The public part of the key (`xb_<prefix>_…`), to tell keys apart.
    #[schema(example = "3fa9c01b")]
    pub prefix: String,
    /// Permission codes the key acts with.
    pub scopes: Vec<String>,
    pub created_at: DateTime<Utc>,
    /// The user who issued the key.
    pub created_by: Option<Uuid>,
    pub expires_at: Option<DateTime<Utc>>,
    /// Last successful use (updated at most once a minute).
    pub last_used_at: Option<DateTime<Utc>>,
    /// Set once the key is revoked; it then no longer works.
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<ApiKeyView> for ApiKeyOut {
    fn from(v: ApiKeyView) -> Self {
        Self {
            id: v.id,
            name: v.name,
            prefix: v.prefix,
            scopes: v.scopes,
            created_at: v.created_at,
            created_by: v.created_by,
            expires_at: v.expires_at,
            last_used_at: v.last_used_at,
            revoked_at: v.revoked_at,
        }
    }
}

/// A freshly issued key. `key` is shown only in this response: store it now.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IssuedApiKeyOut {
    pub id: Uuid,
    pub name: String,
    #[schema(example = "3fa9c01b")]
    pub prefix: String,
    pub scopes: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// The whole key, `xb_<prefix>_<secret>`; send it as `Authorization: Bearer <key>`.
    #[schema(example = "xb_3fa9c01b_5c1e…")]
    pub key: String,
}

impl From<IssuedApiKey> for IssuedApiKeyOut {
    fn from(issued: IssuedApiKey) -> Self {
        let v = issued.view;
        Self {
            id: v.id,
            name: v.name,
            prefix: v.prefix,
            scopes: v.scopes,
            expires_at: v.expires_at,
            created_at: v.created_at,
            key: issued.key,
        }
    }
}
