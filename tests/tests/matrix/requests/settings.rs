//! Requests for the the security policy operations (tag `settings`).

use reqwest::Method;
use serde_json::Value;
use xiaoban_tests::TestApp;

use super::*;

pub async fn build(app: &TestApp, fx: &Fixture, op_id: &str) -> Option<Request> {
    use Body::{Json, None as Empty};
    Some(match op_id {
        "get_security_policy" => req(Method::GET, "/api/v1/settings/security", Empty),
        "update_security_policy" => {
            let current: Value = app
                .get_as(&fx.secadmin, "/api/v1/settings/security")
                .await
                .json()
                .await
                .unwrap();
            req(Method::PUT, "/api/v1/settings/security", Json(current))
        }
        _ => return None,
    })
}
