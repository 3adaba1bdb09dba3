use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;
use xiaoban_services::notifications::{NoticeKind, NotificationView};

#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct NotificationQuery {
    /// Only unread notifications.
    pub unread: Option<bool>,
}

/// Why the user is notified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKindOut {
    /// 待办：a task was assigned to the user.
    TaskAssigned,
    /// 结果：a decision on the user's request.
    Decision,
    /// 催办.
    Urged,
    /// 即将到期.
    DeadlineApproaching,
    /// 已逾期.
    Overdue,
    /// 抄送.
    Cc,
    /// 评论.
    Comment,
    /// 系统通知.
    System,
}

impl From<NoticeKind> for NoticeKindOut {
    fn from(kind: NoticeKind) -> Self {
        match kind {
            NoticeKind::TaskAssigned => Self::TaskAssigned,
            NoticeKind::Decision => Self::Decision,
            NoticeKind::Urged => Self::Urged,
            NoticeKind::DeadlineApproaching => Self::DeadlineApproaching,
            NoticeKind::Overdue => Self::Overdue,
            NoticeKind::Cc => Self::Cc,
            NoticeKind::Comment => Self::Comment,
            NoticeKind::System => Self::System,
        }
    }
}

/// One notification of the signed-in user.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NotificationOut {
    pub id: Uuid,
    pub kind: NoticeKindOut,
    #[schema(example = "待审批：请假申请（王老师）")]
    pub title: String,
    pub body: String,
    /// Where the web app goes on click (a path of the app), if anywhere.
    #[schema(example = "/approvals/01937a6e-0000-7000-8000-000000000000")]
    pub link: Option<String>,
    /// The module of the record it is about, e.g. `approval`.
    pub subject_module: Option<String>,
    pub subject_id: Option<Uuid>,
    /// Extra values for the web app; the shape depends on `kind` and the module.
    pub data: serde_json::Value,
    pub created_at: DateTime<Utc>,
    /// When the user marked it read; `null` while unread.
    pub read_at: Option<DateTime<Utc>>,
}

impl From<NotificationView> for NotificationOut {
    fn from(v: NotificationView) -> Self {
        Self {
            id: v.id,
            kind: v.kind.into(),
            title: v.title,
            body: v.body,
            link: v.link,
            subject_module: v.subject_module,
            subject_id: v.subject_id,
            data: v.data,
            created_at: v.created_at,
            read_at: v.read_at,
        }
    }
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct UnreadCountOut {
    /// Unread notifications of the signed-in user.
    pub count: u64,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReadAllOut {
    /// How many notifications were unread and are now read.
    pub updated: u64,
}
