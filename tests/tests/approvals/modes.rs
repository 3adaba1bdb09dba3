//! Or-sign, countersign and pass-ratio steps.

use serde_json::json;
use xiaoban_tests::assert_problem;

use super::support::{School, definition, pending_names};

async fn three_signers(school: &School, code: &str, mode: serde_json::Value) -> serde_json::Value {
    let ids = school.users(&["li.wenshu", "zhao.zhuanyuan", "sun.dangan"]).await;
    let mut step = json!({ "name": "三人审批", "rule": { "type": "users", "userIds": ids } });
    for (k, v) in mode.as_object().unwrap() {
        step[k] = v.clone();
    }
    school.template(code, definition(json!([step]))).await
}

#[tokio::test]
async fn or_sign_the_first_approval_decides_and_closes_the_others() {
    let school = School::open().await;
    three_signers(&school, "or-sign", json!({ "mode": "or" })).await;
    let request = school
        .start("he.laoshi", "or-sign", json!({ "amount": 100 }))
        .await;
    assert_eq!(pending_names(&request).len(), 3);
    let done = school
        .ok("zhao.zhuanyuan", &request["id"], "approve", json!({}))
        .await;
    assert_eq!(done["status"], "approved");
    let closed = done["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["status"] == "closed")
        .count();
    assert_eq!(closed, 2);
    let late = school
        .act("li.wenshu", &request["id"], "approve", json!({}))
        .await;
    // The first approval ended the request: approving it now is not a transition it has.
    let refused = assert_problem(late, 409, "invalid_transition").await;
    assert_eq!(refused["state"], "approved");
}

#[tokio::test]
async fn countersign_needs_everyone_and_one_rejection_rejects() {
    let school = School::open().await;
    three_signers(&school, "all-sign", json!({ "mode": "all" })).await;
    let first = school
        .start("he.laoshi", "all-sign", json!({ "amount": 100 }))
        .await;
    let id = &first["id"];
    school.ok("li.wenshu", id, "approve", json!({})).await;
    let two = school.ok("zhao.zhuanyuan", id, "approve", json!({})).await;
    assert_eq!(two["status"], "running");
    assert_eq!(pending_names(&two), ["孙档案"]);
    let all = school.ok("sun.dangan", id, "approve", json!({})).await;
    assert_eq!(all["status"], "approved");

    let second = school
        .start("he.laoshi", "all-sign", json!({ "amount": 100 }))
        .await;
    school.ok("li.wenshu", &second["id"], "approve", json!({})).await;
    let no_reason = school
        .act("zhao.zhuanyuan", &second["id"], "reject", json!({}))
        .await;
    let problem = assert_problem(no_reason, 422, "validation_failed").await;
    assert_eq!(super::support::fields(&problem), ["comment"]);
    let rejected = school
        .ok(
            "zhao.zhuanyuan",
            &second["id"],
            "reject",
            json!({ "comment": "预算不足" }),
        )
        .await;
    assert_eq!(rejected["status"], "rejected");
    assert!(pending_names(&rejected).is_empty(), "the third task is cancelled");
}

#[tokio::test]
async fn two_thirds_pass_with_two_approvals_and_fail_once_out_of_reach() {
    let school = School::open().await;
    three_signers(
        &school,
        "ratio",
        json!({ "mode": "ratio", "passRatio": { "numerator": 2, "denominator": 3 } }),
    )
    .await;
    let passing = school.start("he.laoshi", "ratio", json!({ "amount": 100 })).await;
    school
        .ok(
            "li.wenshu",
            &passing["id"],
            "reject",
            json!({ "comment": "不同意" }),
        )
        .await;
    let still = school.detail("he.laoshi", &passing["id"]).await;
    assert_eq!(still["status"], "running", "two of three can still approve");
    school
        .ok("zhao.zhuanyuan", &passing["id"], "approve", json!({}))
        .await;
    let passed = school
        .ok("sun.dangan", &passing["id"], "approve", json!({}))
        .await;
    assert_eq!(passed["status"], "approved");

    let failing = school.start("he.laoshi", "ratio", json!({ "amount": 100 })).await;
    school
        .ok(
            "li.wenshu",
            &failing["id"],
            "reject",
            json!({ "comment": "不同意" }),
        )
        .await;
    let failed = school
        .ok(
            "zhao.zhuanyuan",
            &failing["id"],
            "reject",
            json!({ "comment": "不同意" }),
        )
        .await;
    assert_eq!(failed["status"], "rejected");
}

/// Posts a template with these steps as `who`; returns the response.
async fn post_template(school: &School, who: &str, steps: serde_json::Value) -> reqwest::Response {
    let body =
        json!({ "code": "broken", "name": "坏模板", "category": "测试", "definition": definition(steps) });
    let token = school.token(who).await;
    school
        .app
        .post_as(&token, "/api/v1/approval-templates", &body)
        .await
}

async fn refused_fields(res: reqwest::Response) -> Vec<String> {
    let problem = assert_problem(res, 422, "validation_failed").await;
    super::support::fields(&problem)
}

#[tokio::test]
async fn a_ratio_without_its_ratio_and_a_bad_condition_are_refused_by_path() {
    let school = School::open().await;
    let ids = school.users(&["li.wenshu"]).await;
    let ratio = json!({ "name": "比例", "rule": { "type": "users", "userIds": ids }, "mode": "ratio" });
    let unparsable =
        json!({ "name": "条件", "rule": { "type": "users", "userIds": ids }, "condition": "amount >>= 3" });
    let unknown_field =
        json!({ "name": "字段", "rule": { "type": "users", "userIds": ids }, "condition": "days > 3" });
    let mut fields = refused_fields(
        post_template(&school, "wang.zhuren", json!([ratio, unparsable, unknown_field])).await,
    )
    .await;
    fields.sort();
    assert_eq!(
        fields,
        [
            "definition.steps[0].passRatio",
            "definition.steps[1].condition",
            "definition.steps[2].condition"
        ],
        "a condition that does not parse does not hide the other problems"
    );
    let fields =
        refused_fields(post_template(&school, "wang.zhuren", json!([ratio, unknown_field])).await).await;
    assert!(
        fields.contains(&"definition.steps[0].passRatio".to_owned()),
        "{fields:?}"
    );
    assert!(
        fields.contains(&"definition.steps[1].condition".to_owned()),
        "{fields:?}"
    );
    let staff = post_template(&school, "he.laoshi", json!([ratio])).await;
    assert_problem(staff, 403, "forbidden").await;
}
