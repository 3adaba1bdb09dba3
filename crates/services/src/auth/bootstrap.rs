//! What a new installation needs: the built-in roles, the modules' numbering series and a
//! first administrator.

use uuid::Uuid;
use xiaoban_domain::access::BUILTIN_ROLES;
use xiaoban_domain::access::role_codes::SYSADMIN;
use xiaoban_persistence::identity::{roles, users};
use xiaoban_persistence::{PersistenceError, begin_write};

use super::passwords::random_password;
use crate::audit::{self, Change};
use crate::{RequestContext, ServiceError, Services};

/// The administrator created on first start; the password is shown once.
#[derive(Debug, Clone)]
pub struct FirstAdmin {
    pub username: String,
    pub password: String,
}

impl Services {
    /// Creates missing built-in roles and brings existing ones in line with the code.
    pub async fn sync_builtin_roles(&self) -> Result<(), ServiceError> {
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        for role in BUILTIN_ROLES {
            roles::sync_builtin(&tx, role.code, role.zh, role.permissions, now).await?;
        }
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(())
    }

    /// Registers every installed module's numbering series (declared in its `ModuleDef`) that
    /// the database does not have yet; an existing series keeps the pattern it was given.
    pub async fn register_number_series(&self) -> Result<(), ServiceError> {
        let tx = begin_write(self.db()).await?;
        for module in self.modules() {
            for series in module.def().series {
                crate::numbering::ensure_series(&tx, series.key, series.name, series.pattern, series.key)
                    .await?;
            }
        }
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(())
    }

    /// When no user exists, creates `admin` (system administrator) with a random password that
    /// must be changed at first sign-in.
    pub async fn ensure_first_admin(&self) -> Result<Option<FirstAdmin>, ServiceError> {
        if users::count(self.db()).await? > 0 {
            return Ok(None);
        }
        let password = random_password();
        let hash = self.auth_settings().hashing.hash(password.clone()).await?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        if users::count(&tx).await? > 0 {
            return Ok(None);
        }
        let id = Uuid::now_v7();
        users::insert(
            &tx,
            users::new_row(id, "admin", "系统管理员", Some(hash), true, now),
        )
        .await?;
        let role = roles::find_by_code(&tx, SYSADMIN)
            .await?
            .ok_or(ServiceError::Internal("sysadmin role missing".into()))?;
        roles::assign(&tx, id, role.id, "all", None, now).await?;
        let change = Change::new("user.create", "user", Some(id.to_string()))
            .after(serde_json::json!({ "username": "admin", "roles": [SYSADMIN] }));
        audit::record(&tx, &RequestContext::system(), now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(Some(FirstAdmin {
            username: "admin".to_owned(),
            password,
        }))
    }
}
