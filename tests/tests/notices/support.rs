//! A small school for the notices tests: an office director, departments and their members.

use serde_json::{Value, json};
use xiaoban_tests::TestApp;

pub struct School {
    pub app: TestApp,
    pub admin: String,
    pub director: String,
}

impl School {
    pub async fn open() -> Self {
        Self::with(TestApp::spawn().await).await
    }

    pub async fn with(app: TestApp) -> Self {
        let admin = app.admin_token().await;
        let (_, director) = app.user_with_role("office_director").await;
        Self { app, admin, director }
    }

    /// A department, below `parent` when given; returns its id.
    pub async fn department(&self, code: &str, name: &str, parent: Option<&str>) -> String {
        let body = json!({"code": code, "name": name, "parentId": parent});
        let res = self.app.post_as(&self.admin, "/api/v1/departments", &body).await;
        assert_eq!(res.status(), 201, "department {code}");
        let json: Value = res.json().await.unwrap();
        json["id"].as_str().unwrap().to_owned()
    }

    /// A staff member of `department`; returns `(id, token)`.
    pub async fn teacher(&self, department: &str) -> (String, String) {
        self.app.member_of(&self.admin, department, "staff").await
    }

    pub async fn get(&self, token: &str, path: &str) -> (u16, Value) {
        let res = self.app.get_as(token, path).await;
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn post(&self, token: &str, path: &str, body: Value) -> (u16, Value) {
        let res = self.app.post_as(token, path, &body).await;
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    /// The titles of the notices `token` lists with `query`.
    pub async fn notice_titles(&self, token: &str, query: &str) -> Vec<String> {
        let (status, page) = self.get(token, &format!("/api/v1/notices?{query}")).await;
        assert_eq!(status, 200, "list notices");
        titles(&page)
    }

    /// Delivers the outbox, then the titles of `token`'s notifications.
    pub async fn notifications(&self, token: &str) -> Vec<String> {
        self.app.services.deliver_outbox(100).await.unwrap();
        let (_, page) = self.get(token, "/api/v1/notifications").await;
        titles(&page)
    }
}

pub fn titles(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["title"].as_str().unwrap().to_owned())
        .collect()
}

pub fn departments(ids: &[&str]) -> Value {
    json!({"kind": "departments", "departmentIds": ids})
}
