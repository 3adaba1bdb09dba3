//! What the notice use cases take and give.

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;
use xiaoban_domain::notices::{Audience, AudienceKind, NoticeAction, NoticeState};
use xiaoban_persistence::notices::notice;

use crate::files::FileView;

/// A new notice, as its author drafts it.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeDraft {
    pub title: String,
    pub body: String,
    pub audience_kind: AudienceKind,
    pub department_ids: Vec<Uuid>,
    pub role_codes: Vec<String>,
    pub pinned: bool,
    pub is_public: bool,
    pub attachment_ids: Vec<Uuid>,
}

/// Changes to a draft; what is `None` stays. The audience changes as a whole.
#[derive(Debug, Clone, Default)]
pub struct NoticePatch {
    pub title: Option<String>,
    pub body: Option<String>,
    pub audience: Option<(AudienceKind, Vec<Uuid>, Vec<String>)>,
    pub is_public: Option<bool>,
    pub attachment_ids: Option<Vec<Uuid>>,
}

/// The filters of the notice list.
#[derive(Debug, Clone, Default)]
pub struct NoticeQuery {
    /// Only the office may ask for drafts and withdrawn notices; readers always get published ones.
    pub status: Option<NoticeState>,
    /// Only those the caller has (`true`) or has not (`false`) read.
    pub read: Option<bool>,
    pub keyword: Option<String>,
}

/// A notice as its caller may see it.
#[derive(Debug, Clone, PartialEq)]
pub struct NoticeView {
    pub id: Uuid,
    pub title: String,
    pub body: String,
    pub status: NoticeState,
    pub audience_kind: AudienceKind,
    pub department_ids: Vec<Uuid>,
    pub role_codes: Vec<String>,
    pub pinned: bool,
    pub is_public: bool,
    pub author_id: Uuid,
    /// The author's name (发布人); empty on the public views, which name nobody.
    pub author_name: String,
    pub published_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
    /// When the caller read it; `None` while unread (and for the office's own drafts).
    pub read_at: Option<DateTime<Utc>>,
    /// What the caller may do next: exactly what the endpoints accept.
    pub actions: Vec<NoticeAction>,
    /// Filled in by the detail view only.
    pub attachments: Vec<FileView>,
}

impl NoticeView {
    pub(super) fn new(row: notice::Model, audience: &Audience, read_at: Option<DateTime<Utc>>) -> Self {
        let status = row.status;
        let (department_ids, role_codes) = match audience {
            Audience::All => (Vec::new(), Vec::new()),
            Audience::Departments(ids) => (ids.iter().copied().collect(), Vec::new()),
            Audience::Roles(codes) => (Vec::new(), codes.iter().cloned().collect()),
        };
        Self {
            id: row.id,
            title: row.title,
            body: row.body,
            status,
            audience_kind: audience.kind(),
            department_ids,
            role_codes,
            pinned: row.pinned,
            is_public: row.is_public,
            author_id: row.author_id,
            author_name: String::new(),
            published_at: row.published_at,
            withdrawn_at: row.withdrawn_at,
            created_at: row.created_at,
            updated_at: row.updated_at,
            version: row.version,
            read_at,
            actions: Vec::new(),
            attachments: Vec::new(),
        }
    }
}
