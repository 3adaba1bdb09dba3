//! The user list: keyword, filters, data scope and paging in SQL.

use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Select};
use uuid::Uuid;
use xiaoban_domain::paging::{Direction, Page, PageRequest};

use super::memberships;
use super::users::UserRow;
use crate::PersistenceError;
use crate::entities::user::{Column, Entity};
use crate::paging::{self, Batches, ListSpec};

/// Which users a list shows.
#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    /// Matches username, name or number (and phone if `search_phone`).
    pub keyword: Option<String>,
    pub search_phone: bool,
    /// Members of any of these departments.
    pub departments: Option<Vec<Uuid>>,
    /// Holders of this role.
    pub role_id: Option<Uuid>,
    /// `active` or `disabled`.
    pub status: Option<String>,
    /// Data scope: members of these departments, plus `also` if given. `None` means everyone.
    pub visible: Option<(Vec<Uuid>, Option<Uuid>)>,
}

/// The user list: sortable by these names, searched in username, name and number (and phone
/// for callers who see phone numbers), by username unless sorted otherwise.
pub static SPEC: ListSpec<Column> = ListSpec {
    sort: &[
        ("username", Column::Username),
        ("name", Column::Name),
        ("number", Column::Number),
        ("createdAt", Column::CreatedAt),
        ("lastLoginAt", Column::LastLoginAt),
    ],
    keyword: &[Column::Username, Column::Name, Column::Number],
    default_sort: &[(Column::Username, Direction::Asc)],
    tiebreak: Column::Id,
};

fn select(filter: &UserFilter) -> Select<Entity> {
    let mut select = Entity::find();
    let phone: &[Column] = if filter.search_phone {
        &[Column::Phone]
    } else {
        &[]
    };
    if let Some(any) = SPEC.keyword_with(filter.keyword.as_deref(), phone) {
        select = select.filter(any);
    }
    if let Some(departments) = &filter.departments {
        select = select.filter(Column::Id.in_subquery(memberships::members_of(departments.iter().copied())));
    }
    if let Some(role_id) = filter.role_id {
        select = select.filter(Column::Id.in_subquery(memberships::holders_of(role_id)));
    }
    if let Some(status) = &filter.status {
        select = select.filter(Column::Status.eq(status.as_str()));
    }
    if let Some((departments, also)) = &filter.visible {
        let mut any = Condition::any()
            .add(Column::Id.in_subquery(memberships::members_of(departments.iter().copied())));
        if let Some(id) = also {
            any = any.add(Column::Id.eq(*id));
        }
        select = select.filter(any);
    }
    select
}

/// One page of the users matching `filter`.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &UserFilter,
    request: &PageRequest,
) -> Result<Page<UserRow>, PersistenceError> {
    paging::fetch_page(db, select(filter), request, &SPEC).await
}

/// Every user matching `filter`, by username, `size` at a time (for exports).
pub fn batches(filter: &UserFilter, size: u64) -> Batches<Entity> {
    Batches::new(select(filter), &SPEC, size)
}

/// How many users match `filter`.
pub async fn count(db: &impl ConnectionTrait, filter: &UserFilter) -> Result<u64, PersistenceError> {
    Ok(select(filter).count(db).await?)
}
