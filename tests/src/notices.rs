//! Fixtures of the notices module: people in departments, notices and guides in a given state,
//! flowchart uploads.

use reqwest::Method;
use serde_json::{Value, json};

use crate::TestApp;
use crate::accounts::READY_PASSWORD;

/// The smallest valid PNG (1×1 pixel), accepted as a flowchart image.
pub const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00,
    0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00,
    0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05,
    0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42,
    0x60, 0x82,
];

impl TestApp {
    /// A new staff member of `department` (and `role`), signed in; returns `(user id, token)`.
    pub async fn member_of(&self, admin: &str, department: &str, role: &str) -> (String, String) {
        let username = format!("m{}", &uuid::Uuid::now_v7().simple().to_string()[20..]);
        let body = json!({"username": username, "name": format!("成员{}", &username[9..]),
            "departmentIds": [department], "primaryDepartmentId": department,
            "password": "Initial#Pass2026", "roles": [{"roleCode": role, "scope": {"kind": "all"}}]});
        let res = self.post_as(admin, "/api/v1/users", &body).await;
        assert_eq!(res.status(), 201, "create a member");
        let user: Value = res.json().await.expect("user body");
        let id = user.get("user").unwrap_or(&user)["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let login = self.login(&username, "Initial#Pass2026").await;
        let token = login["accessToken"].as_str().expect("accessToken");
        let token = self
            .change_password(token, "Initial#Pass2026", READY_PASSWORD)
            .await;
        (id, token)
    }

    /// Uploads a PNG as `token`; returns the file's id.
    pub async fn upload_png(&self, token: &str, name: &str) -> String {
        self.upload(token, name, PNG_1X1).await
    }

    /// Posts `content` as the multipart field `file` named `name` (an upload, an import).
    pub async fn post_file(&self, token: &str, path: &str, name: &str, content: &[u8]) -> reqwest::Response {
        let boundary = format!("xiaoban{}", uuid::Uuid::now_v7().simple());
        let mut bytes = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\r\n"
        )
        .into_bytes();
        bytes.extend_from_slice(content);
        bytes.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        self.as_user(token, Method::POST, path)
            .header(
                "Content-Type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(bytes)
            .send()
            .await
            .expect("post file")
    }

    /// Uploads `content` as `token` under `name`; returns the file's id.
    pub async fn upload(&self, token: &str, name: &str, content: &[u8]) -> String {
        let res = self.post_file(token, "/api/v1/files", name, content).await;
        assert_eq!(res.status(), 201, "upload {name}");
        let file: Value = res.json().await.expect("file body");
        file["id"].as_str().expect("id").to_owned()
    }

    /// Drafts a notice as `token` with `audience`; returns its body.
    pub async fn draft_notice(&self, token: &str, title: &str, audience: Value, is_public: bool) -> Value {
        let body = json!({"title": title, "body": format!("{title}。请各位老师准时参加。"),
            "audience": audience, "isPublic": is_public});
        let res = self.post_as(token, "/api/v1/notices", &body).await;
        assert_eq!(res.status(), 201, "draft notice {title}");
        res.json().await.expect("notice body")
    }

    /// A published notice; returns its body.
    pub async fn published_notice(
        &self,
        token: &str,
        title: &str,
        audience: Value,
        is_public: bool,
    ) -> Value {
        let draft = self.draft_notice(token, title, audience, is_public).await;
        let id = draft["id"].as_str().expect("id");
        let res = self
            .post_as(token, &format!("/api/v1/notices/{id}/publish"), &json!({}))
            .await;
        assert_eq!(res.status(), 200, "publish notice {title}");
        res.json().await.expect("notice body")
    }

    /// Drafts a guide (`kind` `guide` or `sop`) as `token`; returns its body.
    pub async fn draft_guide(
        &self,
        token: &str,
        kind: &str,
        title: &str,
        body: &str,
        is_public: bool,
    ) -> Value {
        let input = json!({"kind": kind, "category": "综合服务", "title": title, "body": body, "isPublic": is_public});
        let res = self.post_as(token, "/api/v1/guides", &input).await;
        assert_eq!(res.status(), 201, "draft guide {title}");
        res.json().await.expect("guide body")
    }

    /// Publishes the guide's working copy; returns its body.
    pub async fn publish_guide(&self, token: &str, id: &str) -> Value {
        let res = self
            .post_as(token, &format!("/api/v1/guides/{id}/publish"), &json!({}))
            .await;
        assert_eq!(res.status(), 200, "publish guide {id}");
        res.json().await.expect("guide body")
    }

    /// Changes the guide's working copy; returns its body.
    pub async fn edit_guide(&self, token: &str, guide: &Value, changes: Value) -> Value {
        let id = guide["id"].as_str().expect("id");
        let mut body = changes;
        body["version"] = guide["version"].clone();
        let res = self
            .as_user(token, Method::PATCH, &format!("/api/v1/guides/{id}"))
            .json(&body)
            .send()
            .await
            .expect("PATCH");
        assert_eq!(res.status(), 200, "edit guide {id}");
        res.json().await.expect("guide body")
    }
}
