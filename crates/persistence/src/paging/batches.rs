//! Every row of a list in batches, for exports: keyset paging ("the rows after the last one"),
//! so the database never counts off rows it skipped and no batch repeats or misses a row while
//! sort values repeat. Only one batch is held at a time.

use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, ModelTrait, Order, QueryFilter,
    QueryOrder, QuerySelect, Select, Value,
};
use xiaoban_domain::paging::Direction;

use super::{ListSpec, order};
use crate::PersistenceError;

/// The rows of `select` in the spec's default order, `size` at a time.
pub struct Batches<E: EntityTrait> {
    select: Select<E>,
    key: (E::Column, Direction),
    tiebreak: E::Column,
    size: u64,
    after: Option<(Value, Value)>,
    done: bool,
}

impl<E> Batches<E>
where
    E: EntityTrait,
    E::Model: ModelTrait<Entity = E> + FromQueryResult + Send + Sync,
{
    /// Walks by the spec's first default key (a `NOT NULL` column) and then its tiebreak.
    pub fn new(select: Select<E>, spec: &ListSpec<E::Column>, size: u64) -> Self {
        let key = spec
            .default_sort
            .first()
            .copied()
            .unwrap_or((spec.tiebreak, Direction::Asc));
        Self {
            select,
            key,
            tiebreak: spec.tiebreak,
            size: size.max(1),
            after: None,
            done: false,
        }
    }

    /// The next batch; `None` once every row was returned.
    pub async fn next(
        &mut self,
        db: &impl ConnectionTrait,
    ) -> Result<Option<Vec<E::Model>>, PersistenceError> {
        if self.done {
            return Ok(None);
        }
        let (column, direction) = self.key;
        let mut query = self.select.clone();
        if let Some((value, id)) = self.after.clone() {
            let beyond = match direction {
                Direction::Asc => column.gt(value.clone()),
                Direction::Desc => column.lt(value.clone()),
            };
            let same_later = Condition::all().add(column.eq(value)).add(self.tiebreak.gt(id));
            query = query.filter(Condition::any().add(beyond).add(same_later));
        }
        let rows = query
            .order_by(column, order(direction))
            .order_by(self.tiebreak, Order::Asc)
            .limit(self.size)
            .all(db)
            .await?;
        self.done = (rows.len() as u64) < self.size;
        match rows.last() {
            Some(last) => self.after = Some((last.get(column), last.get(self.tiebreak))),
            None => return Ok(None),
        }
        Ok(Some(rows))
    }
}
