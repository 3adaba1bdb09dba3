//! States of requests and tasks, and how the decisions of one step add up.

use super::definition::{Ratio, StepMode};
use crate::state::string_enum;

string_enum! {
    /// Where a request stands.
    InstanceStatus {
        Running = "running",
        Returned = "returned",
        Approved = "approved",
        Rejected = "rejected",
        Withdrawn = "withdrawn",
        Cancelled = "cancelled",
    }
}

impl InstanceStatus {
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::Approved | Self::Rejected | Self::Withdrawn | Self::Cancelled
        )
    }
}

string_enum! {
    /// What a task asks of its holder.
    TaskKind {
        /// A decision that counts towards the step.
        Approve = "approve",
        /// A copy to read (抄送).
        Cc = "cc",
    }
}

string_enum! {
    /// Where one task stands.
    TaskStatus {
        /// Waiting for this person's decision.
        Pending = "pending",
        /// Added a signer before themselves; waits for that signer.
        Waiting = "waiting",
        Approved = "approved",
        Rejected = "rejected",
        /// This person sent the request back.
        Returned = "returned",
        Transferred = "transferred",
        /// Put aside while the request is back with the applicant or an earlier step.
        Suspended = "suspended",
        /// In a sequential step (依次审批): waits for the people before it in the order to
        /// approve; not yet this person's to act on.
        Queued = "queued",
        /// No longer needed: the step was decided by someone else.
        Closed = "closed",
        /// Ended because the request was withdrawn, cancelled or rejected.
        Cancelled = "cancelled",
        /// Replaced by a later round (a return to an earlier step or a restart).
        Superseded = "superseded",
        /// A copy (抄送) not yet opened / opened.
        Unread = "unread",
        Read = "read",
        /// Moved to someone else because its holder cannot act any more (disabled, no
        /// `approval.use`) or by an approvals administrator (改派); the holder did not decide.
        Reassigned = "reassigned",
        /// An added signer taken off the step before they acted (减签): the step settles as if
        /// they had never been added.
        Removed = "removed",
    }
}

impl TaskStatus {
    /// The person still has to act.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Pending | Self::Waiting)
    }
}

string_enum! {
    /// Why a task exists.
    TaskOrigin {
        /// The step's approver rule (or its fallback).
        Rule = "rule",
        /// Handed over by another approver.
        Transfer = "transfer",
        /// Added before the adding approver; required whatever the mode.
        AddBefore = "add_before",
        /// Added after the adding approver; required whatever the mode.
        AddAfter = "add_after",
        /// Added when the step's deadline passed.
        Escalation = "escalation",
        /// A copy.
        Cc = "cc",
    }
}

impl TaskOrigin {
    /// Added signers must all approve, whatever the step's mode.
    pub fn is_added_signer(self) -> bool {
        matches!(self, Self::AddBefore | Self::AddAfter)
    }
}

/// A step's outcome so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tally {
    Undecided,
    Passed,
    Rejected,
}

/// Counts of one step's live tasks in the current round.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StepCounts {
    /// Tasks from the rule, transfers and escalations.
    pub approved: usize,
    pub rejected: usize,
    pub open: usize,
    /// Added signers.
    pub added_open: usize,
    pub added_rejected: usize,
}

/// Whether a step has passed, failed or still waits. Added signers must all approve; a rejection
/// by anyone in an or-sign or countersign step rejects; a ratio step fails once the ratio can no
/// longer be reached.
pub fn tally(mode: StepMode, ratio: Option<Ratio>, counts: StepCounts) -> Tally {
    let StepCounts {
        approved,
        rejected,
        open,
        added_open,
        added_rejected,
    } = counts;
    if added_rejected > 0 {
        return Tally::Rejected;
    }
    let total = approved + rejected + open;
    let outcome = match mode {
        StepMode::Or if rejected > 0 => Tally::Rejected,
        StepMode::Or if approved > 0 => Tally::Passed,
        StepMode::All if rejected > 0 => Tally::Rejected,
        StepMode::All if approved == total && total > 0 => Tally::Passed,
        // Queued signers count as open: the step passes once the last in the order approved.
        StepMode::Sequential if rejected > 0 => Tally::Rejected,
        StepMode::Sequential if approved == total && total > 0 => Tally::Passed,
        StepMode::Ratio => {
            let Ratio {
                numerator,
                denominator,
            } = ratio.unwrap_or(Ratio {
                numerator: 1,
                denominator: 1,
            });
            let needed = (total * usize::from(numerator))
                .div_ceil(usize::from(denominator.max(1)))
                .max(1);
            if approved >= needed {
                Tally::Passed
            } else if approved + open < needed {
                Tally::Rejected
            } else {
                Tally::Undecided
            }
        }
        _ => Tally::Undecided,
    };
    if outcome == Tally::Passed && added_open > 0 {
        Tally::Undecided
    } else {
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(approved: usize, rejected: usize, open: usize) -> StepCounts {
        StepCounts {
            approved,
            rejected,
            open,
            ..StepCounts::default()
        }
    }

    #[test]
    fn or_sign_is_decided_by_the_first_decision() {
        assert_eq!(tally(StepMode::Or, None, counts(0, 0, 3)), Tally::Undecided);
        assert_eq!(tally(StepMode::Or, None, counts(1, 0, 2)), Tally::Passed);
        assert_eq!(tally(StepMode::Or, None, counts(0, 1, 2)), Tally::Rejected);
    }

    #[test]
    fn countersign_needs_everyone_and_fails_on_one_rejection() {
        assert_eq!(tally(StepMode::All, None, counts(2, 0, 1)), Tally::Undecided);
        assert_eq!(tally(StepMode::All, None, counts(3, 0, 0)), Tally::Passed);
        assert_eq!(tally(StepMode::All, None, counts(2, 1, 0)), Tally::Rejected);
    }

    #[test]
    fn two_thirds_of_three_passes_with_two_and_fails_once_unreachable() {
        let two_thirds = Some(Ratio {
            numerator: 2,
            denominator: 3,
        });
        assert_eq!(
            tally(StepMode::Ratio, two_thirds, counts(1, 0, 2)),
            Tally::Undecided
        );
        assert_eq!(tally(StepMode::Ratio, two_thirds, counts(2, 0, 1)), Tally::Passed);
        assert_eq!(
            tally(StepMode::Ratio, two_thirds, counts(1, 1, 1)),
            Tally::Undecided
        );
        assert_eq!(
            tally(StepMode::Ratio, two_thirds, counts(0, 2, 1)),
            Tally::Rejected
        );
        // 2/3 of 4 is 2.67: three approvals are needed.
        assert_eq!(
            tally(StepMode::Ratio, two_thirds, counts(2, 1, 1)),
            Tally::Undecided
        );
        assert_eq!(
            tally(StepMode::Ratio, two_thirds, counts(2, 2, 0)),
            Tally::Rejected
        );
    }

    #[test]
    fn added_signers_hold_a_passed_step_and_their_rejection_rejects() {
        let held = StepCounts {
            approved: 1,
            added_open: 1,
            ..StepCounts::default()
        };
        assert_eq!(tally(StepMode::Or, None, held), Tally::Undecided);
        let refused = StepCounts {
            approved: 1,
            added_rejected: 1,
            ..StepCounts::default()
        };
        assert_eq!(tally(StepMode::All, None, refused), Tally::Rejected);
    }

    #[test]
    fn sequential_passes_only_when_the_last_in_order_approved() {
        let seq = StepMode::Sequential;
        assert_eq!(tally(seq, None, counts(1, 0, 2)), Tally::Undecided);
        assert_eq!(tally(seq, None, counts(2, 1, 0)), Tally::Rejected);
        assert_eq!(tally(seq, None, counts(3, 0, 0)), Tally::Passed);
    }

    #[test]
    fn statuses_round_trip_through_text() {
        for s in TaskStatus::ALL {
            assert_eq!(TaskStatus::parse(s.as_str()), Some(*s));
        }
        for s in InstanceStatus::ALL {
            assert_eq!(InstanceStatus::parse(s.as_str()), Some(*s));
        }
        assert_eq!(TaskStatus::parse("nope"), None);
    }
}
