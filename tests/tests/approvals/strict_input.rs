//! Nothing silently differs from what was asked: a stale `If-Match` on any action, unknown
//! fields anywhere in a definition, several problems at once, unknown list filters.

use reqwest::Method;
use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, definition, fields};

/// A one-step template decided by 李文书, started by 何老师.
async fn one_step(school: &School) -> Value {
    let clerk = school.user_id("li.wenshu").await;
    school
        .template(
            "one-step",
            definition(json!([{ "name": "审核", "rule": { "type": "users", "userIds": [clerk] } }])),
        )
        .await;
    school
        .start("he.laoshi", "one-step", json!({ "amount": 1000 }))
        .await
}

async fn act_with_if_match(
    school: &School,
    who: &str,
    id: &Value,
    action: &str,
    tag: &str,
    body: Value,
) -> reqwest::Response {
    let path = format!("/api/v1/approvals/{}/{action}", id.as_str().unwrap());
    school
        .app
        .as_user(&school.token(who).await, Method::POST, &path)
        .header("If-Match", tag)
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_stale_if_match_on_any_approval_action_is_a_version_conflict_and_changes_nothing() {
    let school = School::open().await;
    let request = one_step(&school).await;
    let id = &request["id"];
    let stale = format!("\"{}\"", request["version"].as_i64().unwrap() + 7);
    let colleague = school.user_id("zhao.zhuanyuan").await;
    let cases = [
        ("li.wenshu", "approve", json!({})),
        ("li.wenshu", "reject", json!({ "comment": "不同意" })),
        ("li.wenshu", "return", json!({ "comment": "请补充" })),
        ("li.wenshu", "transfer", json!({ "userId": colleague })),
        ("li.wenshu", "add-signer", json!({ "userId": colleague })),
        ("li.wenshu", "recall", json!({})),
        ("li.wenshu", "comment", json!({ "comment": "看过了" })),
        ("he.laoshi", "urge", json!({})),
        ("he.laoshi", "withdraw", json!({})),
        ("he.laoshi", "resubmit", json!({})),
        ("wang.zhuren", "cancel", json!({ "comment": "重复申请" })),
    ];
    for (who, action, body) in cases {
        let res = act_with_if_match(&school, who, id, action, &stale, body).await;
        let problem = assert_problem(res, 409, "version_conflict").await;
        assert_eq!(problem["currentVersion"], request["version"], "{action}");
    }
    let now = school.detail("he.laoshi", id).await;
    assert_eq!(now["version"], request["version"]);
    assert_eq!(now["timeline"], request["timeline"]);

    let current = format!("\"{}\"", request["version"]);
    let res = act_with_if_match(
        &school,
        "li.wenshu",
        id,
        "approve",
        &current,
        json!({ "version": request["version"].as_i64().unwrap() + 1 }),
    )
    .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["version"], "If-Match and version disagree");
    let res = act_with_if_match(&school, "li.wenshu", id, "approve", &current, json!({})).await;
    assert_eq!(res.status(), 200);
    let done: Value = res.json().await.unwrap();
    assert_eq!(done["status"], "approved");
}

#[tokio::test]
async fn unknown_fields_anywhere_in_a_definition_are_all_refused_with_their_paths() {
    let school = School::open().await;
    let clerk = school.user_id("li.wenshu").await;
    let definition = json!({
        "form": { "fields": [ { "key": "amount", "label": "金额", "kind": "money" } ] },
        "steps": [
            { "name": "部门", "rule": { "type": "levels_up", "levels": 1, "upTo": 3 } },
            { "name": "主任", "rule": { "type": "department_head", "level": 2 },
              "timeout": { "action": "escalate", "role": "office_director", "afterHours": 4 } },
            { "name": "办公室", "rule": { "type": "users", "userIds": [clerk] },
              "timeout": { "action": "auto_approve", "afterHours": 8 },
              "cc": [ { "type": "applicant_picks", "who": "me" } ] }
        ],
        "options": { "fallbak": { "type": "role", "role": "office_director" } }
    });
    let body = json!({ "code": "typos", "name": "拼写", "category": "测试", "definition": definition });
    let res = school.post_template(&body).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let mut named = fields(&problem);
    named.sort();
    assert_eq!(
        named,
        [
            "definition.options.fallbak",
            "definition.steps[0].rule.upTo",
            "definition.steps[1].rule.level",
            "definition.steps[1].timeout.afterHours",
            "definition.steps[2].cc[0].who",
            "definition.steps[2].timeout.afterHours",
        ]
    );
    let list = school
        .app
        .get_as(
            &school.token("wang.zhuren").await,
            "/api/v1/approval-templates?manage=true",
        )
        .await;
    let list: Vec<Value> = list.json().await.unwrap();
    assert!(list.iter().all(|t| t["code"] != "typos"), "nothing was created");

    let id = school.template_id("certificate").await;
    let path = format!("/api/v1/approval-templates/{id}");
    let template: Value = school
        .app
        .get_as(&school.token("wang.zhuren").await, &path)
        .await
        .json()
        .await
        .unwrap();
    let mut changed = template["definition"].clone();
    changed["steps"][0]["rule"]["upTo"] = json!(2);
    let res = school
        .patch(
            "wang.zhuren",
            &path,
            json!({ "definition": changed, "version": template["version"] }),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["definition.steps[0].rule.upTo"]);
}

#[tokio::test]
async fn every_problem_of_a_new_template_is_answered_at_once() {
    let school = School::open().await;
    let definition = definition(json!([
        { "name": "审核", "rule": { "type": "role", "role": "office_director" }, "condition": "amount >" },
        { "name": "", "rule": { "type": "role", "role": "no_such_role" }, "deadlineHours": 0 }
    ]));
    let body =
        json!({ "code": "Bad Code", "name": "多处错误", "category": "测试", "definition": definition });
    let res = school.post_template(&body).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let mut named = fields(&problem);
    named.sort();
    assert_eq!(
        named,
        [
            "code",
            "definition.steps[0].condition",
            "definition.steps[1].deadlineHours",
            "definition.steps[1].name",
            "definition.steps[1].rule.role",
        ]
    );
}

#[tokio::test]
async fn an_unknown_box_or_status_filter_is_a_422_naming_it() {
    let school = School::open().await;
    one_step(&school).await;
    let token = school.token("li.wenshu").await;
    let res = school.app.get_as(&token, "/api/v1/approval-tasks?box=todo").await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["box"]);
    let res = school
        .app
        .get_as(&token, "/api/v1/approval-tasks?box=pending&status=open")
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["status"]);
    let res = school
        .app
        .get_as(&token, "/api/v1/approval-tasks?box=pending&status=running")
        .await;
    assert_eq!(res.status(), 200);
    let page: Value = res.json().await.unwrap();
    assert_eq!(page["total"], 1);
}
