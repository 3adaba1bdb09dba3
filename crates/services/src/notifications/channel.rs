//! Delivery channels. A channel takes one outbox message and delivers it idempotently: delivering
//! the same message twice must leave the same result as once, because a crash between delivery
//! and marking the row delivered makes the worker try again.

use uuid::Uuid;
use xiaoban_persistence::notifications::outbox::OutboxRow;
use xiaoban_persistence::notifications::{self, NotificationRow};
use xiaoban_persistence::{ConnectionTrait, PersistenceError};

use super::Notice;

/// Where an outbox message goes. A new channel (DingTalk, WeCom, e-mail, webhooks) is a variant
/// here with its code and its `deliver` arm; the worker, retries and the table stay as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// The bell in the web app: one `notifications` row per recipient.
    InApp,
}

/// Why one delivery attempt failed; kept as the row's `last_error`.
#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    #[error("unknown channel {0:?}")]
    UnknownChannel(String),
    #[error("payload cannot be read: {0}")]
    BadPayload(#[from] serde_json::Error),
    #[error(transparent)]
    Storage(#[from] PersistenceError),
}

impl Channel {
    /// The value of `outbox_messages.channel`.
    pub fn code(self) -> &'static str {
        match self {
            Self::InApp => "in_app",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "in_app" => Some(Self::InApp),
            _ => None,
        }
    }

    /// Delivers `message` inside the worker's transaction.
    pub(super) async fn deliver(db: &impl ConnectionTrait, message: &OutboxRow) -> Result<(), DeliveryError> {
        match Self::from_code(&message.channel) {
            Some(Self::InApp) => deliver_in_app(db, message).await,
            None => Err(DeliveryError::UnknownChannel(message.channel.clone())),
        }
    }
}

/// One notification per recipient who still exists (disabled users keep theirs: they may be
/// enabled again). Existing (message, recipient) rows are skipped, which makes redelivery harmless.
async fn deliver_in_app(db: &impl ConnectionTrait, message: &OutboxRow) -> Result<(), DeliveryError> {
    let notice: Notice = serde_json::from_str(&message.payload)?;
    let recipients = notifications::existing_users(db, &notice.recipients).await?;
    let data = notice.data.to_string();
    let (subject_module, subject_id) = match notice.subject {
        Some((module, id)) => (Some(module), Some(id)),
        None => (None, None),
    };
    let rows = recipients
        .into_iter()
        .map(|recipient_id| NotificationRow {
            id: Uuid::now_v7(),
            recipient_id,
            outbox_id: message.id,
            kind: notice.kind.as_str().to_owned(),
            title: notice.title.clone(),
            body: notice.body.clone(),
            link: notice.link.clone(),
            subject_module: subject_module.clone(),
            subject_id,
            data: data.clone(),
            // When it happened, not when the worker got to it; stable across redelivery.
            created_at: message.created_at,
            read_at: None,
        })
        .collect();
    notifications::insert_once(db, rows).await?;
    Ok(())
}
