//! The security administrator tunes the password and lockout policy within the 等保2.0 floor.

use reqwest::Method;
use serde_json::{Value, json};
use xiaoban_tests::accounts::READY_PASSWORD;
use xiaoban_tests::{TestApp, assert_problem};

const PATH: &str = "/api/v1/settings/security";

async fn put(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    app.as_user(token, Method::PUT, PATH)
        .json(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_defaults_apply_until_the_security_administrator_saves_a_policy() {
    let app = TestApp::spawn().await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    let policy: Value = app.get_as(&secadmin, PATH).await.json().await.unwrap();
    assert_eq!(policy["version"], 0);
    assert_eq!(policy["password"]["minLength"], 8);
    assert_eq!(
        (policy["maxFailures"].as_i64(), policy["lockMinutes"].as_i64()),
        (Some(5), Some(15))
    );

    let admin = app.admin_token().await;
    assert_problem(app.get_as(&admin, PATH).await, 403, "forbidden").await;
}

#[tokio::test]
async fn a_longer_minimum_applies_to_the_next_password_set() {
    let app = TestApp::spawn().await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    let (_, token) = app.user_with_role("staff").await;
    let mut policy: Value = app.get_as(&secadmin, PATH).await.json().await.unwrap();
    policy["password"]["minLength"] = json!(14);
    let saved: Value = put(&app, &secadmin, &policy).await.json().await.unwrap();
    assert_eq!(
        (saved["version"].as_i64(), saved["password"]["minLength"].as_i64()),
        (Some(1), Some(14))
    );

    let res = app
        .post_as(
            &token,
            "/api/v1/me/password",
            &json!({"oldPassword": READY_PASSWORD, "newPassword": "Short#Pass26"}),
        )
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert!(
        body["errors"]["newPassword"][0].as_str().unwrap().contains("14"),
        "{body}"
    );

    let stale = put(&app, &secadmin, &policy).await;
    assert_problem(stale, 409, "version_conflict").await;
}

#[tokio::test]
async fn a_policy_below_the_legal_floor_is_refused_with_every_reason() {
    let app = TestApp::spawn().await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    let mut policy: Value = app.get_as(&secadmin, PATH).await.json().await.unwrap();
    policy["password"]["minLength"] = json!(6);
    policy["password"]["forbidCommon"] = json!(false);
    policy["maxFailures"] = json!(50);
    let body = assert_problem(put(&app, &secadmin, &policy).await, 422, "validation_failed").await;
    let errors = body["errors"].as_object().unwrap();
    assert!(errors.contains_key("password.minLength") && errors.contains_key("password.forbidCommon"));
    assert!(errors.contains_key("maxFailures"));
}

#[tokio::test]
async fn a_stricter_lockout_locks_after_fewer_failures() {
    let (app, _clock) = TestApp::spawn_at("2026-11-23T09:00:00+08:00").await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    let mut policy: Value = app.get_as(&secadmin, PATH).await.json().await.unwrap();
    policy["maxFailures"] = json!(3);
    assert_eq!(put(&app, &secadmin, &policy).await.status(), 200);
    let (username, _) = app.user_with_role("staff").await;
    for _ in 0..3 {
        let res = app
            .post_json(
                "/api/v1/auth/login",
                &json!({"username": username, "password": "Wrong#Pass2026"}),
            )
            .await;
        assert_eq!(res.status(), 401);
    }
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"username": username, "password": READY_PASSWORD}),
        )
        .await;
    assert_problem(res, 403, "account_locked").await;
}

#[tokio::test]
async fn if_match_states_the_version_like_everywhere_else() {
    let app = TestApp::spawn().await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    let read = app.get_as(&secadmin, PATH).await;
    assert_eq!(read.headers()["etag"], "\"0\"");
    let mut policy: Value = read.json().await.unwrap();
    policy.as_object_mut().unwrap().remove("version");
    policy["lockMinutes"] = json!(30);
    let with_header = |tag: &str, body: &Value| {
        app.as_user(&secadmin, Method::PUT, PATH)
            .header("If-Match", tag)
            .json(body)
    };

    let saved = with_header("\"0\"", &policy).send().await.unwrap();
    assert_eq!(saved.status(), 200);
    assert_eq!(saved.headers()["etag"], "\"1\"");
    let saved: Value = saved.json().await.unwrap();
    assert_eq!(
        (saved["version"].as_i64(), saved["lockMinutes"].as_i64()),
        (Some(1), Some(30))
    );

    policy["lockMinutes"] = json!(45);
    let stale = assert_problem(
        with_header("\"0\"", &policy).send().await.unwrap(),
        409,
        "version_conflict",
    )
    .await;
    assert_eq!(stale["currentVersion"], 1);
    let mut disagreeing = policy.clone();
    disagreeing["version"] = json!(1);
    let res = with_header("\"0\"", &disagreeing).send().await.unwrap();
    let body = assert_problem(res, 422, "validation_failed").await;
    assert!(body["errors"]["version"].is_array(), "{body}");
    assert_problem(put(&app, &secadmin, &policy).await, 422, "validation_failed").await;
    let now: Value = app.get_as(&secadmin, PATH).await.json().await.unwrap();
    assert_eq!(
        (now["version"].as_i64(), now["lockMinutes"].as_i64()),
        (Some(1), Some(30)),
        "refused writes change nothing"
    );
}
