//! Checking every roster row against the file and the database, and planning the writes.

use std::collections::{BTreeMap, BTreeSet};

use uuid::Uuid;
use xiaoban_domain::identity::{Username, mainland_mobile, resident_id_ok};

use super::columns::{Col, RawRow};
use super::departments::{define_department, order_departments};
use crate::import::RowIssue;

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

pub(super) struct Checker<'k> {
    pub known: &'k Known,
    pub issues: Vec<RowIssue>,
}

impl Checker<'_> {
    pub fn issue(&mut self, line: u64, col: Col, zh: impl Into<String>, en: impl Into<String>) {
        self.issues.push(RowIssue::new(line, col, zh, en));
    }

    pub fn max_len(&mut self, row: &RawRow, col: Col, max: usize) -> Option<String> {
        let value = row.get(col)?;
        if value.chars().count() > max {
            self.issue(
                row.line,
                col,
                format!("最多 {max} 个字符"),
                format!("at most {max} characters"),
            );
        }
        Some(value.to_owned())
    }
}

fn department_code_ok(code: &str) -> bool {
    (2..=32).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// A code as given, or the code of what the UI calls by that name.
fn code_for(given: &str, codes: &BTreeMap<String, impl Sized>, names: &BTreeMap<String, String>) -> String {
    if codes.contains_key(given) {
        return given.to_owned();
    }
    names.get(given).cloned().unwrap_or_else(|| given.to_owned())
}

fn email_ok(email: &str) -> bool {
    let mut parts = email.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
        }
        _ => false,
    }
}

/// Checks every row and plans the writes. Every problem of every row is reported.
pub fn plan(rows: &[RawRow], known: &Known) -> Plan {
    let mut c = Checker {
        known,
        issues: Vec::new(),
    };
    let mut first_username: BTreeMap<String, u64> = BTreeMap::new();
    let mut first_number: BTreeMap<String, u64> = BTreeMap::new();
    // New department code → (defining line, name, parent code).
    let mut defined: BTreeMap<String, (u64, Option<String>, Option<String>)> = BTreeMap::new();
    let mut users = Vec::new();
    for row in rows {
        let line = row.line;
        // A cell with NUL or another control character is refused, never stored (PostgreSQL
        // cannot store NUL at all).
        for (col, value) in &row.cells {
            if value
                .chars()
                .any(xiaoban_domain::text::is_forbidden_in_single_line)
            {
                c.issue(
                    line,
                    *col,
                    "不能包含控制字符（如 NUL）",
                    "must not contain control characters (such as NUL)",
                );
            }
        }
        let username = match row.get(Col::Username).map(Username::parse) {
            None => {
                c.issue(line, Col::Username, "必填", "is required");
                None
            }
            Some(Err(problem)) => {
                c.issue(line, Col::Username, problem.zh(), problem.to_string());
                None
            }
            Some(Ok(name)) => Some(name.as_str().to_owned()),
        };
        if let Some(username) = &username {
            if let Some(first) = first_username.get(username) {
                c.issue(
                    line,
                    Col::Username,
                    format!("与第 {first} 行的用户名重复"),
                    format!("repeats line {first}"),
                );
            } else if c.known.usernames.contains(username) {
                c.issue(
                    line,
                    Col::Username,
                    "该用户名已存在",
                    "this username exists already",
                );
            }
            first_username.entry(username.clone()).or_insert(line);
        }
        let name = c.max_len(row, Col::Name, 50);
        if name.is_none() {
            c.issue(line, Col::Name, "必填", "is required");
        }
        let number = c.max_len(row, Col::Number, 32);
        if let Some(number) = &number {
            if let Some(first) = first_number.get(number) {
                c.issue(
                    line,
                    Col::Number,
                    format!("与第 {first} 行的工号/学号重复"),
                    format!("repeats line {first}"),
                );
            } else if c.known.numbers.contains(number) {
                c.issue(
                    line,
                    Col::Number,
                    "该工号/学号已被其他用户使用",
                    "another user has this number",
                );
            }
            first_number.entry(number.clone()).or_insert(line);
        }
        let phone = row.get(Col::Phone).and_then(|given| {
            let mobile = mainland_mobile(given);
            if mobile.is_none() {
                c.issue(
                    line,
                    Col::Phone,
                    "手机号须为 11 位大陆手机号码",
                    "must be an 11-digit mainland mobile number",
                );
            }
            mobile
        });
        let id_number = row.get(Col::IdNumber).map(str::to_ascii_uppercase);
        if id_number.as_deref().is_some_and(|id| !resident_id_ok(id)) {
            c.issue(
                line,
                Col::IdNumber,
                "身份证号须为 18 位且校验位正确",
                "must be an 18-character ID number with the right check digit",
            );
        }
        let email = c.max_len(row, Col::Email, 100);
        if email.as_deref().is_some_and(|e| !email_ok(e)) {
            c.issue(line, Col::Email, "邮箱格式不正确", "not an email address");
        }
        let position = c.max_len(row, Col::Position, 50);
        let given_role = row.get(Col::RoleCode).unwrap_or(DEFAULT_ROLE);
        let role_code = code_for(given_role, &c.known.roles, &c.known.role_names);
        if c.known.administrator_roles.contains(&role_code) {
            c.issue(
                line,
                Col::RoleCode,
                "含管理权限的角色（系统、安全、审计管理员等）不能通过批量导入分配，只能在服务器上授予",
                "administrator roles (system, security, audit and the like) cannot be given by an import, only on the server",
            );
        } else if !c.known.roles.contains_key(&role_code) {
            c.issue(
                line,
                Col::RoleCode,
                format!("没有角色 {role_code}"),
                format!("no role {role_code}"),
            );
        }
        let department_code = row
            .get(Col::DepartmentCode)
            .map(|given| code_for(given, &c.known.departments, &c.known.department_names));
        match &department_code {
            None => c.issue(line, Col::DepartmentCode, "必填", "is required"),
            Some(code) if !department_code_ok(code) => c.issue(
                line,
                Col::DepartmentCode,
                "部门编码须为 2 到 32 个字母、数字、下划线或连字符",
                "must be 2 to 32 letters, digits, underscores or hyphens",
            ),
            Some(code) if !c.known.departments.contains_key(code) => {
                define_department(&mut c, &mut defined, row, code);
            }
            Some(_) => {}
        }
        if let (Some(username), Some(name), Some(department_code)) = (username, name, department_code) {
            users.push(NewMember {
                line,
                username,
                name,
                number,
                phone,
                id_number,
                email,
                position,
                department_code,
                role_code,
            });
        }
    }
    let departments = order_departments(&mut c, defined);
    let mut issues = c.issues;
    issues.sort_by_key(|i| i.line);
    Plan {
        rows: rows.len(),
        departments,
        users,
        issues,
    }
}
