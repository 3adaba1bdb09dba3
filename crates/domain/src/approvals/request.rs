//! A request's life cycle: what people may do to it in each state (the buttons of
//! `ApprovalOut.actions`) and the words of its timeline.

use super::flow::InstanceStatus;
use crate::state::{Transitions, string_enum};

string_enum! {
    /// What a person does to a request: the segment of `POST /approvals/{id}/{action}`.
    RequestAction {
        Approve = "approve",
        Reject = "reject",
        Return = "return",
        Transfer = "transfer",
        AddSigner = "add-signer",
        Recall = "recall",
        Resubmit = "resubmit",
        Withdraw = "withdraw",
        Urge = "urge",
        Cancel = "cancel",
        Reassign = "reassign",
        RemoveSigner = "remove-signer",
        Comment = "comment",
    }
}

impl RequestAction {
    /// The action as one identifier word (`add_signer`), as audit rows and the timeline name it.
    pub fn code(self) -> &'static str {
        match self {
            Self::AddSigner => "add_signer",
            Self::RemoveSigner => "remove_signer",
            other => other.as_str(),
        }
    }
}

use InstanceStatus::{Cancelled, Returned, Running, Withdrawn};
use RequestAction::*;

/// The state right after each action. Decisions keep a request running: whether its step then
/// passes, fails or goes back to the applicant follows from the step's decisions (see
/// [`super::flow::tally`]), not from the action alone. A final state allows only comments.
pub const REQUEST: Transitions<InstanceStatus, RequestAction> = Transitions::new(&[
    (
        Running,
        &[
            (Approve, Running),
            (Reject, Running),
            (Return, Running),
            (Transfer, Running),
            (AddSigner, Running),
            (Recall, Running),
            (Withdraw, Withdrawn),
            (Urge, Running),
            (Cancel, Cancelled),
            (Reassign, Running),
            (RemoveSigner, Running),
            (Comment, Running),
        ],
    ),
    (
        Returned,
        &[
            (Resubmit, Running),
            (Withdraw, Withdrawn),
            (Cancel, Cancelled),
            (Comment, Returned),
        ],
    ),
    (InstanceStatus::Approved, &[(Comment, InstanceStatus::Approved)]),
    (InstanceStatus::Rejected, &[(Comment, InstanceStatus::Rejected)]),
    (Withdrawn, &[(Comment, Withdrawn)]),
    (Cancelled, &[(Comment, Cancelled)]),
]);

string_enum! {
    /// One line of a request's timeline (流转记录).
    EventAction {
        Submit = "submit",
        StepEntered = "step_entered",
        StepSkipped = "step_skipped",
        /// The step's rule found nobody: its fallback approvers were used.
        Fallback = "fallback",
        /// The approver is out of office: `data.chain` holds the delegation chain.
        Delegated = "delegated",
        Approve = "approve",
        Reject = "reject",
        Return = "return",
        Resubmit = "resubmit",
        Transfer = "transfer",
        AddSigner = "add_signer",
        Comment = "comment",
        Urge = "urge",
        Recall = "recall",
        Withdraw = "withdraw",
        Cancel = "cancel",
        Overdue = "overdue",
        Escalate = "escalate",
        StepPassed = "step_passed",
        StepReopened = "step_reopened",
        Finished = "finished",
        /// The applicant was the step's only approver: their superior decides.
        ToSuperior = "to_superior",
        /// The applicant's submission confirmed the step, as the template allows.
        ApplicantConfirmed = "applicant_confirmed",
        /// No one else had approved: the last step goes to the applicant's superior.
        SuperiorRequired = "superior_required",
        /// A sequential step's next signer in order got their task.
        NextInOrder = "next_in_order",
        Reassign = "reassign",
        /// 减签: `data.removed` is the person.
        RemoveSigner = "remove_signer",
        /// A parallel block: every branch starts.
        BlockEntered = "block_entered",
        /// `data.branch` passed its last step.
        BranchPassed = "branch_passed",
        /// A branch step failed: the request is rejected.
        BranchRejected = "branch_rejected",
        /// A return from a branch closed the other branches' open tasks.
        BranchWithdrawn = "branch_withdrawn",
    }
}

impl EventAction {
    /// How a person's action reads on the timeline.
    pub fn of(action: RequestAction) -> Self {
        match action {
            RequestAction::Approve => Self::Approve,
            RequestAction::Reject => Self::Reject,
            RequestAction::Return => Self::Return,
            RequestAction::Transfer => Self::Transfer,
            RequestAction::AddSigner => Self::AddSigner,
            RequestAction::Recall => Self::Recall,
            RequestAction::Resubmit => Self::Resubmit,
            RequestAction::Withdraw => Self::Withdraw,
            RequestAction::Urge => Self::Urge,
            RequestAction::Cancel => Self::Cancel,
            RequestAction::Reassign => Self::Reassign,
            RequestAction::RemoveSigner => Self::RemoveSigner,
            RequestAction::Comment => Self::Comment,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_a_row_and_every_target_is_a_status_with_a_row() {
        for status in InstanceStatus::ALL {
            assert!(REQUEST.allowed(*status).next().is_some(), "{status} has no row");
        }
        for target in REQUEST.targets() {
            assert!(REQUEST.apply(target, Comment).is_ok());
        }
    }

    #[test]
    fn a_final_request_takes_comments_only() {
        for status in InstanceStatus::ALL.iter().filter(|s| s.is_final()) {
            assert_eq!(REQUEST.allowed(*status).collect::<Vec<_>>(), [Comment]);
            let refused = REQUEST.apply(*status, Approve);
            assert_eq!(
                refused.err().map(|e| (e.state, e.action)),
                Some((status.as_str(), "approve"))
            );
        }
    }

    #[test]
    fn only_a_returned_request_is_resubmitted_and_it_runs_again() {
        assert_eq!(REQUEST.apply(Returned, Resubmit), Ok(Running));
        assert!(REQUEST.apply(Running, Resubmit).is_err());
        assert!(REQUEST.apply(Returned, Approve).is_err());
        assert!(REQUEST.apply(Returned, Urge).is_err());
    }

    #[test]
    fn withdrawing_and_cancelling_end_a_live_request() {
        for live in [Running, Returned] {
            assert_eq!(REQUEST.apply(live, Withdraw), Ok(Withdrawn));
            assert_eq!(REQUEST.apply(live, Cancel), Ok(Cancelled));
        }
    }

    #[test]
    fn every_person_action_reads_as_its_own_timeline_word() {
        for action in RequestAction::ALL {
            assert_eq!(EventAction::of(*action).as_str(), action.code());
        }
    }
}
