//! New departments of a roster: one definition per code, parents before children.

use std::collections::{BTreeMap, BTreeSet};

use uuid::Uuid;

use super::columns::{Col, RawRow};
use super::plan::{Checker, NewDepartment};

/// Notes a new department's name and parent from a row; later rows must agree with the first.
pub(super) fn define_department(
    c: &mut Checker<'_>,
    defined: &mut BTreeMap<String, (u64, Option<String>, Option<String>)>,
    row: &RawRow,
    code: &str,
) {
    let line = row.line;
    let name = c.max_len(row, Col::DepartmentName, 100);
    let parent = row.get(Col::ParentCode).map(str::to_owned);
    let entry = defined.entry(code.to_owned()).or_insert((line, None, None));
    let first_line = entry.0;
    match (&entry.1, &name) {
        (Some(first), Some(this)) if first != this => c.issue(
            line,
            Col::DepartmentName,
            format!("与第 {first_line} 行给出的部门名称“{first}”不一致"),
            format!("differs from the name given on line {first_line}"),
        ),
        (None, Some(_)) => entry.1 = name.clone(),
        _ => {}
    }
    match (&entry.2, &parent) {
        (Some(first), Some(this)) if first != this => c.issue(
            line,
            Col::ParentCode,
            format!("与第 {first_line} 行给出的上级部门“{first}”不一致"),
            format!("differs from the parent given on line {first_line}"),
        ),
        (None, Some(_)) => entry.2 = parent,
        _ => {}
    }
}

/// Checks names and parents of the new departments and orders them parents first.
pub(super) fn order_departments(
    c: &mut Checker<'_>,
    defined: BTreeMap<String, (u64, Option<String>, Option<String>)>,
) -> Vec<NewDepartment> {
    let mut pending: Vec<NewDepartment> = Vec::new();
    for (code, (line, name, parent)) in &defined {
        let Some(name) = name else {
            c.issue(
                *line,
                Col::DepartmentName,
                "新部门须填写部门名称",
                "a new department needs a name",
            );
            continue;
        };
        if let Some(parent) = parent {
            if parent == code {
                c.issue(
                    *line,
                    Col::ParentCode,
                    "上级部门不能是自己",
                    "a department cannot be its own parent",
                );
                continue;
            }
            if !c.known.departments.contains_key(parent) && !defined.contains_key(parent) {
                c.issue(
                    *line,
                    Col::ParentCode,
                    format!("上级部门 {parent} 不存在，文件中也没有"),
                    format!("no department {parent} exists or is in the file"),
                );
                continue;
            }
        }
        pending.push(NewDepartment {
            id: Uuid::now_v7(),
            code: code.clone(),
            name: name.clone(),
            parent_code: parent.clone(),
        });
    }
    let mut ordered: Vec<NewDepartment> = Vec::new();
    let mut placed: BTreeSet<String> = BTreeSet::new();
    while !pending.is_empty() {
        let (ready, rest): (Vec<_>, Vec<_>) = pending.into_iter().partition(|d| {
            d.parent_code
                .as_ref()
                .is_none_or(|p| c.known.departments.contains_key(p) || placed.contains(p))
        });
        if ready.is_empty() {
            for d in &rest {
                let line = defined.get(&d.code).map_or(0, |e| e.0);
                c.issue(
                    line,
                    Col::ParentCode,
                    "上级部门形成了循环或有误",
                    "the parent departments form a cycle or are invalid",
                );
            }
            break;
        }
        placed.extend(ready.iter().map(|d| d.code.clone()));
        ordered.extend(ready);
        pending = rest;
    }
    ordered
}
