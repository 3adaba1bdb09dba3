//! Drafts (草稿): saved before submitting with partial values, seen only by their author, no
//! number and no notice until submitted; submitting checks everything a new request is checked for.

use reqwest::{Method, Response};
use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, fields, leave, pending_names};

async fn save_draft(school: &School, who: &str, template: &str, form: Value) -> Response {
    let template_id = school.template_id(template).await;
    let body = json!({ "templateId": template_id, "form": form });
    school
        .app
        .post_as(&school.token(who).await, "/api/v1/approval-drafts", &body)
        .await
}

async fn draft(school: &School, who: &str, template: &str, form: Value) -> Value {
    let res = save_draft(school, who, template, form).await;
    let status = res.status();
    let text = res.text().await.unwrap();
    assert_eq!(status, 201, "save draft: {text}");
    serde_json::from_str(&text).unwrap()
}

async fn on_draft(school: &School, who: &str, method: Method, draft: &Value, tail: &str) -> Response {
    let path = format!("/api/v1/approval-drafts/{}{tail}", draft["id"].as_str().unwrap());
    school
        .app
        .as_user(&school.token(who).await, method, &path)
        .send()
        .await
        .unwrap()
}

async fn my_drafts(school: &School, who: &str) -> Vec<Value> {
    let res = school
        .app
        .get_as(&school.token(who).await, "/api/v1/approval-drafts")
        .await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn submit(school: &School, who: &str, draft: &Value) -> Response {
    on_draft(school, who, Method::POST, draft, "/submit").await
}

fn seq(number: &Value) -> u64 {
    number
        .as_str()
        .unwrap()
        .rsplit('-')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn a_teacher_saves_a_leave_as_a_draft_and_submits_it_the_next_day() {
    let school = School::open_at("2026-11-19T17:00:00+08:00").await;
    let saved = draft(&school, "he.laoshi", "leave", json!({ "leaveType": "事假" })).await;
    assert_eq!(saved["version"], 1);
    assert_eq!(saved["templateName"], "请假");
    assert_eq!(saved["form"], json!({ "leaveType": "事假" }));
    assert!(saved.get("number").is_none(), "a draft has no number");
    let listed = my_drafts(&school, "he.laoshi").await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"], saved["id"]);
    assert!(school.inbox("wei.xinxi", "pending").await.is_empty());
    school.app.services.deliver_outbox(100).await.unwrap();
    assert!(school.notifications("wei.xinxi").await.is_empty());

    school.advance(chrono::Duration::days(1)).await;
    let path = format!("/api/v1/approval-drafts/{}", saved["id"].as_str().unwrap());
    let res = school
        .app
        .as_user(&school.token("he.laoshi").await, Method::PATCH, &path)
        .header("If-Match", "\"1\"")
        .json(&json!({ "form": leave(2.0) }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["etag"], "\"2\"");
    let edited: Value = res.json().await.unwrap();
    assert_eq!(edited["form"]["reason"], "家中有事");

    let res = submit(&school, "he.laoshi", &edited).await;
    assert_eq!(res.status(), 201);
    let request: Value = res.json().await.unwrap();
    assert!(request["number"].as_str().unwrap().starts_with("SP-2026-"));
    assert_eq!(request["status"], "running");
    assert_eq!(request["form"]["days"], 2.0, "computed at submission");
    assert_eq!(pending_names(&request), ["卫主任"]);
    assert!(my_drafts(&school, "he.laoshi").await.is_empty());
    let gone = on_draft(&school, "he.laoshi", Method::GET, &saved, "").await;
    assert_problem(gone, 404, "not_found").await;
    assert_eq!(school.inbox("wei.xinxi", "pending").await.len(), 1);
}

#[tokio::test]
async fn a_draft_is_invisible_to_the_department_head() {
    let school = School::open().await;
    let saved = draft(&school, "he.laoshi", "leave", leave(1.0)).await;
    for who in ["wei.xinxi", "wang.zhuren"] {
        for (method, tail) in [(Method::GET, ""), (Method::DELETE, ""), (Method::POST, "/submit")] {
            let res = on_draft(&school, who, method.clone(), &saved, tail).await;
            assert_problem(res, 404, "not_found").await;
        }
        let res = school
            .patch(
                who,
                &format!("/api/v1/approval-drafts/{}", saved["id"].as_str().unwrap()),
                json!({ "form": {}, "version": 1 }),
            )
            .await;
        assert_problem(res, 404, "not_found").await;
        assert!(my_drafts(&school, who).await.is_empty());
    }
    // The office's register and the head's lists know nothing of it.
    let register: Value = school
        .app
        .get_as(&school.token("wang.zhuren").await, "/api/v1/approvals")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(register["total"], 0);
    assert!(school.inbox("wei.xinxi", "pending").await.is_empty());
    school.app.services.deliver_outbox(100).await.unwrap();
    assert!(school.notifications("wei.xinxi").await.is_empty());
    // Untouched by all those attempts.
    let mine = on_draft(&school, "he.laoshi", Method::GET, &saved, "").await;
    assert_eq!(mine.status(), 200);
    let mine: Value = mine.json().await.unwrap();
    assert_eq!(mine["version"], 1);
}

#[tokio::test]
async fn a_draft_never_takes_a_number() {
    let school = School::open().await;
    let first = school.start("he.laoshi", "leave", leave(1.0)).await;
    let saved = draft(&school, "he.laoshi", "leave", leave(2.0)).await;
    let discarded = draft(&school, "he.laoshi", "leave", leave(3.0)).await;
    let res = on_draft(&school, "he.laoshi", Method::DELETE, &discarded, "").await;
    assert_eq!(res.status(), 204);
    let second = school.start("he.laoshi", "leave", leave(1.0)).await;
    assert_eq!(seq(&second["number"]), seq(&first["number"]) + 1);
    let res = submit(&school, "he.laoshi", &saved).await;
    assert_eq!(res.status(), 201);
    let third: Value = res.json().await.unwrap();
    assert_eq!(seq(&third["number"]), seq(&second["number"]) + 1);
}

#[tokio::test]
async fn submitting_an_incomplete_draft_names_the_missing_fields_and_keeps_the_draft() {
    let school = School::open().await;
    let saved = draft(&school, "he.laoshi", "leave", json!({ "leaveType": "病假" })).await;
    let res = submit(&school, "he.laoshi", &saved).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let mut named = fields(&problem);
    named.sort();
    assert_eq!(named, ["form.period", "form.reason"]);
    let kept = my_drafts(&school, "he.laoshi").await;
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0]["version"], 1);
    assert!(school.inbox("he.laoshi", "started").await.is_empty());
}

#[tokio::test]
async fn a_wrong_value_in_a_draft_is_refused_naming_the_field_and_nothing_is_saved() {
    let school = School::open().await;
    let res = save_draft(
        &school,
        "he.laoshi",
        "leave",
        json!({ "leaveType": "旅游", "nickname": "x" }),
    )
    .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let mut named = fields(&problem);
    named.sort();
    assert_eq!(named, ["form.leaveType", "form.nickname"]);
    assert!(my_drafts(&school, "he.laoshi").await.is_empty());
}

#[tokio::test]
async fn a_draft_edited_from_a_stale_version_is_a_409_and_changes_nothing() {
    let school = School::open().await;
    let saved = draft(&school, "he.laoshi", "leave", json!({ "leaveType": "事假" })).await;
    let path = format!("/api/v1/approval-drafts/{}", saved["id"].as_str().unwrap());
    let first = school
        .patch(
            "he.laoshi",
            &path,
            json!({ "form": { "leaveType": "病假" }, "version": 1 }),
        )
        .await;
    assert_eq!(first.status(), 200);
    let stale = school
        .patch(
            "he.laoshi",
            &path,
            json!({ "form": { "leaveType": "婚假" }, "version": 1 }),
        )
        .await;
    assert_problem(stale, 409, "version_conflict").await;
    let unversioned = school
        .patch("he.laoshi", &path, json!({ "form": { "leaveType": "婚假" } }))
        .await;
    assert_problem(unversioned, 422, "validation_failed").await;
    let now: Value = school
        .app
        .get_as(&school.token("he.laoshi").await, &path)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(now["form"]["leaveType"], "病假");
    assert_eq!(now["version"], 2);
}

#[tokio::test]
async fn a_draft_keeps_its_attachment_and_the_request_carries_it_to_the_approver() {
    let school = School::open().await;
    let boundary = "xiaobandraft";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"病假条.txt\"\r\nContent-Type: text/plain\r\n\r\n医院证明\r\n--{boundary}--\r\n"
    );
    let res = school
        .app
        .as_user(&school.token("he.laoshi").await, Method::POST, "/api/v1/files")
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let file: Value = res.json().await.unwrap();
    let mut form = leave(1.0);
    form["attachments"] = json!([file["id"]]);
    let saved = draft(&school, "he.laoshi", "leave", form).await;
    assert_eq!(saved["attachments"][0]["id"], file["id"]);
    let content = format!("/api/v1/files/{}/content", file["id"].as_str().unwrap());
    let peek = school
        .app
        .get_as(&school.token("wei.xinxi").await, &content)
        .await;
    assert_eq!(peek.status(), 404, "nobody else reads a draft's file");

    let res = submit(&school, "he.laoshi", &saved).await;
    assert_eq!(res.status(), 201);
    let request: Value = res.json().await.unwrap();
    assert_eq!(request["attachments"][0]["id"], file["id"]);
    let read = school
        .app
        .get_as(&school.token("wei.xinxi").await, &content)
        .await;
    assert_eq!(read.status(), 200, "the approver reads the request's file");
}

#[tokio::test]
async fn someone_else_s_upload_cannot_be_put_in_a_draft() {
    let school = School::open().await;
    let boundary = "xiaobandraft";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"别人的.txt\"\r\nContent-Type: text/plain\r\n\r\nx\r\n--{boundary}--\r\n"
    );
    let res = school
        .app
        .as_user(&school.token("lv.laoshi").await, Method::POST, "/api/v1/files")
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    let file: Value = res.json().await.unwrap();
    let res = save_draft(
        &school,
        "he.laoshi",
        "leave",
        json!({ "attachments": [file["id"]] }),
    )
    .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["form.attachments[0]"]);
    assert!(my_drafts(&school, "he.laoshi").await.is_empty());
}

#[tokio::test]
async fn a_student_cannot_save_a_draft_of_a_staff_only_template() {
    let school = School::open().await;
    let res = save_draft(&school, "cao.tongxue", "leave", json!({})).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["templateId"]);
}
