//! Who an approver rule names for one request. An empty answer is never final: the template's
//! fallback, then the office director, then the system administrators step in.

use std::collections::BTreeMap;

use uuid::Uuid;
use xiaoban_domain::access::codes::APPROVAL_USE;
use xiaoban_domain::access::role_codes::{OFFICE_DIRECTOR, SYSADMIN};
use xiaoban_domain::approvals::definition::ApproverRule;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::approvals::people;
use xiaoban_persistence::identity::departments;

use super::state::Flow;
use crate::ServiceError;

/// The people a rule names, active only, without duplicates.
pub(crate) async fn resolve(
    db: &impl ConnectionTrait,
    flow: &Flow,
    step: i32,
    rule: &ApproverRule,
) -> Result<Vec<Uuid>, ServiceError> {
    let ids = match rule {
        ApproverRule::Users { user_ids } => user_ids.clone(),
        ApproverRule::Role { role } => role_reaching(db, role, flow.inst.department_id).await?,
        ApproverRule::DepartmentHead => head_above(db, flow.inst.department_id, 0)
            .await?
            .into_iter()
            .collect(),
        ApproverRule::HeadOf { department_id } => head_above(db, Some(*department_id), 0)
            .await?
            .into_iter()
            .collect(),
        ApproverRule::LevelsUp { levels } => head_above(db, flow.inst.department_id, *levels)
            .await?
            .into_iter()
            .collect(),
        ApproverRule::FormUser { field } => flow
            .form()
            .get(field)
            .and_then(|v| v.as_str())
            .and_then(|s| Uuid::parse_str(s).ok())
            .into_iter()
            .collect(),
        ApproverRule::ManagerChain { up_to, until_role } => {
            super::manager_chain::heads(db, flow, *up_to, until_role.as_deref()).await?
        }
        ApproverRule::ApplicantPicks => {
            let picked: BTreeMap<String, Vec<Uuid>> =
                serde_json::from_str(&flow.inst.picked).unwrap_or_default();
            picked.get(&step.to_string()).cloned().unwrap_or_default()
        }
    };
    // Only people who can act: a disabled account or one without `approval.use` (the auditor)
    // never gets a task; the step falls back instead.
    Ok(people::able_among(db, &ids, APPROVAL_USE).await?)
}

/// The fallback approvers for a step whose rule found nobody.
pub(crate) async fn fallback(
    db: &impl ConnectionTrait,
    flow: &Flow,
    step: i32,
) -> Result<Vec<Uuid>, ServiceError> {
    if let Some(rule) = flow.def.options.fallback.clone() {
        let found = resolve(db, flow, step, &rule).await?;
        if !found.is_empty() {
            return Ok(found);
        }
    }
    for role in [OFFICE_DIRECTOR, SYSADMIN] {
        let holders: Vec<Uuid> = people::role_holders(db, role)
            .await?
            .into_iter()
            .map(|h| h.user_id)
            .collect();
        let active = people::able_among(db, &holders, APPROVAL_USE).await?;
        if !active.is_empty() {
            return Ok(active);
        }
    }
    Ok(Vec::new())
}

/// Holders of the role whose scope covers the department (all-school scope always does).
async fn role_reaching(
    db: &impl ConnectionTrait,
    role: &str,
    department: Option<Uuid>,
) -> Result<Vec<Uuid>, ServiceError> {
    let holders = people::role_holders(db, role).await?;
    let ancestors = match department {
        Some(d) => ancestors_of(db, d).await?,
        None => Vec::new(),
    };
    Ok(holders
        .into_iter()
        .filter(|h| match h.scope_kind.as_str() {
            "all" => true,
            "department" => h.scope_department_id.is_some_and(|d| ancestors.contains(&d)),
            _ => false,
        })
        .map(|h| h.user_id)
        .collect())
}

/// The department and its ancestors, nearest first.
pub(crate) async fn ancestors_of(
    db: &impl ConnectionTrait,
    department: Uuid,
) -> Result<Vec<Uuid>, ServiceError> {
    let parents: BTreeMap<Uuid, Option<Uuid>> = departments::parent_links(db).await?.into_iter().collect();
    let mut chain = vec![department];
    let mut current = department;
    while let Some(Some(parent)) = parents.get(&current) {
        if chain.contains(parent) {
            break;
        }
        chain.push(*parent);
        current = *parent;
    }
    Ok(chain)
}

/// The head of the department `levels` above `department` (0 = itself).
async fn head_above(
    db: &impl ConnectionTrait,
    department: Option<Uuid>,
    levels: u8,
) -> Result<Option<Uuid>, ServiceError> {
    let Some(department) = department else {
        return Ok(None);
    };
    let chain = ancestors_of(db, department).await?;
    let Some(target) = chain.get(usize::from(levels)) else {
        return Ok(None);
    };
    Ok(departments::find(db, *target).await?.and_then(|d| d.head_user_id))
}
