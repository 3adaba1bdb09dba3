//! Checking every roster row against the file and the database, and planning the writes.

use std::collections::BTreeMap;

use xiaoban_domain::identity::{Username, mainland_mobile, resident_id_ok};

use super::columns::{Col, RawRow};
use super::departments::{define_department, order_departments};
use super::plan::{Checker, DEFAULT_ROLE, Known, NewMember, Plan};
use crate::import::Findings;

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
        findings: Findings::default(),
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
    let mut issues = c.findings.issues;
    issues.sort_by_key(|i| i.line);
    Plan {
        rows: rows.len(),
        departments,
        users,
        issues,
    }
}
