//! What one permission is: its code, group, labels and duty (三员分立).

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

impl PermissionDef {
    /// A permission of `group` (its module's code, the first part of `code`).
    pub const fn new(
        code: &'static str,
        group: &'static str,
        zh: &'static str,
        en: &'static str,
        duty: Duty,
    ) -> Self {
        Self {
            code,
            group,
            zh,
            en,
            duty,
        }
    }
}
