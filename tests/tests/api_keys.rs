//! API keys: issued once by the security administrator, acting within their scopes, ended by
//! revocation or expiry.

use std::sync::Arc;

use chrono::Duration;
use reqwest::Method;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};
use xiaoban_tests::{ManualClock, TestApp, TestOptions, assert_problem};

const KEYS: &str = "/api/v1/api-keys";

async fn audit_rows(app: &TestApp) -> Vec<(String, String)> {
    let sql = "SELECT action, after FROM audit_events WHERE action LIKE 'api_key.%' ORDER BY id";
    let stmt = Statement::from_string(app.db().get_database_backend(), sql.to_owned());
    let rows = app.db().query_all_raw(stmt).await.unwrap();
    rows.iter()
        .map(|r| {
            let action: String = r.try_get("", "action").unwrap();
            let after: Option<String> = r.try_get("", "after").unwrap();
            (action, after.unwrap_or_default())
        })
        .collect()
}

async fn issue(app: &TestApp, token: &str, body: Value) -> reqwest::Response {
    app.post_as(token, KEYS, &body).await
}

#[tokio::test]
async fn a_key_is_shown_once_and_acts_within_its_scopes() {
    let app = TestApp::spawn().await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    let res = issue(
        &app,
        &secadmin,
        json!({"name": "同步脚本", "scopes": ["user.read"]}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let issued: Value = res.json().await.unwrap();
    let key = issued["key"].as_str().unwrap().to_owned();
    let prefix = issued["prefix"].as_str().unwrap();
    assert_eq!(prefix.len(), 8);
    assert!(
        prefix
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
    );
    assert!(key.starts_with(&format!("xb_{prefix}_")));
    assert_eq!(key.len(), 3 + 8 + 1 + 64);
    assert_eq!(issued["scopes"], json!(["user.read"]));
    assert!(issued["expiresAt"].is_string(), "a default expiry is set");

    assert_eq!(app.get_as(&key, "/api/v1/permissions").await.status(), 200);
    assert_eq!(app.get_as(&key, "/api/v1/users").await.status(), 200);
    let refused = app
        .post_as(
            &key,
            "/api/v1/users/00000000-0000-7000-8000-000000000000/unlock",
            &json!({}),
        )
        .await;
    assert_problem(refused, 403, "forbidden").await;
    assert_problem(app.get_as(&key, KEYS).await, 403, "forbidden").await;
    let forged = format!("{}0", &key[..key.len() - 1]);
    let forged = if forged == key {
        format!("{}1", &key[..key.len() - 1])
    } else {
        forged
    };
    assert_problem(
        app.get_as(&forged, "/api/v1/permissions").await,
        401,
        "unauthorized",
    )
    .await;

    let listed = app.get_as(&secadmin, KEYS).await;
    assert_eq!(listed.status(), 200);
    let text = listed.text().await.unwrap();
    assert!(!text.contains(&key[12..]), "the secret is never listed");
    let list: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["prefix"], prefix);
    assert!(list[0]["lastUsedAt"].is_string());
    assert!(list[0]["createdBy"].is_string());
    assert!(list[0].get("key").is_none());

    let audit = audit_rows(&app).await;
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].0, "api_key.create");
    assert!(
        audit[0].1.contains(prefix) && !audit[0].1.contains(&key[12..]),
        "{}",
        audit[0].1
    );
}

#[tokio::test]
async fn a_revoked_key_stops_working_and_revoking_again_changes_nothing() {
    let app = TestApp::spawn().await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    let issued: Value = issue(&app, &secadmin, json!({"name": "k", "scopes": ["user.read"]}))
        .await
        .json()
        .await
        .unwrap();
    let key = issued["key"].as_str().unwrap();
    assert_eq!(app.get_as(key, "/api/v1/permissions").await.status(), 200);
    let path = format!("{KEYS}/{}/revoke", issued["id"].as_str().unwrap());
    let res = app.as_user(&secadmin, Method::POST, &path).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let revoked: Value = res.json().await.unwrap();
    assert!(revoked["revokedAt"].is_string());
    assert_problem(app.get_as(key, "/api/v1/permissions").await, 401, "unauthorized").await;
    let again: Value = app
        .as_user(&secadmin, Method::POST, &path)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(again["revokedAt"], revoked["revokedAt"]);
    let actions: Vec<String> = audit_rows(&app).await.into_iter().map(|(a, _)| a).collect();
    assert_eq!(actions, ["api_key.create", "api_key.revoke"]);
    let missing = format!("{KEYS}/{}/revoke", uuid::Uuid::now_v7());
    let res = app
        .as_user(&secadmin, Method::POST, &missing)
        .send()
        .await
        .unwrap();
    assert_problem(res, 404, "not_found").await;
}

#[tokio::test]
async fn an_expired_key_stops_working() {
    let clock = Arc::new(ManualClock::at("2026-11-22T08:00:00Z"));
    let app = TestApp::spawn_with(TestOptions {
        clock: clock.clone(),
        ..TestOptions::default()
    })
    .await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    let body = json!({"name": "短期", "scopes": ["user.read"], "expiresAt": "2026-11-23T08:00:00+08:00"});
    let issued: Value = issue(&app, &secadmin, body).await.json().await.unwrap();
    assert_eq!(issued["expiresAt"], "2026-11-23T00:00:00Z");
    let key = issued["key"].as_str().unwrap();
    assert_eq!(app.get_as(key, "/api/v1/permissions").await.status(), 200);
    clock.advance(Duration::hours(17));
    assert_problem(app.get_as(key, "/api/v1/permissions").await, 401, "unauthorized").await;
}

#[tokio::test]
async fn scopes_and_expiry_are_checked_and_only_the_security_administrator_issues_keys() {
    let app = TestApp::spawn().await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    let cases = [
        (json!({"name": "a", "scopes": ["audit.read"]}), "scopes"),
        (
            json!({"name": "a", "scopes": ["user.manage", "api_key.manage"]}),
            "scopes",
        ),
        (json!({"name": "a", "scopes": ["nope.read"]}), "scopes"),
        (json!({"name": "a", "scopes": []}), "scopes"),
        (
            json!({"name": "a", "scopes": ["user.read"], "expiresAt": "2000-01-01T00:00:00Z"}),
            "expiresAt",
        ),
        (
            json!({"name": "a", "scopes": ["user.read"], "expiresAt": "2099-01-01T00:00:00Z"}),
            "expiresAt",
        ),
    ];
    for (body, field) in cases {
        let problem = assert_problem(
            issue(&app, &secadmin, body.clone()).await,
            422,
            "validation_failed",
        )
        .await;
        assert!(problem["errors"][field].is_array(), "{body}: {problem}");
    }
    let admin = app.admin_token().await;
    let refused = issue(&app, &admin, json!({"name": "a", "scopes": ["user.read"]})).await;
    assert_problem(refused, 403, "forbidden").await;
    assert!(audit_rows(&app).await.is_empty());
}
