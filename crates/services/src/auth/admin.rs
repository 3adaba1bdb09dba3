//! Account administration from the command line (no HTTP, acting as the system).

use uuid::Uuid;
use xiaoban_domain::access::find_role;
use xiaoban_domain::identity::Username;
use xiaoban_persistence::identity::{departments, roles, sessions, totp, users};
use xiaoban_persistence::{PersistenceError, begin_write};

use super::passwords::random_password;
use crate::audit::{self, Change};
use crate::{RequestContext, ServiceError, Services};

impl Services {
    /// Creates a user with one role (scope: all). Without a password a random one is made; either
    /// way it must be changed at first sign-in. Returns the password.
    pub async fn admin_create_user(
        &self,
        username: &str,
        name: &str,
        role_code: &str,
        password: Option<String>,
    ) -> Result<String, ServiceError> {
        let username = Username::parse(username)
            .map_err(|p| ServiceError::invalid("username", p.zh(), p.to_string()))?;
        if find_role(role_code).is_none() && roles::find_by_code(self.db(), role_code).await?.is_none() {
            return Err(ServiceError::invalid(
                "role",
                format!("没有角色 {role_code}"),
                format!("no role {role_code}"),
            ));
        }
        let password = password.unwrap_or_else(random_password);
        self.check_password_policy(&password, username.as_str(), name, "")
            .await?;
        let hash = self.auth_settings().hashing.hash(password.clone()).await?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let role = roles::find_by_code(&tx, role_code)
            .await?
            .ok_or(ServiceError::NotFound { entity: "role" })?;
        let id = Uuid::now_v7();
        users::insert(
            &tx,
            users::new_row(id, username.as_str(), name, Some(hash), true, now),
        )
        .await?;
        roles::assign(&tx, id, role.id, "all", None, now).await?;
        let change = Change::new("user.create", "user", Some(id.to_string()))
            .after(serde_json::json!({ "username": username.as_str(), "name": name, "roles": [role_code] }));
        audit::record(&tx, &RequestContext::system(), now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(password)
    }

    /// Gives a user a role over all records, or over a department (by its code) and its
    /// sub-departments. The only way to grant an administrator role (see
    /// `users::administrators`); the separation of duties holds here as in the API.
    pub async fn admin_grant_role(
        &self,
        username: &str,
        role_code: &str,
        department_code: Option<&str>,
    ) -> Result<(), ServiceError> {
        let user = self.user_by_username(username).await?;
        let tx = begin_write(self.db()).await?;
        let role = roles::find_by_code(&tx, role_code).await?.ok_or_else(|| {
            ServiceError::invalid(
                "role",
                format!("没有角色 {role_code}"),
                format!("no role {role_code}"),
            )
        })?;
        let (kind, department) = match department_code {
            None => ("all", None),
            Some(code) => {
                let department = departments::all(&tx)
                    .await?
                    .into_iter()
                    .find(|d| d.code == code)
                    .ok_or_else(|| {
                        ServiceError::invalid(
                            "department",
                            format!("没有编码为 {code} 的部门"),
                            format!("no department with code {code}"),
                        )
                    })?;
                ("department", Some(department.id))
            }
        };
        roles::lock_shared(&tx, role.id).await?;
        self.grant_locked_role(
            tx,
            &RequestContext::system(),
            user.id,
            (role, kind, department),
            "role",
        )
        .await?;
        Ok(())
    }

    /// Sets a new random password that must be changed at the next sign-in, unlocks the account
    /// and ends its sessions. Returns the password.
    pub async fn admin_reset_password(&self, username: &str) -> Result<String, ServiceError> {
        let user = self.user_by_username(username).await?;
        let password = random_password();
        let hash = self.auth_settings().hashing.hash(password.clone()).await?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        sessions::revoke_all_for_user(&tx, user.id, now).await?;
        users::bump_token_version(&tx, user.id, now).await?;
        users::set_password(&tx, user.id, hash, true, now).await?;
        users::record_failures(&tx, user.id, 0, None, None).await?;
        let change = Change::new("user.password_reset", "user", Some(user.id.to_string()));
        audit::record(&tx, &RequestContext::system(), now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(password)
    }

    /// Removes a user's two-step verification (a lost phone) and ends their sessions; a
    /// required role makes them enrol again at the next sign-in. Returns whether there was one.
    pub async fn admin_reset_totp(&self, username: &str) -> Result<bool, ServiceError> {
        let user = self.user_by_username(username).await?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let removed = totp::remove(&tx, user.id).await?;
        sessions::revoke_all_for_user(&tx, user.id, now).await?;
        users::bump_token_version(&tx, user.id, now).await?;
        let change = Change::new("user.totp_reset", "user", Some(user.id.to_string()))
            .after(serde_json::json!({ "hadTotp": removed }));
        audit::record(&tx, &RequestContext::system(), now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(removed)
    }

    /// Lifts a lockout.
    pub async fn admin_unlock(&self, username: &str) -> Result<(), ServiceError> {
        let user = self.user_by_username(username).await?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        users::record_failures(&tx, user.id, 0, None, None).await?;
        audit::record(
            &tx,
            &RequestContext::system(),
            now,
            Change::new("user.unlock", "user", Some(user.id.to_string())),
        )
        .await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(())
    }

    async fn user_by_username(&self, username: &str) -> Result<users::UserRow, ServiceError> {
        users::find_by_username(self.db(), &username.trim().to_ascii_lowercase())
            .await?
            .ok_or(ServiceError::NotFound { entity: "user" })
    }
}

impl Services {
    /// Disables every account without a sign-in for the configured period (等保: dormant
    /// accounts must not stay usable); returns how many. Run daily.
    pub async fn disable_inactive_accounts(&self) -> Result<usize, ServiceError> {
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let ids = users::disable_inactive(&tx, now - self.auth.inactive_after, now).await?;
        for id in &ids {
            sessions::revoke_all_for_user(&tx, *id, now).await?;
            let change = Change::new("user.disabled_inactive", "user", Some(id.to_string()));
            audit::record(&tx, &RequestContext::system(), now, change).await?;
        }
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(ids.len())
    }
}
