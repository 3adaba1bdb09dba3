//! The demo school with its built-in templates, and short ways to act on requests.

use std::collections::BTreeMap;
use std::sync::Arc;

use reqwest::{Method, Response};
use serde_json::{Value, json};
use tokio::sync::Mutex;
use xiaoban_services::demo::DEMO_PASSWORD;
use xiaoban_tests::{ManualClock, TestApp};

pub struct School {
    pub app: TestApp,
    pub clock: Option<Arc<ManualClock>>,
    tokens: Mutex<BTreeMap<String, String>>,
}

impl School {
    pub async fn open() -> Self {
        Self::seeded(TestApp::spawn().await, None).await
    }

    /// At a fixed moment (RFC 3339), with a clock the test moves.
    pub async fn open_at(at: &str) -> Self {
        let (app, clock) = TestApp::spawn_at(at).await;
        Self::seeded(app, Some(clock)).await
    }

    async fn seeded(app: TestApp, clock: Option<Arc<ManualClock>>) -> Self {
        app.services.seed_demo().await.expect("seed the demo school");
        Self {
            app,
            clock,
            tokens: Mutex::new(BTreeMap::new()),
        }
    }

    /// A signed-in demo user's access token (signed in once per test).
    pub async fn token(&self, username: &str) -> String {
        let mut tokens = self.tokens.lock().await;
        if let Some(token) = tokens.get(username) {
            return token.clone();
        }
        let body = self.app.login(username, DEMO_PASSWORD).await;
        let token = body["accessToken"].as_str().expect("accessToken").to_owned();
        tokens.insert(username.to_owned(), token.clone());
        token
    }

    /// Moves the injected clock; tokens are signed in again afterwards (they last 15 minutes).
    pub async fn advance(&self, by: chrono::Duration) {
        self.clock
            .as_ref()
            .expect("a school opened with open_at")
            .advance(by);
        self.tokens.lock().await.clear();
    }

    /// The first administrator's token.
    pub async fn admin(&self) -> String {
        let mut tokens = self.tokens.lock().await;
        if let Some(token) = tokens.get("admin") {
            return token.clone();
        }
        let token = self.app.admin_token().await;
        tokens.insert("admin".to_owned(), token.clone());
        token
    }

    pub async fn user_id(&self, username: &str) -> String {
        let res = self.app.get_as(&self.token(username).await, "/api/v1/me").await;
        let me: Value = res.json().await.unwrap();
        me["id"]
            .as_str()
            .or(me["user"]["id"].as_str())
            .expect("my id")
            .to_owned()
    }

    pub async fn template_id(&self, code: &str) -> String {
        let res = self
            .app
            .get_as(
                &self.token("wang.zhuren").await,
                "/api/v1/approval-templates?manage=true",
            )
            .await;
        let list: Vec<Value> = res.json().await.unwrap();
        list.iter().find(|t| t["code"] == code).expect(code)["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    pub async fn department_id(&self, code: &str) -> String {
        let res = self
            .app
            .get_as(&self.token("wang.zhuren").await, "/api/v1/departments")
            .await;
        let list: Vec<Value> = res.json().await.unwrap();
        list.iter().find(|d| d["code"] == code).expect(code)["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// Starts a request as `who`; asserts 201 and returns it.
    pub async fn start(&self, who: &str, template: &str, form: Value) -> Value {
        let res = self.try_start(who, template, form).await;
        assert_eq!(res.status(), 201, "start {template}");
        res.json().await.unwrap()
    }

    pub async fn try_start(&self, who: &str, template: &str, form: Value) -> Response {
        let template_id = self.template_id(template).await;
        let body = json!({ "templateId": template_id, "form": form });
        self.app
            .post_as(&self.token(who).await, "/api/v1/approvals", &body)
            .await
    }

    /// `POST /approvals/{id}/{action}` as `who`.
    pub async fn act(&self, who: &str, id: &Value, action: &str, body: Value) -> Response {
        let path = format!("/api/v1/approvals/{}/{action}", id.as_str().expect("id"));
        self.app.post_as(&self.token(who).await, &path, &body).await
    }

    /// Acts and asserts 200; returns the request as it now is.
    pub async fn ok(&self, who: &str, id: &Value, action: &str, body: Value) -> Value {
        let res = self.act(who, id, action, body).await;
        let status = res.status();
        let text = res.text().await.unwrap();
        assert_eq!(status, 200, "{who} {action}: {text}");
        serde_json::from_str(&text).unwrap()
    }

    pub async fn get(&self, who: &str, id: &Value) -> Response {
        let path = format!("/api/v1/approvals/{}", id.as_str().expect("id"));
        self.app.get_as(&self.token(who).await, &path).await
    }

    pub async fn detail(&self, who: &str, id: &Value) -> Value {
        let res = self.get(who, id).await;
        assert_eq!(res.status(), 200);
        res.json().await.unwrap()
    }

    /// The ids of a box's items for `who`.
    pub async fn inbox(&self, who: &str, which: &str) -> Vec<Value> {
        let res = self
            .app
            .get_as(
                &self.token(who).await,
                &format!("/api/v1/approval-tasks?box={which}"),
            )
            .await;
        assert_eq!(res.status(), 200);
        let page: Value = res.json().await.unwrap();
        page["items"].as_array().unwrap().clone()
    }

    /// The user's notifications, newest first.
    pub async fn notifications(&self, who: &str) -> Vec<Value> {
        let res = self
            .app
            .get_as(&self.token(who).await, "/api/v1/notifications")
            .await;
        assert_eq!(res.status(), 200);
        let page: Value = res.json().await.unwrap();
        page["items"].as_array().unwrap().clone()
    }

    /// `POST /approval-templates` as the office director, whatever the answer.
    pub async fn post_template(&self, body: &Value) -> Response {
        self.app
            .post_as(
                &self.token("wang.zhuren").await,
                "/api/v1/approval-templates",
                body,
            )
            .await
    }

    /// Creates a template as the office director; returns it.
    pub async fn template(&self, code: &str, definition: Value) -> Value {
        let body = json!({ "code": code, "name": code, "category": "测试", "definition": definition });
        let res = self.post_template(&body).await;
        let status = res.status();
        let text = res.text().await.unwrap();
        assert_eq!(status, 201, "create template {code}: {text}");
        serde_json::from_str(&text).unwrap()
    }

    pub async fn users(&self, names: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        for name in names {
            out.push(self.user_id(name).await);
        }
        out
    }

    pub async fn patch(&self, who: &str, path: &str, body: Value) -> Response {
        self.app
            .as_user(&self.token(who).await, Method::PATCH, path)
            .json(&body)
            .send()
            .await
            .unwrap()
    }
}

/// The open (pending) approvers of a request, by name.
pub fn pending_names(detail: &Value) -> Vec<String> {
    let mut names: Vec<String> = detail["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["status"] == "pending")
        .map(|t| t["assigneeName"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

/// The timeline's actions in order.
pub fn actions(detail: &Value) -> Vec<String> {
    detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect()
}

/// A leave form of `days` working days (up to 5, half days allowed) from Monday 23 November
/// 2026; the server computes the days from the period, so the period is what counts.
pub fn leave(days: f64) -> Value {
    let whole = days.ceil().clamp(1.0, 5.0) as u32;
    let mut period = json!({ "start": "2026-11-23", "end": format!("2026-11-{}", 22 + whole) });
    if days.fract() > 0.0 {
        period["endHalf"] = json!("am");
    }
    json!({ "leaveType": "事假", "period": period, "days": days, "reason": "家中有事" })
}

/// A demo 报销 form whose lines come to `yuan` in all (the total is computed from them).
pub fn claim(expense_type: &str, yuan: i64) -> Value {
    let first = yuan / 2;
    json!({
        "expenseType": expense_type,
        "lines": [
            { "item": "第一项", "date": "2026-11-20", "amount": first * 100 },
            { "item": "第二项", "amount": (yuan - first) * 100 }
        ],
        "description": "费用说明"
    })
}

/// A one-field form and the given steps.
pub fn definition(steps: Value) -> Value {
    json!({ "form": { "fields": [ { "key": "amount", "label": "金额", "kind": "money", "required": true } ] }, "steps": steps })
}

/// The fields a 422 problem names.
pub fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_object()
        .expect("field errors")
        .keys()
        .cloned()
        .collect()
}
