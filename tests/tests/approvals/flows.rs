//! The everyday path: a teacher's leave goes to the department head, then (over three days) to
//! the leader in charge; the inbox lists follow.

use serde_json::json;
use xiaoban_tests::assert_problem;

use super::support::{School, actions, leave, pending_names};

#[tokio::test]
async fn five_days_of_leave_go_to_the_head_then_the_leader_in_charge() {
    let school = School::open().await;
    let request = school.start("he.laoshi", "leave", leave(5.0)).await;
    let id = &request["id"];
    assert_eq!(request["status"], "running");
    assert!(
        request["number"].as_str().unwrap().starts_with("SP-"),
        "{}",
        request["number"]
    );
    assert_eq!(request["title"], "请假（何老师）");
    assert_eq!(request["currentStepName"], "部门负责人审批");
    assert_eq!(pending_names(&request), ["卫主任"]);
    assert!(
        request["actions"]
            .as_array()
            .unwrap()
            .contains(&json!("withdraw"))
    );

    let pending = school.inbox("wei.xinxi", "pending").await;
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0]["instanceId"], *id);
    assert_eq!(pending[0]["applicantName"], "何老师");
    assert!(pending[0]["dueAt"].is_string(), "16 working hours deadline");

    let after_head = school
        .ok("wei.xinxi", id, "approve", json!({ "comment": "同意" }))
        .await;
    assert_eq!(after_head["currentStepName"], "分管校领导审批");
    assert_eq!(pending_names(&after_head), ["陈副校长"]);
    assert!(school.inbox("wei.xinxi", "pending").await.is_empty());
    assert_eq!(school.inbox("wei.xinxi", "done").await.len(), 1);

    let done = school.ok("chen.fuxiaozhang", id, "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
    assert!(done["finishedAt"].is_string());
    assert_eq!(done["currentStep"], serde_json::Value::Null);
    let seen = school.detail("he.laoshi", id).await;
    assert_eq!(seen["status"], "approved");
    let steps: Vec<&str> = seen["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["passed", "passed"]);
    assert_eq!(
        actions(&seen),
        [
            "submit",
            "step_entered",
            "approve",
            "step_passed",
            "step_entered",
            "approve",
            "step_passed",
            "finished"
        ]
    );
    let started = school.inbox("he.laoshi", "started").await;
    assert_eq!(started[0]["instanceStatus"], "approved");

    school.app.services.deliver_outbox(100).await.unwrap();
    let head = school.notifications("wei.xinxi").await;
    assert_eq!(head.len(), 1);
    assert_eq!(head[0]["kind"], "task_assigned");
    assert_eq!(head[0]["title"], "待审批：请假（何老师）");
    assert_eq!(head[0]["link"], format!("/approvals/{}", id.as_str().unwrap()));
    let mine = school.notifications("he.laoshi").await;
    assert_eq!(mine.len(), 1, "one decision notice: {mine:?}");
    assert_eq!(mine[0]["kind"], "decision");
    assert_eq!(mine[0]["title"], "请假（何老师）已通过");
}

#[tokio::test]
async fn two_days_of_leave_skip_the_leader_in_charge_by_condition() {
    let school = School::open().await;
    let request = school.start("he.laoshi", "leave", leave(2.0)).await;
    let done = school.ok("wei.xinxi", &request["id"], "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
    let skipped = &done["steps"][1];
    assert_eq!(skipped["status"], "skipped");
    assert!(school.inbox("chen.fuxiaozhang", "pending").await.is_empty());
}

#[tokio::test]
async fn a_bad_form_is_422_per_field_and_starts_nothing() {
    let school = School::open().await;
    let res = school
        .try_start(
            "he.laoshi",
            "leave",
            json!({ "leaveType": "出差", "days": 500, "unknown": 1 }),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let fields = super::support::fields(&problem);
    // The days are computed from the period, so a typed 500 is no field error of its own.
    assert!(!fields.contains(&"form.days".to_owned()), "{fields:?}");
    for field in ["form.leaveType", "form.period", "form.reason", "form.unknown"] {
        assert!(fields.contains(&field.to_owned()), "{field} in {fields:?}");
    }
    assert!(school.inbox("he.laoshi", "started").await.is_empty());
    assert!(school.inbox("wei.xinxi", "pending").await.is_empty());
}

#[tokio::test]
async fn outsiders_get_404_and_the_office_director_oversees() {
    let school = School::open().await;
    let request = school.start("he.laoshi", "leave", leave(1.0)).await;
    let id = &request["id"];
    assert_problem(school.get("lv.laoshi", id).await, 404, "not_found").await;
    assert_problem(
        school.act("lv.laoshi", id, "approve", json!({})).await,
        404,
        "not_found",
    )
    .await;
    let overseen = school.detail("wang.zhuren", id).await;
    assert!(overseen["actions"].as_array().unwrap().contains(&json!("cancel")));
    assert!(
        !overseen["actions"]
            .as_array()
            .unwrap()
            .contains(&json!("approve"))
    );
    assert_problem(school.get("shenji", id).await, 403, "forbidden").await;
}

#[tokio::test]
async fn counts_follow_the_lists() {
    let school = School::open().await;
    school.start("he.laoshi", "leave", leave(1.0)).await;
    school.start("lv.laoshi", "leave", leave(1.0)).await;
    let res = school
        .app
        .get_as(&school.token("wei.xinxi").await, "/api/v1/approval-tasks/counts")
        .await;
    let counts: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        counts,
        json!({ "pending": 2, "done": 0, "started": 0, "ccUnread": 0 })
    );
    let res = school
        .app
        .get_as(
            &school.token("wei.xinxi").await,
            "/api/v1/approval-tasks?box=pending&q=吕老师",
        )
        .await;
    let page: serde_json::Value = res.json().await.unwrap();
    assert_eq!(page["total"], 1);
    assert_eq!(page["items"][0]["applicantName"], "吕老师");
}

#[tokio::test]
async fn repeating_an_approval_with_the_same_key_changes_nothing() {
    let school = School::open().await;
    let request = school.start("he.laoshi", "leave", leave(5.0)).await;
    let path = format!("/api/v1/approvals/{}/approve", request["id"].as_str().unwrap());
    let token = school.token("wei.xinxi").await;
    let send = || {
        school
            .app
            .as_user(&token, reqwest::Method::POST, &path)
            .header("Idempotency-Key", "approve-once")
            .json(&json!({ "comment": "同意" }))
            .send()
    };
    let first = send().await.unwrap();
    assert_eq!(first.status(), 200);
    let first: serde_json::Value = first.json().await.unwrap();
    let again = send().await.unwrap();
    assert_eq!(again.status(), 200);
    assert_eq!(again.headers().get("Idempotent-Replayed").unwrap(), "true");
    let again: serde_json::Value = again.json().await.unwrap();
    assert_eq!(again["version"], first["version"]);
    let now = school.detail("he.laoshi", &request["id"]).await;
    assert_eq!(actions(&now).iter().filter(|a| *a == "approve").count(), 1);
    assert_eq!(now["version"], first["version"]);
}
