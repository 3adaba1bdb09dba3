//! The demo school over HTTP: accounts, the requests a drill makes, and full listings.

use reqwest::Method;
use serde_json::{Value, json};
use xiaoban_services::demo::DEMO_PASSWORD;

use crate::support::Scratch;

/// A status and the JSON body (`null` when the body is not JSON).
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
}

impl Answer {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    pub fn id(&self) -> String {
        self.body["id"]
            .as_str()
            .unwrap_or_else(|| panic!("no id in {}", self.body))
            .to_owned()
    }
}

#[derive(Clone)]
pub struct Api {
    client: reqwest::Client,
    base: String,
}

impl Api {
    pub fn new(base: &str) -> Self {
        Self {
            client: reqwest::Client::new(),
            base: base.to_owned(),
        }
    }

    /// One request; `Err` only when no answer came (the server is gone).
    pub async fn send(
        &self,
        token: &str,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Answer, reqwest::Error> {
        let mut request = self.client.request(method, format!("{}{path}", self.base));
        if !token.is_empty() {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await?;
        let status = response.status().as_u16();
        let text = response.text().await?;
        Ok(Answer {
            status,
            body: serde_json::from_str(&text).unwrap_or(Value::Null),
        })
    }

    pub async fn get(&self, token: &str, path: &str) -> Answer {
        self.send(token, Method::GET, path, None).await.unwrap()
    }

    pub async fn post(&self, token: &str, path: &str, body: &Value) -> Answer {
        self.send(token, Method::POST, path, Some(body)).await.unwrap()
    }

    pub async fn sign_in(&self, username: &str, password: &str) -> String {
        let answer = self
            .post(
                "",
                "/api/v1/auth/login",
                &json!({ "username": username, "password": password }),
            )
            .await;
        assert_eq!(answer.status, 200, "sign-in of {username}: {}", answer.body);
        answer.body["accessToken"].as_str().unwrap().to_owned()
    }

    /// Uploads `bytes` as a text file.
    pub async fn upload(&self, token: &str, name: &str, text: &str) -> Result<Answer, reqwest::Error> {
        let boundary = "xiaobandrill";
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/plain\r\n\r\n{text}\r\n--{boundary}--\r\n"
        );
        let response = self
            .client
            .post(format!("{}/api/v1/files", self.base))
            .bearer_auth(token)
            .header(
                "Content-Type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await?;
        let status = response.status().as_u16();
        let body = response.json().await.unwrap_or(Value::Null);
        Ok(Answer { status, body })
    }

    pub async fn download(&self, token: &str, file_id: &str) -> Vec<u8> {
        let response = self
            .client
            .get(format!("{}/api/v1/files/{file_id}/content", self.base))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "download of {file_id}");
        response.bytes().await.unwrap().to_vec()
    }

    /// Every item of a paged list, page by page.
    pub async fn all_pages(&self, token: &str, path: &str) -> Vec<Value> {
        let join = if path.contains('?') { '&' } else { '?' };
        let mut items = Vec::new();
        for page in 1.. {
            let answer = self
                .get(token, &format!("{path}{join}page={page}&pageSize=100"))
                .await;
            assert_eq!(answer.status, 200, "{path}: {}", answer.body);
            let batch = answer.body["items"].as_array().unwrap().clone();
            let total = answer.body["total"].as_u64().unwrap();
            items.extend(batch);
            if items.len() as u64 >= total {
                break;
            }
        }
        items
    }

    /// The audit events of one action, as the auditor sees them.
    pub async fn audit(&self, auditor: &str, action: &str) -> Vec<Value> {
        self.all_pages(auditor, &format!("/api/v1/audit-events?action={action}"))
            .await
    }

    /// `GET /audit-events/verify` must report an intact chain; returns the events checked.
    pub async fn assert_chain_intact(&self, auditor: &str) -> u64 {
        let report = self.get(auditor, "/api/v1/audit-events/verify").await;
        assert_eq!(report.status, 200);
        assert_eq!(report.body["ok"], true, "audit chain broken: {}", report.body);
        report.body["checked"].as_u64().unwrap()
    }
}

/// Signed-in accounts of the demo school, plus a system administrator made on the server.
#[derive(Clone)]
pub struct Accounts {
    pub admin: String,
    pub teacher: String,
    pub head: String,
    pub auditor: String,
}

const ADMIN_INITIAL: &str = "Kq7#vR2m!Tz9pL";
const ADMIN_PASSWORD: &str = "Wm4$hN8x@Lc3sB";

impl Accounts {
    /// Creates the drill's administrator with the CLI (once per database) and signs everyone in.
    pub async fn sign_in(scratch: &Scratch, api: &Api) -> Self {
        let out = scratch.run(
            &[
                "admin",
                "create-user",
                "--username",
                "yanlian",
                "--name",
                "演练管理员",
                "--role",
                "sysadmin",
                "--password-stdin",
            ],
            &format!("{ADMIN_INITIAL}\n"),
        );
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let first = api.sign_in("yanlian", ADMIN_INITIAL).await;
        let changed = api
            .post(
                &first,
                "/api/v1/me/password",
                &json!({ "oldPassword": ADMIN_INITIAL, "newPassword": ADMIN_PASSWORD }),
            )
            .await;
        assert_eq!(changed.status, 200, "{}", changed.body);
        Self::again(api, changed.body["accessToken"].as_str().unwrap()).await
    }

    /// Signs in again (after a restart or on a restored copy) with the passwords set before.
    pub async fn sign_in_again(api: &Api) -> Self {
        let admin = api.sign_in("yanlian", ADMIN_PASSWORD).await;
        Self::again(api, &admin).await
    }

    async fn again(api: &Api, admin: &str) -> Self {
        Self {
            admin: admin.to_owned(),
            teacher: api.sign_in("he.laoshi", DEMO_PASSWORD).await,
            head: api.sign_in("wei.xinxi", DEMO_PASSWORD).await,
            auditor: api.sign_in("shenji", DEMO_PASSWORD).await,
        }
    }
}

/// The id of the built-in leave template (请假), as the teacher may start it.
pub async fn leave_template(api: &Api, teacher: &str) -> String {
    let answer = api.get(teacher, "/api/v1/approval-templates").await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let list = answer.body.as_array().unwrap();
    list.iter()
        .find(|t| t["code"] == "leave")
        .expect("the leave template")["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A leave request's body; `reason` makes it recognisable.
pub fn leave(template_id: &str, reason: &str, attachments: &[String]) -> Value {
    let mut form = json!({
        "leaveType": "事假",
        "period": { "start": "2026-11-23", "end": "2026-11-24" },
        "days": 1.0,
        "reason": reason,
    });
    if !attachments.is_empty() {
        form["attachments"] = json!(attachments);
    }
    json!({ "templateId": template_id, "form": form })
}
