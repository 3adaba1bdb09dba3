//! Support for the authorization matrix: tokens per role, and a fresh, valid request per operation.

pub mod approval_requests;
pub mod requests;
pub mod rules;

use reqwest::StatusCode;
use serde_json::{Value, json};
use xiaoban_tests::TestApp;

/// Signed-in users of the roles the matrix needs, and ids of things requests refer to.
pub struct Fixture {
    pub admin: String,
    pub secadmin: String,
    pub auditor: String,
    pub student: String,
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
        Self {
            admin,
            secadmin,
            auditor,
            student,
            department_id,
            approvals,
            totp_owner,
        }
    }

    pub fn token_of(&self, role: &str) -> &str {
        match role {
            "sysadmin" => &self.admin,
            "secadmin" => &self.secadmin,
            "auditor" => &self.auditor,
            "office_director" => &self.approvals.director,
            other => panic!("no token for role {other}"),
        }
    }
}

/// Prepares a fresh, valid request for `op_id` and sends it with `token`; returns the status.
pub async fn send(app: &TestApp, fx: &Fixture, op_id: &str, token: Option<&str>) -> StatusCode {
    let request = requests::build(app, fx, op_id).await;
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
