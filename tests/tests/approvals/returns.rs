//! Returns (退回) to the applicant or an earlier step, resubmitting, withdrawing and recalling.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, pending_names};

/// Step 0: 吴处长 alone; step 1: countersign of 李文书, 赵专员, 孙档案.
async fn two_steps(school: &School, code: &str, resume: bool) {
    let first = school.users(&["wu.houqin"]).await;
    let three = school.users(&["li.wenshu", "zhao.zhuanyuan", "sun.dangan"]).await;
    let definition = json!({
        "form": { "fields": [ { "key": "amount", "label": "金额", "kind": "money", "required": true } ] },
        "steps": [
            { "name": "初审", "rule": { "type": "users", "userIds": first } },
            { "name": "会签", "rule": { "type": "users", "userIds": three }, "mode": "all" }
        ],
        "options": { "resubmitToReturningStep": resume }
    });
    school.template(code, definition).await;
}

fn status_of(detail: &Value, name: &str) -> Vec<String> {
    detail["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["assigneeName"] == name)
        .map(|t| t["status"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_return_from_inside_a_countersign_keeps_the_other_tasks_and_resumes_there() {
    let school = School::open().await;
    two_steps(&school, "resume", true).await;
    let request = school
        .start("he.laoshi", "resume", json!({ "amount": 100 }))
        .await;
    let id = &request["id"];
    school.ok("wu.houqin", id, "approve", json!({})).await;
    school.ok("li.wenshu", id, "approve", json!({})).await;
    let no_reason = school.act("zhao.zhuanyuan", id, "return", json!({})).await;
    assert_problem(no_reason, 422, "validation_failed").await;
    let back = school
        .ok(
            "zhao.zhuanyuan",
            id,
            "return",
            json!({ "comment": "请补充金额说明" }),
        )
        .await;
    assert_eq!(back["status"], "returned");
    assert_eq!(status_of(&back, "孙档案"), ["suspended"]);
    assert_eq!(status_of(&back, "李文书"), ["approved"]);
    // Back with the applicant: nobody may decide, whatever task they hold.
    let refused = assert_problem(
        school.act("sun.dangan", id, "approve", json!({})).await,
        409,
        "invalid_transition",
    )
    .await;
    assert_eq!(
        (&refused["state"], &refused["action"]),
        (&json!("returned"), &json!("approve"))
    );
    assert_problem(
        school.act("wu.houqin", id, "resubmit", json!({})).await,
        409,
        "conflict",
    )
    .await;

    let again = school
        .ok("he.laoshi", id, "resubmit", json!({ "form": { "amount": 250 } }))
        .await;
    assert_eq!(again["status"], "running");
    assert_eq!(
        again["currentStepName"], "会签",
        "straight back to the returning step"
    );
    assert_eq!(again["form"]["amount"], 250);
    assert_eq!(pending_names(&again), ["孙档案", "赵专员"]);
    assert_eq!(
        status_of(&again, "李文书"),
        ["approved"],
        "the approval already given stands"
    );
    assert_eq!(
        status_of(&again, "吴处长"),
        ["approved"],
        "the first step is not asked again"
    );
    school.ok("sun.dangan", id, "approve", json!({})).await;
    let done = school.ok("zhao.zhuanyuan", id, "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
}

#[tokio::test]
async fn without_the_option_a_resubmit_starts_again_at_the_first_step() {
    let school = School::open().await;
    two_steps(&school, "restart", false).await;
    let request = school
        .start("he.laoshi", "restart", json!({ "amount": 100 }))
        .await;
    let id = &request["id"];
    school.ok("wu.houqin", id, "approve", json!({})).await;
    school
        .ok("li.wenshu", id, "return", json!({ "comment": "重填" }))
        .await;
    let again = school.ok("he.laoshi", id, "resubmit", json!({})).await;
    assert_eq!(again["cycle"], 2);
    assert_eq!(again["currentStepName"], "初审");
    assert_eq!(pending_names(&again), ["吴处长"]);
}

#[tokio::test]
async fn a_return_to_an_earlier_step_redoes_it_then_comes_back() {
    let school = School::open().await;
    two_steps(&school, "earlier", true).await;
    let request = school
        .start("he.laoshi", "earlier", json!({ "amount": 100 }))
        .await;
    let id = &request["id"];
    school.ok("wu.houqin", id, "approve", json!({})).await;
    school.ok("li.wenshu", id, "approve", json!({})).await;
    let late = school
        .act(
            "sun.dangan",
            id,
            "return",
            json!({ "comment": "初审意见不清", "targetStep": 1 }),
        )
        .await;
    assert_problem(late, 422, "validation_failed").await;
    let back = school
        .ok(
            "sun.dangan",
            id,
            "return",
            json!({ "comment": "初审意见不清", "targetStep": 0 }),
        )
        .await;
    assert_eq!(back["status"], "running");
    assert_eq!(back["currentStepName"], "初审");
    assert_eq!(pending_names(&back), ["吴处长"]);
    let resumed = school
        .ok("wu.houqin", id, "approve", json!({ "comment": "已补充" }))
        .await;
    assert_eq!(resumed["currentStepName"], "会签");
    assert_eq!(pending_names(&resumed), ["孙档案", "赵专员"]);
    assert_eq!(status_of(&resumed, "李文书"), ["approved"]);
}

#[tokio::test]
async fn withdraw_only_before_the_first_decision() {
    let school = School::open().await;
    let early = school
        .start("he.laoshi", "leave", super::support::leave(5.0))
        .await;
    assert_problem(
        school.act("wei.xinxi", &early["id"], "withdraw", json!({})).await,
        409,
        "conflict",
    )
    .await;
    let gone = school.ok("he.laoshi", &early["id"], "withdraw", json!({})).await;
    assert_eq!(gone["status"], "withdrawn");
    assert!(school.inbox("wei.xinxi", "pending").await.is_empty());

    let late = school
        .start("he.laoshi", "leave", super::support::leave(5.0))
        .await;
    school.ok("wei.xinxi", &late["id"], "approve", json!({})).await;
    assert_problem(
        school.act("he.laoshi", &late["id"], "withdraw", json!({})).await,
        409,
        "conflict",
    )
    .await;
}

#[tokio::test]
async fn an_approval_can_be_recalled_until_the_next_step_acts() {
    let school = School::open().await;
    let request = school
        .start("he.laoshi", "leave", super::support::leave(5.0))
        .await;
    let id = &request["id"];
    let moved = school.ok("wei.xinxi", id, "approve", json!({})).await;
    assert!(moved["actions"].as_array().unwrap().contains(&json!("recall")));
    let recalled = school.ok("wei.xinxi", id, "recall", json!({})).await;
    assert_eq!(recalled["currentStepName"], "部门负责人审批");
    assert_eq!(pending_names(&recalled), ["卫主任"]);
    assert!(
        school.inbox("chen.fuxiaozhang", "pending").await.is_empty(),
        "the next step's task is withdrawn"
    );

    school.ok("wei.xinxi", id, "approve", json!({})).await;
    school
        .ok(
            "chen.fuxiaozhang",
            id,
            "return",
            json!({ "comment": "请说明", "targetStep": 0 }),
        )
        .await;
    assert_problem(
        school.act("wei.xinxi", id, "recall", json!({})).await,
        409,
        "conflict",
    )
    .await;
}
