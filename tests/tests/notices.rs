//! 通知公告, 办事指南 and 操作手册 over HTTP: audiences, read receipts, versions, the public
//! reads and the half-yearly review reminders.

pub mod support;

mod attachments;
mod audience;
mod guides;
mod history;
mod import;
mod public;
mod receipts;
mod review;
