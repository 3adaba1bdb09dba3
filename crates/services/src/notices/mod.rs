//! 通知公告, 办事指南 and 操作手册: the use cases of the notices module.
//!
//! Notices go to an audience (everyone, departments, roles), are read and acknowledged
//! (已读回执), and the office reminds those who have not read them. Guides and manuals keep
//! every published version; readers only ever see what was published, the office edits a
//! working copy. Public lists ([`public`]) show only what is published and marked public.

mod audience;
mod demo;
mod events;
mod guide_import;
mod guide_views;
mod guides;
mod history;
mod module;
mod notice_steps;
mod notice_views;
pub mod public;
mod receipts;
mod review;

pub use guide_import::{GuideCol, GuideImportReport};
pub use guide_views::{GuideDiff, GuideDraft, GuidePatch, GuideQuery, GuideVersionView, GuideView};
pub use module::{GuidesModule, NoticesModule};
pub use notice_views::{NoticeDraft, NoticePatch, NoticeQuery, NoticeView};
pub use receipts::{ReceiptQuery, ReceiptView, ReceiptsView};
pub use review::ReviewReport;

use xiaoban_domain::paging::ListKeys;
use xiaoban_persistence::notices::{guides as guide_store, store};

/// The notice lists' keys (sorts, default order).
pub static NOTICE_LIST: &dyn ListKeys = &store::SPEC;
/// The guide lists' keys.
pub static GUIDE_LIST: &dyn ListKeys = &guide_store::SPEC;
/// The public guide list's keys (nothing internal, such as review dates).
pub static PUBLIC_GUIDE_LIST: &dyn ListKeys = &guide_store::PUBLIC_SPEC;
