//! The one wire shape of a record's timeline (流转记录), whichever module the record belongs to.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use uuid::Uuid;
use xiaoban_services::timeline::TimelineEvent;

/// One line of a record's timeline: who did what, when, from which status to which, and why.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEventOut {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    /// The actor's display name; `null` when the system acted (routing, timeouts).
    pub actor_name: Option<String>,
    /// The module's action word; each module's endpoint lists its words.
    pub action: String,
    /// The record's status before the event, when the event changed it (`null` for a new record).
    pub from_status: Option<String>,
    /// The record's status after the event, when the event changed it.
    pub to_status: Option<String>,
    /// The step of the record's process the event belongs to.
    pub step_index: Option<i32>,
    pub step_name: Option<String>,
    /// The opinion (意见) or comment given with the action.
    pub comment: Option<String>,
    /// Module-specific details (an object; see the module's endpoint).
    #[schema(value_type = std::collections::HashMap<String, serde_json::Value>)]
    pub data: Value,
}

impl From<TimelineEvent> for TimelineEventOut {
    fn from(e: TimelineEvent) -> Self {
        Self {
            id: e.id,
            at: e.at,
            actor_id: e.actor_id,
            actor_name: e.actor_name,
            action: e.action,
            from_status: e.from_status,
            to_status: e.to_status,
            step_index: e.step_index,
            step_name: e.step_name,
            comment: e.comment,
            data: e.data,
        }
    }
}
