//! Two-step verification (TOTP, issue 10 item 22) as a user and an administrator meet it:
//! enrolment, the two-step sign-in, replays, expiry, recovery codes, the policy that forces
//! administrators to enrol, and resets by the security administrator and on the server.

use std::sync::Arc;

use chrono::Duration;
use reqwest::{Method, Response};
use serde_json::{Value, json};
use xiaoban_domain::identity::totp::{base32_decode, code_for_step, step_at};
use xiaoban_services::Clock;
use xiaoban_tests::accounts::READY_PASSWORD;
use xiaoban_tests::{ManualClock, TestApp, TestOptions, assert_problem};

const START: &str = "2026-03-02T09:00:00+08:00";
const LOGIN: &str = "/api/v1/auth/login";
const SECOND_STEP: &str = "/api/v1/auth/login/totp";

/// An enrolled user: the secret as the app holds it, and the recovery codes.
struct Enrolled {
    username: String,
    secret: Vec<u8>,
    recovery_codes: Vec<String>,
}

fn code_now(clock: &ManualClock, secret: &[u8]) -> String {
    code_for_step(secret, step_at(clock.now().timestamp()))
}

/// Enrols and confirms two-step verification for the holder of `token`.
async fn enrol(app: &TestApp, clock: &ManualClock, token: &str) -> (Vec<u8>, Vec<String>) {
    let res = app.post_as(token, "/api/v1/me/totp/enrol", &json!({})).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    let secret = base32_decode(body["secret"].as_str().unwrap()).unwrap();
    assert!(
        body["otpauthUri"]
            .as_str()
            .unwrap()
            .starts_with("otpauth://totp/")
    );
    let code = code_now(clock, &secret);
    let res = app
        .post_as(token, "/api/v1/me/totp/confirm", &json!({"code": code}))
        .await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    let codes: Vec<String> = body["recoveryCodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    (secret, codes)
}

async fn enrolled_teacher(app: &TestApp, clock: &ManualClock) -> Enrolled {
    let (username, token) = app.user_with_role("staff").await;
    let (secret, recovery_codes) = enrol(app, clock, &token).await;
    // The code used to confirm is spent; the next sign-in needs the next step's code.
    clock.advance(Duration::seconds(30));
    Enrolled {
        username,
        secret,
        recovery_codes,
    }
}

/// The password step; returns the challenge, asserting that no token came with it.
async fn challenge(app: &TestApp, username: &str) -> String {
    let body = app.login(username, READY_PASSWORD).await;
    assert_eq!(body["mfaRequired"], true);
    assert_eq!(body["outcome"], "second_factor_required", "the union's tag");
    assert!(
        body.get("accessToken").is_none(),
        "no token before the second factor: {body}"
    );
    body["challenge"].as_str().unwrap().to_owned()
}

async fn second_step(app: &TestApp, body: Value) -> Response {
    app.post_json(SECOND_STEP, &body).await
}

#[tokio::test]
async fn a_correct_code_after_the_password_signs_in() {
    let (app, clock) = TestApp::spawn_at(START).await;
    let user = enrolled_teacher(&app, &clock).await;
    let challenge = challenge(&app, &user.username).await;
    let code = code_now(&clock, &user.secret);
    let res = second_step(&app, json!({"challenge": challenge, "code": code})).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["outcome"], "signed_in");
    let token = body["accessToken"].as_str().unwrap();
    let me = app.get_as(token, "/api/v1/me").await;
    assert_eq!(me.status(), 200);
    let status: Value = app.get_as(token, "/api/v1/me/totp").await.json().await.unwrap();
    assert_eq!(status["enabled"], true);
    assert_eq!(status["recoveryCodesLeft"], 10);
    assert!(
        status.get("secret").is_none(),
        "the secret is never shown again: {status}"
    );
}

#[tokio::test]
async fn a_code_of_the_step_before_still_signs_in_but_one_two_steps_old_does_not() {
    let (app, clock) = TestApp::spawn_at(START).await;
    let user = enrolled_teacher(&app, &clock).await;
    let old = code_now(&clock, &user.secret);
    clock.advance(Duration::seconds(60));
    let challenge = challenge(&app, &user.username).await;
    let res = second_step(&app, json!({"challenge": challenge, "code": old})).await;
    assert_problem(res, 401, "invalid_second_factor").await;
    let previous = code_for_step(&user.secret, step_at(clock.now().timestamp()) - 1);
    let res = second_step(&app, json!({"challenge": challenge, "code": previous})).await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn wrong_codes_count_towards_the_lockout_like_wrong_passwords() {
    let (app, clock) = TestApp::spawn_at(START).await;
    let user = enrolled_teacher(&app, &clock).await;
    let challenge = challenge(&app, &user.username).await;
    let right = code_now(&clock, &user.secret);
    let wrong = if right == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        let res = second_step(&app, json!({"challenge": challenge, "code": wrong})).await;
        assert_problem(res, 401, "invalid_second_factor").await;
    }
    let res = second_step(&app, json!({"challenge": challenge, "code": right})).await;
    assert_problem(res, 403, "account_locked").await;
    let res = app
        .post_json(
            LOGIN,
            &json!({"username": user.username, "password": READY_PASSWORD}),
        )
        .await;
    assert_problem(res, 403, "account_locked").await;
    assert_eq!(app.audit_count("auth.second_factor_failed").await, 5);
}

#[tokio::test]
async fn a_code_used_once_is_refused_when_replayed_with_a_new_challenge() {
    let (app, clock) = TestApp::spawn_at(START).await;
    let user = enrolled_teacher(&app, &clock).await;
    let code = code_now(&clock, &user.secret);
    let first = challenge(&app, &user.username).await;
    let res = second_step(&app, json!({"challenge": first, "code": code})).await;
    assert_eq!(res.status(), 200);
    let res = second_step(&app, json!({"challenge": first, "code": code})).await;
    assert_problem(res, 401, "mfa_challenge_invalid").await;
    clock.advance(Duration::seconds(10));
    let second = challenge(&app, &user.username).await;
    let res = second_step(&app, json!({"challenge": second, "code": code})).await;
    assert_problem(res, 401, "invalid_second_factor").await;
}

#[tokio::test]
async fn a_challenge_expires_after_five_minutes() {
    let (app, clock) = TestApp::spawn_at(START).await;
    let user = enrolled_teacher(&app, &clock).await;
    let challenge = challenge(&app, &user.username).await;
    clock.advance(Duration::seconds(301));
    let code = code_now(&clock, &user.secret);
    let res = second_step(&app, json!({"challenge": challenge, "code": code})).await;
    assert_problem(res, 401, "mfa_challenge_invalid").await;
    let res = second_step(&app, json!({"challenge": "xbm_made_up", "code": code})).await;
    assert_problem(res, 401, "mfa_challenge_invalid").await;
}

#[tokio::test]
async fn a_recovery_code_signs_in_once_and_is_refused_the_second_time() {
    let (app, clock) = TestApp::spawn_at(START).await;
    let user = enrolled_teacher(&app, &clock).await;
    assert_eq!(user.recovery_codes.len(), 10);
    let recovery = user.recovery_codes[3].to_uppercase();
    let challenge_one = challenge(&app, &user.username).await;
    let res = second_step(
        &app,
        json!({"challenge": challenge_one, "recoveryCode": recovery}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let token = res.json::<Value>().await.unwrap()["accessToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let status: Value = app.get_as(&token, "/api/v1/me/totp").await.json().await.unwrap();
    assert_eq!(status["recoveryCodesLeft"], 9);
    let challenge_two = challenge(&app, &user.username).await;
    let res = second_step(
        &app,
        json!({"challenge": challenge_two, "recoveryCode": recovery}),
    )
    .await;
    assert_problem(res, 401, "invalid_second_factor").await;
}

#[tokio::test]
async fn the_second_step_needs_exactly_one_of_code_and_recovery_code() {
    let (app, clock) = TestApp::spawn_at(START).await;
    let user = enrolled_teacher(&app, &clock).await;
    let challenge = challenge(&app, &user.username).await;
    for body in [
        json!({"challenge": challenge}),
        json!({"challenge": challenge, "code": "123456", "recoveryCode": "abcde-fghjk"}),
    ] {
        let res = second_step(&app, body).await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert!(problem["errors"]["code"].is_array(), "{problem}");
    }
}

#[tokio::test]
async fn an_administrator_without_totp_reaches_only_me_and_enrolment_until_enrolled() {
    let clock = Arc::new(ManualClock::at(START));
    let app = TestApp::spawn_with(TestOptions {
        clock: clock.clone(),
        totp_required_for: "sysadmin,secadmin,auditor",
        ..Default::default()
    })
    .await;
    let token = app.admin_token().await;
    let res = app.get_as(&token, "/api/v1/users").await;
    assert_problem(res, 403, "totp_enrolment_required").await;
    assert_eq!(app.get_as(&token, "/api/v1/me").await.status(), 200);
    let status: Value = app.get_as(&token, "/api/v1/me/totp").await.json().await.unwrap();
    assert_eq!(status["required"], true);
    assert_eq!(status["enabled"], false);
    let (secret, _) = enrol(&app, &clock, &token).await;
    assert_eq!(app.get_as(&token, "/api/v1/users").await.status(), 200);
    // And from now on the administrator's sign-in asks for a code.
    clock.advance(Duration::seconds(30));
    let body = app.login("admin", READY_PASSWORD).await;
    assert_eq!(body["mfaRequired"], true);
    let code = code_now(&clock, &secret);
    let res = second_step(&app, json!({"challenge": body["challenge"], "code": code})).await;
    assert_eq!(res.status(), 200);
    // A teacher's role does not require it.
    let (_, teacher) = app.user_with_role("staff").await;
    assert_eq!(app.get_as(&teacher, "/api/v1/notifications").await.status(), 200);
}

#[tokio::test]
async fn disabling_needs_the_current_password_and_a_code_and_every_step_is_audited() {
    let (app, clock) = TestApp::spawn_at(START).await;
    let (_, token) = app.user_with_role("staff").await;
    let (secret, _) = enrol(&app, &clock, &token).await;
    clock.advance(Duration::seconds(30));
    let code = code_now(&clock, &secret);
    let wrong_password = json!({"currentPassword": "Not#The2026Pass", "code": code});
    let res = app
        .as_user(&token, Method::DELETE, "/api/v1/me/totp")
        .json(&wrong_password)
        .send()
        .await
        .unwrap();
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert!(problem["errors"]["currentPassword"].is_array());
    let wrong_code = json!({"currentPassword": READY_PASSWORD, "code": "12345x"});
    let res = app
        .as_user(&token, Method::DELETE, "/api/v1/me/totp")
        .json(&wrong_code)
        .send()
        .await
        .unwrap();
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert!(problem["errors"]["code"].is_array());
    let right = json!({"currentPassword": READY_PASSWORD, "code": code});
    let res = app
        .as_user(&token, Method::DELETE, "/api/v1/me/totp")
        .json(&right)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let status: Value = app.get_as(&token, "/api/v1/me/totp").await.json().await.unwrap();
    assert_eq!(status["enabled"], false);
    assert_eq!(app.audit_count("totp.enrol").await, 1);
    assert_eq!(app.audit_count("totp.confirm").await, 1);
    assert_eq!(app.audit_count("totp.disable").await, 1);
}

#[tokio::test]
async fn guessing_the_code_to_disable_it_locks_the_account() {
    let (app, clock) = TestApp::spawn_at(START).await;
    let user = enrolled_teacher(&app, &clock).await;
    let body = app.login(&user.username, READY_PASSWORD).await;
    let code = code_now(&clock, &user.secret);
    let res = second_step(&app, json!({"challenge": body["challenge"], "code": code})).await;
    let token = res.json::<Value>().await.unwrap()["accessToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        let guess = json!({"currentPassword": READY_PASSWORD, "code": wrong});
        let res = app
            .as_user(&token, Method::DELETE, "/api/v1/me/totp")
            .json(&guess)
            .send()
            .await
            .unwrap();
        assert_problem(res, 422, "validation_failed").await;
    }
    clock.advance(Duration::seconds(30));
    let right = json!({"currentPassword": READY_PASSWORD, "code": code_now(&clock, &user.secret)});
    let res = app
        .as_user(&token, Method::DELETE, "/api/v1/me/totp")
        .json(&right)
        .send()
        .await
        .unwrap();
    assert_problem(res, 403, "account_locked").await;
    assert_eq!(app.audit_count("totp.disable_failed").await, 5);
}

#[tokio::test]
async fn a_wrong_first_code_does_not_turn_it_on() {
    let (app, clock) = TestApp::spawn_at(START).await;
    let (_, token) = app.user_with_role("staff").await;
    let res = app.post_as(&token, "/api/v1/me/totp/enrol", &json!({})).await;
    let secret = base32_decode(res.json::<Value>().await.unwrap()["secret"].as_str().unwrap()).unwrap();
    let stale = code_for_step(&secret, step_at(clock.now().timestamp()) - 5);
    let res = app
        .post_as(&token, "/api/v1/me/totp/confirm", &json!({"code": stale}))
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert!(problem["errors"]["code"].is_array());
    let status: Value = app.get_as(&token, "/api/v1/me/totp").await.json().await.unwrap();
    assert_eq!(
        (status["enabled"].clone(), status["pending"].clone()),
        (json!(false), json!(true))
    );
}

async fn id_of(app: &TestApp, token: &str) -> String {
    let me: Value = app.get_as(token, "/api/v1/me").await.json().await.unwrap();
    me["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn the_security_administrator_resets_a_teachers_totp_but_not_another_administrators() {
    let (app, clock) = TestApp::spawn_at(START).await;
    let user = enrolled_teacher(&app, &clock).await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    let (_, auditor) = app.user_with_role("auditor").await;
    let sysadmin = app.admin_token().await;
    let teacher_token = app.login(&user.username, READY_PASSWORD).await;
    assert_eq!(teacher_token["mfaRequired"], true);
    let teacher_id = {
        let code = code_now(&clock, &user.secret);
        let res = second_step(
            &app,
            json!({"challenge": teacher_token["challenge"], "code": code}),
        )
        .await;
        let token = res.json::<Value>().await.unwrap()["accessToken"]
            .as_str()
            .unwrap()
            .to_owned();
        id_of(&app, &token).await
    };
    let reset = format!("/api/v1/users/{teacher_id}/reset-totp");
    assert_eq!(app.post_as(&secadmin, &reset, &json!({})).await.status(), 200);
    let body = app.login(&user.username, READY_PASSWORD).await;
    assert!(
        body["accessToken"].is_string(),
        "after the reset the password alone signs in: {body}"
    );
    for other in [&sysadmin, &auditor] {
        let path = format!("/api/v1/users/{}/reset-totp", id_of(&app, other).await);
        let res = app.post_as(&secadmin, &path, &json!({})).await;
        assert_problem(res, 403, "server_only").await;
    }
    let res = app.post_as(&sysadmin, &reset, &json!({})).await;
    assert_problem(res, 403, "forbidden").await;
    assert_eq!(app.audit_count("user.totp_reset").await, 1);
    assert_eq!(app.audit_count("access.server_only").await, 2);
}

#[tokio::test]
async fn the_server_command_resets_an_administrators_totp() {
    let (app, clock) = TestApp::spawn_at(START).await;
    let token = app.admin_token().await;
    enrol(&app, &clock, &token).await;
    clock.advance(Duration::seconds(30));
    assert_eq!(app.login("admin", READY_PASSWORD).await["mfaRequired"], true);
    // What `xiaoban admin reset-totp admin` runs on the server.
    assert!(app.services.admin_reset_totp("admin").await.unwrap());
    assert_eq!(
        app.get_as(&token, "/api/v1/me").await.status(),
        401,
        "sessions ended"
    );
    let body = app.login("admin", READY_PASSWORD).await;
    assert!(body["accessToken"].is_string(), "{body}");
    assert_eq!(app.audit_count("user.totp_reset").await, 1);
}
