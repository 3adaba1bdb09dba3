//! Small arrangements and look-ups many tests share.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Statement};
use serde_json::{Value, json};
use xiaoban_persistence::entities::audit_event;

use crate::TestApp;

impl TestApp {
    /// The number a `SELECT COUNT(*) …` answers, on either database.
    pub async fn count(&self, sql: &str) -> i64 {
        let stmt = Statement::from_string(self.db().get_database_backend(), sql.to_owned());
        let row = self
            .db()
            .query_one_raw(stmt)
            .await
            .expect("count")
            .expect("a row");
        row.try_get_by_index::<i64>(0).expect("a number")
    }

    /// How many audit rows record `action`.
    pub async fn audit_count(&self, action: &str) -> u64 {
        audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq(action))
            .count(self.db())
            .await
            .expect("count audit rows")
    }

    /// Creates a top-level department as `token`; returns its body (asserting 201).
    pub async fn department(&self, token: &str, code: &str, name: &str) -> Value {
        let res = self
            .post_as(token, "/api/v1/departments", &json!({"code": code, "name": name}))
            .await;
        assert_eq!(res.status(), 201, "create department {code}");
        res.json().await.expect("department body")
    }
}
