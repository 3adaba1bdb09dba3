//! 依次审批: a step's approvers sign one after the other in the listed order; the next one's task
//! opens only once the previous approved, and everyone can see who is next.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, actions, definition, pending_names};

/// The people whose turn has not come yet, in order.
pub fn queued_names(detail: &Value) -> Vec<String> {
    detail["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["status"] == "queued")
        .map(|t| t["assigneeName"].as_str().unwrap().to_owned())
        .collect()
}

fn task_of<'a>(detail: &'a Value, name: &str) -> &'a Value {
    detail["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|t| t["assigneeName"] == name)
        .expect(name)
}

async fn in_order(school: &School, code: &str, names: &[&str], extra: Value) -> Value {
    let ids = school.users(names).await;
    let mut step =
        json!({ "name": "依次会审", "rule": { "type": "users", "userIds": ids }, "mode": "sequential" });
    for (k, v) in extra.as_object().unwrap() {
        step[k] = v.clone();
    }
    school.template(code, definition(json!([step]))).await
}

#[tokio::test]
async fn three_named_approvers_sign_in_the_listed_order() {
    let school = School::open().await;
    in_order(
        &school,
        "seq",
        &["sun.dangan", "li.wenshu", "zhao.zhuanyuan"],
        json!({}),
    )
    .await;
    let request = school.start("he.laoshi", "seq", json!({ "amount": 100 })).await;
    let id = &request["id"];
    assert_eq!(pending_names(&request), ["孙档案"]);
    assert_eq!(
        queued_names(&request),
        ["李文书", "赵专员"],
        "who is next, in order"
    );
    assert!(
        school.inbox("li.wenshu", "pending").await.is_empty(),
        "not yet 李文书's turn"
    );
    let early = school.act("li.wenshu", id, "approve", json!({})).await;
    assert_problem(early, 409, "conflict").await;

    let second = school.ok("sun.dangan", id, "approve", json!({})).await;
    assert_eq!(second["status"], "running");
    assert_eq!(pending_names(&second), ["李文书"]);
    assert_eq!(queued_names(&second), ["赵专员"]);
    assert_eq!(school.inbox("li.wenshu", "pending").await.len(), 1);
    school.ok("li.wenshu", id, "approve", json!({})).await;
    let done = school.ok("zhao.zhuanyuan", id, "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
    let turns = actions(&done).iter().filter(|a| *a == "next_in_order").count();
    assert_eq!(turns, 2, "the timeline shows each turn: {:?}", actions(&done));
    let approvals = actions(&done).iter().filter(|a| *a == "approve").count();
    assert_eq!(approvals, 3);
}

#[tokio::test]
async fn a_rejection_by_the_second_stops_the_third_from_ever_getting_a_task() {
    let school = School::open().await;
    in_order(
        &school,
        "seq-reject",
        &["sun.dangan", "li.wenshu", "zhao.zhuanyuan"],
        json!({}),
    )
    .await;
    let request = school
        .start("he.laoshi", "seq-reject", json!({ "amount": 100 }))
        .await;
    let id = &request["id"];
    school.ok("sun.dangan", id, "approve", json!({})).await;
    let rejected = school
        .ok("li.wenshu", id, "reject", json!({ "comment": "材料不全" }))
        .await;
    assert_eq!(rejected["status"], "rejected");
    assert_eq!(task_of(&rejected, "赵专员")["status"], "cancelled");
    assert!(school.inbox("zhao.zhuanyuan", "pending").await.is_empty());
    let told = school.notifications("zhao.zhuanyuan").await;
    assert!(
        told.iter()
            .all(|n| !n["title"].as_str().unwrap_or("").starts_with("待审批")),
        "赵专员 was never asked: {told:?}"
    );
    let late = school.act("zhao.zhuanyuan", id, "approve", json!({})).await;
    assert_problem(late, 409, "invalid_transition").await;
}

#[tokio::test]
async fn the_applicant_s_place_in_the_order_goes_to_their_department_head() {
    let school = School::open().await;
    in_order(
        &school,
        "seq-self",
        &["li.wenshu", "he.laoshi", "zhao.zhuanyuan"],
        json!({}),
    )
    .await;
    let request = school
        .start("he.laoshi", "seq-self", json!({ "amount": 100 }))
        .await;
    assert_eq!(pending_names(&request), ["李文书"]);
    assert_eq!(queued_names(&request), ["卫主任", "赵专员"]);
    let everyone: Vec<&Value> = request["tasks"].as_array().unwrap().iter().collect();
    assert!(everyone.iter().all(|t| t["assigneeName"] != "何老师"));

    // When the head is in the order already, the applicant's place is simply dropped.
    in_order(
        &school,
        "seq-self2",
        &["wei.xinxi", "he.laoshi", "li.wenshu"],
        json!({}),
    )
    .await;
    let second = school
        .start("he.laoshi", "seq-self2", json!({ "amount": 100 }))
        .await;
    assert_eq!(pending_names(&second), ["卫主任"]);
    assert_eq!(queued_names(&second), ["李文书"]);
}

#[tokio::test]
async fn each_turn_has_its_own_deadline_from_when_it_opens() {
    let school = School::open().await;
    in_order(
        &school,
        "seq-due",
        &["sun.dangan", "li.wenshu"],
        json!({ "deadlineHours": 8 }),
    )
    .await;
    let request = school
        .start("he.laoshi", "seq-due", json!({ "amount": 100 }))
        .await;
    assert!(task_of(&request, "孙档案")["dueAt"].is_string());
    assert!(
        task_of(&request, "李文书")["dueAt"].is_null(),
        "no clock runs before the turn"
    );
    let next = school
        .ok("sun.dangan", &request["id"], "approve", json!({}))
        .await;
    assert!(task_of(&next, "李文书")["dueAt"].is_string());
}

#[tokio::test]
async fn a_recalled_approval_puts_the_next_signer_back_in_the_queue() {
    let school = School::open().await;
    in_order(&school, "seq-recall", &["sun.dangan", "li.wenshu"], json!({})).await;
    let request = school
        .start("he.laoshi", "seq-recall", json!({ "amount": 100 }))
        .await;
    let id = &request["id"];
    school.ok("sun.dangan", id, "approve", json!({})).await;
    let back = school.ok("sun.dangan", id, "recall", json!({})).await;
    assert_eq!(pending_names(&back), ["孙档案"]);
    assert_eq!(queued_names(&back), ["李文书"]);
    assert!(school.inbox("li.wenshu", "pending").await.is_empty());
    school.ok("sun.dangan", id, "approve", json!({})).await;
    let done = school.ok("li.wenshu", id, "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
}

#[tokio::test]
async fn a_transferred_turn_is_signed_by_the_new_holder_before_the_next_in_order() {
    let school = School::open().await;
    in_order(&school, "seq-transfer", &["sun.dangan", "li.wenshu"], json!({})).await;
    let request = school
        .start("he.laoshi", "seq-transfer", json!({ "amount": 100 }))
        .await;
    let id = &request["id"];
    let to = school.user_id("zhao.zhuanyuan").await;
    let moved = school
        .ok("sun.dangan", id, "transfer", json!({ "userId": to }))
        .await;
    assert_eq!(pending_names(&moved), ["赵专员"]);
    assert_eq!(queued_names(&moved), ["李文书"]);
    let next = school.ok("zhao.zhuanyuan", id, "approve", json!({})).await;
    assert_eq!(pending_names(&next), ["李文书"]);
    let done = school.ok("li.wenshu", id, "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
}

#[tokio::test]
async fn a_return_to_the_applicant_and_resubmit_start_the_order_again() {
    let school = School::open().await;
    in_order(&school, "seq-return", &["sun.dangan", "li.wenshu"], json!({})).await;
    let request = school
        .start("he.laoshi", "seq-return", json!({ "amount": 100 }))
        .await;
    let id = &request["id"];
    school.ok("sun.dangan", id, "approve", json!({})).await;
    let returned = school
        .ok("li.wenshu", id, "return", json!({ "comment": "请补充说明" }))
        .await;
    assert_eq!(returned["status"], "returned");
    let again = school
        .ok("he.laoshi", id, "resubmit", json!({ "form": { "amount": 200 } }))
        .await;
    assert_eq!(pending_names(&again), ["孙档案"]);
    assert_eq!(queued_names(&again), ["李文书"]);
    let stale = again["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["cycle"] != again["cycle"])
        .all(|t| t["status"] != "queued" && t["status"] != "pending");
    assert!(stale, "nothing of the first round is left waiting");
}

#[tokio::test]
async fn an_added_signer_after_the_first_signs_before_the_next_in_order() {
    let school = School::open().await;
    in_order(&school, "seq-add", &["sun.dangan", "li.wenshu"], json!({})).await;
    let request = school
        .start("he.laoshi", "seq-add", json!({ "amount": 100 }))
        .await;
    let id = &request["id"];
    let extra = school.user_id("zhao.zhuanyuan").await;
    let added = school
        .ok(
            "sun.dangan",
            id,
            "add-signer",
            json!({ "userId": extra, "position": "after" }),
        )
        .await;
    assert_eq!(pending_names(&added), ["赵专员"]);
    assert_eq!(queued_names(&added), ["李文书"]);
    let next = school.ok("zhao.zhuanyuan", id, "approve", json!({})).await;
    assert_eq!(pending_names(&next), ["李文书"]);
}
