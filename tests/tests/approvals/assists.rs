//! Transfer, added signers, comments, urging, cancelling, delegation and fallback (the applicant's own steps: `own_requests`).

use serde_json::json;
use xiaoban_tests::assert_problem;

use super::support::{School, actions, definition, leave, pending_names};

#[tokio::test]
async fn a_transfer_hands_the_task_over() {
    let school = School::open().await;
    let request = school.start("he.laoshi", "leave", leave(1.0)).await;
    let id = &request["id"];
    let to = school.user_id("lv.laoshi").await;
    let me = school.user_id("wei.xinxi").await;
    let to_self = school
        .act("wei.xinxi", id, "transfer", json!({ "userId": me }))
        .await;
    assert_problem(to_self, 422, "validation_failed").await;
    let moved = school
        .ok(
            "wei.xinxi",
            id,
            "transfer",
            json!({ "userId": to, "comment": "请吕老师代为审核" }),
        )
        .await;
    assert_eq!(pending_names(&moved), ["吕老师"]);
    assert_problem(
        school.act("wei.xinxi", id, "approve", json!({})).await,
        409,
        "conflict",
    )
    .await;
    let done = school.ok("lv.laoshi", id, "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
}

#[tokio::test]
async fn a_signer_added_before_me_decides_first_and_one_after_me_must_approve_too() {
    let school = School::open().await;
    let request = school.start("he.laoshi", "leave", leave(1.0)).await;
    let id = &request["id"];
    let lv = school.user_id("lv.laoshi").await;
    let waiting = school
        .ok(
            "wei.xinxi",
            id,
            "add-signer",
            json!({ "userId": lv, "position": "before" }),
        )
        .await;
    assert_eq!(pending_names(&waiting), ["吕老师"]);
    let early = school.act("wei.xinxi", id, "approve", json!({})).await;
    assert_problem(early, 409, "conflict").await;
    let back = school
        .ok("lv.laoshi", id, "approve", json!({ "comment": "无异议" }))
        .await;
    assert_eq!(back["status"], "running");
    assert_eq!(pending_names(&back), ["卫主任"]);
    let done = school.ok("wei.xinxi", id, "approve", json!({})).await;
    assert_eq!(done["status"], "approved");

    let second = school.start("he.laoshi", "leave", leave(1.0)).await;
    let held = school
        .ok(
            "wei.xinxi",
            &second["id"],
            "add-signer",
            json!({ "userId": lv, "position": "after" }),
        )
        .await;
    assert_eq!(held["status"], "running", "the added signer holds the step");
    assert_eq!(pending_names(&held), ["吕老师"]);
    let refused = school
        .ok(
            "lv.laoshi",
            &second["id"],
            "reject",
            json!({ "comment": "时间冲突" }),
        )
        .await;
    assert_eq!(refused["status"], "rejected");
}

#[tokio::test]
async fn comments_and_urges_reach_the_timeline_and_urging_is_rate_limited() {
    let school = School::open_at("2026-11-23T02:00:00Z").await;
    let request = school.start("he.laoshi", "leave", leave(1.0)).await;
    let id = &request["id"];
    school
        .ok(
            "wei.xinxi",
            id,
            "comment",
            json!({ "comment": "请附上课程调换安排" }),
        )
        .await;
    assert_problem(
        school.act("wei.xinxi", id, "comment", json!({})).await,
        422,
        "validation_failed",
    )
    .await;
    school.ok("he.laoshi", id, "urge", json!({})).await;
    let again = school.act("he.laoshi", id, "urge", json!({})).await;
    assert!(again.headers().get("Retry-After").is_some());
    assert_problem(again, 429, "rate_limited").await;
    assert_problem(
        school.act("wei.xinxi", id, "urge", json!({})).await,
        409,
        "conflict",
    )
    .await;
    school.advance(chrono::Duration::minutes(31)).await;
    let later = school.ok("he.laoshi", id, "urge", json!({})).await;
    let timeline = actions(&later);
    assert_eq!(timeline.iter().filter(|a| *a == "urge").count(), 2);
    assert!(timeline.contains(&"comment".to_owned()));
}

#[tokio::test]
async fn only_an_approvals_admin_cancels_and_needs_a_reason() {
    let school = School::open().await;
    let request = school.start("he.laoshi", "leave", leave(1.0)).await;
    let id = &request["id"];
    assert_problem(
        school
            .act("wei.xinxi", id, "cancel", json!({ "comment": "x" }))
            .await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        school.act("wang.zhuren", id, "cancel", json!({})).await,
        422,
        "validation_failed",
    )
    .await;
    let cancelled = school
        .ok("wang.zhuren", id, "cancel", json!({ "comment": "重复提交" }))
        .await;
    assert_eq!(cancelled["status"], "cancelled");
    let refused = assert_problem(
        school
            .act("wang.zhuren", id, "cancel", json!({ "comment": "again" }))
            .await,
        409,
        "invalid_transition",
    )
    .await;
    assert_eq!(
        (&refused["state"], &refused["action"]),
        (&json!("cancelled"), &json!("cancel"))
    );
}

#[tokio::test]
async fn an_empty_rule_falls_back_and_never_leaves_a_request_stuck() {
    let school = School::open().await;
    let school_dept = school.department_id("school").await;
    school
        .template(
            "headless",
            definition(
                json!([{ "name": "学校负责人", "rule": { "type": "head_of", "departmentId": school_dept } }]),
            ),
        )
        .await;
    let request = school
        .start("he.laoshi", "headless", json!({ "amount": 1 }))
        .await;
    assert_eq!(
        pending_names(&request),
        ["王主任"],
        "the office director stands in"
    );
    assert!(actions(&request).contains(&"fallback".to_owned()));

    let archivist = school.user_id("sun.dangan").await;
    let mut with_fallback =
        definition(json!([{ "name": "上两级", "rule": { "type": "levels_up", "levels": 3 } }]));
    with_fallback["options"] = json!({ "fallback": { "type": "users", "userIds": [archivist] } });
    school.template("fallback", with_fallback).await;
    let other = school
        .start("he.laoshi", "fallback", json!({ "amount": 1 }))
        .await;
    assert_eq!(pending_names(&other), ["孙档案"]);
}

#[tokio::test]
async fn while_away_my_tasks_go_to_my_delegate() {
    let school = School::open_at("2026-11-23T02:00:00Z").await;
    let delegate = school.user_id("lv.laoshi").await;
    let body = json!({ "delegateId": delegate, "startsAt": "2026-11-23T00:00:00Z", "endsAt": "2026-11-30T00:00:00Z", "reason": "外出培训" });
    let res = school
        .app
        .post_as(
            &school.token("wei.xinxi").await,
            "/api/v1/approval-delegations",
            &body,
        )
        .await;
    assert_eq!(res.status(), 200);
    let delegation: serde_json::Value = res.json().await.unwrap();
    assert_eq!(delegation["active"], true);
    let request = school.start("he.laoshi", "leave", leave(1.0)).await;
    assert_eq!(pending_names(&request), ["吕老师"]);
    assert!(actions(&request).contains(&"delegated".to_owned()));
    let path = format!(
        "/api/v1/approval-delegations/{}/revoke",
        delegation["id"].as_str().unwrap()
    );
    let res = school
        .app
        .post_as(&school.token("wei.xinxi").await, &path, &json!({}))
        .await;
    assert_eq!(res.status(), 200);
    let next = school.start("lv.laoshi", "leave", leave(1.0)).await;
    assert_eq!(pending_names(&next), ["卫主任"]);
    let foreign = school
        .app
        .post_as(&school.token("he.laoshi").await, &path, &json!({}))
        .await;
    assert_problem(foreign, 404, "not_found").await;
}

#[tokio::test]
async fn a_passed_step_copies_its_cc_list_and_opening_the_copy_reads_it() {
    let school = School::open().await;
    let [clerk, archivist]: [String; 2] = school
        .users(&["li.wenshu", "sun.dangan"])
        .await
        .try_into()
        .unwrap();
    let step = json!({ "name": "办理", "rule": { "type": "users", "userIds": [clerk] }, "cc": [{ "type": "users", "userIds": [archivist] }] });
    school.template("copied", definition(json!([step]))).await;
    let request = school.start("he.laoshi", "copied", json!({ "amount": 1 })).await;
    assert!(
        school.inbox("sun.dangan", "cc").await.is_empty(),
        "copied when the step passes"
    );
    school.ok("li.wenshu", &request["id"], "approve", json!({})).await;
    let copies = school.inbox("sun.dangan", "cc").await;
    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0]["taskStatus"], "unread");
    assert_eq!(cc_unread(&school).await, 1);
    let seen = school.detail("sun.dangan", &request["id"]).await;
    let mine = seen["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "cc")
        .unwrap();
    assert_eq!(mine["status"], "read");
    assert_eq!(cc_unread(&school).await, 0);
}

#[tokio::test]
async fn a_disabled_approver_is_replaced_by_the_fallback() {
    let school = School::open().await;
    let [clerk]: [String; 1] = school.users(&["li.wenshu"]).await.try_into().unwrap();
    school
        .template(
            "disabled",
            definition(json!([{ "name": "办理", "rule": { "type": "users", "userIds": [clerk] } }])),
        )
        .await;
    let res = school
        .app
        .post_as(
            &school.admin().await,
            &format!("/api/v1/users/{clerk}/disable"),
            &json!({}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let request = school
        .start("he.laoshi", "disabled", json!({ "amount": 1 }))
        .await;
    assert_eq!(pending_names(&request), ["王主任"]);
}

async fn cc_unread(school: &School) -> serde_json::Value {
    let token = school.token("sun.dangan").await;
    let res = school.app.get_as(&token, "/api/v1/approval-tasks/counts").await;
    res.json::<serde_json::Value>().await.unwrap()["ccUnread"].clone()
}
