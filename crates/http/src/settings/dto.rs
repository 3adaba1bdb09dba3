use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;
use xiaoban_domain::identity::PasswordPolicy;
use xiaoban_services::security_policy::SecurityPolicy;

/// Rules for new passwords (等保2.0 floor: at least 8 characters of 3 classes).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PasswordPolicyDto {
    /// 8–64.
    #[schema(example = 8)]
    pub min_length: usize,
    /// Character classes of lowercase, uppercase, digits, symbols: 3 or 4.
    #[schema(example = 3)]
    pub min_classes: usize,
    /// Up to 256.
    #[schema(example = 128)]
    pub max_length: usize,
    /// Refuse passwords containing the username (must stay on).
    pub forbid_username: bool,
    /// Refuse common weak passwords (must stay on).
    pub forbid_common: bool,
}

/// The password and lockout policy. Send back the `version` you read to change it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SecurityPolicyDto {
    #[validate(nested)]
    pub password: PasswordPolicyDto,
    /// Failed sign-ins within the window that lock an account: 3–10.
    #[schema(example = 5)]
    pub max_failures: u32,
    /// 5–60 minutes.
    #[schema(example = 15)]
    pub failure_window_minutes: i64,
    /// How long a lock lasts: 5–1440 minutes.
    #[schema(example = 15)]
    pub lock_minutes: i64,
    /// 0 while the built-in defaults apply.
    pub version: i32,
}

impl From<SecurityPolicy> for SecurityPolicyDto {
    fn from(p: SecurityPolicy) -> Self {
        Self {
            password: PasswordPolicyDto {
                min_length: p.password.min_length,
                min_classes: p.password.min_classes,
                max_length: p.password.max_length,
                forbid_username: p.password.forbid_username,
                forbid_common: p.password.forbid_common,
            },
            max_failures: p.max_failures,
            failure_window_minutes: p.failure_window_minutes,
            lock_minutes: p.lock_minutes,
            version: p.version,
        }
    }
}

/// A new password and lockout policy, based on the `version` read (or send `If-Match: "N"`);
/// stale → 409 `version_conflict`.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SecurityPolicyIn {
    #[validate(nested)]
    pub password: PasswordPolicyDto,
    /// Failed sign-ins within the window that lock an account: 3–10.
    #[schema(example = 5)]
    pub max_failures: u32,
    /// 5–60 minutes.
    #[schema(example = 15)]
    pub failure_window_minutes: i64,
    /// How long a lock lasts: 5–1440 minutes.
    #[schema(example = 15)]
    pub lock_minutes: i64,
    /// The version edited (0 while the built-in defaults apply).
    pub version: Option<i32>,
}

impl SecurityPolicyIn {
    pub fn into_policy(self, version: i32) -> SecurityPolicy {
        let d = self.password;
        SecurityPolicy {
            password: PasswordPolicy {
                min_length: d.min_length,
                min_classes: d.min_classes,
                max_length: d.max_length,
                forbid_username: d.forbid_username,
                forbid_common: d.forbid_common,
            },
            max_failures: self.max_failures,
            failure_window_minutes: self.failure_window_minutes,
            lock_minutes: self.lock_minutes,
            version,
        }
    }
}
