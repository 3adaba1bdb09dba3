//! Requests for the the department tree operations (tag `departments`).

use reqwest::Method;
use serde_json::json;
use xiaoban_tests::TestApp;

use super::*;

pub async fn build(app: &TestApp, fx: &Fixture, op_id: &str) -> Option<Request> {
    use Body::{Json, None as Empty};
    let d = &fx.department_id;
    Some(match op_id {
        "list_departments" => req(Method::GET, "/api/v1/departments", Empty),
        "create_department" => req(
            Method::POST,
            "/api/v1/departments",
            Json(json!({"code": unique("d"), "name": "新部门"})),
        ),
        "get_department" => req(Method::GET, format!("/api/v1/departments/{d}"), Empty),
        "patch_department" => {
            let id = created_id(
                app,
                &fx.admin,
                "/api/v1/departments",
                json!({"code": unique("d"), "name": "待改"}),
            )
            .await;
            req(
                Method::PATCH,
                format!("/api/v1/departments/{id}"),
                Json(json!({"name": "已改", "version": 1})),
            )
        }
        _ => return None,
    })
}
