//! A valid request per operation. Requests that change or use up a record create a fresh one
//! first, so the three attempts of the matrix never see each other's effects.

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

pub async fn build(app: &TestApp, fx: &Fixture, op_id: &str) -> Request {
    use Body::{Json, None as Empty};
    let d = &fx.department_id;
    match op_id {
        "get_health" => req(Method::GET, "/api/v1/health", Empty),
        "get_site" => req(Method::GET, "/api/v1/site", Empty),
        "get_readiness" => req(Method::GET, "/api/v1/ready", Empty),
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
        "reset_user_totp" => req(
            Method::POST,
            format!("/api/v1/users/{}/reset-totp", fresh_user(app, fx).await),
            Empty,
        ),
        "get_me" => req(Method::GET, "/api/v1/me", Empty),
        "change_my_password" => req(
            Method::POST,
            "/api/v1/me/password",
            Json(json!({"oldPassword": READY_PASSWORD, "newPassword": "Changed#Pass2026"})),
        ),
        "list_calendar_days" => req(
            Method::GET,
            "/api/v1/calendar/days?from=2026-10-01&to=2026-10-31",
            Empty,
        ),
        "get_deadline" => req(Method::GET, "/api/v1/calendar/deadline?workingDays=3", Empty),
        "set_calendar_day" => {
            let date = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap() + chrono::Days::new(rand_days());
            req(
                Method::PUT,
                format!("/api/v1/calendar/days/{date}"),
                Json(json!({"kind": "holiday", "name": "校庆"})),
            )
        }
        "list_calendar_years" => req(Method::GET, "/api/v1/calendar/years", Empty),
        "import_calendar_year" => {
            let year = 2100 + rand_days() % 90;
            req(
                Method::PUT,
                format!("/api/v1/calendar/years/{year}"),
                Json(json!({"days": [{"date": format!("{year}-01-01"), "kind": "holiday", "name": "元旦"}]})),
            )
        }
        "list_permissions" => req(Method::GET, "/api/v1/permissions", Empty),
        "list_notifications" => req(Method::GET, "/api/v1/notifications?unread=true", Empty),
        "get_unread_notification_count" => req(Method::GET, "/api/v1/notifications/unread-count", Empty),
        "mark_notification_read" => {
            let id = notification_of_student(app, fx).await;
            req(Method::POST, format!("/api/v1/notifications/{id}/read"), Empty)
        }
        "mark_all_notifications_read" => req(Method::POST, "/api/v1/notifications/read-all", Empty),
        "list_departments" => req(Method::GET, "/api/v1/departments", Empty),
        "create_department" => req(
            Method::POST,
            "/api/v1/departments",
            Json(json!({"code": unique("d"), "name": "新部门"})),
        ),
        "get_department" => req(Method::GET, format!("/api/v1/departments/{d}"), Empty),
        "patch_department" => {
            let id = created_id(
                app,
                &fx.admin,
                "/api/v1/departments",
                json!({"code": unique("d"), "name": "待改"}),
            )
            .await;
            req(
                Method::PATCH,
                format!("/api/v1/departments/{id}"),
                Json(json!({"name": "已改", "version": 1})),
            )
        }
        "list_users" => req(Method::GET, "/api/v1/users", Empty),
        "export_users" => req(Method::GET, "/api/v1/users/export.xlsx", Empty),
        "create_user" => req(
            Method::POST,
            "/api/v1/users",
            Json(
                json!({"username": unique("u"), "name": "新用户", "departmentIds": [d], "primaryDepartmentId": d}),
            ),
        ),
        "get_user" => req(
            Method::GET,
            format!("/api/v1/users/{}", fresh_user(app, fx).await),
            Empty,
        ),
        "patch_user" => {
            let id = fresh_user(app, fx).await;
            req(
                Method::PATCH,
                format!("/api/v1/users/{id}"),
                Json(json!({"position": "教师", "version": 1})),
            )
        }
        "disable_user" => req(
            Method::POST,
            format!("/api/v1/users/{}/disable", fresh_user(app, fx).await),
            Empty,
        ),
        "enable_user" => {
            let id = fresh_user(app, fx).await;
            let res = app
                .as_user(&fx.admin, Method::POST, &format!("/api/v1/users/{id}/disable"))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200, "fixture disable");
            req(Method::POST, format!("/api/v1/users/{id}/enable"), Empty)
        }
        "reset_user_password" => req(
            Method::POST,
            format!("/api/v1/users/{}/reset-password", fresh_user(app, fx).await),
            Empty,
        ),
        "unlock_user" => req(
            Method::POST,
            format!("/api/v1/users/{}/unlock", fresh_user(app, fx).await),
            Empty,
        ),
        "set_user_clearance" => {
            let id = fresh_user(app, fx).await;
            req(
                Method::PUT,
                format!("/api/v1/users/{id}/clearance"),
                Json(json!({"clearance": 2})),
            )
        }
        "assign_user_role" => {
            let id = fresh_user(app, fx).await;
            req(
                Method::POST,
                format!("/api/v1/users/{id}/roles"),
                Json(json!({"roleCode": "staff", "scope": {"kind": "self"}})),
            )
        }
        "remove_user_role" => {
            let id = fresh_user(app, fx).await;
            let grant = json!({"roleCode": "staff", "scope": {"kind": "self"}});
            let res = app
                .post_as(&fx.admin, &format!("/api/v1/users/{id}/roles"), &grant)
                .await;
            assert_eq!(res.status(), 201, "fixture role grant");
            let user: Value = res.json().await.unwrap();
            let assignment = user["roles"][0]["assignmentId"].as_str().unwrap().to_owned();
            req(
                Method::DELETE,
                format!("/api/v1/users/{id}/roles/{assignment}"),
                Empty,
            )
        }
        "list_roles" => req(Method::GET, "/api/v1/roles", Empty),
        "create_role" => req(
            Method::POST,
            "/api/v1/roles",
            Json(json!({"code": unique("role_"), "name": "新角色", "permissions": ["department.read"]})),
        ),
        "get_role" => req(
            Method::GET,
            format!("/api/v1/roles/{}", fresh_role(app, fx).await),
            Empty,
        ),
        "update_role" => {
            let id = fresh_role(app, fx).await;
            req(
                Method::PATCH,
                format!("/api/v1/roles/{id}"),
                Json(json!({"name": "改名", "version": 1})),
            )
        }
        "delete_role" => req(
            Method::DELETE,
            format!("/api/v1/roles/{}", fresh_role(app, fx).await),
            Empty,
        ),
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
        "list_audit_events" => req(Method::GET, "/api/v1/audit-events", Empty),
        "verify_audit_events" => req(Method::GET, "/api/v1/audit-events/verify", Empty),
        "import_roster" => {
            let csv = format!(
                "username,name,departmentCode,departmentName\n{},导入用户,matrix,矩阵测试部\n",
                unique("imp")
            );
            req(Method::POST, "/api/v1/roster/import?dryRun=true", multipart(&csv))
        }
        "get_roster_template" => req(Method::GET, "/api/v1/roster/import/template.xlsx", Empty),
        "upload_file" => req(Method::POST, "/api/v1/files", upload("矩阵.txt", "矩阵测试")),
        "get_file" => req(
            Method::GET,
            format!("/api/v1/files/{}", student_file(app, fx).await),
            Empty,
        ),
        "get_file_content" => req(
            Method::GET,
            format!("/api/v1/files/{}/content", student_file(app, fx).await),
            Empty,
        ),
        other => super::approval_requests::build(app, fx, other)
            .await
            .unwrap_or_else(|| panic!("no request for {other}: add one in tests/tests/matrix/requests.rs")),
    }
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
