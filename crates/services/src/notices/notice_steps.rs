//! Drafting, publishing, pinning and withdrawing notices, and reading them.

use chrono::{DateTime, Utc};
use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::notices::permissions::{NOTICE_MANAGE, NOTICE_READ};
use xiaoban_domain::notices::{
    Audience, AudienceKind, NOTICE_CODE, NoticeAction, NoticeEvent, NoticeState, Viewer,
};
use xiaoban_domain::paging::{Page, PageRequest};
use xiaoban_persistence::approvals::people;
use xiaoban_persistence::notices::store::NoticeChange;
use xiaoban_persistence::notices::{notice, receipts, store};
use xiaoban_persistence::{PersistenceError, Tx, begin_write};

use super::events;
use super::notice_views::{NoticeDraft, NoticePatch, NoticeQuery, NoticeView};
use crate::audit::{self, Change};
use crate::files::{link_files, linked_files, set_files};
use crate::idempotency::Created;
use crate::notifications::{Notice, NoticeKind, enqueue};
use crate::{Actor, RequestContext, ServiceError, Services};

const NOT_FOUND: ServiceError = ServiceError::NotFound { entity: "notice" };

/// How the caller meets notices: the office sees and runs all of them; a reader sees the
/// published ones that reach them.
pub(super) struct Reader {
    pub user: Option<Uuid>,
    pub viewer: Viewer,
    pub office: bool,
}

fn audience_error(err: xiaoban_domain::notices::AudienceRejection) -> ServiceError {
    use xiaoban_domain::notices::AudienceRejection as R;
    let (zh, en) = match err {
        R::Empty => ("请至少选择一个部门或角色", "name at least one department or role"),
        R::TooMany => (
            "部门或角色过多（最多 200 个）",
            "too many departments or roles (at most 200)",
        ),
        R::TargetsForEveryone => (
            "发布范围与所选部门或角色不一致",
            "the audience's kind does not match its departments or roles",
        ),
    };
    ServiceError::invalid("audience", zh, en)
}

pub(super) fn parse_audience(
    kind: AudienceKind,
    departments: &[Uuid],
    roles: &[String],
) -> Result<Audience, ServiceError> {
    Audience::parse(kind, departments, roles).map_err(audience_error)
}

impl Services {
    pub(super) async fn notice_reader(&self, ctx: &RequestContext) -> Result<Reader, ServiceError> {
        self.authorize(ctx, NOTICE_READ).await?;
        let Some(principal) = ctx.actor.principal() else {
            return Ok(Reader {
                user: None,
                viewer: Viewer::default(),
                office: matches!(ctx.actor, Actor::System),
            });
        };
        Ok(Reader {
            user: Some(principal.id),
            viewer: self.notice_viewer(principal.id).await?,
            office: principal.has(NOTICE_MANAGE),
        })
    }

    /// Drafts a notice; answers its id. Attachments must be the author's own uploads.
    pub async fn create_notice(
        &self,
        ctx: &RequestContext,
        draft: NoticeDraft,
    ) -> Result<Created<Uuid>, ServiceError> {
        self.authorize(ctx, NOTICE_MANAGE).await?;
        let author = self.principal(ctx)?.id;
        let audience = parse_audience(draft.audience_kind, &draft.department_ids, &draft.role_codes)?;
        self.check_audience(&audience).await?;
        let now = self.now();
        let input = draft.clone();
        let ctx_for_audit = ctx.clone();
        self.create_once(ctx, events::NOTICE_CREATE, &input, move |tx| {
            Box::pin(async move {
                let id = Uuid::now_v7();
                let row = notice::Model {
                    id,
                    title: draft.title.trim().to_owned(),
                    body: draft.body,
                    status: NoticeState::Draft,
                    audience_kind: audience.kind(),
                    pinned: draft.pinned,
                    is_public: draft.is_public,
                    author_id: author,
                    published_at: None,
                    withdrawn_at: None,
                    reminded_at: None,
                    created_at: now,
                    updated_at: now,
                    version: 1,
                };
                let after = json!({"title": row.title, "audience": audience.kind().as_str(), "targets": audience.targets()});
                store::insert(tx, row, &audience.targets()).await?;
                link_files(tx, author, &draft.attachment_ids, NOTICE_CODE, id, now, "attachmentIds").await?;
                let change = Change::new(events::NOTICE_CREATE, "notice", Some(id.to_string())).after(after);
                audit::record(tx, &ctx_for_audit, now, change).await?;
                let step = events::Step::new(now, Some(author), NoticeEvent::Create);
                events::on_timeline(tx, NOTICE_CODE, id, step).await?;
                Ok(id)
            })
        })
        .await
    }

    /// One notice with its attachments. Readers see only published notices that reach them;
    /// anything else is 404.
    pub async fn notice(&self, ctx: &RequestContext, id: Uuid) -> Result<NoticeView, ServiceError> {
        let reader = self.notice_reader(ctx).await?;
        let row = store::find(self.db(), id).await?.ok_or(NOT_FOUND)?;
        let audience = stored_audience(&row, store::targets_of(self.db(), id).await?);
        let published = row.status == NoticeState::Published;
        let visible = reader.office || (published && audience.reaches(&reader.viewer));
        if !visible {
            return Err(NOT_FOUND);
        }
        let read_at = match reader.user {
            Some(user) => receipts::of_user(self.db(), user, &[id].into())
                .await?
                .get(&id)
                .copied(),
            None => None,
        };
        let mut names = people::names(self.db(), &[row.author_id]).await?;
        let mut view = NoticeView::new(row, &audience, read_at);
        view.author_name = names.remove(&view.author_id).unwrap_or_default();
        view.actions = offered(&reader, &view, &audience);
        view.attachments = linked_files(self.db(), NOTICE_CODE, id).await?;
        Ok(view)
    }

    /// One page of notices: pinned first, newest first. Readers get the published ones that
    /// reach them; the office every notice, or those in `query.status`.
    pub async fn list_notices(
        &self,
        ctx: &RequestContext,
        query: NoticeQuery,
        request: &PageRequest,
    ) -> Result<Page<NoticeView>, ServiceError> {
        let reader = self.notice_reader(ctx).await?;
        let status = if reader.office {
            query.status
        } else {
            Some(NoticeState::Published)
        };
        if !reader.office && query.status.is_some_and(|s| s != NoticeState::Published) {
            return Ok(Page {
                items: Vec::new(),
                total: 0,
                page: request.page,
                page_size: request.page_size,
            });
        }
        let filter = store::NoticeFilter {
            status,
            reaching: (!reader.office).then(|| reader.viewer.target_words()),
            public_only: false,
            read_by: reader.user.zip(query.read),
            keyword: query.keyword,
        };
        let page = store::list(self.db(), &filter, request).await?;
        let ids: Vec<Uuid> = page.items.iter().map(|n| n.id).collect();
        let mut targets = store::targets_of_many(self.db(), &ids).await?;
        let authors: Vec<Uuid> = page.items.iter().map(|n| n.author_id).collect();
        let names = people::names(self.db(), &authors).await?;
        let read = match reader.user {
            Some(user) => receipts::of_user(self.db(), user, &ids.iter().copied().collect()).await?,
            None => Default::default(),
        };
        Ok(page.map(|row| {
            let audience = stored_audience(&row, targets.remove(&row.id).unwrap_or_default());
            let id = row.id;
            let mut view = NoticeView::new(row, &audience, read.get(&id).copied());
            view.author_name = names.get(&view.author_id).cloned().unwrap_or_default();
            view.actions = offered(&reader, &view, &audience);
            view
        }))
    }

    /// Changes a draft (published notices are not edited: withdraw and draft anew).
    pub async fn update_notice(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        expected_version: i32,
        patch: NoticePatch,
    ) -> Result<NoticeView, ServiceError> {
        let audience = match &patch.audience {
            Some((kind, departments, roles)) => {
                let audience = parse_audience(*kind, departments, roles)?;
                self.check_audience(&audience).await?;
                Some(audience)
            }
            None => None,
        };
        self.notice_step(
            ctx,
            id,
            NoticeAction::Edit,
            Some(expected_version),
            |tx, row, now, author| {
                Box::pin(async move {
                    let mut change = NoticeChange {
                        title: patch.title.map(|t| t.trim().to_owned()),
                        body: patch.body,
                        is_public: patch.is_public,
                        ..Default::default()
                    };
                    if let Some(audience) = &audience {
                        change.audience_kind = Some(audience.kind());
                        store::replace_targets(tx, row.id, &audience.targets()).await?;
                    }
                    if let Some(files) = &patch.attachment_ids {
                        set_files(tx, author, files, NOTICE_CODE, row.id, now, "attachmentIds").await?;
                    }
                    Ok((change, events::NOTICE_UPDATE))
                })
            },
        )
        .await
    }

    /// Publishes a draft to its audience, who are notified.
    pub async fn publish_notice(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        expected: Option<i32>,
    ) -> Result<NoticeView, ServiceError> {
        let row = store::find(self.db(), id).await?.ok_or(NOT_FOUND)?;
        let audience = stored_audience(&row, store::targets_of(self.db(), id).await?);
        let members = self.audience_members(&audience).await?;
        self.notice_step(
            ctx,
            id,
            NoticeAction::Publish,
            expected,
            move |tx, row, now, _| {
                Box::pin(async move {
                    let notice = Notice {
                        kind: NoticeKind::System,
                        recipients: members.iter().map(|m| m.id).collect(),
                        title: format!("新通知：{}", row.title),
                        body: "请查阅并确认已读".to_owned(),
                        link: Some(format!("/notices/{}", row.id)),
                        subject: Some((NOTICE_CODE.to_owned(), row.id)),
                        data: json!({"noticeId": row.id}),
                    };
                    enqueue(tx, now, notice).await?;
                    let change = NoticeChange {
                        published_at: Some(now),
                        ..Default::default()
                    };
                    Ok((change, events::NOTICE_PUBLISH))
                })
            },
        )
        .await
    }

    /// Withdraws a published notice: it leaves every reader's list.
    pub async fn withdraw_notice(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        expected: Option<i32>,
    ) -> Result<NoticeView, ServiceError> {
        self.notice_step(ctx, id, NoticeAction::Withdraw, expected, |_, _, now, _| {
            Box::pin(async move {
                let change = NoticeChange {
                    withdrawn_at: Some(now),
                    ..Default::default()
                };
                Ok((change, events::NOTICE_WITHDRAW))
            })
        })
        .await
    }

    /// Pins a notice to the top of the lists, or unpins it.
    pub async fn pin_notice(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        pinned: bool,
        expected: Option<i32>,
    ) -> Result<NoticeView, ServiceError> {
        self.notice_step(ctx, id, NoticeAction::Pin, expected, move |_, _, _, _| {
            Box::pin(async move {
                let change = NoticeChange {
                    pinned: Some(pinned),
                    ..Default::default()
                };
                Ok((change, events::NOTICE_PIN))
            })
        })
        .await
    }

    /// One step of the office on a notice: checks the permission, the state and the version,
    /// applies `work`'s changes with the new state, audits, commits, answers the notice.
    async fn notice_step<F>(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        action: NoticeAction,
        expected: Option<i32>,
        work: F,
    ) -> Result<NoticeView, ServiceError>
    where
        F: for<'t> FnOnce(&'t Tx, &'t notice::Model, DateTime<Utc>, Uuid) -> StepWork<'t>,
    {
        self.authorize(ctx, NOTICE_MANAGE).await?;
        let actor = ctx.actor.principal().map_or(Uuid::nil(), |p| p.id);
        let tx = begin_write(self.db()).await?;
        let row = store::find(&tx, id).await?.ok_or(NOT_FOUND)?;
        let from = row.status;
        let to = from.apply(action)?;
        let version = expected.unwrap_or(row.version);
        if version != row.version {
            return Err(ServiceError::VersionConflict { current: row.version });
        }
        let now = self.now();
        let (mut change, event) = work(&tx, &row, now, actor).await?;
        change.status = Some(to);
        store::update_guarded(&tx, id, version, change, now).await?;
        let audit = Change::new(event, "notice", Some(id.to_string()))
            .before(json!({"status": from.as_str()}))
            .after(json!({"status": to.as_str()}));
        audit::record(&tx, ctx, now, audit).await?;
        let step = events::Step::new(now, Some(actor), NoticeEvent::from(action)).moved(from, to);
        events::on_timeline(&tx, NOTICE_CODE, id, step).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        self.notice(ctx, id).await
    }
}

type StepWork<'t> = std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<(NoticeChange, &'static str), ServiceError>> + Send + 't>,
>;

pub(super) fn stored_audience(row: &notice::Model, targets: Vec<String>) -> Audience {
    let kind = row.audience_kind;
    Audience::from_stored(kind, targets)
}

/// What the caller may do with the notice, in the table's order.
fn offered(reader: &Reader, view: &NoticeView, audience: &Audience) -> Vec<NoticeAction> {
    let reached = reader.user.is_some() && audience.reaches(&reader.viewer);
    view.status.allowed(|action| match action {
        NoticeAction::Read => reached && view.read_at.is_none(),
        _ => reader.office,
    })
}
