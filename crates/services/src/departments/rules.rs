//! Input rules for departments, with messages in both languages.

use crate::ServiceError;

/// A department code: 2–32 of `A-Z a-z 0-9 _ -`.
pub(super) fn check_code(code: &str) -> Result<String, ServiceError> {
    let code = code.trim();
    let ok = (2..=32).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(code.to_owned())
    } else {
        Err(ServiceError::invalid(
            "code",
            "部门代码须为 2 到 32 个字母、数字、下划线或连字符",
            "must be 2 to 32 letters, digits, underscores or hyphens",
        ))
    }
}

/// A department name: 1–100 characters after trimming.
pub(super) fn check_name(name: &str) -> Result<String, ServiceError> {
    let name = name.trim();
    if (1..=100).contains(&name.chars().count()) {
        Ok(name.to_owned())
    } else {
        Err(ServiceError::invalid(
            "name",
            "部门名称须为 1 到 100 个字符",
            "must be 1 to 100 characters",
        ))
    }
}
