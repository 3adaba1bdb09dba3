//! The user list: keyword, filters, data scope and paging in SQL.

use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;
use xiaoban_domain::paging::{Direction, Page, PageRequest};

use super::memberships;
use super::users::UserRow;
use crate::entities::user::{Column, Entity};
use crate::{PersistenceError, paging};

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

/// Sortable API fields and their columns.
pub const SORT_COLUMNS: &[(&str, Column)] = &[
    ("username", Column::Username),
    ("name", Column::Name),
    ("number", Column::Number),
    ("createdAt", Column::CreatedAt),
    ("lastLoginAt", Column::LastLoginAt),
];

/// One page of the users matching `filter`.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &UserFilter,
    request: &PageRequest,
) -> Result<Page<UserRow>, PersistenceError> {
    let mut select = Entity::find();
    let searched: &[Column] = if filter.search_phone {
        &[Column::Username, Column::Name, Column::Number, Column::Phone]
    } else {
        &[Column::Username, Column::Name, Column::Number]
    };
    if let Some(any) = paging::keyword_condition(filter.keyword.as_deref(), searched) {
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
    paging::fetch_page(
        db,
        select,
        request,
        SORT_COLUMNS,
        &[(Column::Username, Direction::Asc)],
        Column::Id,
    )
    .await
}
