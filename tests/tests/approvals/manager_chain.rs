//! 连续多级主管: the heads of the applicant's department and of each department above it sign
//! level by level. The demo school is made three levels deep for these: 信息工程系 (卫主任) sits
//! under 教务处 (刘处长), under the school itself, headed here by 张校长.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::sequential::queued_names;
use super::support::{School, definition, fields, pending_names};

async fn department(school: &School, code: &str) -> Value {
    let res = school
        .app
        .get_as(&school.admin().await, "/api/v1/departments")
        .await;
    let list: Vec<Value> = res.json().await.unwrap();
    list.into_iter().find(|d| d["code"] == code).expect(code)
}

async fn change_department(school: &School, code: &str, change: Value) {
    let row = department(school, code).await;
    let mut body = change;
    body["version"] = row["version"].clone();
    let path = format!("/api/v1/departments/{}", row["id"].as_str().unwrap());
    let res = school
        .app
        .as_user(&school.admin().await, reqwest::Method::PATCH, &path)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "change {code}");
}

/// 信息工程系 → 教务处 → 示范学校 (headed by 张校长).
async fn three_levels(school: &School) {
    let academic = department(school, "academic").await;
    change_department(school, "it-dept", json!({ "parentId": academic["id"] })).await;
    let principal = school.user_id("zhang.xiaozhang").await;
    change_department(school, "school", json!({ "headUserId": principal })).await;
}

async fn chain_template(school: &School, code: &str, rule: Value) {
    let step = json!({ "name": "逐级审批", "rule": rule, "mode": "sequential" });
    school.template(code, definition(json!([step]))).await;
}

#[tokio::test]
async fn a_teacher_s_request_climbs_two_levels_of_heads() {
    let school = School::open().await;
    three_levels(&school).await;
    chain_template(&school, "chain2", json!({ "type": "manager_chain", "upTo": 2 })).await;
    let request = school
        .start("he.laoshi", "chain2", json!({ "amount": 100 }))
        .await;
    let id = &request["id"];
    assert_eq!(pending_names(&request), ["卫主任"]);
    assert_eq!(
        queued_names(&request),
        ["刘处长"],
        "two levels, not the principal"
    );
    let up = school.ok("wei.xinxi", id, "approve", json!({})).await;
    assert_eq!(pending_names(&up), ["刘处长"]);
    let done = school.ok("liu.jiaowu", id, "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
}

#[tokio::test]
async fn a_head_s_own_request_starts_one_level_up() {
    let school = School::open().await;
    three_levels(&school).await;
    chain_template(
        &school,
        "chain-head",
        json!({ "type": "manager_chain", "upTo": 2 }),
    )
    .await;
    let request = school
        .start("wei.xinxi", "chain-head", json!({ "amount": 100 }))
        .await;
    assert_eq!(pending_names(&request), ["刘处长"]);
    assert_eq!(queued_names(&request), ["张校长"]);
    let everyone = request["tasks"].as_array().unwrap();
    assert!(everyone.iter().all(|t| t["assigneeName"] != "卫主任"));
}

#[tokio::test]
async fn the_chain_stops_at_the_first_head_holding_the_role() {
    let school = School::open().await;
    three_levels(&school).await;
    chain_template(
        &school,
        "chain-role",
        json!({ "type": "manager_chain", "untilRole": "dept_head" }),
    )
    .await;
    let request = school
        .start("he.laoshi", "chain-role", json!({ "amount": 100 }))
        .await;
    assert_eq!(pending_names(&request), ["卫主任"]);
    assert!(
        queued_names(&request).is_empty(),
        "卫主任 holds the role: the chain ends with him"
    );

    chain_template(
        &school,
        "chain-leader",
        json!({ "type": "manager_chain", "untilRole": "school_leader", "upTo": 5 }),
    )
    .await;
    let climbing = school
        .start("he.laoshi", "chain-leader", json!({ "amount": 100 }))
        .await;
    assert_eq!(pending_names(&climbing), ["卫主任"]);
    assert_eq!(
        queued_names(&climbing),
        ["刘处长", "张校长"],
        "up to the top of the tree"
    );
}

#[tokio::test]
async fn a_person_heading_two_levels_signs_once() {
    let school = School::open().await;
    three_levels(&school).await;
    let liu = school.user_id("liu.jiaowu").await;
    change_department(&school, "school", json!({ "headUserId": liu })).await;
    chain_template(
        &school,
        "chain-dup",
        json!({ "type": "manager_chain", "upTo": 3 }),
    )
    .await;
    let request = school
        .start("he.laoshi", "chain-dup", json!({ "amount": 100 }))
        .await;
    assert_eq!(pending_names(&request), ["卫主任"]);
    assert_eq!(queued_names(&request), ["刘处长"]);
}

#[tokio::test]
async fn a_manager_chain_with_unknown_or_missing_settings_is_refused_with_their_paths() {
    let school = School::open().await;
    let bad = json!({ "code": "chain-bad", "name": "坏", "category": "测试", "definition": definition(json!([
        { "name": "一", "rule": { "type": "manager_chain", "upTo": 2, "levels": 3 } },
        { "name": "二", "rule": { "type": "manager_chain" } },
        { "name": "三", "rule": { "type": "manager_chain", "upTo": 0 } },
        { "name": "四", "rule": { "type": "manager_chain", "untilRole": "no_such_role" } },
        { "name": "五", "rule": { "type": "manager_chain", "upTo": 2 }, "mode": "all" }
    ])) });
    let problem = assert_problem(school.post_template(&bad).await, 422, "validation_failed").await;
    let mut named = fields(&problem);
    named.sort();
    assert_eq!(
        named,
        ["definition.steps[0].rule.levels"],
        "unknown fields are refused first"
    );

    let mut known = bad.clone();
    known["definition"]["steps"][0]["rule"] = json!({ "type": "manager_chain", "upTo": 2 });
    let problem = assert_problem(school.post_template(&known).await, 422, "validation_failed").await;
    let mut named = fields(&problem);
    named.sort();
    assert_eq!(
        named,
        [
            "definition.steps[1].rule.upTo",
            "definition.steps[2].rule.upTo",
            "definition.steps[3].rule.untilRole",
            "definition.steps[4].mode",
        ]
    );
}
