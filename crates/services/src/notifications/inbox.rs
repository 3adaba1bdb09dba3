//! Each user's own notifications: list, unread count, mark read.
//!
//! Reading is the user's own UI state, not a change to the school's records, so it is not
//! audited (docs/api-design.md says why).

use chrono::{DateTime, Utc};
use uuid::Uuid;
use xiaoban_domain::access::codes::NOTIFICATION_READ;
use xiaoban_domain::paging::{Page, PageRequest};
use xiaoban_persistence::notifications::{self, NotificationRow};

use super::NoticeKind;
use crate::{RequestContext, ServiceError, Services};

/// A notification as its recipient sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct NotificationView {
    pub id: Uuid,
    pub kind: NoticeKind,
    pub title: String,
    pub body: String,
    pub link: Option<String>,
    pub subject_module: Option<String>,
    pub subject_id: Option<Uuid>,
    pub data: serde_json::Value,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

impl From<NotificationRow> for NotificationView {
    fn from(row: NotificationRow) -> Self {
        Self {
            id: row.id,
            // Kinds are only ever written from `NoticeKind`; an unknown one is shown as a plain notice.
            kind: NoticeKind::parse(&row.kind).unwrap_or(NoticeKind::System),
            title: row.title,
            body: row.body,
            link: row.link,
            subject_module: row.subject_module,
            subject_id: row.subject_id,
            data: serde_json::from_str(&row.data).unwrap_or(serde_json::Value::Null),
            created_at: row.created_at,
            read_at: row.read_at,
        }
    }
}

/// The notification list's sortable names and default order.
pub static NOTIFICATION_LIST: &dyn xiaoban_domain::paging::ListKeys = &notifications::SPEC;

impl Services {
    /// The caller's notifications, newest first; only unread ones with `unread_only`.
    pub async fn list_notifications(
        &self,
        ctx: &RequestContext,
        unread_only: bool,
        request: &PageRequest,
    ) -> Result<Page<NotificationView>, ServiceError> {
        let me = self.inbox_owner(ctx).await?;
        let page = notifications::list(self.db(), me, unread_only, request).await?;
        Ok(page.map(NotificationView::from))
    }

    /// How many of the caller's notifications are unread.
    pub async fn unread_notification_count(&self, ctx: &RequestContext) -> Result<u64, ServiceError> {
        let me = self.inbox_owner(ctx).await?;
        Ok(notifications::unread_count(self.db(), me).await?)
    }

    /// Marks one of the caller's notifications read. Someone else's or an unknown id is
    /// `NotFound`; one read already stays as it was.
    pub async fn mark_notification_read(&self, ctx: &RequestContext, id: Uuid) -> Result<(), ServiceError> {
        let me = self.inbox_owner(ctx).await?;
        if notifications::mark_read(self.db(), me, id, self.now()).await? {
            return Ok(());
        }
        match notifications::find_of(self.db(), me, id).await? {
            Some(_) => Ok(()),
            None => Err(ServiceError::NotFound {
                entity: "notification",
            }),
        }
    }

    /// Marks every unread notification of the caller read; returns how many.
    pub async fn mark_all_notifications_read(&self, ctx: &RequestContext) -> Result<u64, ServiceError> {
        let me = self.inbox_owner(ctx).await?;
        Ok(notifications::mark_all_read(self.db(), me, self.now()).await?)
    }

    /// The caller, after checking `notification.read`. An API key's inbox is simply empty.
    async fn inbox_owner(&self, ctx: &RequestContext) -> Result<Uuid, ServiceError> {
        self.authorize(ctx, NOTIFICATION_READ).await?;
        Ok(self.principal(ctx)?.id)
    }
}
