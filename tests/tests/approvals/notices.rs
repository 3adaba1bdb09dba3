//! What approvers and applicants are told: a 待审批 notice is done once the task is handled, by
//! the approver or by a colleague; a return tells the applicant why.

use serde_json::{Value, json};

use super::support::{School, leave};

async fn task_notices(school: &School, who: &str) -> Vec<Value> {
    school.app.services.deliver_outbox(100).await.unwrap();
    school
        .notifications(who)
        .await
        .into_iter()
        .filter(|n| n["kind"] == "task_assigned")
        .collect()
}

#[tokio::test]
async fn a_task_notice_is_done_once_the_approver_handles_the_task() {
    let school = School::open().await;
    let request = school.start("he.laoshi", "leave", leave(1.0)).await;
    let before = task_notices(&school, "wei.xinxi").await;
    assert_eq!(before.len(), 1);
    assert!(before[0]["readAt"].is_null());
    school.ok("wei.xinxi", &request["id"], "approve", json!({})).await;
    let after = task_notices(&school, "wei.xinxi").await;
    assert!(after[0]["readAt"].is_string(), "{after:?}");
}

#[tokio::test]
async fn an_or_sign_colleague_s_decision_also_clears_my_task_notice() {
    let school = School::open().await;
    let form = json!({ "certificateType": "在职证明", "purpose": "办理签证", "copies": 1 });
    let request = school.start("he.laoshi", "certificate", form).await;
    assert_eq!(task_notices(&school, "zhao.zhuanyuan").await.len(), 1);
    school.ok("li.wenshu", &request["id"], "approve", json!({})).await;
    let mine = task_notices(&school, "zhao.zhuanyuan").await;
    assert!(mine[0]["readAt"].is_string(), "{mine:?}");
}

#[tokio::test]
async fn a_return_tells_the_applicant_the_reason() {
    let school = School::open().await;
    let request = school.start("he.laoshi", "leave", leave(1.0)).await;
    school
        .ok(
            "wei.xinxi",
            &request["id"],
            "return",
            json!({ "comment": "请补充病假证明" }),
        )
        .await;
    school.app.services.deliver_outbox(100).await.unwrap();
    let mine = school.notifications("he.laoshi").await;
    let returned = mine
        .iter()
        .find(|n| n["title"].as_str().unwrap().contains("被退回"))
        .expect("a return notice");
    assert!(
        returned["body"].as_str().unwrap().contains("请补充病假证明"),
        "{returned}"
    );
}
