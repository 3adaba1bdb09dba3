//! What the viewer may do now. Each action is offered exactly when the precondition its
//! endpoint checks first holds, so the buttons a client shows and what the server accepts
//! cannot drift apart (the inputs an action needs, like a reason, are the client's to supply).

use super::act::Viewer;
use super::state::Flow;
use super::{assist, decide, route};

pub(crate) fn actions(flow: &Flow, viewer: &Viewer) -> Vec<String> {
    let me = viewer.id;
    let mut out: Vec<&str> = Vec::new();
    if decide::my_open_task(flow, me).is_ok() {
        out.extend(["approve", "reject", "return", "transfer", "add-signer"]);
    }
    if decide::recallable(flow, me).is_ok() {
        out.push("recall");
    }
    if route::resubmittable(flow, me).is_ok() {
        out.push("resubmit");
    }
    if route::withdrawable(flow, me).is_ok() {
        out.push("withdraw");
    }
    if assist::urgeable(flow, me).is_ok() {
        out.push("urge");
    }
    if viewer.admin.is_some() && route::cancellable(flow).is_ok() {
        out.push("cancel");
    }
    if super::handover::reassignable(flow, viewer) {
        out.push("reassign");
    }
    // Anyone who sees the request may comment on it, in any state.
    out.push("comment");
    out.into_iter().map(str::to_owned).collect()
}
