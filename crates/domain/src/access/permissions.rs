//! The permission catalogue, defined in code. Codes are dot-separated snake_case parts.

use serde::{Deserialize, Serialize};

/// Which of the separated duties (三员分立) a permission belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Duty {
    /// System administration (系统管理).
    System,
    /// Security administration (安全管理).
    Security,
    /// Audit (安全审计).
    Audit,
    /// Everyday school-office work; mixes with System or Security, not with Audit.
    Business,
}

impl Duty {
    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            Self::System => "系统管理",
            Self::Security => "安全管理",
            Self::Audit => "审计",
            Self::Business => "业务",
        }
    }

    /// English label.
    pub fn en(self) -> &'static str {
        match self {
            Self::System => "system administration",
            Self::Security => "security administration",
            Self::Audit => "audit",
            Self::Business => "business",
        }
    }
}

/// One permission of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PermissionDef {
    /// Stable code such as `department.manage`.
    pub code: &'static str,
    /// Group for display, the first part of the code.
    pub group: &'static str,
    /// Chinese label.
    pub zh: &'static str,
    /// English label.
    pub en: &'static str,
    /// The duty it belongs to.
    pub duty: Duty,
}

macro_rules! typed_codes {
    ($($name:ident = $code:literal),* $(,)?) => {
        /// Typed permission codes for use in code.
        pub mod codes {
            $(pub const $name: &str = $code;)*
            /// Every typed code above, in declaration order.
            pub const ALL: &[&str] = &[$($name),*];
        }
    };
}

typed_codes! {
    DEPARTMENT_READ = "department.read",
    DEPARTMENT_MANAGE = "department.manage",
    USER_READ = "user.read",
    USER_MANAGE = "user.manage",
    USER_IMPORT = "user.import",
    USER_VIEW_SENSITIVE = "user.view_sensitive",
    USER_RESET_PASSWORD = "user.reset_password",
    USER_UNLOCK = "user.unlock",
    USER_SET_CLEARANCE = "user.set_clearance",
    ROLE_READ = "role.read",
    ROLE_MANAGE = "role.manage",
    ROLE_ASSIGN = "role.assign",
    API_KEY_MANAGE = "api_key.manage",
    SECURITY_MANAGE = "security.manage",
    AUDIT_READ = "audit.read",
    CALENDAR_MANAGE = "calendar.manage",
    SETTINGS_MANAGE = "settings.manage",
    NOTIFICATION_READ = "notification.read",
    APPROVAL_USE = "approval.use",
    APPROVAL_TEMPLATE_MANAGE = "approval.template.manage",
    APPROVAL_ADMIN = "approval.admin",
}

const fn def(
    code: &'static str,
    group: &'static str,
    zh: &'static str,
    en: &'static str,
    duty: Duty,
) -> PermissionDef {
    PermissionDef {
        code,
        group,
        zh,
        en,
        duty,
    }
}

use Duty::{Audit, Business, Security, System};
use codes::*;

/// Every permission the system knows.
#[rustfmt::skip]
pub const CATALOGUE: &[PermissionDef] = &[
    def(DEPARTMENT_READ, "department", "查看部门", "View departments", Business),
    def(DEPARTMENT_MANAGE, "department", "管理部门", "Manage departments", System),
    def(USER_READ, "user", "查看用户", "View users", Business),
    def(USER_MANAGE, "user", "管理用户", "Manage users", System),
    def(USER_IMPORT, "user", "批量导入用户", "Import users", System),
    def(USER_VIEW_SENSITIVE, "user", "查看完整手机号和证件号", "View full phone and ID numbers", Security),
    def(USER_RESET_PASSWORD, "user", "重置用户密码", "Reset user passwords", Security),
    def(USER_UNLOCK, "user", "解锁用户", "Unlock users", Security),
    def(USER_SET_CLEARANCE, "user", "设置用户密级", "Set user clearances", Security),
    def(ROLE_READ, "role", "查看角色", "View roles", Business),
    def(ROLE_MANAGE, "role", "管理角色", "Manage roles", System),
    def(ROLE_ASSIGN, "role", "分配角色", "Assign roles", System),
    def(API_KEY_MANAGE, "api_key", "管理 API 密钥", "Manage API keys", Security),
    def(SECURITY_MANAGE, "security", "管理密码与锁定策略", "Manage password and lockout policy", Security),
    def(AUDIT_READ, "audit", "查看审计日志", "Read the audit log", Audit),
    def(CALENDAR_MANAGE, "calendar", "管理校历与节假日", "Manage the calendar and holidays", System),
    def(SETTINGS_MANAGE, "settings", "管理系统设置", "Manage system settings", System),
    def(NOTIFICATION_READ, "notification", "查看通知", "Read notifications", Business),
    def(APPROVAL_USE, "approval", "发起和处理审批", "Start and handle approvals", Business),
    def(APPROVAL_TEMPLATE_MANAGE, "approval", "管理审批模板", "Manage approval templates", Business),
    def(APPROVAL_ADMIN, "approval", "审批监管（查看全部、撤销）", "Oversee approvals (view all, cancel)", Business),
];

/// Looks a permission up by its code.
pub fn find(code: &str) -> Option<&'static PermissionDef> {
    CATALOGUE.iter().find(|p| p.code == code)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn well_formed(code: &str) -> bool {
        let parts: Vec<&str> = code.split('.').collect();
        parts.len() >= 2
            && parts.iter().all(|part| {
                !part.is_empty()
                    && part.starts_with(|c: char| c.is_ascii_lowercase())
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            })
    }

    #[test]
    fn catalogue_codes_are_unique_and_well_formed() {
        let unique: BTreeSet<_> = CATALOGUE.iter().map(|p| p.code).collect();
        assert_eq!(unique.len(), CATALOGUE.len());
        for p in CATALOGUE {
            assert!(well_formed(p.code), "{}", p.code);
            assert!(p.code.starts_with(&format!("{}.", p.group)), "{}", p.code);
            assert!(!p.zh.is_empty() && !p.en.is_empty(), "{}", p.code);
        }
    }

    #[test]
    fn the_well_formedness_check_rejects_bad_codes() {
        for bad in [
            "user",
            "User.read",
            "user..read",
            ".read",
            "user.read.",
            "user-read",
            "user.Read",
        ] {
            assert!(!well_formed(bad), "{bad}");
        }
        assert!(well_formed("api_key.manage2"));
    }

    #[test]
    fn every_typed_code_is_in_the_catalogue_and_vice_versa() {
        for code in codes::ALL {
            assert!(find(code).is_some(), "{code}");
        }
        assert_eq!(codes::ALL.len(), CATALOGUE.len());
    }

    #[test]
    fn find_returns_the_definition_or_none() {
        let p = find("department.manage");
        assert_eq!(p.map(|p| (p.zh, p.en)), Some(("管理部门", "Manage departments")));
        assert_eq!(find("audit.read").map(|p| p.duty), Some(Duty::Audit));
        assert!(find("audit.write").is_none());
    }
}
