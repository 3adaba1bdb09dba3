//! Signing in, sessions and tokens, as users and attackers would try them.

use chrono::Duration;
use reqwest::Method;
use serde_json::{Value, json};
use xiaoban_tests::accounts::READY_PASSWORD;
use xiaoban_tests::{ManualClock, TestApp, assert_problem};

const LOGIN: &str = "/api/v1/auth/login";
const REFRESH: &str = "/api/v1/auth/refresh";

async fn try_login(app: &TestApp, username: &str, password: &str) -> reqwest::Response {
    app.post_json(LOGIN, &json!({"username": username, "password": password}))
        .await
}

fn token(body: &Value, field: &str) -> String {
    body[field].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn the_first_administrator_must_change_the_initial_password_before_anything_else() {
    let app = TestApp::spawn().await;
    let body = app.login("admin", &app.first_admin_password).await;
    assert_eq!(body["user"]["mustChangePassword"], true);
    assert!(
        body["user"]["permissions"]
            .as_array()
            .unwrap()
            .contains(&json!("user.manage"))
    );
    let access = token(&body, "accessToken");

    let blocked = app
        .get_as(&access, "/api/v1/calendar/days?from=2026-10-01&to=2026-10-02")
        .await;
    assert_problem(blocked, 403, "password_change_required").await;
    assert_eq!(app.get_as(&access, "/api/v1/me").await.status(), 200);

    let weak = app
        .post_as(
            &access,
            "/api/v1/me/password",
            &json!({"oldPassword": app.first_admin_password, "newPassword": "admin123"}),
        )
        .await;
    let problem = assert_problem(weak, 422, "validation_failed").await;
    let reasons = problem["errors"]["newPassword"].as_array().unwrap();
    assert!(reasons.len() >= 2, "every problem is listed: {reasons:?}");

    let fresh = app
        .change_password(&access, &app.first_admin_password, READY_PASSWORD)
        .await;
    assert_problem(app.get_as(&access, "/api/v1/me").await, 401, "unauthorized").await;
    let me: Value = app.get_as(&fresh, "/api/v1/me").await.json().await.unwrap();
    assert_eq!(me["mustChangePassword"], false);
    assert_eq!(
        app.get_as(&fresh, "/api/v1/calendar/days?from=2026-10-01&to=2026-10-02")
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_user_get_the_same_answer() {
    let app = TestApp::spawn().await;
    let wrong = assert_problem(
        try_login(&app, "admin", "Wrong#Pass2026").await,
        401,
        "invalid_credentials",
    )
    .await;
    let unknown = assert_problem(
        try_login(&app, "nobody", "Wrong#Pass2026").await,
        401,
        "invalid_credentials",
    )
    .await;
    assert_eq!(wrong["detail"], unknown["detail"]);
}

#[tokio::test]
async fn five_wrong_passwords_lock_the_account_for_fifteen_minutes() {
    let (app, clock) = TestApp::spawn_at("2026-11-23T09:00:00+08:00").await;
    let (username, _) = app.user_with_role("staff").await;
    for _ in 0..5 {
        assert_problem(
            try_login(&app, &username, "Wrong#Pass2026").await,
            401,
            "invalid_credentials",
        )
        .await;
    }
    let sixth = try_login(&app, &username, READY_PASSWORD).await;
    assert!(sixth.headers().contains_key("retry-after"));
    let body = assert_problem(sixth, 403, "account_locked").await;
    assert!(body["detail"].as_str().unwrap().contains("15 分钟"), "{body}");
    clock.advance(Duration::minutes(15));
    app.login(&username, READY_PASSWORD).await;
}

#[tokio::test]
async fn failures_spread_over_more_than_fifteen_minutes_do_not_lock() {
    let (app, clock) = TestApp::spawn_at("2026-11-23T09:00:00+08:00").await;
    let (username, _) = app.user_with_role("staff").await;
    for _ in 0..4 {
        try_login(&app, &username, "Wrong#Pass2026").await;
    }
    clock.advance(Duration::minutes(16));
    try_login(&app, &username, "Wrong#Pass2026").await;
    app.login(&username, READY_PASSWORD).await;
}

#[tokio::test]
async fn a_refresh_token_works_once_and_its_reuse_ends_the_sign_in() {
    let app = TestApp::spawn().await;
    let (username, _) = app.user_with_role("staff").await;
    let first = app.login(&username, READY_PASSWORD).await;
    let res = app
        .post_json(REFRESH, &json!({"refreshToken": token(&first, "refreshToken")}))
        .await;
    assert_eq!(res.status(), 200);
    let second: Value = res.json().await.unwrap();
    assert_ne!(second["refreshToken"], first["refreshToken"]);
    assert_eq!(
        app.get_as(&token(&second, "accessToken"), "/api/v1/me")
            .await
            .status(),
        200
    );

    let replay = app
        .post_json(REFRESH, &json!({"refreshToken": token(&first, "refreshToken")}))
        .await;
    assert_problem(replay, 401, "unauthorized").await;
    let after = app
        .post_json(REFRESH, &json!({"refreshToken": token(&second, "refreshToken")}))
        .await;
    assert_problem(after, 401, "unauthorized").await;
    assert_problem(
        app.get_as(&token(&second, "accessToken"), "/api/v1/me").await,
        401,
        "unauthorized",
    )
    .await;
}

#[tokio::test]
async fn logout_ends_the_access_token_and_the_refresh_token() {
    let app = TestApp::spawn().await;
    let (username, _) = app.user_with_role("staff").await;
    let body = app.login(&username, READY_PASSWORD).await;
    let access = token(&body, "accessToken");
    let res = app
        .as_user(&access, Method::POST, "/api/v1/auth/logout")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    assert_problem(app.get_as(&access, "/api/v1/me").await, 401, "unauthorized").await;
    let refresh = app
        .post_json(REFRESH, &json!({"refreshToken": token(&body, "refreshToken")}))
        .await;
    assert_problem(refresh, 401, "unauthorized").await;
}

#[tokio::test]
async fn tampered_expired_and_foreign_tokens_are_refused() {
    let (app, clock) = TestApp::spawn_at("2026-11-23T09:00:00+08:00").await;
    let (_, access) = app.user_with_role("staff").await;
    let parts: Vec<&str> = access.split('.').collect();

    let alg_none = format!("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{}.", parts[1]);
    let forged_claims = json!({"sub": uuid::Uuid::now_v7(), "sid": uuid::Uuid::now_v7(), "ver": 0, "iss": "xiaoban",
        "aud": "xiaoban-api", "iat": clock_now(&clock), "exp": clock_now(&clock) + 600});
    let altered = format!(
        "{}.{}.{}",
        parts[0],
        hmac_sha256::encode_json(&forged_claims),
        parts[2]
    );
    let secret = "a-completely-different-secret-key-for-this-test";
    let claims = json!({"sub": uuid::Uuid::now_v7(), "sid": uuid::Uuid::now_v7(), "ver": 0, "iss": "xiaoban",
        "aud": "xiaoban-api", "iat": clock_now(&clock), "exp": clock_now(&clock) + 600});
    let wrong_key = sign(&claims, secret);
    let own_secret =
        secrecy::ExposeSecret::expose_secret(&app.services.auth_settings().token_secret).to_owned();
    let mut wrong_audience = claims.clone();
    wrong_audience["aud"] = json!("another-system");
    let wrong_audience = sign(&wrong_audience, &own_secret);

    for bad in [alg_none, altered, wrong_key, wrong_audience, "garbage".to_owned()] {
        assert_problem(app.get_as(&bad, "/api/v1/me").await, 401, "unauthorized").await;
    }
    assert_eq!(app.get_as(&access, "/api/v1/me").await.status(), 200);
    clock.advance(Duration::minutes(16));
    assert_problem(app.get_as(&access, "/api/v1/me").await, 401, "unauthorized").await;
}

fn clock_now(clock: &ManualClock) -> i64 {
    xiaoban_services::Clock::now(clock).timestamp()
}

fn sign(claims: &Value, secret: &str) -> String {
    use hmac_sha256::sign_hs256;
    sign_hs256(claims, secret)
}

mod hmac_sha256 {
    use base64_url::encode;
    use serde_json::Value;
    use sha2::{Digest, Sha256};

    /// An HS256 JWT built by hand, so the test does not trust the code under test to sign.
    pub fn sign_hs256(claims: &Value, secret: &str) -> String {
        let header = encode(br#"{"alg":"HS256","typ":"JWT"}"#);
        let payload = encode(claims.to_string().as_bytes());
        let input = format!("{header}.{payload}");
        format!("{input}.{}", encode(&hmac(secret.as_bytes(), input.as_bytes())))
    }

    fn hmac(key: &[u8], message: &[u8]) -> Vec<u8> {
        let mut block = [0_u8; 64];
        if key.len() > 64 {
            block[..32].copy_from_slice(&Sha256::digest(key));
        } else {
            block[..key.len()].copy_from_slice(key);
        }
        let inner: Vec<u8> = block
            .iter()
            .map(|b| b ^ 0x36)
            .chain(message.iter().copied())
            .collect();
        let inner_hash = Sha256::digest(&inner);
        let outer: Vec<u8> = block
            .iter()
            .map(|b| b ^ 0x5c)
            .chain(inner_hash.iter().copied())
            .collect();
        Sha256::digest(&outer).to_vec()
    }

    mod base64_url {
        const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        pub fn encode(bytes: &[u8]) -> String {
            let mut out = String::new();
            for chunk in bytes.chunks(3) {
                let n = chunk
                    .iter()
                    .enumerate()
                    .fold(0_u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
                for i in 0..=chunk.len() {
                    out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
                }
            }
            out
        }
    }

    /// A JSON value as a JWT segment.
    pub fn encode_json(value: &Value) -> String {
        encode(value.to_string().as_bytes())
    }
}

#[tokio::test]
async fn the_web_app_keeps_its_refresh_token_in_an_http_only_strict_cookie() {
    let app = TestApp::spawn().await;
    let (username, _) = app.user_with_role("staff").await;
    let body = json!({"username": username, "password": READY_PASSWORD, "refreshTokenInCookie": true});
    let res = app.post_json(LOGIN, &body).await;
    assert_eq!(res.status(), 200);
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("xiaoban_refresh=xbr_"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && cookie.contains("Path=/api/v1/auth")
    );
    let json: Value = res.json().await.unwrap();
    assert_eq!(json["refreshToken"], Value::Null);

    let pair = cookie.split(';').next().unwrap().to_owned();
    let refreshed = app
        .request(Method::POST, REFRESH)
        .header("Cookie", &pair)
        .send()
        .await
        .unwrap();
    assert_eq!(refreshed.status(), 200);
    assert!(
        refreshed.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .starts_with("xiaoban_refresh=xbr_")
    );
}

#[tokio::test]
async fn an_idle_sign_in_expires_after_thirty_minutes() {
    let (app, clock) = TestApp::spawn_at("2026-11-23T09:00:00+08:00").await;
    let (username, _) = app.user_with_role("staff").await;
    let body = app.login(&username, READY_PASSWORD).await;
    clock.advance(Duration::minutes(31));
    let res = app
        .post_json(REFRESH, &json!({"refreshToken": token(&body, "refreshToken")}))
        .await;
    assert_problem(res, 401, "unauthorized").await;
}

#[tokio::test]
async fn an_account_unused_for_ninety_days_is_disabled() {
    let (app, clock) = TestApp::spawn_at("2026-11-23T09:00:00+08:00").await;
    let (username, _) = app.user_with_role("staff").await;
    clock.advance(Duration::days(91));
    assert_problem(
        try_login(&app, &username, READY_PASSWORD).await,
        403,
        "account_disabled",
    )
    .await;
    assert_problem(
        try_login(&app, &username, READY_PASSWORD).await,
        403,
        "account_disabled",
    )
    .await;
}

#[tokio::test]
async fn sign_in_attempts_are_rate_limited_per_username() {
    let app = TestApp::spawn().await;
    for _ in 0..10 {
        try_login(&app, "someone", "Wrong#Pass2026").await;
    }
    let res = try_login(&app, "someone", "Wrong#Pass2026").await;
    assert!(res.headers().contains_key("retry-after"));
    assert_problem(res, 429, "rate_limited").await;
}

#[tokio::test]
async fn a_malformed_authorization_header_is_a_401() {
    let app = TestApp::spawn().await;
    let res = app
        .request(Method::GET, "/api/v1/me")
        .header("Authorization", "Basic YWRtaW46YWRtaW4=")
        .send()
        .await
        .unwrap();
    assert_problem(res, 401, "unauthorized").await;
    assert_problem(app.get("/api/v1/me").await, 401, "unauthorized").await;
}

#[tokio::test]
async fn the_daily_job_disables_dormant_accounts_and_ends_their_tokens() {
    let (app, clock) = TestApp::spawn_at("2026-11-23T09:00:00+08:00").await;
    let (_, token) = app.user_with_role("staff").await;
    assert_eq!(app.services.disable_inactive_accounts().await.unwrap(), 0);
    clock.advance(Duration::days(91));
    assert!(app.services.disable_inactive_accounts().await.unwrap() >= 1);
    assert_problem(app.get_as(&token, "/api/v1/me").await, 401, "unauthorized").await;
}
