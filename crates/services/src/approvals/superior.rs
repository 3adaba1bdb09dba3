//! The applicant's superior, for a step whose only approver is the applicant: the head of their
//! department, then its leader in charge (分管校领导), then the principal (the leader in charge
//! of the top department, else its head), then the template's fallback, the office director and
//! the system administrators. Never the applicant: whoever is the applicant is passed over.

use uuid::Uuid;
use xiaoban_domain::access::role_codes::{OFFICE_DIRECTOR, SYSADMIN};
use xiaoban_domain::approvals::self_approval::first_other;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::approvals::people;
use xiaoban_persistence::identity::departments;

use super::resolve::resolve;
use super::state::Flow;
use super::state::TaskState;
use crate::ServiceError;

/// The applicant's superior: the first of the chain with an active person other than them.
pub(crate) async fn superior(
    db: &impl ConnectionTrait,
    flow: &Flow,
    step: i32,
) -> Result<Vec<Uuid>, ServiceError> {
    let mut chain = organisation_chain(db, flow.inst.department_id).await?;
    if let Some(rule) = flow.def.options.fallback.clone() {
        chain.push(resolve(db, flow, step, &rule).await?);
    }
    for role in [OFFICE_DIRECTOR, SYSADMIN] {
        let holders: Vec<Uuid> = people::role_holders(db, role)
            .await?
            .into_iter()
            .map(|h| h.user_id)
            .collect();
        chain.push(holders);
    }
    let mut active = Vec::with_capacity(chain.len());
    for group in chain {
        active.push(people::active_among(db, &group).await?);
    }
    Ok(first_other(flow.inst.applicant_id, &active))
}

/// Head, leader in charge, principal of the department's organisation, each as a group.
async fn organisation_chain(
    db: &impl ConnectionTrait,
    department: Option<Uuid>,
) -> Result<Vec<Vec<Uuid>>, ServiceError> {
    let Some(department) = department else {
        return Ok(Vec::new());
    };
    let mut chain = Vec::new();
    if let Some(row) = departments::find(db, department).await? {
        chain.push(row.head_user_id.into_iter().collect());
        chain.push(row.leader_user_id.into_iter().collect());
    }
    let links = departments::parent_links(db).await?;
    let mut top = department;
    let mut seen = vec![department];
    while let Some(parent) = links.iter().find(|(d, _)| *d == top).and_then(|(_, p)| *p) {
        if seen.contains(&parent) {
            break;
        }
        seen.push(parent);
        top = parent;
    }
    if let Some(root) = departments::find(db, top).await? {
        chain.push(root.leader_user_id.into_iter().collect());
        chain.push(root.head_user_id.into_iter().collect());
    }
    Ok(chain)
}

/// Whether someone other than the applicant approved a step of this round.
pub(crate) fn approved_by_someone_else(flow: &Flow) -> bool {
    approvers_in_round(flow)
        .iter()
        .any(|a| *a != flow.inst.applicant_id)
}

/// Everyone who approved a step of this round in person: an approval the system gave on a
/// timeout is nobody's decision and never satisfies the "someone else approved" guarantee.
pub(crate) fn approvers_in_round(flow: &Flow) -> Vec<Uuid> {
    flow.tasks
        .iter()
        .filter(|t| t.cycle == flow.inst.cycle && t.is_decision())
        .filter(|t| t.approved_in_person())
        .map(|t| t.assignee_id)
        .collect()
}

/// Whether a step after `step` applies to the request's values.
pub(crate) fn later_step_applies(flow: &Flow, step: i32) -> bool {
    let form = flow.form();
    let from = usize::try_from(step + 1).unwrap_or(usize::MAX);
    flow.def
        .steps
        .iter()
        .skip(from)
        .any(|s| s.condition.as_ref().is_none_or(|c| c.evaluate(&form)))
}
