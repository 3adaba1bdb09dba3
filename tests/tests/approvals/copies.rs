//! Template-level copies (抄送): at submission, when a request is approved, when it is rejected.
//! Each person holds one copy of a request, whatever the number of reasons naming them.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, fields};

/// A purchase: the applicant's department head decides; the options say who is copied.
async fn purchase(school: &School, code: &str, options: Value) -> Value {
    let definition = json!({
        "form": { "fields": [ { "key": "item", "label": "物品", "kind": "text", "required": true } ] },
        "steps": [ { "name": "部门负责人审批", "rule": { "type": "department_head" } } ],
        "options": options
    });
    school.template(code, definition).await
}

async fn copies(school: &School, who: &str) -> Vec<Value> {
    school.inbox(who, "cc").await
}

async fn copy_notices(school: &School, who: &str) -> usize {
    school.app.services.deliver_outbox(100).await.unwrap();
    school
        .notifications(who)
        .await
        .iter()
        .filter(|n| n["title"].as_str().unwrap_or_default().starts_with("抄送："))
        .count()
}

#[tokio::test]
async fn the_office_is_copied_when_a_purchase_is_rejected() {
    let school = School::open().await;
    let director = school.user_id("wang.zhuren").await;
    purchase(
        &school,
        "purchase",
        json!({
            "ccOnApproved": [ { "type": "users", "userIds": [director] } ],
            "ccOnRejected": [ { "type": "role", "role": "office_clerk" } ]
        }),
    )
    .await;
    let request = school
        .start("he.laoshi", "purchase", json!({ "item": "投影仪" }))
        .await;
    let id = &request["id"];
    for clerk in ["li.wenshu", "zhao.zhuanyuan"] {
        assert!(copies(&school, clerk).await.is_empty(), "nothing before the end");
    }
    school
        .ok("wei.xinxi", id, "reject", json!({ "comment": "预算不足" }))
        .await;
    for clerk in ["li.wenshu", "zhao.zhuanyuan"] {
        let cc = copies(&school, clerk).await;
        assert_eq!(cc.len(), 1, "{clerk}");
        assert_eq!(cc[0]["instanceId"], *id);
        assert_eq!(cc[0]["instanceStatus"], "rejected");
        assert_eq!(copy_notices(&school, clerk).await, 1, "{clerk}");
        // A copy opens the request for its holder.
        assert_eq!(school.get(clerk, id).await.status(), 200);
    }
    assert!(
        copies(&school, "wang.zhuren").await.is_empty(),
        "approval copies only on approval"
    );
    let detail = school.detail("he.laoshi", id).await;
    let names: Vec<&str> = detail["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kind"] == "cc")
        .map(|t| t["stepName"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["驳回后抄送", "驳回后抄送"]);
}

#[tokio::test]
async fn the_director_copied_at_submission_is_not_copied_again_when_the_purchase_is_approved() {
    let school = School::open().await;
    let people = school.users(&["wang.zhuren", "li.wenshu"]).await;
    purchase(
        &school,
        "purchase-both",
        json!({
            "ccOnSubmit": [ { "type": "users", "userIds": [people[0]] } ],
            "ccOnApproved": [ { "type": "users", "userIds": [people[0], people[1]] } ]
        }),
    )
    .await;
    let request = school
        .start("he.laoshi", "purchase-both", json!({ "item": "白板" }))
        .await;
    let id = &request["id"];
    assert_eq!(copies(&school, "wang.zhuren").await.len(), 1);
    assert!(copies(&school, "li.wenshu").await.is_empty());
    let done = school.ok("wei.xinxi", id, "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
    assert_eq!(copies(&school, "wang.zhuren").await.len(), 1, "once");
    assert_eq!(copy_notices(&school, "wang.zhuren").await, 1, "one notice");
    assert_eq!(copies(&school, "li.wenshu").await.len(), 1);
    assert_eq!(copy_notices(&school, "li.wenshu").await, 1);
}

#[tokio::test]
async fn a_step_copy_skips_whoever_the_submission_already_copied() {
    let school = School::open().await;
    let director = school.user_id("wang.zhuren").await;
    let definition = json!({
        "form": { "fields": [ { "key": "item", "label": "物品", "kind": "text" } ] },
        "steps": [ { "name": "部门负责人审批", "rule": { "type": "department_head" },
                     "cc": [ { "type": "users", "userIds": [director] } ] } ],
        "options": { "ccOnSubmit": [ { "type": "users", "userIds": [director] } ] }
    });
    school.template("purchase-step", definition).await;
    let request = school.start("he.laoshi", "purchase-step", json!({})).await;
    school.ok("wei.xinxi", &request["id"], "approve", json!({})).await;
    assert_eq!(copies(&school, "wang.zhuren").await.len(), 1);
    assert_eq!(copy_notices(&school, "wang.zhuren").await, 1);
}

#[tokio::test]
async fn a_template_copy_never_goes_to_the_applicant() {
    let school = School::open().await;
    let teacher = school.user_id("he.laoshi").await;
    purchase(
        &school,
        "purchase-self",
        json!({
            "ccOnSubmit": [ { "type": "users", "userIds": [teacher] } ],
            "ccOnApproved": [ { "type": "users", "userIds": [teacher] } ]
        }),
    )
    .await;
    let request = school
        .start("he.laoshi", "purchase-self", json!({ "item": "粉笔" }))
        .await;
    school.ok("wei.xinxi", &request["id"], "approve", json!({})).await;
    assert!(copies(&school, "he.laoshi").await.is_empty());
}

#[tokio::test]
async fn copy_lists_naming_nobody_real_or_picked_people_are_refused_with_their_paths() {
    let school = School::open().await;
    let body = json!({ "code": "purchase-bad", "name": "采购", "category": "测试", "definition": {
        "form": { "fields": [] },
        "steps": [ { "name": "部门负责人审批", "rule": { "type": "department_head" } } ],
        "options": {
            "ccOnSubmit": [ { "type": "users", "userIds": ["0190a0b0-0000-7000-8000-000000000000"] } ],
            "ccOnApproved": [ { "type": "applicant_picks" } ],
            "ccOnRejected": [ { "type": "role", "role": "no_such_role" } ]
        } } });
    let res = school.post_template(&body).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let mut named = fields(&problem);
    named.sort();
    assert_eq!(
        named,
        [
            "definition.options.ccOnApproved[0]",
            "definition.options.ccOnRejected[0].role",
            "definition.options.ccOnSubmit[0].userIds",
        ]
    );
    let typo = json!({ "code": "purchase-typo", "name": "采购", "category": "测试", "definition": {
        "form": { "fields": [] },
        "steps": [ { "name": "审批", "rule": { "type": "department_head" } } ],
        "options": { "ccOnRejected": [ { "type": "role", "role": "office_clerk", "rolee": "x" } ] } } });
    let res = school.post_template(&typo).await;
    assert_problem(res, 422, "validation_failed").await;
}
