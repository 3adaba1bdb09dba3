//! The module's permission codes, for the services that check them.

pub use super::module::{GUIDE_MANAGE, GUIDE_READ, NOTICE_MANAGE, NOTICE_READ};
