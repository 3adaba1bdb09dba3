//! What every request passes through.

mod envelope;

pub use envelope::{LoggedUser, envelope};
