//! Writing, publishing and withdrawing guides and manuals; reading them, their versions and
//! the differences between versions.

use chrono::{DateTime, Utc};
use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::notices::permissions::{GUIDE_MANAGE, GUIDE_READ};
use xiaoban_domain::notices::{
    GUIDE_CODE, GuideAction, GuideEvent, GuideKind, GuideState, line_diff, review_due,
};
use xiaoban_domain::paging::{Page, PageRequest};
use xiaoban_persistence::approvals::people;
use xiaoban_persistence::notices::guides::{self, GuideChange, GuideFilter};
use xiaoban_persistence::notices::{guide, guide_version};
use xiaoban_persistence::{PersistenceError, Tx, begin_write, files, serialize_writers};

use super::events;
use super::guide_views::{GuideDiff, GuideDraft, GuidePatch, GuideQuery, GuideVersionView, GuideView};
use crate::audit::{self, Change};
use crate::files::{FileView, link_files};
use crate::idempotency::Created;
use crate::{Actor, FieldIssue, RequestContext, ServiceError, Services};

const NOT_FOUND: ServiceError = ServiceError::NotFound { entity: "guide" };

impl Services {
    /// Whether the caller runs guides (sees working copies and drafts); checks `guide.read`.
    async fn guide_office(&self, ctx: &RequestContext) -> Result<bool, ServiceError> {
        self.authorize(ctx, GUIDE_READ).await?;
        Ok(match &ctx.actor {
            Actor::System => true,
            Actor::Principal(p) => p.has(GUIDE_MANAGE),
            Actor::Anonymous => false,
        })
    }

    /// Writes a new guide or manual as a draft; answers its id.
    pub async fn create_guide(
        &self,
        ctx: &RequestContext,
        draft: GuideDraft,
    ) -> Result<Created<Uuid>, ServiceError> {
        self.authorize(ctx, GUIDE_MANAGE).await?;
        let author = self.principal(ctx)?.id;
        let owner = draft.owner_id.unwrap_or(author);
        self.check_owner(owner).await?;
        let now = self.now();
        let input = draft.clone();
        let audit_ctx = ctx.clone();
        self.create_once(ctx, events::GUIDE_CREATE, &input, move |tx| {
            Box::pin(async move {
                claim_title(tx, draft.kind, &draft.title).await?;
                let id = insert_draft(tx, &audit_ctx, author, owner, &draft, now, "api").await?;
                if let Some(file) = draft.flowchart_file_id {
                    attach_flowchart(tx, author, file, id, now).await?;
                    let change = GuideChange {
                        flowchart_file_id: Some(Some(file)),
                        ..Default::default()
                    };
                    guides::update_guarded(tx, id, 1, change, now).await?;
                }
                Ok(id)
            })
        })
        .await
    }

    /// One guide: the working copy for the office, the latest published version for readers
    /// (404 for a guide they may not see).
    pub async fn guide(&self, ctx: &RequestContext, id: Uuid) -> Result<GuideView, ServiceError> {
        let office = self.guide_office(ctx).await?;
        let row = guides::find(self.db(), id).await?.ok_or(NOT_FOUND)?;
        let current = guides::version(self.db(), id, row.published_version).await?;
        let file = if office {
            row.flowchart_file_id
        } else {
            current.as_ref().and_then(|v| v.flowchart_file_id)
        };
        let mut view = shown(row, current.as_ref(), office).ok_or(NOT_FOUND)?;
        view.flowchart = self.flowchart_meta(file).await?;
        Ok(view)
    }

    /// One page of guides. Readers get published ones and search what was published.
    pub async fn list_guides(
        &self,
        ctx: &RequestContext,
        query: GuideQuery,
        request: &PageRequest,
    ) -> Result<Page<GuideView>, ServiceError> {
        let office = self.guide_office(ctx).await?;
        self.guide_page(query, request, office, false).await
    }

    /// The categories with how many guides each holds: every guide's for the office, the
    /// published versions' for readers.
    pub async fn guide_categories(&self, ctx: &RequestContext) -> Result<Vec<(String, u64)>, ServiceError> {
        let categories = if self.guide_office(ctx).await? {
            guides::working_categories(self.db()).await?
        } else {
            let published = guides::published_categories(self.db(), false).await?;
            published.into_iter().map(|(_, category)| category).collect()
        };
        let mut counts = std::collections::BTreeMap::<String, u64>::new();
        for category in categories {
            *counts.entry(category).or_default() += 1;
        }
        Ok(counts.into_iter().collect())
    }

    /// The shared list of the office's, the readers' and the public lists.
    pub(super) async fn guide_page(
        &self,
        query: GuideQuery,
        request: &PageRequest,
        office: bool,
        public_only: bool,
    ) -> Result<Page<GuideView>, ServiceError> {
        let mut filter = GuideFilter {
            kind: query.kind,
            category: query.category,
            status: query.status,
            public_only,
            keyword: query.keyword.clone(),
        };
        let page = if office {
            guides::list(self.db(), &filter, request).await?
        } else {
            if filter.status.is_some_and(|s| s != GuideState::Published) {
                return Ok(Page {
                    items: Vec::new(),
                    total: 0,
                    page: request.page,
                    page_size: request.page_size,
                });
            }
            filter.status = None;
            let mut hits = match query.keyword.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
                Some(keyword) => Some(guides::published_matching(self.db(), keyword).await?),
                None => None,
            };
            // Readers filter by the category they see, the published one, never the working copy's.
            if let Some(category) = filter.category.take() {
                let in_category: Vec<Uuid> = guides::published_categories(self.db(), public_only)
                    .await?
                    .into_iter()
                    .filter(|(_, c)| *c == category)
                    .map(|(id, _)| id)
                    .filter(|id| hits.as_ref().is_none_or(|hits| hits.contains(id)))
                    .collect();
                hits = Some(in_category);
            }
            guides::list_published(self.db(), &filter, hits, request).await?
        };
        let current = guides::current_versions(self.db(), &page.items).await?;
        let items = page
            .items
            .into_iter()
            .filter_map(|row| {
                let version = current
                    .iter()
                    .find(|v| v.guide_id == row.id && v.number == row.published_version);
                shown(row, version, office)
            })
            .collect();
        Ok(Page {
            items,
            total: page.total,
            page: page.page,
            page_size: page.page_size,
        })
    }

    /// Changes the working copy; readers keep seeing the published version until the next publication.
    pub async fn update_guide(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        expected_version: i32,
        patch: GuidePatch,
    ) -> Result<GuideView, ServiceError> {
        if let Some(owner) = patch.owner_id {
            self.check_owner(owner).await?;
        }
        self.guide_step(
            ctx,
            id,
            GuideAction::Edit,
            Some(expected_version),
            move |tx, row, now, actor| {
                Box::pin(async move {
                    if let Some(title) = patch.title.as_deref().filter(|t| t.trim() != row.title) {
                        claim_title(tx, row.kind, title).await?;
                    }
                    if let Some(Some(file)) = patch.flowchart_file_id {
                        attach_flowchart(tx, actor, file, row.id, now).await?;
                    }
                    let change = GuideChange {
                        category: patch.category.map(|c| c.trim().to_owned()),
                        title: patch.title.map(|t| t.trim().to_owned()),
                        body: patch.body,
                        is_public: patch.is_public,
                        owner_id: patch.owner_id,
                        flowchart_file_id: patch.flowchart_file_id,
                        ..Default::default()
                    };
                    Ok((change, events::GUIDE_UPDATE))
                })
            },
        )
        .await
    }

    /// Publishes the working copy as the next version, kept for good; the review falls due six
    /// months later on a working day.
    pub async fn publish_guide(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        expected: Option<i32>,
    ) -> Result<GuideView, ServiceError> {
        let calendar = self.working_calendar().await?;
        self.guide_step(
            ctx,
            id,
            GuideAction::Publish,
            expected,
            move |tx, row, now, actor| {
                Box::pin(async move {
                    let number = row.published_version + 1;
                    let version = guide_version::Model {
                        guide_id: row.id,
                        number,
                        category: row.category.clone(),
                        title: row.title.clone(),
                        body: row.body.clone(),
                        flowchart_file_id: row.flowchart_file_id,
                        published_at: now,
                        published_by: actor,
                    };
                    guides::insert_version(tx, version).await?;
                    let today = now.with_timezone(&calendar.tz()).date_naive();
                    let change = GuideChange {
                        published_version: Some(number),
                        review_due: Some(review_due(today, &calendar)),
                        ..Default::default()
                    };
                    Ok((change, events::GUIDE_PUBLISH))
                })
            },
        )
        .await
    }

    /// Takes a guide out of every list; publishing it again brings it back.
    pub async fn withdraw_guide(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        expected: Option<i32>,
    ) -> Result<GuideView, ServiceError> {
        self.guide_step(ctx, id, GuideAction::Withdraw, expected, |_, _, _, _| {
            Box::pin(async move { Ok((GuideChange::default(), events::GUIDE_WITHDRAW)) })
        })
        .await
    }

    /// Whether the caller may read `file`, linked to guide `id`: the office any of its files,
    /// a reader only the flowchart of a published version.
    pub(super) async fn may_read_guide_file(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        file: Uuid,
    ) -> Result<bool, ServiceError> {
        match self.guide(ctx, id).await {
            Ok(_) => {}
            Err(ServiceError::NotFound { .. } | ServiceError::Forbidden { .. }) => return Ok(false),
            Err(err) => return Err(err),
        }
        if self.guide_office(ctx).await? {
            return Ok(true);
        }
        let versions = guides::versions_of(self.db(), id).await?;
        Ok(versions.iter().any(|v| v.flowchart_file_id == Some(file)))
    }

    /// Every published version of a guide the caller may see, newest first.
    pub async fn guide_versions(
        &self,
        ctx: &RequestContext,
        id: Uuid,
    ) -> Result<Vec<GuideVersionView>, ServiceError> {
        self.guide(ctx, id).await?;
        let versions = guides::versions_of(self.db(), id).await?;
        Ok(versions.into_iter().map(GuideVersionView::from).collect())
    }

    /// One published version.
    pub async fn guide_version(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        number: i32,
    ) -> Result<GuideVersionView, ServiceError> {
        self.guide(ctx, id).await?;
        let version = guides::version(self.db(), id, number).await?;
        version.map(GuideVersionView::from).ok_or(ServiceError::NotFound {
            entity: "guide_version",
        })
    }

    /// What changed from version `from` to version `to`, line by line, the title first.
    pub async fn guide_diff(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        from: i32,
        to: i32,
    ) -> Result<GuideDiff, ServiceError> {
        let old = self.guide_version(ctx, id, from).await?;
        let new = self.guide_version(ctx, id, to).await?;
        let text = |v: &GuideVersionView| format!("{}\n{}", v.title, v.body);
        Ok(GuideDiff {
            from,
            to,
            lines: line_diff(&text(&old), &text(&new)),
        })
    }

    async fn check_owner(&self, owner: Uuid) -> Result<(), ServiceError> {
        if people::active_among(self.db(), &[owner]).await?.is_empty() {
            return Err(ServiceError::invalid(
                "ownerId",
                "负责人不存在或已停用",
                "no such active user",
            ));
        }
        Ok(())
    }

    pub(super) async fn flowchart_meta(&self, file: Option<Uuid>) -> Result<Option<FileView>, ServiceError> {
        let Some(file) = file else { return Ok(None) };
        Ok(files::find(self.db(), file).await?.map(FileView::from))
    }

    /// One step of the office on a guide (see `notice_step`).
    async fn guide_step<F>(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        action: GuideAction,
        expected: Option<i32>,
        work: F,
    ) -> Result<GuideView, ServiceError>
    where
        F: for<'t> FnOnce(&'t Tx, &'t guide::Model, DateTime<Utc>, Uuid) -> StepWork<'t>,
    {
        self.authorize(ctx, GUIDE_MANAGE).await?;
        let actor = self.principal(ctx)?.id;
        let tx = begin_write(self.db()).await?;
        let row = guides::find(&tx, id).await?.ok_or(NOT_FOUND)?;
        let from = row.status;
        let to = from.apply(action)?;
        let version = expected.unwrap_or(row.version);
        if version != row.version {
            return Err(ServiceError::VersionConflict { current: row.version });
        }
        let now = self.now();
        let (mut change, event) = work(&tx, &row, now, actor).await?;
        change.status = Some(to);
        guides::update_guarded(&tx, id, version, change, now).await?;
        let audit = Change::new(event, "guide", Some(id.to_string()))
            .before(json!({"status": from.as_str(), "publishedVersion": row.published_version}))
            .after(json!({"status": to.as_str()}));
        audit::record(&tx, ctx, now, audit).await?;
        let mut step = events::Step::new(now, Some(actor), GuideEvent::from(action)).moved(from, to);
        if action == GuideAction::Publish {
            step = step.data(json!({"publishedVersion": row.published_version + 1}));
        }
        events::on_timeline(&tx, GUIDE_CODE, id, step).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        self.guide(ctx, id).await
    }
}

type StepWork<'t> = std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<(GuideChange, &'static str), ServiceError>> + Send + 't>,
>;

/// What the caller sees of `row`: the office its working copy, readers its published version
/// (nothing while it is not published).
fn shown(row: guide::Model, current: Option<&guide_version::Model>, office: bool) -> Option<GuideView> {
    if office {
        let mut view = GuideView::working(row, current);
        view.actions = view.status.allowed(|_| true);
        return Some(view);
    }
    if row.status != GuideState::Published {
        return None;
    }
    current.map(|v| GuideView::published(row, v))
}

/// Links the author's upload as the guide's flowchart: an image or a PDF.
async fn attach_flowchart(
    tx: &Tx,
    author: Uuid,
    file: Uuid,
    guide: Uuid,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    link_files(tx, author, &[file], GUIDE_CODE, guide, now, "flowchartFileId").await?;
    let kind = files::find(tx, file)
        .await?
        .map(|f| f.content_type)
        .unwrap_or_default();
    if kind.starts_with("image/") || kind == "application/pdf" {
        return Ok(());
    }
    Err(ServiceError::Invalid(vec![FieldIssue::new(
        "flowchartFileId",
        "流程图须为图片或 PDF",
        "the flowchart must be an image or a PDF",
    )]))
}

/// A new draft with its audit row and its first timeline event; `source` says how it came
/// (`api`, `import`). The flowchart is the caller's to attach.
pub(super) async fn insert_draft(
    tx: &Tx,
    ctx: &RequestContext,
    author: Uuid,
    owner: Uuid,
    draft: &GuideDraft,
    now: DateTime<Utc>,
    source: &str,
) -> Result<Uuid, ServiceError> {
    let id = Uuid::now_v7();
    let row = guide::Model {
        id,
        kind: draft.kind,
        category: draft.category.trim().to_owned(),
        title: draft.title.trim().to_owned(),
        body: draft.body.clone(),
        status: GuideState::Draft,
        is_public: draft.is_public,
        owner_id: owner,
        flowchart_file_id: None,
        published_version: 0,
        review_due: None,
        review_reminded_for: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    let after = json!({"kind": row.kind, "title": row.title, "category": row.category, "source": source});
    guides::insert(tx, row).await?;
    let change = Change::new(events::GUIDE_CREATE, "guide", Some(id.to_string())).after(after);
    audit::record(tx, ctx, now, change).await?;
    let step = events::Step::new(now, Some(author), GuideEvent::Create);
    events::on_timeline(tx, GUIDE_CODE, id, step).await?;
    Ok(id)
}

/// The key under which everyone giving guides titles (creating, renaming, importing) takes turns,
/// so that the check below sees every title written before it.
pub(super) const TITLES_TURN: &str = "guide.titles";

/// Refuses a title another guide of the same kind already has (409 `conflict`), after taking the
/// title writers' turn inside `tx`: no unique index can guard it, as titles may repeat across kinds.
async fn claim_title(tx: &Tx, kind: GuideKind, title: &str) -> Result<(), ServiceError> {
    serialize_writers(tx, TITLES_TURN).await?;
    let title = title.trim();
    if guides::titles_taken(tx, &[title.to_owned()])
        .await?
        .contains(&(kind, title.to_owned()))
    {
        return Err(ServiceError::Conflict {
            zh: format!("已有同类的指南或手册名为“{title}”"),
            en: format!("A guide of this kind is already titled “{title}”"),
        });
    }
    Ok(())
}
