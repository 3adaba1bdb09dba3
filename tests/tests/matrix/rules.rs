//! Who may call each operation. Add a rule (and a request in `requests.rs`) for every new route.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// No credentials needed.
    Public,
    /// Any signed-in user.
    SignedIn,
    /// Needs a permission that this built-in role holds and a student does not.
    Role(&'static str),
}

pub struct Rule {
    pub access: Access,
}

pub fn rule_for(op_id: &str) -> Option<Rule> {
    use Access::{Public, Role, SignedIn};
    let access = match op_id {
        "get_health" | "get_readiness" | "get_site" | "login" | "login_second_factor" | "refresh_token" => {
            Public
        }
        "get_me"
        | "change_my_password"
        | "logout"
        | "list_calendar_days"
        | "get_deadline"
        | "list_calendar_years"
        | "list_permissions"
        | "upload_file"
        | "get_file"
        | "get_file_content" => SignedIn,
        "get_totp" | "enrol_totp" | "confirm_totp" | "disable_totp" => SignedIn,
        "list_notifications"
        | "get_unread_notification_count"
        | "mark_notification_read"
        | "mark_all_notifications_read" => SignedIn,
        "set_calendar_day"
        | "import_calendar_year"
        | "list_departments"
        | "create_department"
        | "get_department"
        | "patch_department"
        | "list_users"
        | "export_users"
        | "create_user"
        | "get_user"
        | "patch_user"
        | "disable_user"
        | "enable_user"
        | "assign_user_role"
        | "remove_user_role"
        | "list_roles"
        | "create_role"
        | "get_role"
        | "update_role"
        | "delete_role"
        | "import_roster"
        | "get_roster_template" => Role("sysadmin"),
        "reset_user_password"
        | "reset_user_totp"
        | "unlock_user"
        | "set_user_clearance"
        | "list_api_keys"
        | "create_api_key"
        | "revoke_api_key"
        | "get_security_policy"
        | "update_security_policy" => Role("secadmin"),
        "list_audit_events" | "verify_audit_events" => Role("auditor"),
        "list_approval_templates"
        | "get_approval_template"
        | "start_approval"
        | "get_approval"
        | "get_approval_timeline"
        | "list_approval_tasks"
        | "get_approval_counts"
        | "list_approvals"
        | "export_approvals"
        | "approve_approval"
        | "reject_approval"
        | "batch_approve_approvals"
        | "batch_reject_approvals"
        | "return_approval"
        | "resubmit_approval"
        | "transfer_approval"
        | "add_approval_signer"
        | "remove_approval_signer"
        | "comment_approval"
        | "urge_approval"
        | "withdraw_approval"
        | "recall_approval"
        | "list_delegations"
        | "list_approval_drafts"
        | "create_approval_draft"
        | "get_approval_draft"
        | "patch_approval_draft"
        | "delete_approval_draft"
        | "submit_approval_draft"
        | "create_delegation"
        | "revoke_delegation"
        | "list_directory_people"
        | "list_directory_departments"
        | "list_directory_roles" => SignedIn,
        "create_approval_template" | "patch_approval_template" | "get_approval_template_stats" => {
            Role("sysadmin")
        }
        "cancel_approval" | "reassign_approval_task" => Role("office_director"),
        _ => return None,
    };
    Some(Rule { access })
}
