//! Storage of notices (with audiences and read receipts) and of guides (with their versions).

pub mod audience;
pub mod entity;
pub mod guides;
pub mod receipts;
pub mod store;

pub use entity::{guide, guide_version, notice, notice_receipt, notice_target};
