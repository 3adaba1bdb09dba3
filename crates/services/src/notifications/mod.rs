//! Notifications (通知): what other modules hand over ([`Notice`], [`enqueue`]), the outbox worker
//! that delivers them ([`Services::deliver_outbox`]) and each user's inbox.
//!
//! A notice becomes one outbox row in the caller's transaction, so it is committed together with
//! the business change or not at all. The worker turns due rows into deliveries on a
//! [`Channel`]; a redelivered row is harmless because each channel delivers idempotently.

mod channel;
mod inbox;
mod module;
mod worker;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::notifications::outbox;

pub use channel::Channel;
pub use inbox::{NOTIFICATION_LIST, NotificationView};
pub use module::{NotificationsModule, OUTBOX_JOB};
pub use worker::{DeliveryReport, MAX_ATTEMPTS, retry_delay};

use crate::ServiceError;

/// Why someone is notified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    TaskAssigned,
    Decision,
    Urged,
    DeadlineApproaching,
    Overdue,
    Cc,
    Comment,
    System,
}

impl NoticeKind {
    /// The stored and wire name (`task_assigned`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TaskAssigned => "task_assigned",
            Self::Decision => "decision",
            Self::Urged => "urged",
            Self::DeadlineApproaching => "deadline_approaching",
            Self::Overdue => "overdue",
            Self::Cc => "cc",
            Self::Comment => "comment",
            Self::System => "system",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
    }
}

/// One thing to tell one or more people.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Notice {
    pub kind: NoticeKind,
    /// De-duplicated by [`enqueue`]; empty means nothing is sent.
    pub recipients: Vec<Uuid>,
    /// Chinese, e.g. "待审批：请假申请（王老师）".
    pub title: String,
    /// A Chinese one-liner.
    pub body: String,
    /// An SPA path, e.g. "/approvals/0193…".
    pub link: Option<String>,
    /// `(module, id)`, e.g. `("approval", instance id)`.
    pub subject: Option<(String, Uuid)>,
    /// Free-form, for the SPA (e.g. `{"instanceId": …}`).
    pub data: serde_json::Value,
}

/// Writes one outbox row in the caller's transaction: committed with the business change or not at all.
pub async fn enqueue(
    tx: &impl ConnectionTrait,
    now: chrono::DateTime<chrono::Utc>,
    notice: Notice,
) -> Result<(), ServiceError> {
    let mut seen = BTreeSet::new();
    let recipients: Vec<Uuid> = notice
        .recipients
        .iter()
        .copied()
        .filter(|id| seen.insert(*id))
        .collect();
    if recipients.is_empty() {
        return Ok(());
    }
    let notice = Notice { recipients, ..notice };
    let payload = serde_json::to_string(&notice)
        .map_err(|err| ServiceError::Internal(format!("notice not serializable: {err}")))?;
    outbox::insert(tx, Channel::InApp.code(), payload, now).await?;
    Ok(())
}
