//! The tables of a snapshot, parents before children, and how their rows are read.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;

use futures_util::TryStreamExt;
use sea_orm::sea_query::ColumnType;
use sea_orm::{ColumnTrait, EntityTrait, IdenStatic, Iterable, ModelTrait, PrimaryKeyToColumn, QueryOrder};
use serde::{Deserialize, Serialize};

use super::SnapshotError;
use super::value::to_json;
use crate::Tx;
use crate::entities::*;

/// One row: column name to JSON value.
pub type Row = serde_json::Map<String, serde_json::Value>;

/// How a column's values are written as JSON and read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Hyphenated lowercase text.
    Uuid,
    Text,
    I16,
    I32,
    I64,
    Bool,
    /// RFC 3339 in UTC with every stored fraction digit.
    Timestamp,
    /// `YYYY-MM-DD`.
    Date,
}

/// A column as the snapshot records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnSpec {
    pub name: String,
    pub kind: Kind,
}

type RowSink<'a> = &'a mut (dyn FnMut(Row) -> std::io::Result<()> + Send);
type Reading<'a> = Pin<Box<dyn Future<Output = Result<u64, SnapshotError>> + Send + 'a>>;

/// A table the snapshot knows how to read.
pub trait Table: Send + Sync {
    fn name(&self) -> &'static str;
    fn columns(&self) -> Result<Vec<ColumnSpec>, SnapshotError>;
    /// Hands every row to `sink` (in primary-key order, parents first for a self-referencing
    /// table); returns how many there were.
    fn read<'a>(&'a self, tx: &'a Tx, sink: RowSink<'a>) -> Reading<'a>;
}

/// Every table, in load order (a table after those its foreign keys reference).
pub fn tables() -> Vec<Box<dyn Table>> {
    vec![
        of::<calendar_day::Entity>(),
        of::<idempotency_key::Entity>(),
        of::<number_series::Entity>(),
        of::<number_counter::Entity>(),
        of::<setting::Entity>(),
        of::<user::Entity>(),
        tree::<department::Entity>("parent_id"),
        of::<user_department::Entity>(),
        of::<role::Entity>(),
        of::<role_permission::Entity>(),
        of::<role_assignment::Entity>(),
        of::<session::Entity>(),
        of::<api_key::Entity>(),
        of::<sign_in_throttle::Entity>(),
        of::<user_totp::Entity>(),
        of::<totp_recovery_code::Entity>(),
        of::<mfa_challenge::Entity>(),
        of::<audit_event::Entity>(),
        of::<audit_head::Entity>(),
        of::<outbox_message::Entity>(),
        of::<notification::Entity>(),
        of::<approval_template::Entity>(),
        of::<approval_template_version::Entity>(),
        of::<approval_instance::Entity>(),
        of::<approval_task::Entity>(),
        of::<approval_delegation::Entity>(),
        of::<approval_draft::Entity>(),
        of::<file::Entity>(),
        of::<file_link::Entity>(),
        of::<record_event::Entity>(),
        of::<crate::notices::notice::Entity>(),
        of::<crate::notices::notice_target::Entity>(),
        of::<crate::notices::notice_receipt::Entity>(),
        of::<crate::notices::guide::Entity>(),
        of::<crate::notices::guide_version::Entity>(),
    ]
}

struct EntityTable<E> {
    /// A column referencing the same table's primary key: such rows are put parents first.
    parent: Option<&'static str>,
    entity: PhantomData<fn() -> E>,
}

fn of<E: EntityTrait>() -> Box<dyn Table>
where
    E::Model: Send + Sync,
{
    Box::new(EntityTable::<E> {
        parent: None,
        entity: PhantomData,
    })
}

fn tree<E: EntityTrait>(parent: &'static str) -> Box<dyn Table>
where
    E::Model: Send + Sync,
{
    Box::new(EntityTable::<E> {
        parent: Some(parent),
        entity: PhantomData,
    })
}

impl<E: EntityTrait> Table for EntityTable<E>
where
    E::Model: Send + Sync,
{
    fn name(&self) -> &'static str {
        E::default().table_name()
    }

    fn columns(&self) -> Result<Vec<ColumnSpec>, SnapshotError> {
        E::Column::iter()
            .map(|column| {
                let kind = kind_of(column.def().get_column_type()).ok_or_else(|| {
                    SnapshotError::Refused(format!(
                        "{}.{}: the snapshot has no kind for its column type",
                        self.name(),
                        column.as_str()
                    ))
                })?;
                Ok(ColumnSpec {
                    name: column.as_str().to_owned(),
                    kind,
                })
            })
            .collect()
    }

    fn read<'a>(&'a self, tx: &'a Tx, sink: RowSink<'a>) -> Reading<'a> {
        Box::pin(async move {
            let mut select = E::find();
            for key in E::PrimaryKey::iter() {
                select = select.order_by_asc(key.into_column());
            }
            let mut stream = select.stream(tx).await?;
            let mut count = 0;
            let mut held = Vec::new();
            while let Some(model) = stream.try_next().await? {
                let row = row_of::<E>(&model)?;
                count += 1;
                match self.parent {
                    Some(_) => held.push(row),
                    None => sink(row)?,
                }
            }
            if let Some(parent) = self.parent {
                for row in parents_first(held, parent) {
                    sink(row)?;
                }
            }
            Ok(count)
        })
    }
}

fn row_of<E: EntityTrait>(model: &E::Model) -> Result<Row, SnapshotError> {
    E::Column::iter()
        .map(|column| Ok((column.as_str().to_owned(), to_json(model.get(column))?)))
        .collect()
}

fn kind_of(column_type: &ColumnType) -> Option<Kind> {
    Some(match column_type {
        ColumnType::Uuid => Kind::Uuid,
        ColumnType::String(_) | ColumnType::Text | ColumnType::Char(_) => Kind::Text,
        ColumnType::SmallInteger => Kind::I16,
        ColumnType::Integer => Kind::I32,
        ColumnType::BigInteger => Kind::I64,
        ColumnType::Boolean => Kind::Bool,
        ColumnType::TimestampWithTimeZone => Kind::Timestamp,
        ColumnType::Date => Kind::Date,
        _ => return None,
    })
}

/// Orders rows so that every row comes after the row its `parent` column names (rows whose
/// parent is missing or part of a cycle keep their order at the end, so nothing is dropped).
fn parents_first(rows: Vec<Row>, parent: &str) -> Vec<Row> {
    let mut placed = std::collections::HashSet::new();
    let mut pending = rows;
    let mut ordered = Vec::with_capacity(pending.len());
    loop {
        let before = pending.len();
        let (ready, waiting): (Vec<Row>, Vec<Row>) = pending.into_iter().partition(|row| {
            row.get(parent)
                .and_then(|p| p.as_str())
                .is_none_or(|p| placed.contains(p))
        });
        for row in &ready {
            if let Some(id) = row.get("id").and_then(|id| id.as_str()) {
                placed.insert(id.to_owned());
            }
        }
        ordered.extend(ready);
        pending = waiting;
        if pending.is_empty() || pending.len() == before {
            break;
        }
    }
    ordered.extend(pending);
    ordered
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn row(id: &str, parent: Option<&str>) -> Row {
        let value = json!({ "id": id, "parent_id": parent });
        value.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn a_child_created_before_its_parent_is_put_after_it() {
        let rows = vec![row("c", Some("b")), row("b", Some("a")), row("a", None)];
        let ids: Vec<String> = parents_first(rows, "parent_id")
            .iter()
            .map(|r| r["id"].as_str().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn rows_with_a_missing_parent_are_kept_at_the_end() {
        let rows = vec![row("x", Some("gone")), row("a", None)];
        assert_eq!(parents_first(rows, "parent_id").len(), 2);
    }

    #[test]
    fn every_listed_table_has_a_kind_for_each_column() {
        for table in tables() {
            assert!(table.columns().is_ok(), "{}", table.name());
        }
    }
}
