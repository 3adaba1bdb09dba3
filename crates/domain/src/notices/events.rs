//! The words of the notices' and guides' timelines (流转记录): every step of the office, plus
//! what has no transition of its own (creating, the clock's review reminder).

use super::states::{GuideAction, NoticeAction};
use crate::state::string_enum;

string_enum! {
    /// One line of a notice's timeline.
    NoticeEvent {
        /// 创建草稿.
        Create = "create",
        Edit = "edit",
        Publish = "publish",
        Pin = "pin",
        Withdraw = "withdraw",
        /// A reader's 已读; receipts keep reads, so no line says it today.
        Read = "read",
        /// `data.reminded`: how many unread readers were reminded.
        Remind = "remind",
    }
}

string_enum! {
    /// One line of a guide's or manual's timeline.
    GuideEvent {
        Create = "create",
        Edit = "edit",
        /// `data.publishedVersion`: the version it became.
        Publish = "publish",
        Withdraw = "withdraw",
        /// By the clock: the half-yearly review is due (`data.reviewDue`).
        ReviewReminded = "review_reminded",
    }
}

impl From<NoticeAction> for NoticeEvent {
    fn from(action: NoticeAction) -> Self {
        match action {
            NoticeAction::Edit => Self::Edit,
            NoticeAction::Publish => Self::Publish,
            NoticeAction::Pin => Self::Pin,
            NoticeAction::Withdraw => Self::Withdraw,
            NoticeAction::Read => Self::Read,
            NoticeAction::Remind => Self::Remind,
        }
    }
}

impl From<GuideAction> for GuideEvent {
    fn from(action: GuideAction) -> Self {
        match action {
            GuideAction::Edit => Self::Edit,
            GuideAction::Publish => Self::Publish,
            GuideAction::Withdraw => Self::Withdraw,
        }
    }
}
