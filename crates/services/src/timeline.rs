//! The shared record timeline (流转记录): every module appends its records' events here, in the
//! transaction of the change they record, and reads them back oldest first with who did what.
//! A module shows its timeline through [`TimelineEvent`], the one shape every module answers.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;
use xiaoban_domain::state::Word;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::approvals::people;
use xiaoban_persistence::timeline::{self as store, RecordEventRow};

use crate::ServiceError;

/// What happened to a record, before it is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub at: DateTime<Utc>,
    /// `None` for the system.
    pub actor_id: Option<Uuid>,
    /// The module's own action word, e.g. `approve` (stored as text, whatever enum a module uses).
    pub action: String,
    /// Set when the event changed the record's status.
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub step_index: Option<i32>,
    pub task_id: Option<Uuid>,
    /// The opinion (意见) given with the action.
    pub comment: Option<String>,
    /// Module-specific details: a JSON object (`{}` when there are none).
    pub data: Value,
}

impl Event {
    pub fn new(at: DateTime<Utc>, actor_id: Option<Uuid>, action: &str) -> Self {
        Self {
            at,
            actor_id,
            action: action.to_owned(),
            from_status: None,
            to_status: None,
            step_index: None,
            task_id: None,
            comment: None,
            data: Value::Object(serde_json::Map::new()),
        }
    }
}

/// One line of a timeline as clients see it, in the module's words: `A` its actions, `S` its
/// record's states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEvent<A, S> {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    /// `None` for the system.
    pub actor_name: Option<String>,
    pub action: A,
    pub from_status: Option<S>,
    pub to_status: Option<S>,
    pub step_index: Option<i32>,
    /// The step's name in the module's words, when the module names it.
    pub step_name: Option<String>,
    pub comment: Option<String>,
    pub data: Value,
}

/// Stores `event` as the newest line of the record's timeline; its id orders it after every line
/// appended before it, even at the same instant.
pub async fn append(
    tx: &impl ConnectionTrait,
    module: &str,
    record_id: Uuid,
    event: Event,
) -> Result<Uuid, ServiceError> {
    let id = Uuid::now_v7();
    let row = RecordEventRow {
        id,
        module: module.to_owned(),
        record_id,
        at: event.at,
        actor_id: event.actor_id,
        action: event.action,
        from_status: event.from_status,
        to_status: event.to_status,
        step_index: event.step_index,
        task_id: event.task_id,
        comment: event.comment,
        data: event.data.to_string(),
    };
    store::insert(tx, row).await?;
    Ok(id)
}

/// The stored lines of a record's timeline, oldest first (ties in insertion order), for modules
/// that derive more from them than they show.
pub async fn rows(
    db: &impl ConnectionTrait,
    module: &str,
    record_id: Uuid,
) -> Result<Vec<RecordEventRow>, ServiceError> {
    Ok(store::of_record(db, module, record_id).await?)
}

/// A record's whole timeline as clients see it, oldest first. The caller has checked that the
/// viewer may read the record.
pub async fn list<A: Word, S: Word>(
    db: &impl ConnectionTrait,
    module: &str,
    record_id: Uuid,
) -> Result<Vec<TimelineEvent<A, S>>, ServiceError> {
    let rows = rows(db, module, record_id).await?;
    let names = actor_names(db, &rows).await?;
    rows.iter().map(|row| view(row, &names)).collect()
}

/// The display names of the people in `rows`.
pub async fn actor_names(
    db: &impl ConnectionTrait,
    rows: &[RecordEventRow],
) -> Result<BTreeMap<Uuid, String>, ServiceError> {
    let mut ids: Vec<Uuid> = rows.iter().filter_map(|r| r.actor_id).collect();
    ids.sort();
    ids.dedup();
    Ok(people::names(db, &ids).await?)
}

/// A stored line as clients see it; a module adds the step's name and masks `data` as it needs.
/// A word outside the module's sets means the stored line was not written by this code: an
/// internal error naming it, never a guess.
pub fn view<A: Word, S: Word>(
    row: &RecordEventRow,
    names: &BTreeMap<Uuid, String>,
) -> Result<TimelineEvent<A, S>, ServiceError> {
    let word = |text: &str| {
        ServiceError::Internal(format!(
            "the {} timeline line {} has the unknown word `{text}`",
            row.module, row.id
        ))
    };
    let status = |text: &Option<String>| {
        text.as_deref()
            .map(|t| S::parse(t).ok_or_else(|| word(t)))
            .transpose()
    };
    Ok(TimelineEvent {
        id: row.id,
        at: row.at,
        actor_id: row.actor_id,
        actor_name: row.actor_id.map(|a| names.get(&a).cloned().unwrap_or_default()),
        action: A::parse(&row.action).ok_or_else(|| word(&row.action))?,
        from_status: status(&row.from_status)?,
        to_status: status(&row.to_status)?,
        step_index: row.step_index,
        step_name: None,
        comment: row.comment.clone(),
        data: serde_json::from_str(&row.data).unwrap_or_else(|_| Value::Object(serde_json::Map::new())),
    })
}

#[cfg(test)]
mod tests {
    use xiaoban_domain::notices::{NoticeEvent, NoticeState};

    use super::*;

    fn row(action: &str, to_status: Option<&str>) -> RecordEventRow {
        RecordEventRow {
            id: Uuid::now_v7(),
            module: "notice".to_owned(),
            record_id: Uuid::now_v7(),
            at: Utc::now(),
            actor_id: None,
            action: action.to_owned(),
            from_status: None,
            to_status: to_status.map(str::to_owned),
            step_index: None,
            task_id: None,
            comment: None,
            data: "{}".to_owned(),
        }
    }

    #[test]
    fn a_line_reads_in_the_modules_words() {
        let line: TimelineEvent<NoticeEvent, NoticeState> =
            view(&row("publish", Some("published")), &BTreeMap::new()).unwrap();
        assert_eq!(
            (line.action, line.to_status),
            (NoticeEvent::Publish, Some(NoticeState::Published))
        );
    }

    #[test]
    fn a_word_outside_the_modules_sets_is_an_internal_error_naming_it() {
        for bad in [row("approve", None), row("publish", Some("running"))] {
            let err = view::<NoticeEvent, NoticeState>(&bad, &BTreeMap::new()).unwrap_err();
            let ServiceError::Internal(text) = err else {
                panic!("{err:?}")
            };
            assert!(text.contains("unknown word"), "{text}");
        }
    }
}
