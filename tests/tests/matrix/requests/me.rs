//! Requests for the the signed-in user and their second factor operations (tag `me`).

use reqwest::Method;
use serde_json::json;
use xiaoban_tests::TestApp;
use xiaoban_tests::accounts::READY_PASSWORD;

use super::*;

pub async fn build(app: &TestApp, fx: &Fixture, op_id: &str) -> Option<Request> {
    use Body::{Json, None as Empty};
    Some(match op_id {
        "get_totp" => req(Method::GET, "/api/v1/me/totp", Empty),
        "enrol_totp" => req(Method::POST, "/api/v1/me/totp/enrol", Empty),
        "confirm_totp" => {
            let secret = owner_enrolling(app, fx).await;
            let body = json!({"code": current_code(&secret)});
            Request {
                caller: Some(fx.totp_owner.1.clone()),
                ..req(Method::POST, "/api/v1/me/totp/confirm", Json(body))
            }
        }
        "disable_totp" => {
            let secret = owner_enrolled(app, fx).await;
            let body = json!({"currentPassword": READY_PASSWORD, "code": next_code(&secret)});
            Request {
                caller: Some(fx.totp_owner.1.clone()),
                ..req(Method::DELETE, "/api/v1/me/totp", Json(body))
            }
        }
        "get_me" => req(Method::GET, "/api/v1/me", Empty),
        "change_my_password" => req(
            Method::POST,
            "/api/v1/me/password",
            Json(json!({"oldPassword": READY_PASSWORD, "newPassword": "Changed#Pass2026"})),
        ),
        _ => return None,
    })
}
