//! Handing over a turn in 依次审批: a transfer (转交) or an added signer never gives someone a
//! second signature in the order, and an administrator's 改派 of a queued turn keeps its place.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::sequential::queued_names;
use super::support::{School, definition, fields, pending_names};

/// 孙档案, then 李文书, then 赵专员, one after the other; filed by 何老师.
async fn signed_in_order(school: &School) -> Value {
    let ids = school.users(&["sun.dangan", "li.wenshu", "zhao.zhuanyuan"]).await;
    let step =
        json!({ "name": "依次会审", "rule": { "type": "users", "userIds": ids }, "mode": "sequential" });
    school.template("seq", definition(json!([step]))).await;
    school.start("he.laoshi", "seq", json!({ "amount": 100 })).await
}

fn task_id(detail: &Value, name: &str) -> Value {
    detail["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["assigneeName"] == name)
        .expect(name)["id"]
        .clone()
}

#[tokio::test]
async fn transferring_a_turn_to_someone_later_in_the_order_is_refused() {
    let school = School::open().await;
    let request = signed_in_order(&school).await;
    let id = &request["id"];
    let later = school.user_id("zhao.zhuanyuan").await;
    for action in ["transfer", "add-signer"] {
        let res = school
            .act("sun.dangan", id, action, json!({ "userId": later }))
            .await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(fields(&problem), ["userId"], "{action}");
        assert!(problem["errors"]["userId"].to_string().contains("审批顺序"));
    }
    let unchanged = school.detail("he.laoshi", id).await;
    assert_eq!(unchanged["version"], request["version"]);
    assert_eq!(pending_names(&unchanged), ["孙档案"]);
    assert_eq!(queued_names(&unchanged), ["李文书", "赵专员"]);

    // Someone outside the order may still take the turn over.
    let other = school.user_id("wang.zhuren").await;
    let moved = school
        .ok("sun.dangan", id, "transfer", json!({ "userId": other }))
        .await;
    assert_eq!(pending_names(&moved), ["王主任"]);
    assert_eq!(queued_names(&moved), ["李文书", "赵专员"]);
}

#[tokio::test]
async fn an_administrator_reassigns_a_queued_turn_and_it_keeps_its_place_in_the_order() {
    let school = School::open().await;
    let request = signed_in_order(&school).await;
    let id = &request["id"];
    let queued = task_id(&request, "李文书");
    let vice = school.user_id("chen.fuxiaozhang").await;
    let body = json!({ "taskId": queued, "toUserId": vice, "reason": "李文书借调教育局一个月" });
    let moved = school.ok("wang.zhuren", id, "reassign", body).await;
    assert_eq!(pending_names(&moved), ["孙档案"], "the first turn is untouched");
    assert_eq!(
        queued_names(&moved),
        ["陈副校长", "赵专员"],
        "the second place, now 陈副校长's"
    );
    let entry = moved["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "reassign")
        .expect("a reassign entry");
    assert_eq!(entry["actorName"], "王主任");
    assert_eq!(entry["comment"], "李文书借调教育局一个月");
    assert!(
        school.inbox("chen.fuxiaozhang", "pending").await.is_empty(),
        "not yet 陈副校长's turn"
    );

    let second = school.ok("sun.dangan", id, "approve", json!({})).await;
    assert_eq!(pending_names(&second), ["陈副校长"]);
    assert_eq!(queued_names(&second), ["赵专员"]);
    // 李文书 no longer takes part: the request is not theirs to see.
    let res = school.act("li.wenshu", id, "approve", json!({})).await;
    assert_problem(res, 404, "not_found").await;
    school.ok("chen.fuxiaozhang", id, "approve", json!({})).await;
    let done = school.ok("zhao.zhuanyuan", id, "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
}

#[tokio::test]
async fn a_queued_turn_is_never_reassigned_to_the_applicant_or_to_someone_already_in_the_order() {
    let school = School::open().await;
    let request = signed_in_order(&school).await;
    let id = &request["id"];
    let queued = task_id(&request, "李文书");
    let [applicant, first, last] = [
        school.user_id("he.laoshi").await,
        school.user_id("sun.dangan").await,
        school.user_id("zhao.zhuanyuan").await,
    ];
    for to in [&applicant, &first, &last] {
        let body = json!({ "taskId": queued, "toUserId": to, "reason": "调整" });
        let res = school.act("wang.zhuren", id, "reassign", body).await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(fields(&problem), ["toUserId"]);
    }
    // 孙档案 approved: their name is still refused for the queued turn (they would be passed over).
    let second = school.ok("sun.dangan", id, "approve", json!({})).await;
    let last_turn = task_id(&second, "赵专员");
    let body = json!({ "taskId": last_turn, "toUserId": first, "reason": "调整" });
    let res = school.act("wang.zhuren", id, "reassign", body).await;
    assert_problem(res, 422, "validation_failed").await;
    let now = school.detail("he.laoshi", id).await;
    assert_eq!(pending_names(&now), ["李文书"]);
    assert_eq!(queued_names(&now), ["赵专员"]);
    assert!(
        now["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["assigneeName"] != "何老师"),
        "no task of the request is the applicant's"
    );
}
