//! Groups of built-in roles that modules grant permissions to.

use super::role_codes::*;

/// The general office and the roles that work with it: they look up people and departments.
pub const OFFICE: &[&str] = &[
    OFFICE_DIRECTOR,
    OFFICE_CLERK,
    SCHOOL_LEADER,
    DEPT_HEAD,
    DEPT_ASSET_MANAGER,
    ARCHIVIST,
    DISPATCHER,
    REPAIR_WORKER,
    WINDOW_CLERK,
];

/// Every built-in role.
pub const EVERYONE: &[&str] = &[
    SYSADMIN,
    SECADMIN,
    AUDITOR,
    OFFICE_DIRECTOR,
    OFFICE_CLERK,
    SCHOOL_LEADER,
    DEPT_HEAD,
    DEPT_ASSET_MANAGER,
    ARCHIVIST,
    DISPATCHER,
    REPAIR_WORKER,
    WINDOW_CLERK,
    STAFF,
    STUDENT,
];
