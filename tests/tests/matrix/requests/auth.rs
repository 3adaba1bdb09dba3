//! Requests for the sign-in, refresh and sign-out operations (tag `auth`).

use reqwest::Method;
use serde_json::json;
use xiaoban_tests::TestApp;
use xiaoban_tests::accounts::READY_PASSWORD;

use super::*;

pub async fn build(app: &TestApp, fx: &Fixture, op_id: &str) -> Option<Request> {
    use Body::{Json, None as Empty};
    Some(match op_id {
        "login" => {
            let (username, _) = app.user_with_role("staff").await;
            req(
                Method::POST,
                "/api/v1/auth/login",
                Json(json!({"username": username, "password": READY_PASSWORD})),
            )
        }
        "refresh_token" => {
            let session = own_session(app).await;
            req(
                Method::POST,
                "/api/v1/auth/refresh",
                Json(json!({"refreshToken": session["refreshToken"]})),
            )
        }
        "logout" => req(Method::POST, "/api/v1/auth/logout", Empty),
        "login_second_factor" => {
            let secret = owner_enrolled(app, fx).await;
            let step_one = app.login(&fx.totp_owner.0, READY_PASSWORD).await;
            req(
                Method::POST,
                "/api/v1/auth/login/totp",
                Json(json!({"challenge": step_one["challenge"], "code": next_code(&secret)})),
            )
        }
        _ => return None,
    })
}
