//! 减签: an added signer taken off the step before they act, by whoever added them or an
//! approvals administrator, with a reason; the step settles as if they had never been added.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, pending_names};

/// One countersign step of 李文书 and 赵专员; started by 何老师.
async fn countersign(school: &School) -> Value {
    let two = school.users(&["li.wenshu", "zhao.zhuanyuan"]).await;
    let definition = json!({
        "form": { "fields": [ { "key": "amount", "label": "金额", "kind": "money", "required": true } ] },
        "steps": [ { "name": "会签", "rule": { "type": "users", "userIds": two }, "mode": "all" } ]
    });
    school.template("countersign", definition).await;
    let request = school
        .start("he.laoshi", "countersign", json!({ "amount": 100 }))
        .await;
    request["id"].clone()
}

/// The open task of `name` in the request.
fn open_task_of(detail: &Value, name: &str) -> Value {
    detail["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["assigneeName"] == name && (t["status"] == "pending" || t["status"] == "waiting"))
        .unwrap_or_else(|| panic!("{name} holds no open task"))["id"]
        .clone()
}

/// Whether the request's `actions` offer 减签 to whoever is looking.
async fn offered(school: &School, who: &str, id: &Value) -> bool {
    let detail = school.detail(who, id).await;
    detail["actions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "remove-signer")
}

fn task_status(detail: &Value, task: &Value) -> String {
    detail["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == *task)
        .unwrap()["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_countersign_passes_once_the_added_signer_is_removed() {
    let school = School::open().await;
    let id = countersign(&school).await;
    let sun = school.user_id("sun.dangan").await;
    school
        .ok(
            "li.wenshu",
            &id,
            "add-signer",
            json!({ "userId": sun, "position": "after" }),
        )
        .await;
    let waiting = school.ok("zhao.zhuanyuan", &id, "approve", json!({})).await;
    assert_eq!(waiting["status"], "running");
    assert_eq!(pending_names(&waiting), ["孙档案"]);
    assert_eq!(school.inbox("sun.dangan", "pending").await.len(), 1);
    let task = open_task_of(&waiting, "孙档案");
    let done = school
        .ok(
            "li.wenshu",
            &id,
            "remove-signer",
            json!({ "taskId": task, "reason": "无需档案室会签" }),
        )
        .await;
    assert_eq!(done["status"], "approved");
    assert_eq!(task_status(&done, &task), "removed");
    let removal = done["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "remove_signer")
        .expect("the removal is on the timeline");
    assert_eq!(removal["actorName"], "李文书");
    assert_eq!(removal["comment"], "无需档案室会签");
    assert_eq!(removal["data"]["removed"], json!(sun));
    assert!(school.inbox("sun.dangan", "pending").await.is_empty());
    school.app.services.deliver_outbox(100).await.unwrap();
    let told = school.notifications("sun.dangan").await;
    assert!(
        told.iter()
            .any(|n| n["title"].as_str().unwrap().starts_with("您已被减签") && n["body"] == "无需档案室会签"),
        "{told:#?}"
    );
}

#[tokio::test]
async fn remove_signer_is_offered_to_whoever_added_the_signer_and_to_the_administrator_only() {
    let school = School::open().await;
    let id = countersign(&school).await;
    let sun = school.user_id("sun.dangan").await;
    let added = school
        .ok("li.wenshu", &id, "add-signer", json!({ "userId": sun }))
        .await;
    assert!(offered(&school, "li.wenshu", &id).await);
    assert!(offered(&school, "wang.zhuren", &id).await);
    for other in ["zhao.zhuanyuan", "sun.dangan", "he.laoshi"] {
        assert!(!offered(&school, other, &id).await, "{other}");
    }
    let task = open_task_of(&added, "孙档案");
    let body = json!({ "taskId": task, "reason": "不需要" });
    let refused = school
        .act("zhao.zhuanyuan", &id, "remove-signer", body.clone())
        .await;
    assert_problem(refused, 409, "conflict").await;
    let removed = school.ok("wang.zhuren", &id, "remove-signer", body.clone()).await;
    // 李文书 waited for the signer added before them: they decide again, nobody may remove more.
    assert_eq!(pending_names(&removed), ["李文书", "赵专员"]);
    assert!(!offered(&school, "li.wenshu", &id).await);
    assert!(!offered(&school, "wang.zhuren", &id).await);
    let again = school.act("li.wenshu", &id, "remove-signer", body).await;
    assert_problem(again, 409, "conflict").await;
}

#[tokio::test]
async fn only_an_added_signer_can_be_removed_and_only_with_a_reason() {
    let school = School::open().await;
    let id = countersign(&school).await;
    let sun = school.user_id("sun.dangan").await;
    let added = school
        .ok("li.wenshu", &id, "add-signer", json!({ "userId": sun }))
        .await;
    let version = added["version"].clone();
    let rule_signer = open_task_of(&added, "赵专员");
    let refused = school
        .act(
            "wang.zhuren",
            &id,
            "remove-signer",
            json!({ "taskId": rule_signer, "reason": "不需要" }),
        )
        .await;
    let problem = assert_problem(refused, 422, "validation_failed").await;
    assert_eq!(super::support::fields(&problem), ["taskId"]);
    let task = open_task_of(&added, "孙档案");
    let refused = school
        .act(
            "li.wenshu",
            &id,
            "remove-signer",
            json!({ "taskId": task, "reason": "  " }),
        )
        .await;
    let problem = assert_problem(refused, 422, "validation_failed").await;
    assert_eq!(super::support::fields(&problem), ["reason"]);
    let unchanged = school.detail("li.wenshu", &id).await;
    assert_eq!(unchanged["version"], version);
    assert_eq!(pending_names(&unchanged), ["孙档案", "赵专员"]);
}
