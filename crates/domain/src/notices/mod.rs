//! 通知公告, 办事指南 and 操作手册 (domain.md §13): the rules of notices and versioned guides,
//! free of IO, one concern per file: the declarations ([`module`]),
//! life cycles ([`states`]), who a notice reaches ([`audience`]),
//! version differences ([`diff`]) and the half-yearly review ([`review`]).

pub mod audience;
pub mod diff;
pub mod events;
pub mod module;
pub mod permissions;
pub mod review;
pub mod states;
#[cfg(test)]
mod tests;

pub use audience::{Audience, AudienceKind, AudienceRejection, Viewer};
pub use diff::{DiffLine, LineChange, line_diff};
pub use events::{GuideEvent, NoticeEvent};
pub use module::{GUIDE, NOTICE, PUBLIC};
pub use review::{REVIEW_MONTHS, review_due};
pub use states::{
    GUIDE_TRANSITIONS, GuideAction, GuideKind, GuideState, NOTICE_TRANSITIONS, NoticeAction, NoticeState,
};

/// The code under which notices own their attachments and timeline.
pub const NOTICE_CODE: &str = NOTICE.code.as_str();

/// The code under which guides and manuals own their attachments (the flowchart) and timeline.
pub const GUIDE_CODE: &str = GUIDE.code.as_str();

/// Most characters of a guide's category, title and text (the API and the import check them).
pub const GUIDE_CATEGORY_MAX: u64 = 50;
pub const GUIDE_TITLE_MAX: u64 = 200;
pub const GUIDE_BODY_MAX: u64 = 100_000;
