//! The built-in roles. What each holds is not written here: every module grants its own
//! permissions ([`crate::module::RoleGrant`]) and the bundles below are derived from them.

use crate::module::{granted_count, granted_to};

/// A role shipped with the system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct BuiltinRole {
    /// Stable code such as `sysadmin`.
    pub code: &'static str,
    /// Chinese name.
    pub zh: &'static str,
    /// English name.
    pub en: &'static str,
    /// Permission codes granted by default.
    pub permissions: &'static [&'static str],
}

use super::role_codes::*;

/// The permissions the modules grant a role, as a `&'static` slice computed at compile time.
macro_rules! bundle {
    ($role:expr) => {{
        const N: usize = granted_count($role);
        const GRANTED: [&str; N] = granted_to::<N>($role);
        &GRANTED
    }};
}

const fn role(
    code: &'static str,
    zh: &'static str,
    en: &'static str,
    permissions: &'static [&'static str],
) -> BuiltinRole {
    BuiltinRole {
        code,
        zh,
        en,
        permissions,
    }
}

/// All built-in roles; the first three are the separated administrators (三员).
pub const BUILTIN_ROLES: &[BuiltinRole] = &[
    role(SYSADMIN, "系统管理员", "System administrator", bundle!(SYSADMIN)),
    role(
        SECADMIN,
        "安全管理员",
        "Security administrator",
        bundle!(SECADMIN),
    ),
    role(AUDITOR, "审计管理员", "Audit administrator", bundle!(AUDITOR)),
    role(
        OFFICE_DIRECTOR,
        "办公室主任",
        "Office director",
        bundle!(OFFICE_DIRECTOR),
    ),
    role(
        OFFICE_CLERK,
        "综合服务专员",
        "Office clerk",
        bundle!(OFFICE_CLERK),
    ),
    role(SCHOOL_LEADER, "校领导", "School leader", bundle!(SCHOOL_LEADER)),
    role(DEPT_HEAD, "部门负责人", "Department head", bundle!(DEPT_HEAD)),
    role(
        DEPT_ASSET_MANAGER,
        "部门资产管理员",
        "Department asset manager",
        bundle!(DEPT_ASSET_MANAGER),
    ),
    role(ARCHIVIST, "档案管理员", "Archivist", bundle!(ARCHIVIST)),
    role(
        DISPATCHER,
        "后勤调度员",
        "Logistics dispatcher",
        bundle!(DISPATCHER),
    ),
    role(REPAIR_WORKER, "维修人员", "Repair worker", bundle!(REPAIR_WORKER)),
    role(
        WINDOW_CLERK,
        "窗口工作人员",
        "Service window clerk",
        bundle!(WINDOW_CLERK),
    ),
    role(STAFF, "教职工", "Staff member", bundle!(STAFF)),
    role(STUDENT, "学生", "Student", bundle!(STUDENT)),
];

/// Looks a built-in role up by its code.
pub fn find_role(code: &str) -> Option<&'static BuiltinRole> {
    BUILTIN_ROLES.iter().find(|r| r.code == code)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::super::permissions::codes::{AUDIT_READ, NOTIFICATION_READ};
    use super::super::permissions::find;
    use super::*;

    #[test]
    fn there_are_fourteen_roles_with_unique_codes() {
        let unique: BTreeSet<_> = BUILTIN_ROLES.iter().map(|r| r.code).collect();
        assert_eq!((BUILTIN_ROLES.len(), unique.len()), (14, 14));
    }

    #[test]
    fn every_role_permission_is_in_the_catalogue_and_listed_once() {
        for r in BUILTIN_ROLES {
            let unique: BTreeSet<_> = r.permissions.iter().collect();
            assert_eq!(unique.len(), r.permissions.len(), "{}", r.code);
            for p in r.permissions {
                assert!(find(p).is_some(), "{}: {p}", r.code);
            }
        }
    }

    #[test]
    fn everyone_reads_notifications() {
        assert!(
            BUILTIN_ROLES
                .iter()
                .all(|r| r.permissions.contains(&NOTIFICATION_READ))
        );
    }

    #[test]
    fn the_auditor_reads_the_audit_log_and_nothing_else() {
        let auditor = find_role(AUDITOR).map(|r| r.permissions);
        assert_eq!(auditor, Some(&[AUDIT_READ, NOTIFICATION_READ][..]));
        let readers: Vec<_> = BUILTIN_ROLES
            .iter()
            .filter(|r| r.permissions.contains(&AUDIT_READ))
            .map(|r| r.code)
            .collect();
        assert_eq!(readers, [AUDITOR]);
    }

    #[test]
    fn staff_and_students_read_notifications_notices_and_guides_and_use_approvals() {
        for code in [STAFF, STUDENT] {
            let permissions = find_role(code).map(|r| r.permissions);
            let everyday = [NOTIFICATION_READ, "approval.use", "notice.read", "guide.read"];
            assert_eq!(permissions, Some(&everyday[..]));
        }
    }
}
