//! Templates: built-ins, versioning, starters and statistics.

use serde_json::json;
use xiaoban_tests::assert_problem;

use super::support::{School, leave};

#[tokio::test]
async fn the_demo_has_the_five_built_in_templates_of_at_most_three_steps() {
    let school = School::open().await;
    let res = school
        .app
        .get_as(&school.token("he.laoshi").await, "/api/v1/approval-templates")
        .await;
    let list: Vec<serde_json::Value> = res.json().await.unwrap();
    let mut codes: Vec<&str> = list.iter().map(|t| t["code"].as_str().unwrap()).collect();
    codes.sort_unstable();
    assert_eq!(
        codes,
        [
            "certificate",
            "leave",
            "reimbursement",
            "room-booking",
            "supplies"
        ]
    );
    assert!(
        list.iter()
            .all(|t| t["definition"]["steps"].as_array().unwrap().len() <= 3)
    );
    let res = school
        .app
        .get_as(
            &school.token("he.laoshi").await,
            "/api/v1/approval-templates?manage=true",
        )
        .await;
    assert_problem(res, 403, "forbidden").await;
}

#[tokio::test]
async fn a_new_version_applies_to_new_requests_and_running_ones_keep_theirs() {
    let school = School::open().await;
    let id = school.template_id("certificate").await;
    let path = format!("/api/v1/approval-templates/{id}");
    let before = school
        .start(
            "he.laoshi",
            "certificate",
            json!({ "certificateType": "在职证明", "purpose": "办理签证", "copies": 1 }),
        )
        .await;
    assert_eq!(before["templateVersion"], 1);

    let res = school.app.get_as(&school.token("wang.zhuren").await, &path).await;
    let template: serde_json::Value = res.json().await.unwrap();
    let mut definition = template["definition"].clone();
    let archivist = school.user_id("sun.dangan").await;
    definition["steps"][0]["rule"] = json!({ "type": "users", "userIds": [archivist] });
    let stale = school
        .patch(
            "wang.zhuren",
            &path,
            json!({ "definition": definition, "version": 99 }),
        )
        .await;
    assert_problem(stale, 409, "version_conflict").await;
    let res = school
        .patch(
            "wang.zhuren",
            &path,
            json!({ "definition": definition, "version": template["version"] }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let updated: serde_json::Value = res.json().await.unwrap();
    assert_eq!(updated["currentVersion"], 2);

    let after = school
        .start(
            "he.laoshi",
            "certificate",
            json!({ "certificateType": "在职证明", "purpose": "办理签证", "copies": 1 }),
        )
        .await;
    assert_eq!(after["templateVersion"], 2);
    assert_eq!(super::support::pending_names(&after), ["孙档案"]);
    let old = school.detail("he.laoshi", &before["id"]).await;
    assert_eq!(
        super::support::pending_names(&old),
        ["李文书", "赵专员"],
        "version 1's rule still applies"
    );
    school.ok("li.wenshu", &before["id"], "approve", json!({})).await;

    let res = school
        .patch(
            "wang.zhuren",
            &path,
            json!({ "active": false, "version": updated["version"] }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let closed = school
        .try_start(
            "he.laoshi",
            "certificate",
            json!({ "certificateType": "在职证明", "purpose": "x", "copies": 1 }),
        )
        .await;
    assert_problem(closed, 422, "validation_failed").await;
}

#[tokio::test]
async fn starters_limit_who_may_start_a_template() {
    let school = School::open().await;
    let it = school.department_id("it-dept").await;
    let ids = school.users(&["li.wenshu"]).await;
    let body = json!({ "code": "it-only", "name": "仅信息系", "category": "测试", "starters": { "departmentIds": [it] },
        "definition": super::support::definition(json!([{ "name": "办理", "rule": { "type": "users", "userIds": ids } }])) });
    let res = school.post_template(&body).await;
    assert_eq!(res.status(), 201);
    school.start("he.laoshi", "it-only", json!({ "amount": 1 })).await;
    let outsider = school
        .try_start("shi.laoshi", "it-only", json!({ "amount": 1 }))
        .await;
    assert_problem(outsider, 422, "validation_failed").await;
    let res = school
        .app
        .get_as(&school.token("shi.laoshi").await, "/api/v1/approval-templates")
        .await;
    let list: Vec<serde_json::Value> = res.json().await.unwrap();
    assert!(list.iter().all(|t| t["code"] != "it-only"));
}

#[tokio::test]
async fn stats_show_steps_outcomes_cycle_time_and_rates() {
    let school = School::open_at("2026-11-23T01:00:00Z").await;
    let first = school.start("he.laoshi", "leave", leave(5.0)).await;
    let second = school.start("lv.laoshi", "leave", leave(1.0)).await;
    school.start("shi.laoshi", "leave", leave(1.0)).await;
    school.advance(chrono::Duration::hours(2)).await;
    school.ok("wei.xinxi", &first["id"], "approve", json!({})).await;
    school
        .ok("chen.fuxiaozhang", &first["id"], "approve", json!({}))
        .await;
    school
        .ok("wei.xinxi", &second["id"], "return", json!({ "comment": "补充" }))
        .await;
    school.ok("lv.laoshi", &second["id"], "resubmit", json!({})).await;
    school
        .ok("wei.xinxi", &second["id"], "reject", json!({ "comment": "不批" }))
        .await;
    let id = school.template_id("leave").await;
    let res = school
        .app
        .get_as(
            &school.token("wang.zhuren").await,
            &format!("/api/v1/approval-templates/{id}/stats"),
        )
        .await;
    let stats: serde_json::Value = res.json().await.unwrap();
    assert_eq!(stats["steps"], 2);
    assert_eq!(
        (
            stats["started"].as_u64(),
            stats["approved"].as_u64(),
            stats["rejected"].as_u64(),
            stats["running"].as_u64()
        ),
        (Some(3), Some(1), Some(1), Some(1))
    );
    assert_eq!(stats["cycleHoursMedian"], 2.0);
    assert_eq!(stats["rejectionRate"], 0.5);
    assert_eq!(stats["returnRate"], 0.333);
    assert_eq!(stats["onTimeRate"], 1.0);
    let res = school
        .app
        .get_as(
            &school.token("he.laoshi").await,
            &format!("/api/v1/approval-templates/{id}/stats"),
        )
        .await;
    assert_problem(res, 403, "forbidden").await;
}
