//! Out-of-office delegation follows chains: while A is away their task goes to B, and if B is
//! away too, on to C. A loop (C delegated back to A) or a delegate who cannot act (disabled, no
//! `approval.use`) or who is the applicant stops the chain at the last available person.

use chrono::{DateTime, Utc};
use uuid::Uuid;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::approvals::{delegations, people};

use super::handover::can_act;
use crate::ServiceError;

/// Longer chains than this are cut: nobody sets up eight absences in a row on purpose.
const MAX_CHAIN: usize = 8;

/// The people a task passes through, starting with `approver`; the last one gets the task.
pub(crate) async fn delegation_chain(
    db: &impl ConnectionTrait,
    approver: Uuid,
    applicant: Uuid,
    now: DateTime<Utc>,
) -> Result<Vec<Uuid>, ServiceError> {
    let mut chain = vec![approver];
    while chain.len() < MAX_CHAIN {
        let current = chain.last().copied().unwrap_or(approver);
        let Some(delegation) = delegations::active_for(db, current, now).await? else {
            break;
        };
        let next = delegation.delegate_id;
        if chain.contains(&next) || next == applicant || !can_act(db, next).await? {
            break;
        }
        chain.push(next);
    }
    Ok(chain)
}

/// The chain in words for the timeline: "王主任 → 李文书 → 赵专员（委托）".
pub(crate) async fn chain_text(db: &impl ConnectionTrait, chain: &[Uuid]) -> Result<String, ServiceError> {
    let names = people::names(db, chain).await?;
    let words: Vec<String> = chain
        .iter()
        .map(|id| names.get(id).cloned().unwrap_or_default())
        .collect();
    Ok(format!("{}（委托）", words.join(" → ")))
}
