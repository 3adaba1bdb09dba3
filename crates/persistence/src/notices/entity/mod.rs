//! The module's tables.

pub mod guide;
pub mod guide_version;
pub mod notice;
pub mod notice_receipt;
pub mod notice_target;
