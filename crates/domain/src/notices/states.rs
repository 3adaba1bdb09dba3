//! The life cycles: a notice is drafted, published and withdrawn; a guide or manual is drafted,
//! published (again and again, each time as a new version) and may be withdrawn and published
//! anew. Each is one transition table of the domain's state-machine kit.

use crate::state::{InvalidTransition, Transitions, string_enum};

string_enum! {
    /// Where a notice is in its life.
    NoticeState {
        /// 草稿: only the office sees it.
        Draft = "draft",
        /// 已发布: its audience reads it.
        Published = "published",
        /// 已撤回: gone from every list but the office's.
        Withdrawn = "withdrawn",
    }
}

string_enum! {
    /// What can be done to a notice.
    NoticeAction {
        Edit = "edit",
        Publish = "publish",
        Pin = "pin",
        Withdraw = "withdraw",
        /// A reader marks it read (已读).
        Read = "read",
        /// The office reminds those who have not read it.
        Remind = "remind",
    }
}

string_enum! {
    /// Where a guide or manual is in its life.
    GuideState {
        /// 草稿: never published.
        Draft = "draft",
        /// 已发布: its latest version is what readers see.
        Published = "published",
        /// 已停用: no longer shown; publishing again brings it back.
        Withdrawn = "withdrawn",
    }
}

string_enum! {
    /// What can be done to a guide or manual.
    GuideAction {
        Edit = "edit",
        Publish = "publish",
        Withdraw = "withdraw",
    }
}

string_enum! {
    /// 办事指南 or 操作手册.
    GuideKind {
        /// 办事指南: how to get something done at the office.
        Guide = "guide",
        /// 操作手册 (SOP): how the office itself does it, usually with a flowchart.
        Sop = "sop",
    }
}

use NoticeAction as NA;
use NoticeState as NS;

/// The notice's transitions: for each state the actions it allows and where each leads.
pub const NOTICE_TRANSITIONS: Transitions<NoticeState, NoticeAction> = Transitions::new(&[
    (
        NS::Draft,
        &[
            (NA::Edit, NS::Draft),
            (NA::Pin, NS::Draft),
            (NA::Publish, NS::Published),
        ],
    ),
    (
        NS::Published,
        &[
            (NA::Read, NS::Published),
            (NA::Pin, NS::Published),
            (NA::Remind, NS::Published),
            (NA::Withdraw, NS::Withdrawn),
        ],
    ),
]);

use GuideAction as GA;
use GuideState as GS;

/// The guide's transitions.
pub const GUIDE_TRANSITIONS: Transitions<GuideState, GuideAction> = Transitions::new(&[
    (GS::Draft, &[(GA::Edit, GS::Draft), (GA::Publish, GS::Published)]),
    (
        GS::Published,
        &[
            (GA::Edit, GS::Published),
            (GA::Publish, GS::Published),
            (GA::Withdraw, GS::Withdrawn),
        ],
    ),
    (
        GS::Withdrawn,
        &[(GA::Edit, GS::Withdrawn), (GA::Publish, GS::Published)],
    ),
]);

impl NoticeState {
    pub fn apply(self, action: NoticeAction) -> Result<Self, InvalidTransition> {
        NOTICE_TRANSITIONS.apply(self, action)
    }

    /// The actions this state allows that `viewer_may` lets the viewer take, in table order.
    pub fn allowed(self, viewer_may: impl FnMut(NoticeAction) -> bool) -> Vec<NoticeAction> {
        NOTICE_TRANSITIONS.allowed_for(self, viewer_may)
    }
}

impl GuideState {
    pub fn apply(self, action: GuideAction) -> Result<Self, InvalidTransition> {
        GUIDE_TRANSITIONS.apply(self, action)
    }

    pub fn allowed(self, viewer_may: impl FnMut(GuideAction) -> bool) -> Vec<GuideAction> {
        GUIDE_TRANSITIONS.allowed_for(self, viewer_may)
    }
}
