//! Requests for the API keys operations (tag `api-keys`).

use reqwest::Method;
use serde_json::json;
use xiaoban_tests::TestApp;

use super::*;

pub async fn build(app: &TestApp, fx: &Fixture, op_id: &str) -> Option<Request> {
    use Body::{Json, None as Empty};
    Some(match op_id {
        "list_api_keys" => req(Method::GET, "/api/v1/api-keys", Empty),
        "create_api_key" => req(
            Method::POST,
            "/api/v1/api-keys",
            Json(json!({"name": unique("key"), "scopes": ["user.read"]})),
        ),
        "revoke_api_key" => {
            let id = created_id(
                app,
                &fx.secadmin,
                "/api/v1/api-keys",
                json!({"name": unique("key"), "scopes": ["user.read"]}),
            )
            .await;
            req(Method::POST, format!("/api/v1/api-keys/{id}/revoke"), Empty)
        }
        _ => return None,
    })
}
