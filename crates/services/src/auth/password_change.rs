//! Changing one's own password: needs the old one, follows the policy, ends other sessions.

use uuid::Uuid;
use xiaoban_persistence::identity::users;
use xiaoban_persistence::{PersistenceError, begin_write};

use super::sessions::{SignedIn, end_all_sessions};
use super::throttle::locked;
use crate::audit::{self, Change};
use crate::{FieldIssue, RequestContext, ServiceError, Services};

impl Services {
    /// Changes the caller's password and signs them in afresh: every other session ends.
    pub async fn change_own_password(
        &self,
        ctx: &RequestContext,
        old_password: &str,
        new_password: &str,
    ) -> Result<SignedIn, ServiceError> {
        let principal = self.principal(ctx)?;
        let user = users::find(self.db(), principal.id)
            .await?
            .ok_or(ServiceError::Unauthenticated)?;
        let now = self.now();
        self.check_current_password(ctx, &user, old_password, "oldPassword")
            .await?;
        self.check_password_policy(new_password, &user.username, &user.name, old_password)
            .await?;
        let hash = self.auth_settings().hashing.hash(new_password.to_owned()).await?;
        let tx = begin_write(self.db()).await?;
        end_all_sessions(&tx, user.id, now).await?;
        users::set_password(&tx, user.id, hash, false, now).await?;
        users::record_failures(&tx, user.id, 0, None, None).await?;
        audit::record(
            &tx,
            ctx,
            now,
            Change::new("user.password_changed", "user", Some(user.id.to_string())),
        )
        .await?;
        let user = users::find(&tx, user.id)
            .await?
            .ok_or(ServiceError::Unauthenticated)?;
        let (access, refresh) = self
            .open_session(&tx, ctx, &user, Uuid::now_v7(), now + self.auth.session_max)
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

    /// The current password, checked like a sign-in: rate-limited, refused while the account is
    /// locked, and a wrong one counts towards the lockout (a stolen session must not allow
    /// unlimited guessing). A wrong password is a 422 on `field`.
    pub(super) async fn check_current_password(
        &self,
        ctx: &RequestContext,
        user: &users::UserRow,
        old_password: &str,
        field: &str,
    ) -> Result<(), ServiceError> {
        self.count_password_attempt(ctx, "change", &user.username).await?;
        let now = self.now();
        let state = self.failure_state(Some(user), &user.username).await?;
        if state.is_locked(now) {
            let change = Change::new("user.password_change_locked", "user", Some(user.id.to_string()));
            self.record_event(ctx, change).await?;
            return Err(locked(&state, now));
        }
        if self
            .auth_settings()
            .hashing
            .verify(user.password_hash.clone(), old_password.to_owned())
            .await?
        {
            return Ok(());
        }
        let tx = begin_write(self.db()).await?;
        let state = self.count_failure(&tx, Some(user), &user.username, now).await?;
        let id = Some(user.id.to_string());
        let failed = Change::new("user.password_change_failed", "user", id.clone());
        audit::record(&tx, ctx, now, failed).await?;
        if state.is_locked(now) {
            audit::record(&tx, ctx, now, Change::new("auth.lockout", "user", id)).await?;
        }
        tx.commit().await.map_err(PersistenceError::from)?;
        Err(ServiceError::invalid(
            field,
            "原密码不正确；多次输错会像登录失败一样临时锁定账号",
            "the current password is wrong; repeated failures lock the account like failed sign-ins",
        ))
    }

    /// Every reason `password` is not acceptable for the person `username` called `name`, as
    /// field issues.
    pub async fn check_password_policy(
        &self,
        password: &str,
        username: &str,
        name: &str,
        previous: &str,
    ) -> Result<(), ServiceError> {
        let mut issues: Vec<FieldIssue> = match self
            .security_policy()
            .await?
            .password
            .check_for(password, username, name)
        {
            Ok(()) => Vec::new(),
            Err(problems) => problems
                .iter()
                .map(|p| FieldIssue::new("newPassword", p.zh(), p.en()))
                .collect(),
        };
        if password == previous {
            issues.push(FieldIssue::new(
                "newPassword",
                "新密码不能与原密码相同",
                "the new password must differ from the old one",
            ));
        }
        if issues.is_empty() {
            Ok(())
        } else {
            Err(ServiceError::Invalid(issues))
        }
    }
}
