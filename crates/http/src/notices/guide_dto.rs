//! Request and response bodies of the guide endpoints.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;
use xiaoban_services::notices::{GuideDiff, GuideVersionView, GuideView};

use crate::departments::nullable;
use crate::files::FileOut;
use xiaoban_domain::notices::{
    GUIDE_BODY_MAX, GUIDE_CATEGORY_MAX, GUIDE_TITLE_MAX, GuideAction, GuideKind, GuideState, LineChange,
};

/// A new guide or manual (a draft until published).
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GuideIn {
    pub kind: GuideKind,
    #[validate(length(min = 1, max = GUIDE_CATEGORY_MAX))]
    #[schema(example = "人事服务")]
    pub category: String,
    #[validate(length(min = 1, max = GUIDE_TITLE_MAX))]
    #[schema(example = "新教职工入职办事指南")]
    pub title: String,
    /// Plain text, one step per line; versions are compared line by line.
    #[validate(length(max = GUIDE_BODY_MAX))]
    pub body: String,
    /// Also shown without sign-in (`/api/v1/public/guides`) once published.
    #[serde(default)]
    pub is_public: bool,
    /// Who keeps it current and is reminded of its review; the caller when absent.
    pub owner_id: Option<Uuid>,
    /// The flowchart: an image or PDF the caller uploaded.
    pub flowchart_file_id: Option<Uuid>,
}

/// Changes to the working copy; absent fields stay. Readers see them after the next publication.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GuidePatchIn {
    #[validate(length(min = 1, max = GUIDE_CATEGORY_MAX))]
    pub category: Option<String>,
    #[validate(length(min = 1, max = GUIDE_TITLE_MAX))]
    pub title: Option<String>,
    #[validate(length(max = GUIDE_BODY_MAX))]
    pub body: Option<String>,
    pub is_public: Option<bool>,
    pub owner_id: Option<Uuid>,
    /// A new flowchart upload, or `null` to remove it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Uuid>)]
    pub flowchart_file_id: Option<Option<Uuid>>,
    pub version: Option<i32>,
}

/// The body of a step (publish, withdraw).
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GuideStepIn {
    pub version: Option<i32>,
}

/// Filters of the guide lists.
#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct GuideQueryIn {
    pub kind: Option<GuideKind>,
    #[validate(length(max = 50))]
    pub category: Option<String>,
    /// The office only; readers always see published guides.
    pub status: Option<GuideState>,
}

/// Filters of the public guide list.
#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct PublicGuideQueryIn {
    pub kind: Option<GuideKind>,
    #[validate(length(max = 50))]
    pub category: Option<String>,
}

/// Which two versions to compare.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct DiffQueryIn {
    #[validate(range(min = 1))]
    pub from: i32,
    #[validate(range(min = 1))]
    pub to: i32,
}

/// A guide or manual: the working copy for the office, the latest published version for readers.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GuideOut {
    pub id: Uuid,
    pub kind: GuideKind,
    pub category: String,
    pub title: String,
    pub body: String,
    pub status: GuideState,
    pub is_public: bool,
    pub owner_id: Uuid,
    pub flowchart: Option<FileOut>,
    /// The latest published version's number; 0 before the first.
    pub published_version: i32,
    pub published_at: Option<DateTime<Utc>>,
    /// When the owner is reminded to review it (six months after publication, a working day).
    pub review_due: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
    pub actions: Vec<GuideAction>,
}

impl From<GuideView> for GuideOut {
    fn from(v: GuideView) -> Self {
        Self {
            id: v.id,
            kind: v.kind,
            category: v.category,
            title: v.title,
            body: v.body,
            status: v.status,
            is_public: v.is_public,
            owner_id: v.owner_id,
            flowchart: v.flowchart.map(FileOut::from),
            published_version: v.published_version,
            published_at: v.published_at,
            review_due: v.review_due,
            created_at: v.created_at,
            updated_at: v.updated_at,
            version: v.version,
            actions: v.actions.into_iter().collect(),
        }
    }
}

/// A published version, kept for good.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GuideVersionOut {
    pub number: i32,
    pub category: String,
    pub title: String,
    pub body: String,
    pub flowchart_file_id: Option<Uuid>,
    pub published_at: DateTime<Utc>,
    pub published_by: Uuid,
}

impl From<GuideVersionView> for GuideVersionOut {
    fn from(v: GuideVersionView) -> Self {
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

/// Every published version, newest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct GuideVersionsOut {
    pub items: Vec<GuideVersionOut>,
}

/// One line of a difference.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DiffLineOut {
    pub change: LineChange,
    pub text: String,
}

/// What changed between two versions, the title as the first line.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct GuideDiffOut {
    pub from: i32,
    pub to: i32,
    pub lines: Vec<DiffLineOut>,
}

impl From<GuideDiff> for GuideDiffOut {
    fn from(d: GuideDiff) -> Self {
        Self {
            from: d.from,
            to: d.to,
            lines: d
                .lines
                .into_iter()
                .map(|l| DiffLineOut {
                    change: l.change,
                    text: l.text,
                })
                .collect(),
        }
    }
}

/// A public guide: its published text, nothing about its owner, drafts or review.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PublicGuideOut {
    pub id: Uuid,
    pub kind: GuideKind,
    pub category: String,
    pub title: String,
    pub body: String,
    pub published_version: i32,
    pub published_at: Option<DateTime<Utc>>,
    /// Whether `GET /api/v1/public/guides/{id}/flowchart` has an image.
    pub has_flowchart: bool,
}

impl From<GuideView> for PublicGuideOut {
    fn from(v: GuideView) -> Self {
        Self {
            id: v.id,
            kind: v.kind,
            category: v.category,
            title: v.title,
            body: v.body,
            published_version: v.published_version,
            published_at: v.published_at,
            has_flowchart: v.has_flowchart,
        }
    }
}

/// A category with how many guides it holds.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GuideCategoryOut {
    pub category: String,
    pub count: u64,
}
