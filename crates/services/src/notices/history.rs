//! The timelines (流转记录) of notices and guides: who drafted, edited, published, pinned,
//! withdrew, reminded. The office's record of its own work, so only the office reads them.

use uuid::Uuid;
use xiaoban_domain::notices::permissions::{GUIDE_MANAGE, NOTICE_MANAGE};
use xiaoban_domain::notices::{GUIDE_CODE, GuideEvent, GuideState, NOTICE_CODE, NoticeEvent, NoticeState};
use xiaoban_persistence::notices::{guides, store};

use crate::timeline::{self, TimelineEvent};
use crate::{RequestContext, ServiceError, Services};

/// A line of a notice's timeline.
pub type NoticeLine = TimelineEvent<NoticeEvent, NoticeState>;
/// A line of a guide's or manual's timeline.
pub type GuideLine = TimelineEvent<GuideEvent, GuideState>;

impl Services {
    /// A notice's timeline, oldest first.
    pub async fn notice_timeline(
        &self,
        ctx: &RequestContext,
        id: Uuid,
    ) -> Result<Vec<NoticeLine>, ServiceError> {
        self.authorize(ctx, NOTICE_MANAGE).await?;
        store::find(self.db(), id)
            .await?
            .ok_or(ServiceError::NotFound { entity: "notice" })?;
        timeline::list(self.db(), NOTICE_CODE, id).await
    }

    /// A guide's timeline, oldest first.
    pub async fn guide_timeline(
        &self,
        ctx: &RequestContext,
        id: Uuid,
    ) -> Result<Vec<GuideLine>, ServiceError> {
        self.authorize(ctx, GUIDE_MANAGE).await?;
        guides::find(self.db(), id)
            .await?
            .ok_or(ServiceError::NotFound { entity: "guide" })?;
        timeline::list(self.db(), GUIDE_CODE, id).await
    }
}
