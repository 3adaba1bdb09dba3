//! Template-level copies (抄送): at submission, when the request ends approved, when it ends
//! rejected, as the template's options say. People are found by the same rules as steps'
//! approvers; each person holds one copy of a request however many reasons name them.

use uuid::Uuid;
use xiaoban_domain::approvals::definition::CopyMoment;
use xiaoban_domain::approvals::flow::{InstanceStatus, TaskOrigin, TaskStatus};
use xiaoban_persistence::ConnectionTrait;

use super::engine::notify;
use super::resolve::resolve;
use super::state::{Flow, TaskState};
use crate::ServiceError;
use crate::notifications::NoticeKind;

/// The copies a request's end sends, if it ended approved or rejected.
pub(crate) async fn copy_at_end(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    status: InstanceStatus,
) -> Result<(), ServiceError> {
    match status {
        InstanceStatus::Approved => copy_at(db, flow, CopyMoment::Approved).await,
        InstanceStatus::Rejected => copy_at(db, flow, CopyMoment::Rejected).await,
        _ => Ok(()),
    }
}

/// Copies the request to the people the template names for `moment`, leaving out the applicant
/// and whoever already holds a copy of it (from a step or another moment).
pub(crate) async fn copy_at(
    db: &impl ConnectionTrait,
    flow: &mut Flow,
    moment: CopyMoment,
) -> Result<(), ServiceError> {
    let rules = flow.def.options.copies_at(moment).to_vec();
    if rules.is_empty() {
        return Ok(());
    }
    let held: Vec<Uuid> = flow
        .tasks
        .iter()
        .filter(|t| t.is_copy() && (t.has_status(TaskStatus::Unread) || t.has_status(TaskStatus::Read)))
        .map(|t| t.assignee_id)
        .collect();
    let step = moment.step_index();
    let mut people: Vec<Uuid> = Vec::new();
    for rule in &rules {
        for id in resolve(db, flow, step, rule).await? {
            if id != flow.inst.applicant_id && !held.contains(&id) && !people.contains(&id) {
                people.push(id);
            }
        }
    }
    for person in &people {
        flow.add_task(step, *person, TaskOrigin::Cc, None);
    }
    let title = format!("抄送：{}", flow.inst.title);
    notify(flow, NoticeKind::Cc, people, title, moment.label().to_owned());
    Ok(())
}
