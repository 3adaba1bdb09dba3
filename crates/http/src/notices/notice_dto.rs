//! Request and response bodies of the notice endpoints.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;
use xiaoban_services::notices::{NoticeView, ReceiptView};

use crate::files::FileOut;
use xiaoban_domain::notices::{AudienceKind, NoticeAction, NoticeState};

/// Who a notice reaches.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AudienceDto {
    pub kind: AudienceKind,
    /// With `departments`: the departments (their sub-departments are included).
    #[serde(default)]
    #[validate(length(max = 200))]
    pub department_ids: Vec<Uuid>,
    /// With `roles`: role codes, e.g. `dept_head`.
    #[serde(default)]
    #[validate(length(max = 200))]
    #[schema(example = json!(["dept_head"]))]
    pub role_codes: Vec<String>,
}

/// A new notice (a draft until published).
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NoticeIn {
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "关于第三周教职工例会的通知")]
    pub title: String,
    /// Plain text; line breaks are kept.
    #[validate(length(max = 50000))]
    pub body: String,
    #[validate(nested)]
    pub audience: AudienceDto,
    /// Shown at the top of the lists.
    #[serde(default)]
    pub pinned: bool,
    /// Also shown without sign-in (`/api/v1/public/notices`) once published.
    #[serde(default)]
    pub is_public: bool,
    /// The caller's own uploads (`POST /api/v1/files`).
    #[serde(default)]
    #[validate(length(max = 20))]
    pub attachment_ids: Vec<Uuid>,
}

/// Changes to a draft; absent fields stay.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NoticePatchIn {
    #[validate(length(min = 1, max = 200))]
    pub title: Option<String>,
    #[validate(length(max = 50000))]
    pub body: Option<String>,
    #[validate(nested)]
    pub audience: Option<AudienceDto>,
    pub is_public: Option<bool>,
    /// The draft's attachments after the edit: files not named are detached; new ones must be
    /// the caller's uploads (`POST /api/v1/files`).
    #[validate(length(max = 20))]
    pub attachment_ids: Option<Vec<Uuid>>,
    /// The version edited (or `If-Match`).
    pub version: Option<i32>,
}

/// The body of a step (publish, withdraw): the version it is based on, if the client knows it.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NoticeStepIn {
    pub version: Option<i32>,
}

/// Pins or unpins a notice.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PinIn {
    pub pinned: bool,
    pub version: Option<i32>,
}

/// Filters of the notice list.
#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct NoticeQueryIn {
    /// The office only; readers always see published notices.
    pub status: Option<NoticeState>,
    /// Only those the caller has (`true`) or has not (`false`) read.
    pub read: Option<bool>,
}

/// A notice.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NoticeOut {
    pub id: Uuid,
    pub title: String,
    pub body: String,
    pub status: NoticeState,
    pub audience: AudienceDto,
    pub pinned: bool,
    pub is_public: bool,
    pub author_id: Uuid,
    /// The author's name (发布人).
    pub author_name: String,
    pub published_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
    /// When the caller read it; `null` while unread.
    pub read_at: Option<DateTime<Utc>>,
    /// What the caller may do next; exactly what the endpoints accept.
    pub actions: Vec<NoticeAction>,
    /// Filled in by `GET /notices/{id}` only.
    pub attachments: Vec<FileOut>,
}

impl From<NoticeView> for NoticeOut {
    fn from(v: NoticeView) -> Self {
        Self {
            id: v.id,
            title: v.title,
            body: v.body,
            status: v.status,
            audience: AudienceDto {
                kind: v.audience_kind,
                department_ids: v.department_ids,
                role_codes: v.role_codes,
            },
            pinned: v.pinned,
            is_public: v.is_public,
            author_id: v.author_id,
            author_name: v.author_name,
            published_at: v.published_at,
            withdrawn_at: v.withdrawn_at,
            created_at: v.created_at,
            updated_at: v.updated_at,
            version: v.version,
            read_at: v.read_at,
            actions: v.actions.into_iter().collect(),
            attachments: v.attachments.into_iter().map(FileOut::from).collect(),
        }
    }
}

/// Filters of the receipt list.
#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct ReceiptQueryIn {
    /// Only those who have (`true`) or have not (`false`) read it.
    pub read: Option<bool>,
}

/// One person of the audience.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptOut {
    pub user_id: Uuid,
    #[schema(example = "王老师")]
    pub name: String,
    pub number: Option<String>,
    /// The person's primary department.
    pub department: Option<String>,
    /// `null` while unread.
    pub read_at: Option<DateTime<Utc>>,
}

impl From<ReceiptView> for ReceiptOut {
    fn from(v: ReceiptView) -> Self {
        Self {
            user_id: v.user_id,
            name: v.name,
            number: v.number,
            department: v.department,
            read_at: v.read_at,
        }
    }
}

/// One page of receipts with the counts over the whole audience.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptsOut {
    pub items: Vec<ReceiptOut>,
    /// How many match the filter in all pages.
    pub total: u64,
    pub page: u64,
    pub page_size: u64,
    /// Everyone the notice reaches.
    pub audience_count: u64,
    /// Of them, how many read it.
    pub read_count: u64,
}

/// How many were reminded.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RemindOut {
    pub reminded: u64,
}

/// A public notice: what anyone may read, nothing about its audience or author.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PublicNoticeOut {
    pub id: Uuid,
    pub title: String,
    pub body: String,
    pub pinned: bool,
    pub published_at: Option<DateTime<Utc>>,
}

impl From<NoticeView> for PublicNoticeOut {
    fn from(v: NoticeView) -> Self {
        Self {
            id: v.id,
            title: v.title,
            body: v.body,
            pinned: v.pinned,
            published_at: v.published_at,
        }
    }
}
