//! The password and lockout policy (等保2.0), which the security administrator may tighten or
//! relax down to the legal floor. Stored in the settings table; the built-in defaults apply
//! until someone saves a policy.

use chrono::Duration;
use serde::{Deserialize, Serialize};
use xiaoban_domain::access::codes::SECURITY_MANAGE;
use xiaoban_domain::identity::{LockoutPolicy, PasswordPolicy};
use xiaoban_persistence::{PersistenceError, begin_write, settings};

use crate::audit::{self, Change};
use crate::{FieldIssue, RequestContext, ServiceError, Services};

const KEY: &str = "security_policy";

/// The policy as stored and shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityPolicy {
    pub password: PasswordPolicy,
    /// Failures within `failureWindowMinutes` that lock an account.
    pub max_failures: u32,
    pub failure_window_minutes: i64,
    pub lock_minutes: i64,
    /// The stored version (0 while the defaults apply).
    #[serde(default)]
    pub version: i32,
}

impl Default for SecurityPolicy {
    fn default() -> Self {
        let lockout = LockoutPolicy::default();
        Self {
            password: PasswordPolicy::default(),
            max_failures: lockout.max_failures,
            failure_window_minutes: lockout.window.num_minutes(),
            lock_minutes: lockout.lock_for.num_minutes(),
            version: 0,
        }
    }
}

impl SecurityPolicy {
    pub fn lockout(&self) -> LockoutPolicy {
        LockoutPolicy {
            max_failures: self.max_failures,
            window: Duration::minutes(self.failure_window_minutes),
            lock_for: Duration::minutes(self.lock_minutes),
        }
    }

    /// Every way the policy falls below MLPS 2.0 or out of sensible bounds.
    pub fn problems(&self) -> Vec<FieldIssue> {
        let mut issues = Vec::new();
        let mut check = |ok: bool, field: &str, zh: &str, en: &str| {
            if !ok {
                issues.push(FieldIssue::new(field, zh, en));
            }
        };
        let p = &self.password;
        check(
            (8..=64).contains(&p.min_length),
            "password.minLength",
            "最短长度须在 8 到 64 之间（等保要求至少 8 位）",
            "must be 8 to 64",
        );
        check(
            (3..=4).contains(&p.min_classes),
            "password.minClasses",
            "须为 3 或 4 类字符（等保要求至少 3 类）",
            "must be 3 or 4",
        );
        check(
            p.max_length >= p.min_length && p.max_length <= 256,
            "password.maxLength",
            "最大长度须不小于最短长度且不超过 256",
            "must be between minLength and 256",
        );
        check(
            p.forbid_username,
            "password.forbidUsername",
            "等保要求密码不得包含用户名",
            "must stay on",
        );
        check(
            p.forbid_common,
            "password.forbidCommon",
            "等保要求拒绝常见弱密码",
            "must stay on",
        );
        check(
            (3..=10).contains(&self.max_failures),
            "maxFailures",
            "须在 3 到 10 次之间",
            "must be 3 to 10",
        );
        check(
            (5..=60).contains(&self.failure_window_minutes),
            "failureWindowMinutes",
            "须在 5 到 60 分钟之间",
            "must be 5 to 60",
        );
        check(
            (5..=1440).contains(&self.lock_minutes),
            "lockMinutes",
            "须在 5 到 1440 分钟之间",
            "must be 5 to 1440",
        );
        issues
    }
}

impl Services {
    /// The policy in force.
    pub async fn security_policy(&self) -> Result<SecurityPolicy, ServiceError> {
        let Some(row) = settings::find(self.db(), KEY).await? else {
            return Ok(SecurityPolicy::default());
        };
        let mut policy: SecurityPolicy = serde_json::from_str(&row.value)
            .map_err(|e| ServiceError::Internal(format!("stored policy: {e}")))?;
        policy.version = row.version;
        Ok(policy)
    }

    /// Reads the policy (`security.manage`).
    pub async fn get_security_policy(&self, ctx: &RequestContext) -> Result<SecurityPolicy, ServiceError> {
        self.authorize(ctx, SECURITY_MANAGE).await?;
        self.security_policy().await
    }

    /// Saves a new policy (`security.manage`); `version` is the one it was based on (0 for the
    /// defaults).
    pub async fn update_security_policy(
        &self,
        ctx: &RequestContext,
        policy: SecurityPolicy,
        version: i32,
    ) -> Result<SecurityPolicy, ServiceError> {
        self.authorize(ctx, SECURITY_MANAGE).await?;
        let problems = policy.problems();
        if !problems.is_empty() {
            return Err(ServiceError::Invalid(problems));
        }
        let before = self.security_policy().await?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let stored = serde_json::to_string(&SecurityPolicy {
            version: 0,
            ..policy.clone()
        })
        .map_err(|e| ServiceError::Internal(e.to_string()))?;
        settings::put(&tx, KEY, stored, (version > 0).then_some(version), now).await?;
        let change = Change::new("settings.security_policy", "settings", Some(KEY.to_owned()))
            .before(serde_json::to_value(&before).unwrap_or_default())
            .after(serde_json::to_value(&policy).unwrap_or_default());
        audit::record(&tx, ctx, now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        self.security_policy().await
    }
}
