//! The permission catalogue, defined in code. Codes are dot-separated snake_case parts.

pub use super::permission_def::{Duty, PermissionDef};

/// Typed permission codes for use in code; each is declared by its module.
pub mod codes {
    pub use crate::access::roles_module::{ROLE_ASSIGN, ROLE_MANAGE, ROLE_READ};
    pub use crate::api_keys::API_KEY_MANAGE;
    pub use crate::approvals::module::{APPROVAL_ADMIN, APPROVAL_TEMPLATE_MANAGE, APPROVAL_USE};
    pub use crate::audit::AUDIT_READ;
    pub use crate::calendar::CALENDAR_MANAGE;
    pub use crate::departments::{DEPARTMENT_MANAGE, DEPARTMENT_READ};
    pub use crate::identity::module::{
        USER_IMPORT, USER_MANAGE, USER_READ, USER_RESET_PASSWORD, USER_SET_CLEARANCE, USER_UNLOCK,
        USER_VIEW_SENSITIVE,
    };
    pub use crate::notices::module::{GUIDE_MANAGE, GUIDE_READ, NOTICE_MANAGE, NOTICE_READ};
    pub use crate::notifications::NOTIFICATION_READ;
    pub use crate::security::SECURITY_MANAGE;
    pub use crate::settings::SETTINGS_MANAGE;
}

pub use crate::module::CATALOGUE;

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
    fn every_typed_code_is_in_the_catalogue() {
        use codes::*;
        let typed = [
            DEPARTMENT_READ,
            DEPARTMENT_MANAGE,
            USER_READ,
            USER_MANAGE,
            USER_IMPORT,
            USER_VIEW_SENSITIVE,
            USER_RESET_PASSWORD,
            USER_UNLOCK,
            USER_SET_CLEARANCE,
            ROLE_READ,
            ROLE_MANAGE,
            ROLE_ASSIGN,
            API_KEY_MANAGE,
            SECURITY_MANAGE,
            AUDIT_READ,
            CALENDAR_MANAGE,
            SETTINGS_MANAGE,
            NOTIFICATION_READ,
            APPROVAL_USE,
            APPROVAL_TEMPLATE_MANAGE,
            APPROVAL_ADMIN,
            NOTICE_READ,
            NOTICE_MANAGE,
            GUIDE_READ,
            GUIDE_MANAGE,
        ];
        for code in typed {
            assert!(find(code).is_some(), "{code}");
        }
        assert_eq!(typed.len(), CATALOGUE.len());
    }

    #[test]
    fn find_returns_the_definition_or_none() {
        let p = find("department.manage");
        assert_eq!(p.map(|p| (p.zh, p.en)), Some(("管理部门", "Manage departments")));
        assert_eq!(find("audit.read").map(|p| p.duty), Some(Duty::Audit));
        assert!(find("audit.write").is_none());
    }
}
