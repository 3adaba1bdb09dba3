//! Nobody approves their own request. When a step's approvers come down to the applicant alone,
//! the step's [`SelfApproval`] setting decides what happens; whatever it says, no task goes to the
//! applicant and a request is approved only after someone else's decision (unless every step is
//! explicitly left to the applicant's own confirmation).

#[cfg(test)]
mod branch_tests;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What a step does when its only approver is the applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SelfApproval {
    /// The applicant's superior decides instead (department head, leader in charge, principal,
    /// the template's fallback; never the applicant). Stored definitions without the setting
    /// get this.
    #[default]
    Superior,
    /// The applicant's own submission confirms the step; the timeline says so.
    ApplicantConfirms,
    /// The step is skipped, allowed only while a later step (or an approval already given) is
    /// someone else's decision; otherwise it falls to the superior.
    Skip,
}

/// How one step goes, given whom its rule named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepPlan {
    /// Tasks for these people; never the applicant, never empty unless nobody else exists.
    Assign(Vec<Uuid>),
    /// Passed on the applicant's own confirmation.
    ApplicantConfirmed,
    /// Passed over: someone else decides elsewhere.
    Skipped,
}

/// Where the rest of the request stands, for deciding a step whose only approver is the applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Elsewhere {
    /// Someone other than the applicant already approved a step of this round.
    pub approved_by_someone_else: bool,
    /// A later step applies to this request (the last one that applies always reaches someone
    /// else, so a later one is enough).
    pub later_step_applies: bool,
    /// Every step of the template is set to [`SelfApproval::ApplicantConfirms`].
    pub every_step_confirms: bool,
}

/// Plans a step. `approvers` is what the step's rule (or the fallback) named; `superior` is the
/// applicant's superior from [`first_other`].
pub fn plan_step(
    applicant: Uuid,
    setting: SelfApproval,
    approvers: &[Uuid],
    superior: &[Uuid],
    elsewhere: Elsewhere,
) -> StepPlan {
    let others = without(applicant, approvers);
    if !others.is_empty() {
        return StepPlan::Assign(others);
    }
    let independent = elsewhere.approved_by_someone_else || elsewhere.later_step_applies;
    match setting {
        SelfApproval::ApplicantConfirms if independent || elsewhere.every_step_confirms => {
            StepPlan::ApplicantConfirmed
        }
        SelfApproval::Skip if independent => StepPlan::Skipped,
        _ => StepPlan::Assign(without(applicant, superior)),
    }
}

/// Whether a request that has passed its last step still needs someone else's approval before it
/// is approved (no step applied, or every one that did was the applicant's own). The engine then
/// hands the last step to the superior.
pub fn needs_someone_else(applicant: Uuid, approved_by: &[Uuid], every_step_confirms: bool) -> bool {
    !every_step_confirms && approved_by.iter().all(|p| *p == applicant)
}

/// The first group of people in `chain` with someone other than the applicant in it, without the
/// applicant: the superior chain is head, leader in charge, principal, fallbacks.
pub fn first_other(applicant: Uuid, chain: &[Vec<Uuid>]) -> Vec<Uuid> {
    chain
        .iter()
        .map(|group| without(applicant, group))
        .find(|group| !group.is_empty())
        .unwrap_or_default()
}

/// Whom a task goes to when its approver is away: the delegate, unless the delegate is the
/// applicant; then the superior, or the approver themself when they are the superior.
pub fn delegated_assignee(
    applicant: Uuid,
    approver: Uuid,
    delegate: Option<Uuid>,
    superior: &[Uuid],
) -> Uuid {
    match delegate {
        Some(d) if d == applicant => superior
            .iter()
            .copied()
            .find(|s| *s != applicant && *s != approver)
            .filter(|_| !superior.contains(&approver))
            .unwrap_or(approver),
        Some(d) => d,
        None => approver,
    }
}

fn without(applicant: Uuid, people: &[Uuid]) -> Vec<Uuid> {
    let mut out: Vec<Uuid> = Vec::with_capacity(people.len());
    for p in people {
        if *p != applicant && !out.contains(p) {
            out.push(*p);
        }
    }
    out
}
