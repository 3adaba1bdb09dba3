//! The list convention in SQL: a [`ListSpec`] per list, filters applied by the caller, then sort,
//! count and one page ([`fetch_page`]) or every row in batches ([`Batches`]); and the one keyword
//! search every list's `q` uses, so both databases answer it the same way.

use sea_orm::sea_query::{Expr, ExprTrait, Func, IntoColumnRef, LikeExpr, NullOrdering};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, Order, PaginatorTrait, QueryOrder,
    QuerySelect, Select,
};
use xiaoban_domain::paging::{Direction, ListKeys, Page, PageRequest};

use crate::PersistenceError;

mod batches;

pub use batches::Batches;

/// A list's one definition: the API names it sorts by and their columns, the columns its keyword
/// `q` searches, its default order and the tiebreak (the primary key). The HTTP parameters, their
/// OpenAPI description ([`ListKeys`]) and the query all read it, so a sortable name is written
/// once. The first default key must be a `NOT NULL` column: exports walk the list by it (keyset).
#[derive(Debug)]
pub struct ListSpec<C: 'static> {
    pub sort: &'static [(&'static str, C)],
    pub keyword: &'static [C],
    pub default_sort: &'static [(C, Direction)],
    pub tiebreak: C,
}

impl<C: ColumnTrait + Copy + Sync> ListSpec<C> {
    /// Rows where any keyword column (plus `extra`) contains `keyword`; see [`keyword_condition`].
    pub fn keyword_with(&self, keyword: Option<&str>, extra: &[C]) -> Option<Condition>
    where
        C: IntoColumnRef,
    {
        let columns: Vec<C> = self.keyword.iter().chain(extra).copied().collect();
        keyword_condition(keyword, &columns)
    }

    pub fn keyword(&self, keyword: Option<&str>) -> Option<Condition>
    where
        C: IntoColumnRef,
    {
        self.keyword_with(keyword, &[])
    }

    fn chosen(&self, request: &PageRequest) -> Vec<(C, Direction)> {
        if request.sort.is_empty() {
            return self.default_sort.to_vec();
        }
        request
            .sort
            .iter()
            .filter_map(|key| {
                self.sort
                    .iter()
                    .find(|(name, _)| *name == key.field)
                    .map(|(_, col)| (*col, key.direction))
            })
            .collect()
    }
}

impl<C: ColumnTrait + Copy + Sync> ListKeys for ListSpec<C> {
    fn sort_names(&self) -> Vec<&'static str> {
        self.sort.iter().map(|(name, _)| *name).collect()
    }

    fn default_sort(&self) -> String {
        self.default_sort
            .iter()
            .filter_map(|(col, direction)| {
                let (name, _) = self.sort.iter().find(|(_, c)| c.as_str() == col.as_str())?;
                Some(match direction {
                    Direction::Asc => (*name).to_owned(),
                    Direction::Desc => format!("-{name}"),
                })
            })
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// Fetches one page of `select` in the order the request (or else the spec) names. The
/// request was validated against the spec's names. The tiebreak is always the last sort key, so
/// pages never overlap or skip rows when sort values repeat. Empty values (`NULL`, a task
/// without a deadline) sort last in either direction on both databases: PostgreSQL would put
/// them first when descending and SQLite first when ascending.
pub async fn fetch_page<E, M>(
    db: &impl ConnectionTrait,
    select: Select<E>,
    request: &PageRequest,
    spec: &ListSpec<E::Column>,
) -> Result<Page<M>, PersistenceError>
where
    E: EntityTrait<Model = M>,
    E::Column: Sync,
    M: FromQueryResult + Sized + Send + Sync,
{
    let total = select.clone().count(db).await?;
    let mut query = select;
    for (column, direction) in spec.chosen(request) {
        query = query.order_by_with_nulls(column, order(direction), NullOrdering::Last);
    }
    let items = query
        .order_by(spec.tiebreak, Order::Asc)
        .offset(request.offset())
        .limit(request.page_size)
        .all(db)
        .await?;
    Ok(Page {
        items,
        total,
        page: request.page,
        page_size: request.page_size,
    })
}

/// Rows where any of `columns` contains `keyword` (trimmed; blank means no filter). `%`, `_` and
/// `\` match themselves (`LIKE … ESCAPE`), and both sides are lower-cased, because PostgreSQL's
/// `LIKE` is case-sensitive and SQLite's is not. Chinese text has no case and matches as typed.
pub fn keyword_condition<C>(keyword: Option<&str>, columns: &[C]) -> Option<Condition>
where
    C: IntoColumnRef + Copy,
{
    let keyword = keyword.map(str::trim).filter(|k| !k.is_empty())?;
    let pattern = contains_pattern(keyword);
    Some(columns.iter().fold(Condition::any(), |any, column| {
        any.add(Expr::expr(Func::lower(Expr::col(*column))).like(LikeExpr::new(pattern.clone()).escape('\\')))
    }))
}

/// `%keyword%` in lower case with the `LIKE` wildcards and the escape character escaped.
fn contains_pattern(keyword: &str) -> String {
    let mut out = String::with_capacity(keyword.len() + 2);
    out.push('%');
    for c in keyword.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

pub(crate) fn order(direction: Direction) -> Order {
    match direction {
        Direction::Asc => Order::Asc,
        Direction::Desc => Order::Desc,
    }
}

#[cfg(test)]
mod tests {
    use super::contains_pattern;

    #[test]
    fn wildcards_and_the_escape_character_are_escaped_and_case_is_folded() {
        assert_eq!(contains_pattern("100%_A\\b"), "%100\\%\\_a\\\\b%");
        assert_eq!(contains_pattern("教务处"), "%教务处%");
    }
}
