//! Typed codes of the built-in roles, which modules name in their grants.

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
