//! The half-yearly review (每半年复核): a clock job tells each owner when a published guide's
//! review date has come, once per date.

use serde_json::json;
use xiaoban_domain::notices::{GUIDE_CODE, GuideEvent};
use xiaoban_persistence::notices::guides;
use xiaoban_persistence::{PersistenceError, begin_write};

use super::events;
use crate::audit::{self, Change};
use crate::notifications::{Notice, NoticeKind, enqueue};
use crate::{RequestContext, ServiceError, Services};

/// What one run of the review reminders did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReviewReport {
    pub reminded: u64,
}

impl Services {
    /// Reminds the owner of every published guide whose review date has come (in the school's
    /// time zone) and who was not yet reminded of that date. Run by the clock; safe to repeat.
    pub async fn remind_guide_reviews(&self) -> Result<ReviewReport, ServiceError> {
        let now = self.now();
        let today = now.with_timezone(&self.settings().timezone).date_naive();
        let tx = begin_write(self.db()).await?;
        let due = guides::due_for_review(&tx, today).await?;
        let ctx = RequestContext::system();
        for guide in &due {
            let Some(date) = guide.review_due else { continue };
            let notice = Notice {
                kind: NoticeKind::DeadlineApproaching,
                recipients: vec![guide.owner_id],
                title: format!("请复核：{}", guide.title),
                body: format!(
                    "第 {} 版已满半年，复核日期为 {date}，请核对内容后重新发布",
                    guide.published_version
                ),
                link: Some(format!("/guides/{}", guide.id)),
                subject: Some((GUIDE_CODE.to_owned(), guide.id)),
                data: json!({"guideId": guide.id, "reviewDue": date}),
            };
            enqueue(&tx, now, notice).await?;
            guides::mark_review_reminded(&tx, guide.id, date).await?;
            let change = Change::new(events::GUIDE_REVIEW_REMINDED, "guide", Some(guide.id.to_string()))
                .after(json!({"reviewDue": date, "ownerId": guide.owner_id}));
            audit::record(&tx, &ctx, now, change).await?;
            let step =
                events::Step::new(now, None, GuideEvent::ReviewReminded).data(json!({"reviewDue": date}));
            events::on_timeline(&tx, GUIDE_CODE, guide.id, step).await?;
        }
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(ReviewReport {
            reminded: due.len() as u64,
        })
    }
}
