//! What makes an account an administrator's, and what an API key may carry (三员分立 that
//! cannot be bypassed through the API; ADR 0010, amendment of 2026-12-03).
//!
//! - A permission is *administrative* when its duty is System, Security or Audit. A role with
//!   such a permission is an administrator role, and its holders are administrators. Such roles
//!   are granted only on the server, and administrators' passwords are reset only there, so no
//!   administrator ever learns the password of another administrator's account.
//! - An API key may carry only permissions its creator holds over every record, never
//!   `api_key.manage` (keys cannot mint keys) and never `audit.read`.

use std::collections::BTreeSet;

use super::permissions::{Duty, codes, find};
use super::scope::{DataScope, Grant};

/// Whether `code` belongs to one of the separated administrative duties.
pub fn is_administrative(code: &str) -> bool {
    find(code).is_some_and(|p| p.duty != Duty::Business)
}

/// The administrative permissions among `codes`, in order.
pub fn administrative<'a>(codes: impl IntoIterator<Item = &'a str>) -> BTreeSet<&'a str> {
    codes.into_iter().filter(|c| is_administrative(c)).collect()
}

/// The permissions `grants` hold over every record (scope "all"): what a key may act with.
pub fn held_over_all(grants: &[Grant]) -> BTreeSet<String> {
    grants
        .iter()
        .filter(|g| g.scope == DataScope::All)
        .flat_map(|g| g.permissions.iter().cloned())
        .collect()
}

/// Why a scope cannot go on an API key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyScopeProblem {
    /// Keys cannot create keys: a stolen key must not be able to outlive its own revocation.
    KeyManagement,
    /// The audit log is read by the auditor in person.
    AuditLog,
    /// The creator does not hold the permission over every record (or not at all).
    NotHeld(String),
}

impl KeyScopeProblem {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            Self::KeyManagement => {
                "API 密钥不能管理 API 密钥（api_key.manage）：密钥不能再签发密钥".to_owned()
            }
            Self::AuditLog => "API 密钥不能查看审计日志（audit.read）".to_owned(),
            Self::NotHeld(code) => {
                let label = find(code).map_or(code.as_str(), |p| p.zh);
                format!("您本人并不对全部记录拥有“{label}”（{code}）权限，不能交给 API 密钥")
            }
        }
    }

    /// The message in English.
    pub fn en(&self) -> String {
        match self {
            Self::KeyManagement => {
                "API keys may not manage API keys (api_key.manage): a key cannot mint keys".to_owned()
            }
            Self::AuditLog => "API keys may not read the audit log (audit.read)".to_owned(),
            Self::NotHeld(code) => {
                format!("you do not hold {code} over all records yourself, so a key cannot carry it")
            }
        }
    }
}

/// Checks the scopes of a new key against what its creator holds over every record.
pub fn check_key_scopes(scopes: &BTreeSet<String>, creator_holds: &BTreeSet<String>) -> Vec<KeyScopeProblem> {
    scopes
        .iter()
        .filter_map(|scope| match scope.as_str() {
            codes::API_KEY_MANAGE => Some(KeyScopeProblem::KeyManagement),
            codes::AUDIT_READ => Some(KeyScopeProblem::AuditLog),
            held if creator_holds.contains(held) => None,
            other => Some(KeyScopeProblem::NotHeld(other.to_owned())),
        })
        .collect()
}

/// What a key may do at the moment of use: its scopes that its creator still holds over every
/// record, less the ones no key may carry. A creator who lost a permission takes it from
/// their keys at once.
pub fn effective_key_scopes(scopes: &BTreeSet<String>, creator_holds: &BTreeSet<String>) -> BTreeSet<String> {
    scopes
        .iter()
        .filter(|s| s.as_str() != codes::API_KEY_MANAGE && s.as_str() != codes::AUDIT_READ)
        .filter(|s| creator_holds.contains(*s))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::role_codes;
    use super::super::roles::{BUILTIN_ROLES, find_role};
    use super::*;

    fn set(codes: &[&str]) -> BTreeSet<String> {
        codes.iter().map(|c| (*c).to_owned()).collect()
    }

    fn holds(role: &str) -> BTreeSet<String> {
        find_role(role).map(|r| set(r.permissions)).unwrap_or_default()
    }

    #[test]
    fn the_three_administrator_roles_are_administrative_and_business_roles_are_not() {
        for r in BUILTIN_ROLES {
            let admin = !administrative(r.permissions.iter().copied()).is_empty();
            let expected =
                [role_codes::SYSADMIN, role_codes::SECADMIN, role_codes::AUDITOR].contains(&r.code);
            assert_eq!(admin, expected, "{}", r.code);
        }
        assert!(is_administrative(codes::CALENDAR_MANAGE));
        assert!(!is_administrative(codes::USER_READ));
        assert!(!is_administrative("no.such"));
    }

    #[test]
    fn a_security_administrator_cannot_give_a_key_system_administration() {
        let scopes = set(&[codes::USER_READ, codes::ROLE_ASSIGN, codes::USER_MANAGE]);
        assert_eq!(
            check_key_scopes(&scopes, &holds(role_codes::SECADMIN)),
            [
                KeyScopeProblem::NotHeld(codes::ROLE_ASSIGN.into()),
                KeyScopeProblem::NotHeld(codes::USER_MANAGE.into())
            ]
        );
    }

    #[test]
    fn keys_never_manage_keys_nor_read_the_audit_log_even_for_holders() {
        let scopes = set(&[codes::API_KEY_MANAGE, codes::USER_UNLOCK]);
        assert_eq!(
            check_key_scopes(&scopes, &holds(role_codes::SECADMIN)),
            [KeyScopeProblem::KeyManagement]
        );
        let audit = set(&[codes::AUDIT_READ]);
        assert_eq!(
            check_key_scopes(&audit, &holds(role_codes::AUDITOR)),
            [KeyScopeProblem::AuditLog]
        );
        assert!(KeyScopeProblem::KeyManagement.zh().contains("api_key.manage"));
    }

    #[test]
    fn only_grants_over_all_records_count_for_keys() {
        let department = DataScope::Department {
            department_id: uuid::Uuid::from_u128(7),
        };
        let grants = [
            Grant {
                permissions: set(&[codes::USER_READ]),
                scope: DataScope::All,
            },
            Grant {
                permissions: set(&[codes::USER_MANAGE]),
                scope: department,
            },
        ];
        assert_eq!(held_over_all(&grants), set(&[codes::USER_READ]));
    }

    #[test]
    fn a_key_keeps_only_what_its_creator_still_holds() {
        let scopes = set(&[codes::USER_READ, codes::USER_UNLOCK, codes::API_KEY_MANAGE]);
        let now_holds = set(&[codes::USER_READ, codes::API_KEY_MANAGE]);
        assert_eq!(
            effective_key_scopes(&scopes, &now_holds),
            set(&[codes::USER_READ])
        );
        assert!(effective_key_scopes(&scopes, &BTreeSet::new()).is_empty());
    }
}
