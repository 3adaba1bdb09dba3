//! Sign-ins as families of rotating refresh tokens.

use chrono::{DateTime, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;
use xiaoban_domain::identity::UserStatus;
use xiaoban_persistence::identity::{sessions, users};
use xiaoban_persistence::{PersistenceError, Tx, begin_write};

use super::tokens;
use crate::audit::{self, Change};
use crate::users::UserView;
use crate::{RequestContext, ServiceError, Services};

/// The answer to a successful sign-in or refresh.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub access_token: String,
    pub refresh_token: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    pub user: UserView,
}

pub(super) fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn new_refresh_token() -> String {
    let mut bytes = [0_u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("xbr_{}", hex::encode(bytes))
}

impl Services {
    /// Starts or continues a sign-in in `tx`: stores a new refresh token of `family` and issues
    /// an access token.
    pub(super) async fn open_session(
        &self,
        tx: &Tx,
        ctx: &RequestContext,
        user: &users::UserRow,
        family: Uuid,
        expires_at: DateTime<Utc>,
    ) -> Result<(String, String), ServiceError> {
        let now = self.now();
        let refresh = new_refresh_token();
        let row = sessions::new_row(
            user.id,
            family,
            hash_token(&refresh),
            now,
            expires_at,
            ctx.ip.clone(),
            ctx.user_agent.clone(),
        );
        sessions::insert(tx, row).await?;
        let access = tokens::issue(&self.auth, user.id, family, user.token_version, now)?;
        Ok((access, refresh))
    }

    /// Exchanges a refresh token for a new pair. A token presented a second time means it was
    /// stolen or replayed: the whole sign-in and every other session of the user end.
    pub async fn refresh(&self, ctx: &RequestContext, refresh_token: &str) -> Result<SignedIn, ServiceError> {
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let Some(session) = sessions::find_by_hash(&tx, &hash_token(refresh_token)).await? else {
            return Err(ServiceError::Unauthenticated);
        };
        let spent = session.replaced_at.is_some() || session.revoked_at.is_some();
        if spent || !sessions::mark_replaced(&tx, session.id, now).await? {
            // Only a replay into a sign-in that is still going looks like theft and ends it.
            // A token of a sign-in already ended (logout, password change, an earlier replay)
            // is merely refused: an old device must not end the user's new session.
            let live = sessions::family_is_live(&tx, session.family_id, now).await?;
            let action = if live {
                sessions::revoke_family(&tx, session.family_id, now).await?;
                users::bump_token_version(&tx, session.user_id, now).await?;
                "auth.refresh_reused"
            } else {
                "auth.refresh_stale"
            };
            let change = Change::new(action, "user", Some(session.user_id.to_string()));
            audit::record(&tx, ctx, now, change).await?;
            tx.commit().await.map_err(PersistenceError::from)?;
            return Err(ServiceError::Unauthenticated);
        }
        let idle = now - session.last_used_at > self.auth.idle_timeout;
        if idle || now >= session.expires_at {
            return Err(ServiceError::Unauthenticated);
        }
        let user = users::find(&tx, session.user_id)
            .await?
            .ok_or(ServiceError::Unauthenticated)?;
        if !UserStatus::is_active(&user.status) {
            return Err(ServiceError::Unauthenticated);
        }
        let (access, refresh) = self
            .open_session(&tx, ctx, &user, session.family_id, session.expires_at)
            .await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        let view = self.user_view(user.id, ctx).await?;
        Ok(SignedIn {
            access_token: access,
            refresh_token: refresh,
            expires_in: self.auth.access_ttl.num_seconds(),
            user: view,
        })
    }

    /// Signs the caller out everywhere: all sessions and access tokens of the user end.
    pub async fn logout(&self, ctx: &RequestContext) -> Result<(), ServiceError> {
        let principal = self.principal(ctx)?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        end_all_sessions(&tx, principal.id, now).await?;
        audit::record(
            &tx,
            ctx,
            now,
            Change::new("auth.logout", "user", Some(principal.id.to_string())),
        )
        .await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(())
    }
}

/// Revokes every refresh token and invalidates every access token of a user.
pub async fn end_all_sessions(tx: &Tx, user_id: Uuid, now: DateTime<Utc>) -> Result<(), ServiceError> {
    sessions::revoke_all_for_user(tx, user_id, now).await?;
    users::bump_token_version(tx, user_id, now).await?;
    Ok(())
}
