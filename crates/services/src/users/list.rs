//! The user list: search, filters, paging, data scope and masking.

use uuid::Uuid;
use xiaoban_domain::access::Reach;
use xiaoban_domain::access::codes::USER_READ;
use xiaoban_domain::paging::{ListKeys, Page, PageRequest};
use xiaoban_persistence::identity::roles;
use xiaoban_persistence::identity::user_list::{self, UserFilter};

use super::UserView;
use super::load::{load_view, load_views};
use super::reach::{me, reachable_user};
use super::view::sees_sensitive;
use crate::access::Tree;
use crate::{RequestContext, ServiceError, Services};

/// The user list's sortable names and default order.
pub static USER_LIST: &dyn ListKeys = &user_list::SPEC;

/// Filters of the user list.
#[derive(Debug, Clone, Default)]
pub struct UserListFilter {
    /// Members of this department or any sub-department.
    pub department_id: Option<Uuid>,
    /// Holders of this role (any scope).
    pub role_code: Option<String>,
    /// `active` or `disabled`.
    pub status: Option<String>,
}

impl Services {
    /// One page of the users the caller may see (`user.read` reach), phone and ID numbers
    /// masked unless the caller holds `user.view_sensitive`. The keyword matches username, name
    /// and number, and the phone number for callers who may see phone numbers.
    pub async fn list_users(
        &self,
        ctx: &RequestContext,
        request: &PageRequest,
        filter: UserListFilter,
    ) -> Result<Page<UserView>, ServiceError> {
        let query = self.user_query(ctx, request.keyword.clone(), filter).await?;
        let sees_all = sees_sensitive(ctx);
        let page = user_list::list(self.db(), &query, request).await?;
        let items = load_views(self.db(), page.items, sees_all).await?;
        Ok(Page {
            items,
            total: page.total,
            page: page.page,
            page_size: page.page_size,
        })
    }

    /// The caller's filters within the caller's `user.read` reach, as the query sees them.
    pub(super) async fn user_query(
        &self,
        ctx: &RequestContext,
        keyword: Option<String>,
        filter: UserListFilter,
    ) -> Result<UserFilter, ServiceError> {
        let reach = self.authorize(ctx, USER_READ).await?;
        let mut query = UserFilter {
            keyword,
            search_phone: sees_sensitive(ctx),
            status: filter.status,
            ..Default::default()
        };
        if let Some(department) = filter.department_id {
            let tree = Tree::load(self).await?;
            query.departments = Some(tree.subtree(department).into_iter().collect());
        }
        if let Some(code) = &filter.role_code {
            // An unknown role has no holders: the list is empty, not an error.
            let role = roles::find_by_code(self.db(), code).await?;
            query.role_id = Some(role.map_or(Uuid::nil(), |r| r.id));
        }
        if let Reach::Some { departments, own } = &reach {
            let also = own.then(|| me(ctx));
            query.visible = Some((departments.iter().copied().collect(), also));
        }
        Ok(query)
    }

    /// One user, if the caller's `user.read` reaches them (else `NotFound`).
    pub async fn get_user(&self, ctx: &RequestContext, id: Uuid) -> Result<UserView, ServiceError> {
        let reach = self.authorize(ctx, USER_READ).await?;
        reachable_user(self.db(), ctx, &reach, id).await?;
        load_view(self.db(), id, sees_sensitive(ctx)).await
    }
}
