//! Changing one's own password: needs the old one, follows the policy, ends other sessions.

use uuid::Uuid;
use xiaoban_persistence::identity::users;
use xiaoban_persistence::{PersistenceError, begin_write};

use super::passwords::{hash_password, verify_password};
use super::sessions::{SignedIn, end_all_sessions};
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
        if !verify_password(user.password_hash.clone(), old_password.to_owned()).await? {
            return Err(ServiceError::invalid(
                "oldPassword",
                "原密码不正确",
                "the current password is wrong",
            ));
        }
        self.check_password_policy(new_password, &user.username, old_password)
            .await?;
        let hash = hash_password(new_password.to_owned()).await?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        end_all_sessions(&tx, user.id, now).await?;
        users::set_password(&tx, user.id, hash, false, now).await?;
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

    /// Every reason `password` is not acceptable for `username`, as field issues.
    pub async fn check_password_policy(
        &self,
        password: &str,
        username: &str,
        previous: &str,
    ) -> Result<(), ServiceError> {
        let mut issues: Vec<FieldIssue> =
            match self.security_policy().await?.password.check(password, username) {
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
