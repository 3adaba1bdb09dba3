//! Support for the authorization matrix: tokens per role, and a fresh, valid request per operation.

pub mod approval_requests;
pub mod requests;
pub mod rules;
pub mod walk;

use reqwest::StatusCode;
use serde_json::{Value, json};
use xiaoban_tests::TestApp;

/// Signed-in users of the roles the matrix needs, and ids of things requests refer to.
pub struct Fixture {
    pub admin: String,
    pub secadmin: String,
    pub auditor: String,
    pub student: String,
    /// A signed-in user without any role: refused wherever a permission is needed.
    pub roleless: String,
    pub department_id: String,
    pub approvals: approval_requests::ApprovalFixture,
    /// A staff member whose own two-step verification the `/me/totp` requests set up and
    /// take down (signing in afresh for each would run into the per-address limit).
    pub totp_owner: (String, String),
}

impl Fixture {
    pub async fn new(app: &TestApp) -> Self {
        let admin = app.admin_token().await;
        let (_, secadmin) = app.user_with_role("secadmin").await;
        let (_, auditor) = app.user_with_role("auditor").await;
        let (_, student) = app.user_with_role("student").await;
        let totp_owner = app.user_with_role("staff").await;
        let res = app
            .post_as(
                &admin,
                "/api/v1/departments",
                &json!({"code": "matrix", "name": "矩阵测试部"}),
            )
            .await;
        assert_eq!(res.status(), 201, "create the fixture department");
        let department: Value = res.json().await.unwrap();
        let department_id = department["id"].as_str().unwrap().to_owned();
        let approvals = approval_requests::ApprovalFixture::new(app, &admin, &student).await;
        let roleless = roleless_user(app, &admin, &department_id).await;
        Self {
            admin,
            secadmin,
            auditor,
            student,
            roleless,
            department_id,
            approvals,
            totp_owner,
        }
    }

    /// The built-in roles the fixture has a signed-in user of, the student first (most
    /// requests are prepared for the student to act on).
    pub const ROLES: [&'static str; 5] = ["student", "sysadmin", "secadmin", "auditor", "office_director"];

    pub fn token_of(&self, role: &str) -> &str {
        match role {
            "student" => &self.student,
            "sysadmin" => &self.admin,
            "secadmin" => &self.secadmin,
            "auditor" => &self.auditor,
            "office_director" => &self.approvals.director,
            other => panic!("no token for role {other}"),
        }
    }
}

/// A user with a password but no role, signed in and past the first password change.
async fn roleless_user(app: &TestApp, admin: &str, department_id: &str) -> String {
    let username = format!("norole{}", &uuid::Uuid::now_v7().simple().to_string()[24..]);
    let body = json!({"username": username, "name": "无角色", "departmentIds": [department_id],
        "primaryDepartmentId": department_id, "password": "Matrix#Pass2026"});
    let res = app.post_as(admin, "/api/v1/users", &body).await;
    assert_eq!(res.status(), 201, "create the roleless user");
    let session = app.login(&username, "Matrix#Pass2026").await;
    let token = session["accessToken"].as_str().unwrap();
    if session["user"]["mustChangePassword"] == true {
        return app
            .change_password(token, "Matrix#Pass2026", xiaoban_tests::accounts::READY_PASSWORD)
            .await;
    }
    token.to_owned()
}

/// Prepares a fresh, valid request for `op_id` of module `tag` and sends it with `token`;
/// returns the status.
pub async fn send(app: &TestApp, fx: &Fixture, tag: &str, op_id: &str, token: Option<&str>) -> StatusCode {
    let request = requests::build(app, fx, tag, op_id).await;
    let mut builder = app.request(request.method, &request.path);
    if let Some(token) = token {
        builder = builder.bearer_auth(request.caller.as_deref().unwrap_or(token));
    }
    builder = match request.body {
        requests::Body::None => builder,
        requests::Body::Json(value) => builder.json(&value),
        requests::Body::Multipart { boundary, bytes } => builder
            .header(
                "Content-Type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(bytes),
    };
    builder.send().await.unwrap().status()
}
