//! 连续多级主管: the heads of the applicant's department and of every department above it.

use uuid::Uuid;
use xiaoban_domain::approvals::sequence;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::approvals::people;
use xiaoban_persistence::identity::departments;

use super::resolve::ancestors_of;
use super::state::Flow;
use crate::ServiceError;

/// The chain's heads, nearest first (see [`sequence::manager_chain`]).
pub(crate) async fn heads(
    db: &impl ConnectionTrait,
    flow: &Flow,
    up_to: Option<u8>,
    until_role: Option<&str>,
) -> Result<Vec<Uuid>, ServiceError> {
    let Some(department) = flow.inst.department_id else {
        return Ok(Vec::new());
    };
    let mut heads = Vec::new();
    for id in ancestors_of(db, department).await? {
        heads.push(departments::find(db, id).await?.and_then(|d| d.head_user_id));
    }
    let role_holders: Vec<Uuid> = match until_role {
        Some(role) => people::role_holders(db, role)
            .await?
            .into_iter()
            .map(|h| h.user_id)
            .collect(),
        None => Vec::new(),
    };
    Ok(sequence::manager_chain(
        flow.inst.applicant_id,
        &heads,
        up_to,
        |head| role_holders.contains(&head),
    ))
}
