//! What the module writes to the audit log, one constant per event, so that the move onto the
//! shared record timeline changes one file.

use xiaoban_domain::state::Word;

pub const NOTICE_CREATE: &str = "notice.create";
pub const NOTICE_UPDATE: &str = "notice.update";
pub const NOTICE_PUBLISH: &str = "notice.publish";
pub const NOTICE_WITHDRAW: &str = "notice.withdraw";
pub const NOTICE_PIN: &str = "notice.pin";
pub const NOTICE_REMIND: &str = "notice.remind";
pub const NOTICE_EXPORT_RECEIPTS: &str = "notice.export_receipts";
pub const GUIDE_CREATE: &str = "guide.create";
pub const GUIDE_UPDATE: &str = "guide.update";
pub const GUIDE_PUBLISH: &str = "guide.publish";
pub const GUIDE_WITHDRAW: &str = "guide.withdraw";
pub const GUIDE_REVIEW_REMINDED: &str = "guide.review_reminded";

/// The line on the record's shared timeline (流转记录) for an action of the office (or of the
/// clock, with no actor); the status words only when the action changed the status.
pub(super) async fn on_timeline(
    tx: &impl xiaoban_persistence::ConnectionTrait,
    module: &str,
    id: uuid::Uuid,
    step: Step,
) -> Result<(), crate::ServiceError> {
    let mut event = crate::timeline::Event::new(step.at, step.actor, step.action);
    if let Some((from, to)) = step.moved.filter(|(from, to)| from != to) {
        event.from_status = Some(from.to_owned());
        event.to_status = Some(to.to_owned());
    }
    if let Some(data) = step.data {
        event.data = data;
    }
    crate::timeline::append(tx, module, id, event).await?;
    Ok(())
}

/// One action as the timeline records it: the module's event word and, when the action moved
/// the record, its states before and after.
pub(super) struct Step {
    pub at: chrono::DateTime<chrono::Utc>,
    pub actor: Option<uuid::Uuid>,
    pub action: &'static str,
    /// The status before and after.
    pub moved: Option<(&'static str, &'static str)>,
    pub data: Option<serde_json::Value>,
}

impl Step {
    pub fn new(at: chrono::DateTime<chrono::Utc>, actor: Option<uuid::Uuid>, action: impl Word) -> Self {
        Self {
            at,
            actor,
            action: action.as_str(),
            moved: None,
            data: None,
        }
    }

    pub fn moved(mut self, from: impl Word, to: impl Word) -> Self {
        self.moved = Some((from.as_str(), to.as_str()));
        self
    }

    pub fn data(mut self, data: serde_json::Value) -> Self {
        self.data = Some(data);
        self
    }
}
