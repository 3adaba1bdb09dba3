//! Requests for the approvals operations. The student is the approver of the `matrix` flow and
//! the applicant of `matrix-own` (decided by the administrator), so each signed-in operation has
//! a fresh request the student may act on.

use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;
use xiaoban_tests::TestApp;

use super::Fixture;
use super::requests::{Body, Request};

/// Templates and people the approvals requests use.
pub struct ApprovalFixture {
    /// Step 0 the student, step 1 the administrator; started by a staff member.
    pub flow: String,
    /// One step, the administrator; started by the student.
    pub own: String,
    pub staff: String,
    pub director: String,
    pub admin_id: String,
}

async fn id_of(app: &TestApp, token: &str) -> String {
    let me: Value = app.get_as(token, "/api/v1/me").await.json().await.unwrap();
    me["id"].as_str().unwrap().to_owned()
}

async fn template(app: &TestApp, admin: &str, code: &str, steps: Value) -> String {
    let body = json!({ "code": code, "name": code, "category": "矩阵", "definition": {
        "form": { "fields": [ { "key": "note", "label": "说明", "kind": "text" } ] }, "steps": steps } });
    let res = app.post_as(admin, "/api/v1/approval-templates", &body).await;
    assert_eq!(res.status(), 201, "fixture template {code}");
    let json: Value = res.json().await.unwrap();
    json["id"].as_str().unwrap().to_owned()
}

impl ApprovalFixture {
    pub async fn new(app: &TestApp, admin: &str, student: &str) -> Self {
        let student_id = id_of(app, student).await;
        let admin_id = id_of(app, admin).await;
        let flow = template(
            app,
            admin,
            "matrix",
            json!([
                { "name": "学生审批", "rule": { "type": "users", "userIds": [student_id] } },
                { "name": "管理员审批", "rule": { "type": "users", "userIds": [admin_id] } }
            ]),
        )
        .await;
        let own = template(
            app,
            admin,
            "matrix-own",
            json!([
                { "name": "管理员审批", "rule": { "type": "users", "userIds": [admin_id] } }
            ]),
        )
        .await;
        let (_, staff) = app.user_with_role("staff").await;
        let (_, director) = app.user_with_role("office_director").await;
        Self {
            flow,
            own,
            staff,
            director,
            admin_id,
        }
    }
}

async fn start(app: &TestApp, token: &str, template: &str) -> String {
    let res = app
        .post_as(
            token,
            "/api/v1/approvals",
            &json!({ "templateId": template, "form": {} }),
        )
        .await;
    assert_eq!(res.status(), 201, "fixture request");
    let json: Value = res.json().await.unwrap();
    json["id"].as_str().unwrap().to_owned()
}

/// A draft of the student's own template, saved by the student.
async fn draft(app: &TestApp, token: &str, template: &str) -> String {
    let res = app
        .post_as(
            token,
            "/api/v1/approval-drafts",
            &json!({ "templateId": template, "form": { "note": "草稿" } }),
        )
        .await;
    assert_eq!(res.status(), 201, "fixture draft");
    let json: Value = res.json().await.unwrap();
    json["id"].as_str().unwrap().to_owned()
}

fn on_draft(method: Method, id: &str, tail: &str, body: Body) -> Request {
    Request {
        caller: None,
        method,
        path: format!("/api/v1/approval-drafts/{id}{tail}"),
        body,
    }
}

fn action(id: &str, name: &str, body: Value) -> Request {
    Request {
        caller: None,
        method: Method::POST,
        path: format!("/api/v1/approvals/{id}/{name}"),
        body: Body::Json(body),
    }
}

fn batch(id: &str, decision: &str, comment: Option<&str>) -> Request {
    Request {
        caller: None,
        method: Method::POST,
        path: format!("/api/v1/approvals/batch/{decision}"),
        body: Body::Json(json!({ "items": [{ "id": id }], "comment": comment })),
    }
}

fn get(path: impl Into<String>) -> Request {
    Request {
        caller: None,
        method: Method::GET,
        path: path.into(),
        body: Body::None,
    }
}

fn unique(prefix: &str) -> String {
    format!("{prefix}{}", &Uuid::now_v7().simple().to_string()[20..])
}

pub async fn build(app: &TestApp, fx: &Fixture, op_id: &str) -> Option<Request> {
    let ax = &fx.approvals;
    let to_student = || start(app, &ax.staff, &ax.flow);
    let by_student = || start(app, &fx.student, &ax.own);
    Some(match op_id {
        "list_approval_templates" => get("/api/v1/approval-templates"),
        "get_approval_template" => get(format!("/api/v1/approval-templates/{}", ax.flow)),
        "get_approval_template_stats" => get(format!("/api/v1/approval-templates/{}/stats", ax.flow)),
        "create_approval_template" => Request {
            caller: None,
            method: Method::POST,
            path: "/api/v1/approval-templates".to_owned(),
            body: Body::Json(
                json!({ "code": unique("m-"), "name": "新模板", "category": "矩阵", "definition": {
                "form": { "fields": [] }, "steps": [ { "name": "审批", "rule": { "type": "users", "userIds": [ax.admin_id] } } ] } }),
            ),
        },
        "patch_approval_template" => {
            let id = template(
                app,
                &fx.admin,
                &unique("p-"),
                json!([{ "name": "审批", "rule": { "type": "users", "userIds": [ax.admin_id] } }]),
            )
            .await;
            Request {
                caller: None,
                method: Method::PATCH,
                path: format!("/api/v1/approval-templates/{id}"),
                body: Body::Json(json!({ "name": "已改", "version": 1 })),
            }
        }
        "start_approval" => Request {
            caller: None,
            method: Method::POST,
            path: "/api/v1/approvals".to_owned(),
            body: Body::Json(json!({ "templateId": ax.own, "form": { "note": "矩阵" } })),
        },
        "get_approval" => get(format!("/api/v1/approvals/{}", by_student().await)),
        "get_approval_timeline" => get(format!("/api/v1/approvals/{}/timeline", by_student().await)),
        "list_approval_tasks" => get("/api/v1/approval-tasks?box=pending"),
        "get_approval_counts" => get("/api/v1/approval-tasks/counts"),
        "list_approvals" => get("/api/v1/approvals"),
        "export_approvals" => get("/api/v1/approvals/export.xlsx"),
        "approve_approval" => action(&to_student().await, "approve", json!({})),
        "reject_approval" => action(&to_student().await, "reject", json!({ "comment": "不同意" })),
        "batch_approve_approvals" => batch(&to_student().await, "approve", None),
        "batch_reject_approvals" => batch(&to_student().await, "reject", Some("不同意")),
        "return_approval" => action(&to_student().await, "return", json!({ "comment": "请补充" })),
        "transfer_approval" => action(&to_student().await, "transfer", json!({ "userId": ax.admin_id })),
        "add_approval_signer" => action(
            &to_student().await,
            "add-signer",
            json!({ "userId": ax.admin_id }),
        ),
        "remove_approval_signer" => {
            // The student adds the administrator before themselves, then takes them off again.
            let id = to_student().await;
            let res = app
                .post_as(
                    &fx.student,
                    &format!("/api/v1/approvals/{id}/add-signer"),
                    &json!({ "userId": ax.admin_id }),
                )
                .await;
            assert_eq!(res.status(), 200, "fixture add-signer");
            let detail: Value = res.json().await.unwrap();
            let task = detail["tasks"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["origin"] == "add_before")
                .expect("the added signer's task")["id"]
                .clone();
            action(
                &id,
                "remove-signer",
                json!({ "taskId": task, "reason": "不需要" }),
            )
        }
        "comment_approval" => action(&to_student().await, "comment", json!({ "comment": "已阅" })),
        "recall_approval" => {
            let id = to_student().await;
            let res = app
                .post_as(
                    &fx.student,
                    &format!("/api/v1/approvals/{id}/approve"),
                    &json!({}),
                )
                .await;
            assert_eq!(res.status(), 200, "fixture approval");
            action(&id, "recall", json!({}))
        }
        "urge_approval" => action(&by_student().await, "urge", json!({})),
        "withdraw_approval" => action(&by_student().await, "withdraw", json!({})),
        "resubmit_approval" => {
            let id = by_student().await;
            let res = app
                .post_as(
                    &fx.admin,
                    &format!("/api/v1/approvals/{id}/return"),
                    &json!({ "comment": "重填" }),
                )
                .await;
            assert_eq!(res.status(), 200, "fixture return");
            action(&id, "resubmit", json!({}))
        }
        "cancel_approval" => action(&by_student().await, "cancel", json!({ "comment": "重复" })),
        "reassign_approval_task" => {
            let id = by_student().await;
            let detail: Value = app
                .get_as(&fx.admin, &format!("/api/v1/approvals/{id}"))
                .await
                .json()
                .await
                .unwrap();
            let task = detail["tasks"][0]["id"].clone();
            let to = id_of(app, &ax.staff).await;
            action(
                &id,
                "reassign",
                json!({ "taskId": task, "toUserId": to, "reason": "管理员休假" }),
            )
        }
        "list_directory_people" => get("/api/v1/directory/people?q=%E7%9F%A9"),
        "list_directory_departments" => get("/api/v1/directory/departments"),
        "list_directory_roles" => get("/api/v1/directory/roles"),
        "list_approval_drafts" => get("/api/v1/approval-drafts"),
        "create_approval_draft" => Request {
            caller: None,
            method: Method::POST,
            path: "/api/v1/approval-drafts".to_owned(),
            body: Body::Json(json!({ "templateId": ax.own, "form": {} })),
        },
        "get_approval_draft" => get(format!(
            "/api/v1/approval-drafts/{}",
            draft(app, &fx.student, &ax.own).await
        )),
        "patch_approval_draft" => on_draft(
            Method::PATCH,
            &draft(app, &fx.student, &ax.own).await,
            "",
            Body::Json(json!({ "form": { "note": "改过" }, "version": 1 })),
        ),
        "delete_approval_draft" => on_draft(
            Method::DELETE,
            &draft(app, &fx.student, &ax.own).await,
            "",
            Body::None,
        ),
        "submit_approval_draft" => on_draft(
            Method::POST,
            &draft(app, &fx.student, &ax.own).await,
            "/submit",
            Body::None,
        ),
        "list_delegations" => get("/api/v1/approval-delegations"),
        "create_delegation" => Request {
            caller: None,
            method: Method::POST,
            path: "/api/v1/approval-delegations".to_owned(),
            body: Body::Json(
                json!({ "delegateId": ax.admin_id, "startsAt": "2099-01-01T00:00:00Z", "endsAt": "2099-01-02T00:00:00Z" }),
            ),
        },
        "revoke_delegation" => {
            let body = json!({ "delegateId": ax.admin_id, "startsAt": "2099-01-01T00:00:00Z", "endsAt": "2099-01-02T00:00:00Z" });
            let res = app
                .post_as(&fx.student, "/api/v1/approval-delegations", &body)
                .await;
            assert_eq!(res.status(), 200, "fixture delegation");
            let json: Value = res.json().await.unwrap();
            Request {
                caller: None,
                method: Method::POST,
                path: format!(
                    "/api/v1/approval-delegations/{}/revoke",
                    json["id"].as_str().unwrap()
                ),
                body: Body::None,
            }
        }
        _ => return None,
    })
}
