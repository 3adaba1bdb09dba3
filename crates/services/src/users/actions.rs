//! Administrative actions on a user: disable, enable, reset the password or the two-step
//! verification, unlock, clearance.

use uuid::Uuid;
use xiaoban_domain::access::codes::{USER_MANAGE, USER_RESET_PASSWORD, USER_SET_CLEARANCE, USER_UNLOCK};
use xiaoban_domain::identity::UserStatus;
use xiaoban_persistence::identity::totp;
use xiaoban_persistence::identity::users::{self, UserEdit};
use xiaoban_persistence::{PersistenceError, Tx, begin_write};

use super::UserView;
use super::administrators::{is_administrator, reset_only_on_the_server, totp_reset_only_on_the_server};
use super::load::{audit_json, load_view};
use super::reach::{me, reachable_user};
use super::view::sees_sensitive;
use crate::audit::{self, Change};
use crate::auth::{end_all_sessions, random_password};
use crate::{RequestContext, ServiceError, Services};

/// Highest classification level (4 绝密).
pub const MAX_CLEARANCE: i16 = 4;

impl Services {
    /// Disables a user and ends all their sessions and tokens; their open approval tasks go to
    /// the steps' fallback. Nobody can disable themselves.
    pub async fn disable_user(&self, ctx: &RequestContext, id: Uuid) -> Result<UserView, ServiceError> {
        if id == me(ctx) {
            return Err(ServiceError::invalid(
                "id",
                "不能停用自己的账号",
                "you cannot disable your own account",
            ));
        }
        let (services, ctx2) = (self.clone(), ctx.clone());
        self.user_action(ctx, USER_MANAGE, id, "user.disable", |tx, id, now| {
            Box::pin(async move {
                let edit = UserEdit {
                    status: Some(UserStatus::Disabled.as_str().to_owned()),
                    ..Default::default()
                };
                users::update_bumping(tx, id, edit, now).await?;
                end_all_sessions(tx, id, now).await?;
                // A disabled account never holds an open approval task.
                services.hand_over_tasks_of_unable(tx, &ctx2, &[id]).await
            })
        })
        .await
    }

    /// Enables a disabled user again.
    pub async fn enable_user(&self, ctx: &RequestContext, id: Uuid) -> Result<UserView, ServiceError> {
        self.user_action(ctx, USER_MANAGE, id, "user.enable", |tx, id, now| {
            Box::pin(async move {
                let edit = UserEdit {
                    status: Some("active".to_owned()),
                    ..Default::default()
                };
                Ok(users::update_bumping(tx, id, edit, now).await?)
            })
        })
        .await
    }

    /// Sets a new random password that must be changed at the next sign-in, lifts any lockout
    /// and ends the user's sessions. Returns the password (shown once).
    /// An administrator's account is refused ([`ServiceError::ServerOnly`]): that is done with
    /// `xiaoban admin reset-password` on the server.
    pub async fn reset_user_password(&self, ctx: &RequestContext, id: Uuid) -> Result<String, ServiceError> {
        let reach = self.authorize(ctx, USER_RESET_PASSWORD).await?;
        reachable_user(self.db(), ctx, &reach, id).await?;
        if is_administrator(self.db(), id).await? {
            return Err(self
                .refused_on_the_api(ctx, Some(id), reset_only_on_the_server())
                .await);
        }
        let password = random_password();
        let hash = self.auth_settings().hashing.hash(password.clone()).await?;
        self.user_action(
            ctx,
            USER_RESET_PASSWORD,
            id,
            "user.password_reset",
            |tx, id, now| {
                Box::pin(async move {
                    // Again under the write lock: a role granted meanwhile counts.
                    if is_administrator(tx, id).await? {
                        return Err(reset_only_on_the_server());
                    }
                    end_all_sessions(tx, id, now).await?;
                    users::set_password(tx, id, hash, true, now).await?;
                    users::record_failures(tx, id, 0, None, None).await?;
                    Ok(users::update_bumping(tx, id, UserEdit::default(), now).await?)
                })
            },
        )
        .await?;
        Ok(password)
    }

    /// Removes the user's two-step verification (a lost phone) and ends their sessions; a
    /// required role makes them enrol again. An administrator's account is refused
    /// ([`ServiceError::ServerOnly`]): `xiaoban admin reset-totp` on the server does that.
    pub async fn reset_user_totp(&self, ctx: &RequestContext, id: Uuid) -> Result<UserView, ServiceError> {
        let reach = self.authorize(ctx, USER_RESET_PASSWORD).await?;
        reachable_user(self.db(), ctx, &reach, id).await?;
        if is_administrator(self.db(), id).await? {
            return Err(self
                .refused_on_the_api(ctx, Some(id), totp_reset_only_on_the_server())
                .await);
        }
        self.user_action(ctx, USER_RESET_PASSWORD, id, "user.totp_reset", |tx, id, now| {
            Box::pin(async move {
                if is_administrator(tx, id).await? {
                    return Err(totp_reset_only_on_the_server());
                }
                totp::remove(tx, id).await?;
                end_all_sessions(tx, id, now).await?;
                Ok(users::update_bumping(tx, id, UserEdit::default(), now).await?)
            })
        })
        .await
    }

    /// Lifts a lockout after too many wrong passwords.
    pub async fn unlock_user(&self, ctx: &RequestContext, id: Uuid) -> Result<UserView, ServiceError> {
        self.user_action(ctx, USER_UNLOCK, id, "user.unlock", |tx, id, now| {
            Box::pin(async move {
                users::record_failures(tx, id, 0, None, None).await?;
                Ok(users::update_bumping(tx, id, UserEdit::default(), now).await?)
            })
        })
        .await
    }

    /// Sets the classification level the user may read (0 公开 … 4 绝密).
    pub async fn set_user_clearance(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        clearance: i16,
    ) -> Result<UserView, ServiceError> {
        if !(0..=MAX_CLEARANCE).contains(&clearance) {
            return Err(ServiceError::invalid(
                "clearance",
                "密级须在 0 到 4 之间",
                "must be between 0 and 4",
            ));
        }
        self.user_action(
            ctx,
            USER_SET_CLEARANCE,
            id,
            "user.clearance",
            move |tx, id, now| {
                Box::pin(async move {
                    let edit = UserEdit {
                        clearance: Some(clearance),
                        ..Default::default()
                    };
                    Ok(users::update_bumping(tx, id, edit, now).await?)
                })
            },
        )
        .await
    }

    /// Runs one action on a reachable user in a transaction, with an audit row holding the user
    /// before and after.
    async fn user_action<F>(
        &self,
        ctx: &RequestContext,
        permission: &'static str,
        id: Uuid,
        action: &'static str,
        work: F,
    ) -> Result<UserView, ServiceError>
    where
        F: for<'t> FnOnce(&'t Tx, Uuid, chrono::DateTime<chrono::Utc>) -> crate::idempotency::TxWork<'t, ()>,
    {
        let reach = self.authorize(ctx, permission).await?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        reachable_user(&tx, ctx, &reach, id).await?;
        let before = load_view(&tx, id, false).await?;
        work(&tx, id, now).await?;
        let after = load_view(&tx, id, false).await?;
        let change = Change::new(action, "user", Some(id.to_string()))
            .before(audit_json(&before)?)
            .after(audit_json(&after)?);
        audit::record(&tx, ctx, now, change).await?;
        let out = load_view(&tx, id, sees_sensitive(ctx)).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(out)
    }
}
