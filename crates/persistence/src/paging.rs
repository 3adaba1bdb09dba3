//! The list convention in SQL: filters applied by the caller, then sort, count and one page.

use sea_orm::{
    ConnectionTrait, EntityTrait, FromQueryResult, Order, PaginatorTrait, QueryOrder, QuerySelect, Select,
};
use xiaoban_domain::paging::{Direction, Page, PageRequest};

use crate::PersistenceError;

/// Fetches one page of `select`. `columns` maps each sortable API field name to its column; the
/// request was validated against the same names. `tiebreak` (the primary key) is always the last
/// sort key, so pages never overlap or skip rows when sort values repeat.
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
        query = query.order_by(column, order(direction));
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

fn order(direction: Direction) -> Order {
    match direction {
        Direction::Asc => Order::Asc,
        Direction::Desc => Order::Desc,
    }
}
