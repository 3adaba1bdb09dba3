//! A resubmission with changed values is routed on the new values: a step that now applies runs,
//! also when the template goes straight back to the returning step.

use serde_json::{Value, json};

use super::support::{School, pending_names};

fn claim(yuan: i64) -> Value {
    super::support::claim("办公费", yuan)
}

#[tokio::test]
async fn a_claim_resubmitted_from_1000_to_9000_yuan_reaches_the_principal() {
    let school = School::open().await;
    let request = school.start("he.laoshi", "reimbursement", claim(1_000)).await;
    let id = &request["id"];
    school.ok("wei.xinxi", id, "approve", json!({})).await;
    school
        .ok("zheng.caiwu", id, "return", json!({ "comment": "请附发票" }))
        .await;
    let again = school
        .ok("he.laoshi", id, "resubmit", json!({ "form": claim(9_000) }))
        .await;
    assert_eq!(pending_names(&again), ["卫主任"]);
    school.ok("wei.xinxi", id, "approve", json!({})).await;
    let at_finance = school.ok("zheng.caiwu", id, "approve", json!({})).await;
    assert_eq!(at_finance["status"], "running");
    assert_eq!(pending_names(&at_finance), ["张校长"]);
}

#[tokio::test]
async fn straight_back_to_the_returning_step_runs_an_earlier_step_that_now_applies() {
    let school = School::open().await;
    let principal = school.user_id("zhang.xiaozhang").await;
    let finance = school.user_id("zheng.caiwu").await;
    let definition = json!({
        "form": { "fields": [ { "key": "amount", "label": "金额", "kind": "money", "required": true } ] },
        "steps": [
            { "name": "校长审批", "rule": { "type": "users", "userIds": [principal] }, "condition": "amount >= 500000" },
            { "name": "财务审核", "rule": { "type": "users", "userIds": [finance] } }
        ],
        "options": { "resubmitToReturningStep": true }
    });
    school.template("claim-straight-back", definition).await;
    let request = school
        .start("he.laoshi", "claim-straight-back", json!({ "amount": 100_000 }))
        .await;
    let id = &request["id"];
    assert_eq!(pending_names(&request), ["郑处长"]);
    school
        .ok("zheng.caiwu", id, "return", json!({ "comment": "金额有误" }))
        .await;
    let again = school
        .ok(
            "he.laoshi",
            id,
            "resubmit",
            json!({ "form": { "amount": 900_000 } }),
        )
        .await;
    assert_eq!(pending_names(&again), ["张校长"]);
    school.ok("zhang.xiaozhang", id, "approve", json!({})).await;
    let done = school.ok("zheng.caiwu", id, "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
}

/// Head, then the principal from 5,000 yuan, then finance; resubmitting goes straight back.
async fn three_step_claims(school: &School) {
    let principal = school.user_id("zhang.xiaozhang").await;
    let finance = school.user_id("zheng.caiwu").await;
    let definition = json!({
        "form": { "fields": [ { "key": "amount", "label": "金额", "kind": "money", "required": true } ] },
        "steps": [
            { "name": "部门审核", "rule": { "type": "department_head" } },
            { "name": "校长审批", "rule": { "type": "users", "userIds": [principal] }, "condition": "amount >= 500000" },
            { "name": "财务审核", "rule": { "type": "users", "userIds": [finance] } }
        ],
        "options": { "resubmitToReturningStep": true }
    });
    school.template("three-step-claims", definition).await;
}

#[tokio::test]
async fn straight_back_keeps_the_approvals_of_steps_that_still_apply() {
    let school = School::open().await;
    three_step_claims(&school).await;
    let request = school
        .start("he.laoshi", "three-step-claims", json!({ "amount": 100_000 }))
        .await;
    let id = &request["id"];
    school.ok("wei.xinxi", id, "approve", json!({})).await;
    school
        .ok("zheng.caiwu", id, "return", json!({ "comment": "金额有误" }))
        .await;
    let bigger = school
        .ok(
            "he.laoshi",
            id,
            "resubmit",
            json!({ "form": { "amount": 900_000 } }),
        )
        .await;
    assert_eq!(pending_names(&bigger), ["张校长"], "the head's approval stands");
    school.ok("zhang.xiaozhang", id, "approve", json!({})).await;
    school
        .ok("zheng.caiwu", id, "return", json!({ "comment": "改回原金额" }))
        .await;
    let smaller = school
        .ok(
            "he.laoshi",
            id,
            "resubmit",
            json!({ "form": { "amount": 100_000 } }),
        )
        .await;
    assert_eq!(pending_names(&smaller), ["郑处长"]);
    let done = school.ok("zheng.caiwu", id, "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
    let principal = school.user_id("zhang.xiaozhang").await;
    let kept_principal = done["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["assigneeId"] == principal.as_str() && t["status"] == "approved");
    assert!(
        !kept_principal,
        "the principal's approval of a step that no longer applies is dropped: {done}"
    );
}
