//! Small arrangements and look-ups many tests share.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use xiaoban_persistence::entities::audit_event;

use crate::TestApp;

impl TestApp {
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
