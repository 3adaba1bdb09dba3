//! What the viewer may do now: the actions the request's state allows ([`REQUEST`]) that the
//! viewer's part in it allows too. Each is offered exactly when the precondition its endpoint
//! checks holds, so the buttons a client shows and what the server accepts cannot drift apart
//! (the inputs an action needs, like a reason, are the client's to supply).

use xiaoban_domain::approvals::request::{REQUEST, RequestAction};
use xiaoban_persistence::approvals::EventRow;

use super::input::Viewer;
use super::state::Flow;
use super::{assist, decide, handover, remove_signer, route};

pub(crate) fn actions(flow: &Flow, viewer: &Viewer, timeline: &[EventRow]) -> Vec<RequestAction> {
    REQUEST.allowed_for(flow.status(), |action| may(flow, viewer, timeline, action))
}

fn may(flow: &Flow, viewer: &Viewer, timeline: &[EventRow], action: RequestAction) -> bool {
    let me = viewer.id;
    match action {
        RequestAction::Approve
        | RequestAction::Reject
        | RequestAction::Return
        | RequestAction::Transfer
        | RequestAction::AddSigner => super::state::my_open_task(flow, me).is_ok(),
        RequestAction::Recall => decide::recallable(flow, me).is_ok(),
        RequestAction::Resubmit => route::resubmittable(flow, me).is_ok(),
        RequestAction::Withdraw => route::withdrawable(flow, me).is_ok(),
        RequestAction::Urge => assist::urgeable(flow, me).is_ok(),
        RequestAction::Cancel => viewer.admin.is_some() && route::cancellable(flow).is_ok(),
        RequestAction::Reassign => handover::reassignable(flow, viewer),
        RequestAction::RemoveSigner => remove_signer::offered(flow, viewer, timeline),
        // Anyone who sees the request may comment on it, in any state.
        RequestAction::Comment => true,
    }
}
