//! Read receipts (已读回执): a reader marks a notice read; the office sees who has and who has
//! not, reminds those who have not, and exports the list.

use chrono::{DateTime, Utc};
use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::notices::permissions::NOTICE_MANAGE;
use xiaoban_domain::notices::{NOTICE_CODE, NoticeAction, NoticeEvent};
use xiaoban_domain::paging::{Page, PageRequest};
use xiaoban_persistence::identity::memberships;
use xiaoban_persistence::notices::{receipts, store};
use xiaoban_persistence::{PersistenceError, begin_write};

use super::events;
use super::notice_steps::stored_audience;
use crate::audit::{self, Change};
use crate::export::{Cell, Column, Sheet};
use crate::notifications::{Notice, NoticeKind, enqueue};
use crate::{RequestContext, ServiceError, Services};

const NOT_FOUND: ServiceError = ServiceError::NotFound { entity: "notice" };

/// One person of a notice's audience and whether they read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptView {
    pub user_id: Uuid,
    pub name: String,
    pub number: Option<String>,
    /// The person's primary department.
    pub department: Option<String>,
    pub read_at: Option<DateTime<Utc>>,
}

/// Filters of the receipt list.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReceiptQuery {
    /// Only those who have (`true`) or have not (`false`) read it.
    pub read: Option<bool>,
}

/// A page of receipts with the counts over the whole audience.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptsView {
    pub audience: u64,
    pub read: u64,
    pub page: Page<ReceiptView>,
}

impl Services {
    /// Marks a notice read by the caller (again is harmless). Only published notices that reach
    /// the caller can be read; others are 404.
    pub async fn mark_notice_read(&self, ctx: &RequestContext, id: Uuid) -> Result<(), ServiceError> {
        let view = self.notice(ctx, id).await?;
        let user = self.principal(ctx)?.id;
        if view.read_at.is_some() {
            return Ok(());
        }
        view.status.apply(NoticeAction::Read)?;
        if !view.actions.contains(&NoticeAction::Read) {
            return Err(ServiceError::Conflict {
                zh: "您不在这条通知的发布范围内".into(),
                en: "the notice does not reach you".into(),
            });
        }
        receipts::mark_read(self.db(), id, user, self.now()).await?;
        Ok(())
    }

    /// Everyone the notice reaches with when they read it, by name; the office only.
    pub async fn notice_receipts(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        query: ReceiptQuery,
        request: &PageRequest,
    ) -> Result<ReceiptsView, ServiceError> {
        let all = self.all_receipts(ctx, id).await?;
        let read = all.iter().filter(|r| r.read_at.is_some()).count();
        let chosen: Vec<ReceiptView> = all
            .iter()
            .filter(|r| query.read.is_none_or(|want| r.read_at.is_some() == want))
            .cloned()
            .collect();
        let total = chosen.len() as u64;
        let items = chosen
            .into_iter()
            .skip(usize::try_from(request.offset()).unwrap_or(usize::MAX))
            .take(usize::try_from(request.page_size).unwrap_or(usize::MAX))
            .collect();
        Ok(ReceiptsView {
            audience: all.len() as u64,
            read: read as u64,
            page: Page {
                items,
                total,
                page: request.page,
                page_size: request.page_size,
            },
        })
    }

    /// The receipts as an Excel sheet (已读回执), read ones last; the export is audited.
    pub async fn export_notice_receipts(
        &self,
        ctx: &RequestContext,
        id: Uuid,
    ) -> Result<Vec<u8>, ServiceError> {
        const COLUMNS: &[Column] = &[
            Column {
                header: "姓名",
                width: 14.0,
            },
            Column {
                header: "工号",
                width: 14.0,
            },
            Column {
                header: "部门",
                width: 20.0,
            },
            Column {
                header: "状态",
                width: 8.0,
            },
            Column {
                header: "阅读时间",
                width: 18.0,
            },
        ];
        let mut all = self.all_receipts(ctx, id).await?;
        all.sort_by_key(|r| r.read_at.is_some());
        let rows = all
            .into_iter()
            .map(|r| {
                let state = if r.read_at.is_some() { "已读" } else { "未读" };
                vec![
                    Cell::from(r.name),
                    r.number.map_or(Cell::Empty, Cell::from),
                    r.department.map_or(Cell::Empty, Cell::from),
                    Cell::from(state),
                    Cell::from(r.read_at),
                ]
            })
            .collect();
        let sheet = Sheet {
            name: "已读回执",
            columns: COLUMNS,
            rows,
        };
        let bytes = sheet.to_xlsx(self.settings().timezone)?;
        let change = Change::new(events::NOTICE_EXPORT_RECEIPTS, "notice", Some(id.to_string()));
        audit::record(self.db(), ctx, self.now(), change).await?;
        Ok(bytes)
    }

    /// Reminds everyone the published notice reaches who has not read it yet; answers how
    /// many were reminded.
    pub async fn remind_notice_readers(&self, ctx: &RequestContext, id: Uuid) -> Result<u64, ServiceError> {
        let unread: Vec<Uuid> = self
            .all_receipts(ctx, id)
            .await?
            .into_iter()
            .filter(|r| r.read_at.is_none())
            .map(|r| r.user_id)
            .collect();
        let tx = begin_write(self.db()).await?;
        let row = store::find(&tx, id).await?.ok_or(NOT_FOUND)?;
        let state = row.status;
        state.apply(NoticeAction::Remind)?;
        let now = self.now();
        let notice = Notice {
            kind: NoticeKind::Urged,
            recipients: unread.clone(),
            title: format!("请阅读通知：{}", row.title),
            body: "您尚未阅读这条通知，请及时查阅".to_owned(),
            link: Some(format!("/notices/{id}")),
            subject: Some((NOTICE_CODE.to_owned(), id)),
            data: json!({"noticeId": id}),
        };
        enqueue(&tx, now, notice).await?;
        store::mark_reminded(&tx, id, now).await?;
        let audit = Change::new(events::NOTICE_REMIND, "notice", Some(id.to_string()))
            .after(json!({"reminded": unread.len()}));
        audit::record(&tx, ctx, now, audit).await?;
        let actor = ctx.actor.principal().map(|p| p.id);
        let step = events::Step::new(now, actor, NoticeEvent::Remind).data(json!({"reminded": unread.len()}));
        events::on_timeline(&tx, NOTICE_CODE, id, step).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(unread.len() as u64)
    }

    /// Every member of the notice's audience with their receipt, by name; the office only.
    async fn all_receipts(&self, ctx: &RequestContext, id: Uuid) -> Result<Vec<ReceiptView>, ServiceError> {
        self.authorize(ctx, NOTICE_MANAGE).await?;
        let row = store::find(self.db(), id).await?.ok_or(NOT_FOUND)?;
        let audience = stored_audience(&row, store::targets_of(self.db(), id).await?);
        let members = self.audience_members(&audience).await?;
        let read = receipts::of_notice(self.db(), id).await?;
        let ids: Vec<Uuid> = members.iter().map(|m| m.id).collect();
        let mut departments = memberships::departments_of_many(self.db(), &ids).await?;
        Ok(members
            .into_iter()
            .map(|m| ReceiptView {
                read_at: read.get(&m.id).copied(),
                department: departments
                    .remove(&m.id)
                    .and_then(|d| d.into_iter().next())
                    .map(|d| d.name),
                user_id: m.id,
                name: m.name,
                number: m.number,
            })
            .collect())
    }
}
