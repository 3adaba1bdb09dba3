//! The user list as an Excel file (用户名单.xlsx): the list's filters and reach, masked as on
//! screen, read in batches.

use serde_json::json;
use xiaoban_persistence::identity::user_list;

use super::UserListFilter;
use super::load::load_views;
use super::view::{UserView, sees_sensitive};
use crate::audit::Change;
use crate::export::{BATCH, Cell, Column, MAX_ROWS, SheetWriter, too_many_rows};
use crate::{RequestContext, ServiceError, Services};

const fn column(header: &'static str, width: f64) -> Column {
    Column { header, width }
}

const COLUMNS: &[Column] = &[
    column("用户名", 14.0),
    column("姓名", 10.0),
    column("工号/学号", 12.0),
    column("部门", 20.0),
    column("职务", 12.0),
    column("手机", 14.0),
    column("身份证号", 20.0),
    column("邮箱", 24.0),
    column("角色", 20.0),
    column("状态", 8.0),
    column("最后登录", 17.0),
];

fn text(value: &Option<String>) -> Cell {
    value.clone().map_or(Cell::Empty, Cell::Text)
}

fn user_row(user: &UserView) -> Vec<Cell> {
    let departments: Vec<&str> = user.departments.iter().map(|d| d.name.as_str()).collect();
    let roles: Vec<&str> = user.roles.iter().map(|r| r.name.as_str()).collect();
    vec![
        user.username.as_str().into(),
        user.name.as_str().into(),
        text(&user.number),
        departments.join("、").into(),
        text(&user.position),
        text(&user.phone),
        text(&user.id_number),
        text(&user.email),
        roles.join("、").into(),
        if xiaoban_domain::identity::UserStatus::is_active(&user.status) {
            "启用"
        } else {
            "停用"
        }
        .into(),
        user.last_login_at.into(),
    ]
}

impl Services {
    /// The users the list would show for `keyword` and `filter`, by username, as `.xlsx` (at
    /// most [`MAX_ROWS`]; more is a 422). Phone and ID numbers are masked unless the caller
    /// holds `user.view_sensitive`. The export is audited with its filters.
    pub async fn export_users(
        &self,
        ctx: &RequestContext,
        keyword: Option<String>,
        filter: UserListFilter,
    ) -> Result<Vec<u8>, ServiceError> {
        let described = json!({
            "q": keyword, "departmentId": filter.department_id,
            "roleCode": filter.role_code, "status": filter.status,
        });
        let query = self.user_query(ctx, keyword, filter).await?;
        if user_list::count(self.db(), &query).await? > MAX_ROWS as u64 {
            return Err(too_many_rows());
        }
        let sees_all = sees_sensitive(ctx);
        let mut sheet = SheetWriter::new("用户名单", COLUMNS, self.settings().timezone)?;
        let mut batches = user_list::batches(&query, BATCH);
        while let Some(rows) = batches.next(self.db()).await? {
            for user in load_views(self.db(), rows, sees_all).await? {
                sheet.push(&user_row(&user))?;
            }
        }
        let mut change = Change::new("user.export", "user", None);
        change.after = Some(json!({ "rows": sheet.rows(), "filters": described }));
        let bytes = sheet.finish()?;
        self.record_event(ctx, change).await?;
        Ok(bytes)
    }
}
