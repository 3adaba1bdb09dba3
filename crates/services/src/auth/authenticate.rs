//! Turning a bearer credential into a principal, on every request.

use std::collections::BTreeSet;
use xiaoban_domain::identity::UserStatus;

use sha2::{Digest, Sha256};
use xiaoban_domain::access::{DataScope, Grant, effective_key_scopes, held_over_all};
use xiaoban_persistence::identity::{api_keys, users};

use super::tokens;
use crate::{Principal, PrincipalKind, ServiceError, Services};

/// API keys look like `xb_<prefix>_<secret>`.
pub const API_KEY_PREFIX: &str = "xb_";

impl Services {
    /// Checks a bearer token (access token or API key) and loads what its holder may do. Any
    /// failure is [`ServiceError::Unauthenticated`]; the reason goes nowhere a client can read.
    pub async fn authenticate(&self, bearer: &str) -> Result<Principal, ServiceError> {
        if bearer.starts_with(API_KEY_PREFIX) {
            return self.authenticate_api_key(bearer).await;
        }
        let now = self.now();
        let claims = tokens::verify(&self.auth, bearer, now)?;
        let user = users::find(self.db(), claims.sub)
            .await?
            .ok_or(ServiceError::Unauthenticated)?;
        // The token version ends access tokens at logout, password change and disabling.
        if !UserStatus::is_active(&user.status) || user.token_version != claims.ver {
            return Err(ServiceError::Unauthenticated);
        }
        self.principal_for_user(&user).await
    }

    async fn authenticate_api_key(&self, key: &str) -> Result<Principal, ServiceError> {
        let now = self.now();
        let prefix = key
            .strip_prefix(API_KEY_PREFIX)
            .and_then(|rest| rest.split('_').next())
            .unwrap_or("");
        let row = api_keys::find_by_prefix(self.db(), prefix)
            .await?
            .ok_or(ServiceError::Unauthenticated)?;
        let presented = hex::encode(Sha256::digest(key.as_bytes()));
        let usable = row.revoked_at.is_none() && row.expires_at.is_none_or(|at| at > now);
        if !usable || !constant_time_eq(presented.as_bytes(), row.key_hash.as_bytes()) {
            return Err(ServiceError::Unauthenticated);
        }
        // A key acts for its creator: without an active creator it is dead, and it keeps only
        // what the creator still holds over all records.
        let creator = match row.created_by {
            Some(id) => users::find(self.db(), id).await?,
            None => None,
        };
        let Some(creator) = creator.filter(|u| UserStatus::is_active(&u.status)) else {
            return Err(ServiceError::Unauthenticated);
        };
        let scopes: BTreeSet<String> = serde_json::from_str(&row.scopes)
            .map_err(|e| ServiceError::Internal(format!("api key scopes: {e}")))?;
        let creator_holds = held_over_all(&self.principal_for_user(&creator).await?.grants);
        api_keys::touch(self.db(), row.id, now).await?;
        Ok(Principal {
            kind: PrincipalKind::ApiKey,
            id: row.id,
            name: row.name,
            grants: vec![Grant {
                permissions: effective_key_scopes(&scopes, &creator_holds),
                scope: DataScope::All,
            }],
            must_change_password: false,
            totp_enrolment_required: false,
            clearance: 0,
        })
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0_u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
