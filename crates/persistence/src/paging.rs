//! The list convention in SQL: filters applied by the caller, then sort, count and one page; and
//! the one keyword search every list's `q` uses, so both databases answer it the same way.

use sea_orm::sea_query::{Expr, ExprTrait, Func, IntoColumnRef, LikeExpr, NullOrdering};
use sea_orm::{
    Condition, ConnectionTrait, EntityTrait, FromQueryResult, Order, PaginatorTrait, QueryOrder, QuerySelect,
    Select,
};
use xiaoban_domain::paging::{Direction, Page, PageRequest};

use crate::PersistenceError;

/// Fetches one page of `select`. `columns` maps each sortable API field name to its column; the
/// request was validated against the same names. `tiebreak` (the primary key) is always the last
/// sort key, so pages never overlap or skip rows when sort values repeat. Empty values (`NULL`,
/// a task without a deadline) sort last in either direction on both databases: PostgreSQL would
/// put them first when descending and SQLite first when ascending.
pub async fn fetch_page<E, M>(
    db: &impl ConnectionTrait,
    select: Select<E>,
    request: &PageRequest,
    columns: &[(&str, E::Column)],
    default_sort: &[(E::Column, Direction)],
    tiebreak: E::Column,
) -> Result<Page<M>, PersistenceError>
where
    E: EntityTrait<Model = M>,
    M: FromQueryResult + Sized + Send + Sync,
{
    let total = select.clone().count(db).await?;
    let mut query = select;
    let chosen: Vec<(E::Column, Direction)> = if request.sort.is_empty() {
        default_sort.to_vec()
    } else {
        request
            .sort
            .iter()
            .filter_map(|key| {
                columns
                    .iter()
                    .find(|(name, _)| *name == key.field)
                    .map(|(_, col)| (*col, key.direction))
            })
            .collect()
    };
    for (column, direction) in chosen {
        query = query.order_by_with_nulls(column, order(direction), NullOrdering::Last);
    }
    let items = query
        .order_by(tiebreak, Order::Asc)
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

fn order(direction: Direction) -> Order {
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
