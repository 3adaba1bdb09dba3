//! Requests for the roles and the permission catalogue operations (tag `roles`).

use reqwest::Method;
use serde_json::json;
use xiaoban_tests::TestApp;

use super::*;

pub async fn build(app: &TestApp, fx: &Fixture, op_id: &str) -> Option<Request> {
    use Body::{Json, None as Empty};
    Some(match op_id {
        "list_permissions" => req(Method::GET, "/api/v1/permissions", Empty),
        "list_roles" => req(Method::GET, "/api/v1/roles", Empty),
        "create_role" => req(
            Method::POST,
            "/api/v1/roles",
            Json(json!({"code": unique("role_"), "name": "新角色", "permissions": ["department.read"]})),
        ),
        "get_role" => req(
            Method::GET,
            format!("/api/v1/roles/{}", fresh_role(app, fx).await),
            Empty,
        ),
        "update_role" => {
            let id = fresh_role(app, fx).await;
            req(
                Method::PATCH,
                format!("/api/v1/roles/{id}"),
                Json(json!({"name": "改名", "version": 1})),
            )
        }
        "delete_role" => req(
            Method::DELETE,
            format!("/api/v1/roles/{}", fresh_role(app, fx).await),
            Empty,
        ),
        _ => return None,
    })
}
