//! The exceptions to "an operation needs the permission its document names": operations that
//! need no sign-in, and operations any signed-in user may call (their own data, or gated by
//! the record's own rules rather than a permission). Everything else must name its permission
//! in its `security` scopes; the matrix fails an operation that has neither.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exception {
    /// No credentials needed.
    Public,
    /// Any signed-in user.
    SignedIn,
}

pub fn exception_for(op_id: &str) -> Option<Exception> {
    use Exception::{Public, SignedIn};
    Some(match op_id {
        "get_health" | "get_readiness" | "get_site" | "login" | "login_second_factor" | "refresh_token" => {
            Public
        }
        // What the school publishes for anyone: notices and guides marked public.
        "list_public_notices"
        | "get_public_notice"
        | "list_public_guides"
        | "get_public_guide"
        | "get_public_guide_flowchart" => Public,
        // The caller's own account, session and second factor.
        "get_me" | "change_my_password" | "logout" | "get_totp" | "enrol_totp" | "confirm_totp"
        | "disable_totp" => SignedIn,
        // Everyone works by the calendar and may see what permissions exist.
        "list_calendar_days" | "get_deadline" | "list_calendar_years" | "list_permissions" => SignedIn,
        // Files: the uploader, or whoever may read a record the file is attached to.
        "upload_file" | "get_file" | "get_file_content" => SignedIn,
        _ => return None,
    })
}
