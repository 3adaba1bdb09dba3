//! The built-in roles and their default permissions. Later modules extend the business roles.

use super::permissions::codes::{
    API_KEY_MANAGE, APPROVAL_ADMIN, APPROVAL_TEMPLATE_MANAGE, APPROVAL_USE, AUDIT_READ, CALENDAR_MANAGE,
    DEPARTMENT_MANAGE, DEPARTMENT_READ, NOTIFICATION_READ, ROLE_ASSIGN, ROLE_MANAGE, ROLE_READ,
    SECURITY_MANAGE, SETTINGS_MANAGE, USER_IMPORT, USER_MANAGE, USER_READ, USER_RESET_PASSWORD,
    USER_SET_CLEARANCE, USER_UNLOCK, USER_VIEW_SENSITIVE,
};

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

/// Typed codes of the built-in roles.
pub mod role_codes {
    pub const SYSADMIN: &str = "sysadmin";
    pub const SECADMIN: &str = "secadmin";
    pub const AUDITOR: &str = "auditor";
    pub const OFFICE_DIRECTOR: &str = "office_director";
    pub const OFFICE_CLERK: &str = "office_clerk";
    pub const SCHOOL_LEADER: &str = "school_leader";
    pub const DEPT_HEAD: &str = "dept_head";
    pub const DEPT_ASSET_MANAGER: &str = "dept_asset_manager";
    pub const ARCHIVIST: &str = "archivist";
    pub const DISPATCHER: &str = "dispatcher";
    pub const REPAIR_WORKER: &str = "repair_worker";
    pub const WINDOW_CLERK: &str = "window_clerk";
    pub const STAFF: &str = "staff";
    pub const STUDENT: &str = "student";
}

use role_codes::*;

const SYSTEM_ADMIN: &[&str] = &[
    DEPARTMENT_READ,
    DEPARTMENT_MANAGE,
    USER_READ,
    USER_MANAGE,
    USER_IMPORT,
    ROLE_READ,
    ROLE_MANAGE,
    ROLE_ASSIGN,
    CALENDAR_MANAGE,
    SETTINGS_MANAGE,
    NOTIFICATION_READ,
    APPROVAL_USE,
    APPROVAL_TEMPLATE_MANAGE,
];

const SECURITY_ADMIN: &[&str] = &[
    USER_READ,
    USER_VIEW_SENSITIVE,
    USER_RESET_PASSWORD,
    USER_UNLOCK,
    USER_SET_CLEARANCE,
    API_KEY_MANAGE,
    SECURITY_MANAGE,
    NOTIFICATION_READ,
    APPROVAL_USE,
];

const AUDIT_ADMIN: &[&str] = &[AUDIT_READ, NOTIFICATION_READ];

/// Office roles that look up people and departments.
const OFFICE: &[&str] = &[NOTIFICATION_READ, DEPARTMENT_READ, USER_READ, APPROVAL_USE];

/// The head of the general office also designs approval flows and oversees every request.
const DIRECTOR: &[&str] = &[
    NOTIFICATION_READ,
    DEPARTMENT_READ,
    USER_READ,
    APPROVAL_USE,
    APPROVAL_TEMPLATE_MANAGE,
    APPROVAL_ADMIN,
];

/// Everyone else.
const EVERYONE: &[&str] = &[NOTIFICATION_READ, APPROVAL_USE];

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
    role(SYSADMIN, "系统管理员", "System administrator", SYSTEM_ADMIN),
    role(SECADMIN, "安全管理员", "Security administrator", SECURITY_ADMIN),
    role(AUDITOR, "审计管理员", "Audit administrator", AUDIT_ADMIN),
    role(OFFICE_DIRECTOR, "办公室主任", "Office director", DIRECTOR),
    role(OFFICE_CLERK, "综合服务专员", "Office clerk", OFFICE),
    role(SCHOOL_LEADER, "校领导", "School leader", OFFICE),
    role(DEPT_HEAD, "部门负责人", "Department head", OFFICE),
    role(
        DEPT_ASSET_MANAGER,
        "部门资产管理员",
        "Department asset manager",
        OFFICE,
    ),
    role(ARCHIVIST, "档案管理员", "Archivist", OFFICE),
    role(DISPATCHER, "后勤调度员", "Logistics dispatcher", OFFICE),
    role(REPAIR_WORKER, "维修人员", "Repair worker", OFFICE),
    role(WINDOW_CLERK, "窗口工作人员", "Service window clerk", OFFICE),
    role(STAFF, "教职工", "Staff member", EVERYONE),
    role(STUDENT, "学生", "Student", EVERYONE),
];

/// Looks a built-in role up by its code.
pub fn find_role(code: &str) -> Option<&'static BuiltinRole> {
    BUILTIN_ROLES.iter().find(|r| r.code == code)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

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
    fn staff_and_students_only_read_notifications() {
        for code in [STAFF, STUDENT] {
            assert_eq!(find_role(code).map(|r| r.permissions), Some(EVERYONE));
        }
    }
}
