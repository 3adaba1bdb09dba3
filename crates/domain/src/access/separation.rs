//! Separation of duties (三员分立, MLPS 2.0 / 等保2.0).
//!
//! The rule, applied to one role's permissions or to the union over one user's roles:
//! 1. every code must be in the catalogue;
//! 2. at most one of the duties System, Security and Audit may appear;
//! 3. Business permissions mix freely with System or Security, but a set holding an Audit
//!    permission may hold nothing else except the codes in [`AUDIT_COMPATIBLE`].

use std::collections::BTreeSet;

use super::permissions::{Duty, codes, find};

/// Non-audit permissions an auditor may still hold: their own notifications, filing and
/// answering their own requests (leave, reimbursement), and reading the school's notices and
/// guides, like every member of staff.
pub const AUDIT_COMPATIBLE: &[&str] = &[
    codes::NOTIFICATION_READ,
    codes::APPROVAL_USE,
    codes::NOTICE_READ,
    codes::GUIDE_READ,
];

/// Why a set of permissions breaks the separation of duties.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DutyConflict {
    /// The code is not in the catalogue.
    #[error("unknown permission: {0}")]
    UnknownPermission(String),

    /// Two or more of System, Security and Audit are held together (listed in order).
    #[error(
        "separation of duties: {} permissions cannot be held by one role or one user",
        .duties.iter().map(|d| d.en()).collect::<Vec<_>>().join(" and ")
    )]
    MixedDuties { duties: Vec<Duty> },

    /// An audit set also holds `code`, which is neither audit nor audit-compatible.
    #[error("separation of duties: an auditor may only read the audit log, not also hold {code}")]
    AuditWithOther { code: String },
}

impl DutyConflict {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            Self::UnknownPermission(code) => format!("未知权限：{code}"),
            Self::MixedDuties { duties } => format!(
                "三员分立：系统管理、安全管理与审计权限不能集中在同一角色或同一用户（当前同时包含{}权限）",
                duties.iter().map(|d| d.zh()).collect::<Vec<_>>().join("和")
            ),
            Self::AuditWithOther { code } => {
                let label = find(code).map_or(code.as_str(), |p| p.zh);
                format!("三员分立：审计管理员只能查看审计日志，不能同时拥有“{label}”权限")
            }
        }
    }
}

/// Checks a set of permission codes against the separation of duties (see the module docs).
/// Reports the first unknown code, then mixed administrative duties, then audit extras.
pub fn check_duties<'a>(permission_codes: impl IntoIterator<Item = &'a str>) -> Result<(), DutyConflict> {
    let mut admin_duties = BTreeSet::new();
    let mut non_audit_extra: Option<&str> = None;
    for code in permission_codes {
        let def = find(code).ok_or_else(|| DutyConflict::UnknownPermission(code.to_owned()))?;
        if def.duty != Duty::Business {
            admin_duties.insert(def.duty);
        }
        if def.duty != Duty::Audit && !AUDIT_COMPATIBLE.contains(&code) {
            non_audit_extra = non_audit_extra.or(Some(def.code));
        }
    }
    if admin_duties.len() > 1 {
        return Err(DutyConflict::MixedDuties {
            duties: admin_duties.into_iter().collect(),
        });
    }
    match non_audit_extra {
        Some(code) if admin_duties.contains(&Duty::Audit) => Err(DutyConflict::AuditWithOther {
            code: code.to_owned(),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::role_codes;
    use super::super::roles::{BUILTIN_ROLES, find_role};
    use super::*;

    fn union(roles: &[&str]) -> Vec<&'static str> {
        roles
            .iter()
            .filter_map(|code| find_role(code))
            .flat_map(|r| r.permissions.iter().copied())
            .collect()
    }

    #[test]
    fn every_builtin_role_passes() {
        for r in BUILTIN_ROLES {
            assert_eq!(check_duties(r.permissions.iter().copied()), Ok(()), "{}", r.code);
        }
    }

    #[test]
    fn sysadmin_with_auditor_fails() {
        let err = check_duties(union(&[role_codes::SYSADMIN, role_codes::AUDITOR])).unwrap_err();
        assert_eq!(
            err,
            DutyConflict::MixedDuties {
                duties: vec![Duty::System, Duty::Audit]
            }
        );
        assert!(
            err.zh()
                .starts_with("三员分立：系统管理、安全管理与审计权限不能集中在同一角色或同一用户")
        );
        assert!(err.to_string().contains("system administration and audit"));
    }

    #[test]
    fn sysadmin_with_secadmin_fails() {
        let err = check_duties(union(&[role_codes::SYSADMIN, role_codes::SECADMIN])).unwrap_err();
        assert!(
            matches!(err, DutyConflict::MixedDuties { ref duties } if duties == &[Duty::System, Duty::Security])
        );
    }

    #[test]
    fn secadmin_with_staff_passes() {
        assert_eq!(
            check_duties(union(&[role_codes::SECADMIN, role_codes::STAFF])),
            Ok(())
        );
    }

    #[test]
    fn sysadmin_with_an_office_role_passes() {
        assert_eq!(
            check_duties(union(&[role_codes::SYSADMIN, role_codes::OFFICE_DIRECTOR])),
            Ok(())
        );
    }

    #[test]
    fn auditor_with_staff_passes_because_notifications_are_audit_compatible() {
        assert_eq!(
            check_duties(union(&[role_codes::AUDITOR, role_codes::STAFF])),
            Ok(())
        );
    }

    #[test]
    fn auditor_with_a_business_permission_fails() {
        let mut set = union(&[role_codes::AUDITOR, role_codes::STAFF]);
        set.push(codes::DEPARTMENT_READ);
        let err = check_duties(set).unwrap_err();
        assert_eq!(
            err,
            DutyConflict::AuditWithOther {
                code: codes::DEPARTMENT_READ.into()
            }
        );
        assert!(err.zh().contains("“查看部门”"));
        assert_eq!(
            check_duties(union(&[role_codes::AUDITOR, role_codes::DEPT_HEAD])),
            Err(err)
        );
    }

    #[test]
    fn unknown_codes_are_refused() {
        let err = check_duties(["notification.read", "audit.delete"]).unwrap_err();
        assert_eq!(err, DutyConflict::UnknownPermission("audit.delete".into()));
        assert_eq!(err.zh(), "未知权限：audit.delete");
    }

    #[test]
    fn an_empty_set_passes() {
        assert_eq!(check_duties([]), Ok(()));
    }
}
