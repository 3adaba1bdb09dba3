//! The one wire shape of a record's timeline (流转记录), whichever module the record belongs to:
//! each module declares its line with [`timeline_out!`], naming its action and status enums, so
//! the document publishes them as unions and a generated client needs no list of words.

/// Declares a module's timeline line: `timeline_out!(NoticeTimelineEvent, NoticeEvent, NoticeState);`
/// makes the struct `NoticeTimelineEvent` (the shared fields; `action` a `NoticeEvent`, the
/// statuses `NoticeState`s) and its `From` the service's line.
#[macro_export]
macro_rules! timeline_out {
    ($(#[$meta:meta])* $name:ident, $action:ty, $status:ty) => {
        $(#[$meta])*
        #[derive(Debug, Clone, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            pub id: uuid::Uuid,
            pub at: chrono::DateTime<chrono::Utc>,
            pub actor_id: Option<uuid::Uuid>,
            /// The actor's display name; `null` when the system acted (routing, timeouts).
            pub actor_name: Option<String>,
            pub action: $action,
            /// The record's status before the event, when the event changed it (`null` for a new record).
            pub from_status: Option<$status>,
            /// The record's status after the event, when the event changed it.
            pub to_status: Option<$status>,
            /// The step of the record's process the event belongs to.
            pub step_index: Option<i32>,
            pub step_name: Option<String>,
            /// The opinion (意见) or comment given with the action.
            pub comment: Option<String>,
            /// Module-specific details (an object; see the action's description).
            #[schema(value_type = std::collections::HashMap<String, serde_json::Value>)]
            pub data: serde_json::Value,
        }

        impl From<xiaoban_services::timeline::TimelineEvent<$action, $status>> for $name {
            fn from(e: xiaoban_services::timeline::TimelineEvent<$action, $status>) -> Self {
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
    };
}
