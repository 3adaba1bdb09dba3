//! Sign-in limits that hold: forged forwarding headers, concurrent guesses, guesses through a
//! stolen session, usernames that do not exist, replayed refresh tokens and several replicas.

use futures_util::future::join_all;
use reqwest::Method;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use xiaoban_persistence::entities::audit_event;
use xiaoban_tests::accounts::READY_PASSWORD;
use xiaoban_tests::{ManualClock, TestApp, TestOptions, assert_problem};

const LOGIN: &str = "/api/v1/auth/login";
const REFRESH: &str = "/api/v1/auth/refresh";
const WRONG: &str = "Wrong#Pass2026";
const NOW: &str = "2026-11-23T09:00:00+08:00";

async fn login_from(app: &TestApp, forwarded_for: &str, username: &str) -> reqwest::Response {
    app.request(Method::POST, LOGIN)
        .header("X-Forwarded-For", forwarded_for)
        .json(&json!({"username": username, "password": WRONG}))
        .send()
        .await
        .unwrap()
}

async fn try_login(app: &TestApp, username: &str, password: &str) -> reqwest::Response {
    app.post_json(LOGIN, &json!({"username": username, "password": password}))
        .await
}

async fn failure_addresses(app: &TestApp) -> Vec<Option<String>> {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("auth.login_failed"))
        .all(app.db())
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.ip)
        .collect()
}

fn text(body: &Value, field: &str) -> String {
    body[field].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn forty_spoofed_forwarded_for_addresses_from_one_peer_are_limited() {
    let (app, _clock) = TestApp::spawn_at(NOW).await;
    let mut statuses = Vec::new();
    for i in 0..40 {
        let res = login_from(&app, &format!("203.0.113.{i}"), &format!("guess{i}")).await;
        statuses.push(res.status().as_u16());
    }
    assert!(statuses[..30].iter().all(|s| *s == 401), "{statuses:?}");
    assert!(statuses[30..].iter().all(|s| *s == 429), "{statuses:?}");
    let addresses = failure_addresses(&app).await;
    assert_eq!(addresses.len(), 30);
    assert!(
        addresses.iter().all(|ip| ip.as_deref() == Some("127.0.0.1")),
        "the audit log records the real peer: {addresses:?}"
    );
}

#[tokio::test]
async fn a_school_behind_one_address_may_raise_the_per_address_limit() {
    // A clock that stands still, so the one-minute window cannot roll over mid-test.
    let app = TestApp::spawn_with(TestOptions {
        clock: std::sync::Arc::new(ManualClock::at(NOW)),
        sign_in_per_address: Some(45),
        ..Default::default()
    })
    .await;
    let mut statuses = Vec::new();
    for i in 0..50 {
        let res = login_from(&app, "203.0.113.9", &format!("guess{i}")).await;
        statuses.push(res.status().as_u16());
    }
    assert!(statuses[..45].iter().all(|s| *s == 401), "{statuses:?}");
    assert!(statuses[45..].iter().all(|s| *s == 429), "{statuses:?}");
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_is_limited_on_its_own() {
    let clock = std::sync::Arc::new(ManualClock::at(NOW));
    let app = TestApp::spawn_with(TestOptions {
        clock,
        trusted_proxies: Some("127.0.0.1"),
        ..TestOptions::default()
    })
    .await;
    for i in 0..30 {
        let res = login_from(&app, "1.1.1.1, 198.51.100.7", &format!("guess{i}")).await;
        assert_eq!(res.status(), 401);
    }
    let limited = login_from(&app, "198.51.100.7", "guess30").await;
    assert_problem(limited, 429, "rate_limited").await;
    let neighbour = login_from(&app, "198.51.100.8", "guess31").await;
    assert_problem(neighbour, 401, "invalid_credentials").await;
    let addresses = failure_addresses(&app).await;
    assert!(
        addresses[..30]
            .iter()
            .all(|ip| ip.as_deref() == Some("198.51.100.7")),
        "{addresses:?}"
    );
}

#[tokio::test]
async fn eight_concurrent_wrong_passwords_then_the_right_one_is_locked() {
    let (app, _clock) = TestApp::spawn_at(NOW).await;
    let (username, _) = app.user_with_role("staff").await;
    let guesses = (0..8).map(|_| async { try_login(&app, &username, WRONG).await.status().as_u16() });
    let statuses = join_all(guesses).await;
    // A guess that arrives once five failures are counted meets the lock (403); every other one
    // is a counted failure. None is lost: each 401 is one audited failure, and the lock needs five.
    assert!(statuses.iter().all(|s| *s == 401 || *s == 403), "{statuses:?}");
    let failed = statuses.iter().filter(|s| **s == 401).count();
    assert!(failed >= 5, "{statuses:?}");
    assert_eq!(failure_addresses(&app).await.len(), failed, "{statuses:?}");
    let right = try_login(&app, &username, READY_PASSWORD).await;
    assert_problem(right, 403, "account_locked").await;
}

#[tokio::test]
async fn guessing_the_current_password_at_me_password_is_limited_and_locks_the_account() {
    let (app, _clock) = TestApp::spawn_at(NOW).await;
    let (username, token) = app.user_with_role("staff").await;
    let change = |old: &'static str| {
        app.as_user(&token, Method::POST, "/api/v1/me/password")
            .json(&json!({"oldPassword": old, "newPassword": "Kq7#mVt2pL9x"}))
            .send()
    };
    for _ in 0..5 {
        let problem = assert_problem(change(WRONG).await.unwrap(), 422, "validation_failed").await;
        assert!(problem["errors"]["oldPassword"].is_array());
    }
    let right = change(READY_PASSWORD).await.unwrap();
    assert!(right.headers().contains_key("retry-after"));
    assert_problem(right, 403, "account_locked").await;
    assert_problem(
        try_login(&app, &username, READY_PASSWORD).await,
        403,
        "account_locked",
    )
    .await;
}

/// What a client sees of an answer: status, `Retry-After` and the body without the request id.
async fn seen(res: reqwest::Response) -> (u16, Option<String>, Value) {
    let status = res.status().as_u16();
    let retry = res
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_owned());
    let mut body: Value = res.json().await.unwrap();
    body.as_object_mut().unwrap().remove("requestId");
    (status, retry, body)
}

#[tokio::test]
async fn unknown_and_known_usernames_get_identical_answers_including_the_lockout() {
    let (app, _clock) = TestApp::spawn_at(NOW).await;
    let (known, _) = app.user_with_role("staff").await;
    let unknown = "nobody.here";
    for _ in 0..5 {
        let a = seen(try_login(&app, &known, WRONG).await).await;
        let b = seen(try_login(&app, unknown, WRONG).await).await;
        assert_eq!(a, b);
        assert_eq!(a.0, 401);
    }
    let a = seen(try_login(&app, &known, READY_PASSWORD).await).await;
    let b = seen(try_login(&app, unknown, READY_PASSWORD).await).await;
    assert_eq!(a, b);
    assert_eq!((a.0, a.2["code"].as_str()), (403, Some("account_locked")));
    assert_eq!(a.1.as_deref(), Some("900"));
}

#[tokio::test]
async fn a_revoked_refresh_token_replayed_after_a_password_change_does_not_end_the_new_session() {
    let app = TestApp::spawn().await;
    let (username, _) = app.user_with_role("staff").await;
    let old_device = app.login(&username, READY_PASSWORD).await;
    let new_device = app.login(&username, READY_PASSWORD).await;
    let res = app
        .post_as(
            &text(&new_device, "accessToken"),
            "/api/v1/me/password",
            &json!({"oldPassword": READY_PASSWORD, "newPassword": "Kq7#mVt2pL9x"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let session: Value = res.json().await.unwrap();

    let replay = app
        .post_json(
            REFRESH,
            &json!({"refreshToken": text(&old_device, "refreshToken")}),
        )
        .await;
    assert_problem(replay, 401, "unauthorized").await;
    let access = text(&session, "accessToken");
    assert_eq!(app.get_as(&access, "/api/v1/me").await.status(), 200);
    let refreshed = app
        .post_json(REFRESH, &json!({"refreshToken": text(&session, "refreshToken")}))
        .await;
    assert_eq!(refreshed.status(), 200);
}

#[tokio::test]
async fn a_refresh_token_replayed_after_logout_does_not_end_the_next_sign_in() {
    let app = TestApp::spawn().await;
    let (username, _) = app.user_with_role("staff").await;
    let first = app.login(&username, READY_PASSWORD).await;
    let logout = app
        .as_user(&text(&first, "accessToken"), Method::POST, "/api/v1/auth/logout")
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), 204);
    let second = app.login(&username, READY_PASSWORD).await;
    for _ in 0..2 {
        let replay = app
            .post_json(REFRESH, &json!({"refreshToken": text(&first, "refreshToken")}))
            .await;
        assert_problem(replay, 401, "unauthorized").await;
    }
    assert_eq!(
        app.get_as(&text(&second, "accessToken"), "/api/v1/me")
            .await
            .status(),
        200
    );
    let refreshed = app
        .post_json(REFRESH, &json!({"refreshToken": text(&second, "refreshToken")}))
        .await;
    assert_eq!(refreshed.status(), 200);
}

#[tokio::test]
async fn two_replicas_share_the_per_username_limit() {
    let (one, _clock) = TestApp::spawn_at(NOW).await;
    let two = one.spawn_replica().await;
    let mut statuses = Vec::new();
    for app in [&one, &two].repeat(5) {
        statuses.push(try_login(app, "shared.name", WRONG).await.status().as_u16());
    }
    // Five failures lock the name (it does not exist, but looks as if it did), on both.
    assert_eq!(statuses, [401, 401, 401, 401, 401, 403, 403, 403, 403, 403]);
    assert_problem(try_login(&two, "shared.name", WRONG).await, 429, "rate_limited").await;
    assert_problem(try_login(&one, "shared.name", WRONG).await, 429, "rate_limited").await;
}

#[tokio::test]
async fn two_replicas_share_the_lockout() {
    let (one, _clock) = TestApp::spawn_at(NOW).await;
    let two = one.spawn_replica().await;
    let (username, _) = one.user_with_role("staff").await;
    for app in [&one, &two, &one, &two, &one] {
        assert_eq!(try_login(app, &username, WRONG).await.status(), 401);
    }
    assert_problem(
        try_login(&two, &username, READY_PASSWORD).await,
        403,
        "account_locked",
    )
    .await;
}

#[tokio::test]
async fn forty_eight_concurrent_sign_ins_against_a_one_hash_pool_get_answers_never_a_crash() {
    let app = TestApp::spawn_with(TestOptions {
        trusted_proxies: Some("127.0.0.1"),
        hash_pool: Some((1, 0)),
        ..TestOptions::default()
    })
    .await;
    let (username, _) = app.user_with_role("staff").await;
    // Each from its own address, and the real user fewer times than the per-username limit:
    // only the hashing bound can refuse these.
    let attempts = (0..48).map(|i| {
        let (who, password) = if i % 6 == 0 {
            (username.clone(), READY_PASSWORD)
        } else {
            (format!("nobody{i}"), WRONG)
        };
        app.request(Method::POST, LOGIN)
            .header("X-Forwarded-For", format!("198.51.100.{i}"))
            .json(&json!({"username": who, "password": password}))
            .send()
    });
    let mut busy = 0;
    for res in join_all(attempts).await {
        let res = res.expect("an answer, not a dropped connection");
        match res.status().as_u16() {
            200 | 401 => {}
            503 => {
                busy += 1;
                let retry: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
                assert!(retry >= 1);
                assert_problem(res, 503, "service_unavailable").await;
            }
            other => panic!("unexpected {other}: {}", res.text().await.unwrap()),
        }
    }
    assert!(busy > 0, "one hash at a time and no queue cannot take 48 at once");
    let after = try_login(&app, &username, READY_PASSWORD).await;
    assert_eq!(after.status(), 200, "the server is fine afterwards");
}
