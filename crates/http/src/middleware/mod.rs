//! What every request passes through.

mod envelope;
mod security_headers;

pub use envelope::{LoggedUser, envelope};
pub use security_headers::{CONTENT_SECURITY_POLICY, security_headers};
