//! What a roster check knows and plans: the database's names, the departments and members to
//! create, and the checker the row checks share.

use std::collections::{BTreeMap, BTreeSet};

use uuid::Uuid;

use super::columns::{Col, RawRow};
use crate::import::{Findings, RowIssue};

/// What the database holds that the rows are checked against.
#[derive(Debug, Default)]
pub struct Known {
    pub departments: BTreeMap<String, Uuid>,
    /// Department name → code, so a row may name its department as the UI shows it.
    pub department_names: BTreeMap<String, String>,
    pub roles: BTreeMap<String, Uuid>,
    /// Role name (教职工) → code (`staff`), likewise.
    pub role_names: BTreeMap<String, String>,
    /// Roles holding an administrative permission (the three administrators' and custom ones
    /// like them): granted only on the server.
    pub administrator_roles: BTreeSet<String>,
    pub usernames: BTreeSet<String>,
    pub numbers: BTreeSet<String>,
}

/// A department to create.
#[derive(Debug, Clone)]
pub struct NewDepartment {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub parent_code: Option<String>,
}

/// A user to create.
#[derive(Debug, Clone)]
pub struct NewMember {
    pub line: u64,
    pub username: String,
    pub name: String,
    pub number: Option<String>,
    pub phone: Option<String>,
    pub id_number: Option<String>,
    pub email: Option<String>,
    pub position: Option<String>,
    pub department_code: String,
    pub role_code: String,
}

/// The writes an import would make, or the reasons it can't.
#[derive(Debug, Default)]
pub struct Plan {
    pub rows: usize,
    /// Parents before children.
    pub departments: Vec<NewDepartment>,
    pub users: Vec<NewMember>,
    pub issues: Vec<RowIssue>,
}

/// The role given when a row names none.
pub const DEFAULT_ROLE: &str = "staff";

/// The rows' check so far: what the database holds and the problems found.
pub(super) struct Checker<'k> {
    pub known: &'k Known,
    pub findings: Findings,
}

impl Checker<'_> {
    pub fn issue(&mut self, line: u64, col: Col, zh: impl Into<String>, en: impl Into<String>) {
        self.findings.issue(line, col, zh, en);
    }

    pub fn max_len(&mut self, row: &RawRow, col: Col, max: u64) -> Option<String> {
        self.findings.max_len(row, col, max)
    }
}
