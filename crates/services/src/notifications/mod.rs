//! STUB: replaced by the notifications branch on merge (same public API).
use serde::{Deserialize, Serialize};

use crate::ServiceError;

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

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Notice {
    pub kind: NoticeKind,
    pub recipients: Vec<uuid::Uuid>,
    pub title: String,
    pub body: String,
    pub link: Option<String>,
    pub subject: Option<(String, uuid::Uuid)>,
    pub data: serde_json::Value,
}

pub async fn enqueue(
    _tx: &impl xiaoban_persistence::ConnectionTrait,
    _now: chrono::DateTime<chrono::Utc>,
    _notice: Notice,
) -> Result<(), ServiceError> {
    Ok(())
}
