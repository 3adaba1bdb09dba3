//! A valid request per operation. Requests that change or use up a record create a fresh one
//! first, so the three attempts of the matrix never see each other's effects.

mod api_keys;
mod audit;
mod auth;
mod calendar;
mod departments;
mod files;
mod me;
mod notices;
mod notifications;
mod platform;
mod roles;
mod settings;
mod users;

use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;
use xiaoban_domain::identity::totp::{base32_decode, code_for_step, step_at};
use xiaoban_tests::TestApp;
use xiaoban_tests::accounts::READY_PASSWORD;

use super::Fixture;

pub enum Body {
    None,
    Json(Value),
    Multipart { boundary: String, bytes: Vec<u8> },
}

pub struct Request {
    pub method: Method,
    pub path: String,
    pub body: Body,
    /// A token that stands in for any signed-in caller: the request acts on its caller's own
    /// second factor, which the body has to match.
    pub caller: Option<String>,
}

fn req(method: Method, path: impl Into<String>, body: Body) -> Request {
    Request {
        method,
        path: path.into(),
        body,
        caller: None,
    }
}

/// The matrix's TOTP owner with a new, unconfirmed enrolment; returns the secret. Whatever a
/// previous request left is removed first (arranging state, as a reset would, but without
/// ending the owner's session).
async fn owner_enrolling(app: &TestApp, fx: &Fixture) -> Vec<u8> {
    let token = &fx.totp_owner.1;
    let me: Value = app.get_as(token, "/api/v1/me").await.json().await.unwrap();
    let id: Uuid = me["id"].as_str().unwrap().parse().unwrap();
    xiaoban_persistence::identity::totp::remove(app.db(), id)
        .await
        .unwrap();
    let res = app.post_as(token, "/api/v1/me/totp/enrol", &json!({})).await;
    let body: Value = res.json().await.unwrap();
    base32_decode(body["secret"].as_str().unwrap()).unwrap()
}

/// The matrix's TOTP owner with two-step verification on; returns the secret.
async fn owner_enrolled(app: &TestApp, fx: &Fixture) -> Vec<u8> {
    let secret = owner_enrolling(app, fx).await;
    let confirm = json!({"code": current_code(&secret)});
    let res = app
        .post_as(&fx.totp_owner.1, "/api/v1/me/totp/confirm", &confirm)
        .await;
    assert_eq!(res.status(), 200, "fixture TOTP confirmation");
    secret
}

/// The authenticator's code now (accepted by confirmation) and of the next step (accepted as
/// drift, and later than any code used before it here).
fn current_code(secret: &[u8]) -> String {
    code_for_step(secret, step_at(chrono::Utc::now().timestamp()))
}

fn next_code(secret: &[u8]) -> String {
    code_for_step(secret, step_at(chrono::Utc::now().timestamp()) + 1)
}

fn unique(prefix: &str) -> String {
    format!("{prefix}{}", &Uuid::now_v7().simple().to_string()[20..])
}

async fn created_id(app: &TestApp, token: &str, path: &str, body: Value) -> String {
    let res = app.post_as(token, path, &body).await;
    assert_eq!(res.status(), 201, "fixture POST {path}");
    let json: Value = res.json().await.unwrap();
    json.get("user").unwrap_or(&json)["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn fresh_user(app: &TestApp, fx: &Fixture) -> String {
    let body = json!({"username": unique("m"), "name": "矩阵用户", "departmentIds": [fx.department_id],
        "primaryDepartmentId": fx.department_id, "password": "Matrix#Pass2026"});
    created_id(app, &fx.admin, "/api/v1/users", body).await
}

async fn fresh_role(app: &TestApp, fx: &Fixture) -> String {
    let body =
        json!({"code": unique("matrix_role_"), "name": "矩阵角色", "permissions": ["department.read"]});
    created_id(app, &fx.admin, "/api/v1/roles", body).await
}

/// A signed-in user of its own (for operations that end or change the caller's session).
async fn own_session(app: &TestApp) -> Value {
    let (username, _) = app.user_with_role("staff").await;
    app.login(&username, READY_PASSWORD).await
}

/// An access token of a fresh staff member.
pub async fn own_token(app: &TestApp) -> String {
    own_session(app).await["accessToken"].as_str().unwrap().to_owned()
}

/// A fresh notification of the matrix's student (the only signed-in caller of these routes).
async fn notification_of_student(app: &TestApp, fx: &Fixture) -> String {
    use xiaoban_services::notifications::{Notice, NoticeKind, enqueue};
    let me: Value = app.get_as(&fx.student, "/api/v1/me").await.json().await.unwrap();
    let notice = Notice {
        kind: NoticeKind::System,
        recipients: vec![me["id"].as_str().unwrap().parse().unwrap()],
        title: "矩阵通知".to_owned(),
        body: "矩阵测试".to_owned(),
        link: None,
        subject: None,
        data: json!({}),
    };
    let tx = xiaoban_persistence::begin_write(app.db()).await.unwrap();
    enqueue(&tx, app.services.now(), notice).await.unwrap();
    tx.commit().await.unwrap();
    app.services.deliver_outbox(100).await.unwrap();
    let page: Value = app
        .get_as(&fx.student, "/api/v1/notifications?pageSize=1")
        .await
        .json()
        .await
        .unwrap();
    page["items"][0]["id"].as_str().unwrap().to_owned()
}

/// A valid request for `op_id`, from the builder of its module (`tag`).
pub async fn build(app: &TestApp, fx: &Fixture, tag: &str, op_id: &str) -> Request {
    let request = match tag {
        "platform" => platform::build(app, fx, op_id).await,
        "auth" => auth::build(app, fx, op_id).await,
        "me" => me::build(app, fx, op_id).await,
        "users" => users::build(app, fx, op_id).await,
        "calendar" => calendar::build(app, fx, op_id).await,
        "roles" => roles::build(app, fx, op_id).await,
        "notifications" => notifications::build(app, fx, op_id).await,
        "departments" => departments::build(app, fx, op_id).await,
        "api-keys" => api_keys::build(app, fx, op_id).await,
        "settings" => settings::build(app, fx, op_id).await,
        "audit" => audit::build(app, fx, op_id).await,
        "files" => files::build(app, fx, op_id).await,
        "notices" | "guides" | "public" => notices::build(app, fx, op_id).await,
        "approvals" | "directory" => super::approval_requests::build(app, fx, op_id).await,
        _ => None,
    };
    request
        .unwrap_or_else(|| panic!("no request for {op_id} ({tag}): add one in tests/tests/matrix/requests/"))
}

fn multipart(csv: &str) -> Body {
    let boundary = format!("xiaoban{}", Uuid::now_v7().simple());
    let mut bytes = Vec::new();
    bytes.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\nContent-Type: text/csv\r\n\r\n").as_bytes());
    bytes.extend_from_slice(csv.as_bytes());
    bytes.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    Body::Multipart { boundary, bytes }
}

fn upload(filename: &str, text: &str) -> Body {
    let boundary = format!("xiaoban{}", Uuid::now_v7().simple());
    let mut bytes = Vec::new();
    bytes.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n\r\n"
        )
        .as_bytes(),
    );
    bytes.extend_from_slice(text.as_bytes());
    bytes.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    Body::Multipart { boundary, bytes }
}

/// A file the matrix's student uploaded (files are readable by their uploader).
async fn student_file(app: &TestApp, fx: &Fixture) -> String {
    let Body::Multipart { boundary, bytes } = upload("学生.txt", "作业") else {
        unreachable!("upload builds a multipart body")
    };
    let res = app
        .as_user(&fx.student, Method::POST, "/api/v1/files")
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(bytes)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "fixture upload");
    let json: Value = res.json().await.unwrap();
    json["id"].as_str().unwrap().to_owned()
}

/// A different future day per call, so repeated calendar edits never need a version.
fn rand_days() -> u64 {
    u64::from(Uuid::now_v7().as_bytes()[15]) + 366 * u64::from(Uuid::now_v7().as_bytes()[14] % 8)
}
