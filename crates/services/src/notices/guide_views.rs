//! What the guide use cases take and give.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use uuid::Uuid;
use xiaoban_domain::notices::{DiffLine, GuideAction, GuideKind, GuideState};
use xiaoban_persistence::notices::{guide, guide_version};

use crate::files::FileView;

/// A new guide or manual.
#[derive(Debug, Clone, Serialize)]
pub struct GuideDraft {
    pub kind: GuideKind,
    pub category: String,
    pub title: String,
    pub body: String,
    pub is_public: bool,
    /// Who keeps it current; the author when not given.
    pub owner_id: Option<Uuid>,
    /// The flowchart: an image or PDF the author uploaded.
    pub flowchart_file_id: Option<Uuid>,
}

/// Changes to the working copy; what is `None` stays.
#[derive(Debug, Clone, Default)]
pub struct GuidePatch {
    pub category: Option<String>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub is_public: Option<bool>,
    pub owner_id: Option<Uuid>,
    /// `Some(None)` removes the flowchart.
    pub flowchart_file_id: Option<Option<Uuid>>,
}

/// Filters of the guide lists.
#[derive(Debug, Clone, Default)]
pub struct GuideQuery {
    pub kind: Option<GuideKind>,
    pub category: Option<String>,
    /// The office only; readers always get published guides.
    pub status: Option<GuideState>,
    pub keyword: Option<String>,
}

/// A guide as its caller may see it: the office sees the working copy, readers the latest
/// published version.
#[derive(Debug, Clone, PartialEq)]
pub struct GuideView {
    pub id: Uuid,
    pub kind: GuideKind,
    pub category: String,
    pub title: String,
    pub body: String,
    pub status: GuideState,
    pub is_public: bool,
    pub owner_id: Uuid,
    /// Filled in by the detail views only.
    pub flowchart: Option<FileView>,
    /// Whether the shown text has a flowchart (lists too).
    pub has_flowchart: bool,
    /// The number of the latest published version; 0 before the first.
    pub published_version: i32,
    pub published_at: Option<DateTime<Utc>>,
    pub review_due: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
    pub actions: Vec<GuideAction>,
}

impl GuideView {
    /// The working copy, as the office sees it.
    pub(super) fn working(row: guide::Model, current: Option<&guide_version::Model>) -> Self {
        Self {
            id: row.id,
            kind: row.kind,
            category: row.category,
            title: row.title,
            body: row.body,
            status: row.status,
            is_public: row.is_public,
            owner_id: row.owner_id,
            flowchart: None,
            has_flowchart: row.flowchart_file_id.is_some(),
            published_version: row.published_version,
            published_at: current.map(|v| v.published_at),
            review_due: row.review_due,
            created_at: row.created_at,
            updated_at: row.updated_at,
            version: row.version,
            actions: Vec::new(),
        }
    }

    /// The latest published version, as readers see it.
    pub(super) fn published(row: guide::Model, current: &guide_version::Model) -> Self {
        let mut view = Self::working(row, Some(current));
        view.category.clone_from(&current.category);
        view.title.clone_from(&current.title);
        view.body.clone_from(&current.body);
        view.has_flowchart = current.flowchart_file_id.is_some();
        view
    }
}

/// A published version, kept for good.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideVersionView {
    pub number: i32,
    pub category: String,
    pub title: String,
    pub body: String,
    pub flowchart_file_id: Option<Uuid>,
    pub published_at: DateTime<Utc>,
    pub published_by: Uuid,
}

impl From<guide_version::Model> for GuideVersionView {
    fn from(v: guide_version::Model) -> Self {
        Self {
            number: v.number,
            category: v.category,
            title: v.title,
            body: v.body,
            flowchart_file_id: v.flowchart_file_id,
            published_at: v.published_at,
            published_by: v.published_by,
        }
    }
}

/// The difference between two published versions, title line first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideDiff {
    pub from: i32,
    pub to: i32,
    pub lines: Vec<DiffLine>,
}
